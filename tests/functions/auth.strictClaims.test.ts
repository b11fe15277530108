import { principalFromClaims } from "../../functions/src/auth/principal";

// Issue 13, item 5: token claims were read leniently (`admin,aos`, `x.aos`, `AOS` became AOS; `*`
// was accepted for a gestor or an AOS; `14,*` became `*`). Only the documented roles and codes pass.

const NOW = 1_750_000_000;
const SESSION = "Su sesión no es válida o expiró: vuelva a iniciar sesión.";
const aos = { sub: "u", email: "aos@op.cl", "custom:role": "aos", "custom:regions": "14", exp: NOW + 60 };

describe("strict claims", () => {
  test.each([
    ["role in capitals", { ...aos, "custom:role": "AOS" }],
    ["two roles in custom:role", { ...aos, "custom:role": "admin,aos" }],
    ["a role with a prefix", { ...aos, "custom:role": "x.aos" }],
    ["an Entra role with a prefix", { sub: "u", email: "aos@op.cl", roles: "[CoopPlans.AOS]", regions: "14" }],
    ["two of our Entra roles", { sub: "u", email: "aos@op.cl", roles: '["aos","sercotec"]', regions: "14" }],
    ["* for an AOS", { ...aos, "custom:regions": "*" }],
    ["* for a gestor", { ...aos, "custom:role": "gestor", "custom:regions": "*" }],
    ["* beside a code", { ...aos, "custom:role": "sercotec", "custom:regions": "14,*" }],
    ["a one-digit code", { ...aos, "custom:regions": "8" }],
    ["a code with spaces inside", { ...aos, "custom:regions": "1 4" }],
  ])("%s → 401", (_, claims) => {
    expect(() => principalFromClaims(claims as never, NOW)).toThrow(SESSION);
  });

  test("the documented forms still pass", () => {
    expect(principalFromClaims(aos, NOW)).toEqual({ sub: "u", email: "aos@op.cl", role: "aos", regions: ["14"] });
    expect(principalFromClaims({ ...aos, "custom:role": "sercotec", "custom:regions": "*" }, NOW).regions).toBe("*");
    expect(principalFromClaims({ sub: "u", email: "aos@op.cl", roles: "[aos Other.Role]", regions: "08,16" }, NOW)).toMatchObject({ role: "aos", regions: ["08", "16"] });
  });
});
