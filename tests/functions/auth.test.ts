import { can, authorize } from "../../functions/src/auth/authorize";
import { principalFromClaims, type Principal } from "../../functions/src/auth/principal";
import { DomainError } from "../../functions/src/domainError";
import { problemOf } from "../../functions/src/http/httpProblem";

const NOW = 1_750_000_000;

describe("principalFromClaims", () => {
  test("Cognito claims → principal with sorted regions and lower-case e-mail", () => {
    expect(principalFromClaims({ sub: "u1", email: "Ana@Coop.CL", "custom:role": "gestor", "custom:regions": "16,08", exp: NOW + 60 }, NOW))
      .toEqual({ sub: "u1", email: "ana@coop.cl", role: "gestor", regions: ["08", "16"] });
  });
  test("`*` is every region; Entra ID app roles in API Gateway's flattened `[a b]` form", () => {
    expect(principalFromClaims({ sub: "u2", preferred_username: "dir@sercotec.cl", roles: "[sercotec Other]", regions: "*" }, NOW))
      .toEqual({ sub: "u2", email: "dir@sercotec.cl", role: "sercotec", regions: "*" });
    expect(principalFromClaims({ sub: "u3", roles: '["aos"]', "custom:regions": "08" }, NOW)).toMatchObject({ role: "aos", regions: ["08"] });
  });
  test.each([
    ["no claims", undefined],
    ["no sub", { "custom:role": "aos", "custom:regions": "08" }],
    ["unknown role", { sub: "u", "custom:role": "root", "custom:regions": "08" }],
    ["no regions", { sub: "u", "custom:role": "aos" }],
    ["bad region", { sub: "u", "custom:role": "aos", "custom:regions": "08,99" }],
    ["gestor without e-mail", { sub: "u", "custom:role": "gestor", "custom:regions": "08" }],
    ["expired", { sub: "u", "custom:role": "aos", "custom:regions": "08", exp: NOW - 1 }],
  ])("%s → 401", (_, claims) => {
    try {
      principalFromClaims(claims as never, NOW);
      throw new Error("expected a 401");
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect(problemOf(error)).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
    }
  });
});

describe("can / authorize", () => {
  const gestor: Principal = { sub: "g", email: "ana@coop.cl", role: "gestor", regions: ["08"] };
  const aos: Principal = { sub: "a", email: "aos@op.cl", role: "aos", regions: ["08", "16"] };
  const regional: Principal = { sub: "s", email: null, role: "sercotec", regions: ["08"] };
  const central: Principal = { sub: "c", email: null, role: "sercotec", regions: "*" };
  const mine = { regionCode: "08", gestorEmail: "ana@coop.cl" };

  test("gestor: own assigned cooperative in their region only; no AOS actions", () => {
    expect(can(gestor, "plan:write", mine)).toBe(true);
    expect(can(gestor, "plan:submit", mine)).toBe(true);
    expect(can(gestor, "plan:read", { regionCode: "08", gestorEmail: "otra@coop.cl" })).toBe(false);
    expect(can(gestor, "plan:read", { regionCode: "08", gestorEmail: null })).toBe(false);
    expect(can(gestor, "plan:read", { regionCode: "16", gestorEmail: "ana@coop.cl" })).toBe(false);
    expect(can(gestor, "plan:approve", mine)).toBe(false);
    expect(can(gestor, "cooperative:list", { regionCode: "08" })).toBe(false);
  });
  test("aos: everything in its regions except authoring plans", () => {
    for (const p of ["cooperative:register", "cooperative:assign", "plan:read", "plan:return", "plan:approve", "plan:reopen", "consolidation:region"] as const) {
      expect(can(aos, p, { regionCode: "16" })).toBe(true);
      expect(can(aos, p, { regionCode: "13" })).toBe(false);
    }
    expect(can(aos, "plan:write", mine)).toBe(false);
    expect(can(aos, "consolidation:national")).toBe(false);
  });
  test("sercotec: reads and consolidates its regions; national only with *", () => {
    expect(can(regional, "plan:read", { regionCode: "08" })).toBe(true);
    expect(can(regional, "plan:read", { regionCode: "16" })).toBe(false);
    expect(can(regional, "consolidation:national")).toBe(false);
    expect(can(central, "consolidation:national")).toBe(true);
    expect(can(central, "consolidation:region", { regionCode: "11" })).toBe(true);
    expect(can(central, "plan:approve", { regionCode: "11" })).toBe(false);
  });
  test("authorize throws a 403 with a Spanish detail", () => {
    expect(() => authorize(regional, "plan:approve", { regionCode: "08" })).toThrow("Solo el AOS de la región puede aprobar el plan.");
  });
});
