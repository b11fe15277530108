import { RegionCode } from "@coop-plans/shared/domain";
import { Role, type Actor, type RegionScope } from "@coop-plans/shared/api";
import { DomainError } from "../domainError";

/** Who calls: the identity provider's subject, e-mail (lower case), role and region scope. */
export interface Principal {
  sub: string;
  email: string | null;
  role: Role;
  regions: RegionScope;
}

/** JWT claims as API Gateway hands them (`requestContext.authorizer.jwt.claims`): strings, numbers, booleans or arrays. */
export type Claims = Record<string, string | number | boolean | string[] | undefined>;

const UNAUTHENTICATED_DETAIL = "Su sesión no es válida o expiró: vuelva a iniciar sesión.";

/**
 * Values of a multi-valued claim. API Gateway flattens a JSON array claim into a string such as
 * `[aos sercotec]`; Entra ID may send a JSON array text; Cognito custom attributes are comma-separated.
 */
function claimValues(value: Claims[string]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String).map((v) => v.trim()).filter(Boolean);
  const text = String(value).trim();
  if (text.startsWith("[") && text.endsWith("]")) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (Array.isArray(parsed)) return parsed.map(String).map((v) => v.trim()).filter(Boolean);
    } catch {
      // API Gateway's "[a b]" form: fall through.
    }
    return text.slice(1, -1).split(/[\s,]+/).map((v) => v.trim()).filter(Boolean);
  }
  return text.split(",").map((v) => v.trim()).filter(Boolean);
}

/**
 * The role: `custom:role` (Cognito) must be exactly one documented role (`gestor`, `aos`,
 * `sercotec`), as written; Entra ID's `roles` may carry other app roles, but exactly one of ours.
 * Anything else is no role: `AOS`, `admin,aos`, `x.aos`, `CoopPlans.AOS`, two of ours (null).
 */
function roleFrom(claims: Claims): Role | null {
  if (claims["custom:role"] !== undefined) {
    const parsed = Role.safeParse(claims["custom:role"]);
    return parsed.success ? parsed.data : null;
  }
  const ours = [...new Set(claimValues(claims.roles).filter((v) => Role.safeParse(v).success))] as Role[];
  return ours.length === 1 ? ours[0] : null;
}

/** A region code as documented: two digits, `01`…`16`. */
const REGION_CODE = /^(0[1-9]|1[0-6])$/;

/**
 * Maps the identity provider's claims to a principal, strictly as documented. Cognito: `sub`,
 * `email`, `custom:role` (exactly `gestor` | `aos` | `sercotec`), `custom:regions` (two-digit codes
 * `08,16`, or `*` alone and only for `sercotec`). Entra ID: the role as the app role `gestor`,
 * `aos` or `sercotec` in `roles`, the e-mail in `email`, `preferred_username` or `upn`, the regions in
 * `custom:regions` or `regions`. An `exp` in the past is refused too (the authorizer checks it;
 * this is defence in depth). Throws DomainError UNAUTHENTICATED (401) when the claims are missing or unusable:
 * no subject, no known role, no valid region, or a gestor/a without e-mail.
 */
export function principalFromClaims(claims: Claims | undefined | null, nowSeconds = Math.floor(Date.now() / 1000)): Principal {
  const fail = (): never => {
    throw new DomainError("UNAUTHENTICATED", UNAUTHENTICATED_DETAIL);
  };
  if (!claims || typeof claims !== "object") return fail();
  const sub = typeof claims.sub === "string" ? claims.sub.trim() : "";
  if (!sub) return fail();
  const exp = Number(claims.exp);
  if (claims.exp !== undefined && (!Number.isFinite(exp) || exp <= nowSeconds)) return fail();
  const role = roleFrom(claims);
  if (!role) return fail();

  const emailClaim = [claims.email, claims.preferred_username, claims.upn].find((v) => typeof v === "string" && v.includes("@"));
  const email = typeof emailClaim === "string" ? emailClaim.trim().toLowerCase() : null;
  if (role === "gestor" && !email) return fail();

  // Regions: `*` alone, and only for Sercotec's central level; otherwise two-digit codes, each valid.
  const rawRegions = claimValues(claims["custom:regions"] ?? claims.regions);
  let regions: RegionScope;
  if (rawRegions.length === 1 && rawRegions[0] === "*" && role === "sercotec") {
    regions = "*";
  } else {
    if (rawRegions.length === 0 || rawRegions.some((r) => !REGION_CODE.test(r))) return fail();
    regions = [...new Set(rawRegions.map((r) => RegionCode.parse(r)))].sort();
  }
  return { sub, email, role, regions };
}

/** The principal as recorded in revisions: who did it. */
export function actorOf(principal: Principal): Actor {
  return { sub: principal.sub, email: principal.email, role: principal.role };
}
