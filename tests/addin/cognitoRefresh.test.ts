/** @jest-environment jsdom */
import { createCognitoClient } from "../../addin/src/auth/cognito";
import { CognitoSession } from "../../addin/src/auth/cognitoSession";
import { errorAnswer, fakeFetch, tokensAnswer } from "./support/fakeCognito";

const MINUTE = 60_000;

function session(fake: ReturnType<typeof fakeFetch>, onExpired = jest.fn()) {
  const client = createCognitoClient({ region: "sa-east-1", clientId: "1example23456789", fetch: fake.fetch });
  return { tokens: new CognitoSession({ client, clientId: "1example23456789", onExpired }), onExpired };
}
const first = { idToken: "id-token-1", accessToken: "access-1", refreshToken: "refresh-1", expiresIn: 3600 };

beforeEach(() => {
  jest.useFakeTimers({ now: new Date("2025-11-30T12:00:00Z") });
  sessionStorage.clear();
});
afterEach(() => jest.useRealTimers());

describe("Cognito token refresh", () => {
  it("refreshes with REFRESH_TOKEN_AUTH five minutes before the ID token expires, keeping the refresh token", async () => {
    const fake = fakeFetch({ InitiateAuth: [tokensAnswer("id-token-2", undefined), tokensAnswer("id-token-3", undefined)] });
    const { tokens } = session(fake);
    tokens.start(first);

    await jest.advanceTimersByTimeAsync(54 * MINUTE);
    expect(fake.calls).toHaveLength(0);
    expect(await tokens.getIdToken()).toBe("id-token-1");

    await jest.advanceTimersByTimeAsync(1 * MINUTE);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0].body).toEqual({ AuthFlow: "REFRESH_TOKEN_AUTH", ClientId: "1example23456789", AuthParameters: { REFRESH_TOKEN: "refresh-1" } });
    expect(await tokens.getIdToken()).toBe("id-token-2");
    expect(JSON.parse(sessionStorage.getItem("coopPlans.cognito")!)).toMatchObject({ idToken: "id-token-2", refreshToken: "refresh-1" });

    // And again an hour later, from the new expiry.
    await jest.advanceTimersByTimeAsync(55 * MINUTE);
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[1].body).toMatchObject({ AuthParameters: { REFRESH_TOKEN: "refresh-1" } });
    expect(await tokens.getIdToken()).toBe("id-token-3");
    tokens.dispose();
  });

  it("a request after a missed timer (a sleeping laptop) refreshes first", async () => {
    const fake = fakeFetch({ InitiateAuth: [tokensAnswer("id-token-2", undefined)] });
    const { tokens } = session(fake);
    tokens.start(first);
    tokens.dispose(); // the timer never fires
    jest.setSystemTime(Date.now() + 58 * MINUTE);
    expect(await tokens.getIdToken()).toBe("id-token-2");
    expect(fake.calls).toHaveLength(1);
    tokens.dispose();
  });

  it("offline: retries a minute later and keeps the token meanwhile", async () => {
    const fake = fakeFetch({ InitiateAuth: ["network", tokensAnswer("id-token-2", undefined)] });
    const { tokens, onExpired } = session(fake);
    tokens.start(first);
    await jest.advanceTimersByTimeAsync(55 * MINUTE);
    expect(fake.calls).toHaveLength(1);
    expect(tokens.idToken).toBe("id-token-1");
    await jest.advanceTimersByTimeAsync(1 * MINUTE);
    expect(fake.calls).toHaveLength(2);
    expect(tokens.idToken).toBe("id-token-2");
    expect(onExpired).not.toHaveBeenCalled();
    tokens.dispose();
  });

  it("an expired or revoked refresh token ends the session with a Spanish message and clears sessionStorage", async () => {
    const fake = fakeFetch({ InitiateAuth: [errorAnswer("NotAuthorizedException", "Refresh Token has expired")] });
    const { tokens, onExpired } = session(fake);
    tokens.start(first);
    expect(sessionStorage.getItem("coopPlans.cognito")).not.toBeNull();
    await jest.advanceTimersByTimeAsync(55 * MINUTE);
    expect(onExpired).toHaveBeenCalledWith("Su sesión expiró. Vuelva a iniciar sesión.");
    expect(tokens.idToken).toBeNull();
    expect(sessionStorage.getItem("coopPlans.cognito")).toBeNull();
  });

  it("restores saved tokens of the same app client only", () => {
    const fake = fakeFetch({});
    session(fake).tokens.start(first);
    const again = session(fake).tokens;
    expect(again.restore()).toBe(true);
    expect(again.idToken).toBe("id-token-1");
    again.dispose();
    const other = new CognitoSession({ client: createCognitoClient({ region: "sa-east-1", clientId: "other", fetch: fake.fetch }), clientId: "other" });
    expect(other.restore()).toBe(false);
  });
});
