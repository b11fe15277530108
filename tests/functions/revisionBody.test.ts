import { randomBytes } from "node:crypto";
import { DENSE_BROTLI, decodeRevisionBody, encodeRevisionBody, FAST_BROTLI } from "../../functions/src/store/revisionBody";
import { MAX_ITEM_BYTES } from "../../functions/src/store/planRevisionsRepository";
import { makePlan } from "./support/plans";

describe("revision bodies (Brotli)", () => {
  test("a typical plan compresses with the fast quality and reads back equal", () => {
    const plan = makePlan({ lines: 8 });
    const body = encodeRevisionBody({ plan, findings: [] });
    expect(body.encoding).toBe("br");
    expect(body.quality).toBe(FAST_BROTLI.quality);
    expect(body.bytes).toBe(Buffer.byteLength(JSON.stringify({ plan, findings: [] })));
    expect(decodeRevisionBody(body.data, body.encoding)).toEqual({ plan, findings: [] });
  });

  test("a plan of 5,000 lines with cell sources stays under the 400 KB item limit", () => {
    const plan = makePlan({ lines: 5000 });
    const body = encodeRevisionBody({ plan, findings: [] });
    expect(body.bytes).toBeGreaterThan(4_000_000);
    expect(body.data.length).toBeLessThan(MAX_ITEM_BYTES - 8 * 1024);
    expect(decodeRevisionBody(body.data, body.encoding).plan.investmentLines[4999]).toEqual(plan.investmentLines[4999]);
  });

  test("a body that does not fit easily with the fast quality is recompressed with the dense one", () => {
    const plan = makePlan({ lines: 300, withSource: false });
    // Random text barely compresses: the fast result passes the retry threshold.
    plan.investmentLines.forEach((line) => {
      line.description = randomBytes(1200).toString("base64");
    });
    const body = encodeRevisionBody({ plan, findings: [] });
    expect(body.quality).toBe(DENSE_BROTLI.quality);
    expect(decodeRevisionBody(body.data, body.encoding).plan).toEqual(plan);
  });
});
