import { cooperativeNameKey } from "@coop-plans/shared/api";
import { MODALITY_LABELS, REGIONS, normalizeRut, type Finding, type Location, type Plan } from "@coop-plans/shared/domain";
import { orderFindings } from "@coop-plans/shared/findings";
import { cellOf } from "@coop-plans/shared/rules";
import type { Cooperative, IdentityMismatch } from "@coop-plans/shared/api";
import type { RulePack } from "@coop-plans/shared/rules";
import type { ValidateFn } from "./useCaseDeps";

/**
 * Server-side rules that compare a plan with the cooperative it is saved into. They need the
 * registration (DynamoDB), so they live here rather than in shared/rules; the server adds their
 * findings to those of shared/rules on every save and submit.
 *
 * | id       | severity | rule |
 * | -------- | -------- | ---- |
 * | PLAN-003 | error    | The plan's región, modalidad and convocatoria (Cooperativa sheet) equal the registered cooperative's. A blank value counts as different. |
 * | PLAN-004 | warning  | The plan's name and RUT equal the registered ones (names compared with `cooperativeNameKey`, RUTs canonical); checked only when both sides have a value. |
 *
 * Whatever the plan says, the program rules run with the REGISTERED región, modalidad and
 * convocatoria (`planUnderRegistration`): a workbook cannot escape the Creación cap by writing
 * "Fortalecimiento" in its Cooperativa sheet. The stored plan stays as it was sent.
 */
export const PLAN_003 = { id: "PLAN-003", severity: "error" } as const;
export const PLAN_004 = { id: "PLAN-004", severity: "warning" } as const;

/** The registration values a plan is compared with. */
export type Registration = Pick<Cooperative, "regionCode" | "modality" | "callYear" | "name" | "rut">;

function regionText(code: string): string {
  const region = (REGIONS as Record<string, { name: string }>)[code];
  return region ? `${code} ${region.name}` : code;
}

function cellText(location: Location): string {
  return location.cell ? `la celda ${location.sheet ?? "Cooperativa"}!${location.cell}` : `la hoja ${location.sheet ?? "Cooperativa"}`;
}

function finding(rule: typeof PLAN_003 | typeof PLAN_004, message: string, location: Location, found: string | number | null, limit: string | number): Finding {
  return { ruleId: rule.id, severity: rule.severity, message, location, found, limit };
}

/**
 * PLAN-003 and PLAN-004 findings of `plan` against `registration` (Spanish messages located to
 * the plan's Cooperativa cells): e.g. «La región del plan (10 Los Lagos) no coincide con la de la
 * cooperativa registrada (14 Los Ríos). Corrija la celda Cooperativa!B5 o sincronice con la
 * cooperativa correcta.» Pure; never throws.
 */
export function registrationFindings(plan: Plan, registration: Registration): Finding[] {
  const c = plan.cooperative;
  const at = (field: string) => cellOf(plan, "cooperative", c, field);
  const out: Finding[] = [];
  // región, modalidad and convocatoria are all feminine nouns: «la región del plan …».
  const identity = (field: "regionCode" | "modality" | "callYear", what: string, show: (v: string | number) => string) => {
    const planValue = c[field];
    const registered = registration[field];
    if (planValue === registered) return;
    const location = at(field);
    const fix = `Corrija ${cellText(location)} o sincronice con la cooperativa correcta. Las reglas se aplicaron con la ${what} registrada.`;
    const message = planValue === null || planValue === undefined
      ? `El plan no indica la ${what}; la de la cooperativa registrada es ${show(registered)}. ${fix}`
      : `La ${what} del plan (${show(planValue)}) no coincide con la de la cooperativa registrada (${show(registered)}). ${fix}`;
    out.push(finding(PLAN_003, message, location, planValue ?? null, registered));
  };
  identity("regionCode", "región", (v) => regionText(String(v)));
  identity("modality", "modalidad", (v) => MODALITY_LABELS[v as keyof typeof MODALITY_LABELS] ?? String(v));
  identity("callYear", "convocatoria", (v) => String(v));

  if (c.name && c.name.trim() && cooperativeNameKey(c.name) !== cooperativeNameKey(registration.name)) {
    const location = at("name");
    out.push(finding(PLAN_004,
      `El nombre del plan («${c.name.trim()}») no coincide con el de la cooperativa registrada («${registration.name}»). Revise ${cellText(location)} o sincronice con la cooperativa correcta.`,
      location, c.name.trim(), registration.name));
  }
  if (c.rut && c.rut.trim() && registration.rut) {
    const planRut = normalizeRut(c.rut) ?? c.rut.trim().toUpperCase();
    if (planRut !== registration.rut) {
      const location = at("rut");
      out.push(finding(PLAN_004,
        `El RUT del plan (${c.rut.trim()}) no coincide con el de la cooperativa registrada (${registration.rut}). Revise ${cellText(location)} o sincronice con la cooperativa correcta.`,
        location, c.rut.trim(), registration.rut));
    }
  }
  return out;
}

/** The plan with the registered región, modalidad and convocatoria in its Cooperativa form (a shallow copy; the argument is not changed). */
export function planUnderRegistration(plan: Plan, registration: Registration): Plan {
  return {
    ...plan,
    cooperative: { ...plan.cooperative, regionCode: registration.regionCode, modality: registration.modality, callYear: registration.callYear },
  };
}

/**
 * Validates a plan for the cooperative it is saved into: `validate` (shared/rules) runs on
 * `planUnderRegistration(plan, registration)` under `pack` (the pack in force for the registered
 * convocatoria, rulePacks/packForSave), and the PLAN-003/004 findings are added; errors first,
 * then warnings, then notices (stable within a severity, PLAN-003/004 first).
 */
export function validateForRegistration(validate: ValidateFn, plan: Plan, registration: Registration, pack: RulePack): Finding[] {
  const findings = [...registrationFindings(plan, registration), ...validate(planUnderRegistration(plan, registration), [pack])];
  return orderFindings(findings);
}

/** The identity fields the guard compares, in the order a refusal names them. */
const IDENTITY_FIELDS = ["name", "rut", "regionCode", "modality", "callYear"] as const;

/**
 * Every difference between the plan's identity (Cooperativa sheet) and the registered cooperative
 * it is saved into: name (compared with `cooperativeNameKey`), RUT (canonical), región, modalidad
 * and convocatoria (call year). A field counts only when BOTH sides have a value: a blank or
 * unreadable value in the workbook is no evidence of another cooperative (PLAN-001/003/004 and
 * the program rules speak about it) and never blocks a save. Each mismatch carries both values as
 * the user reads them, a Spanish sentence («La región del libro (10 Los Lagos) no es la de la
 * cooperativa registrada (14 Los Ríos).») and its cell. Pure.
 */
export function identityMismatches(plan: Plan, registration: Registration): IdentityMismatch[] {
  const c = plan.cooperative;
  const out: IdentityMismatch[] = [];
  const push = (field: IdentityMismatch["field"], workbook: string, registered: string, message: string) =>
    out.push({ field, workbook, registered, message, location: cellOf(plan, "cooperative", c, field) });
  for (const field of IDENTITY_FIELDS) {
    if (field === "name") {
      if (c.name && c.name.trim() && cooperativeNameKey(c.name) !== cooperativeNameKey(registration.name)) {
        push("name", c.name.trim(), registration.name, `El nombre del libro («${c.name.trim()}») no es el de la cooperativa registrada («${registration.name}»).`);
      }
    } else if (field === "rut") {
      if (c.rut && c.rut.trim() && registration.rut) {
        const planRut = normalizeRut(c.rut) ?? c.rut.trim().toUpperCase();
        if (planRut !== registration.rut) {
          push("rut", planRut, registration.rut, `El RUT del libro (${planRut}) no es el de la cooperativa registrada (${registration.rut}).`);
        }
      }
    } else if (field === "regionCode") {
      if (c.regionCode && c.regionCode !== registration.regionCode) {
        const [w, r] = [regionText(c.regionCode), regionText(registration.regionCode)];
        push("regionCode", w, r, `La región del libro (${w}) no es la de la cooperativa registrada (${r}).`);
      }
    } else if (field === "modality") {
      if (c.modality && c.modality !== registration.modality) {
        const [w, r] = [MODALITY_LABELS[c.modality], MODALITY_LABELS[registration.modality]];
        push("modality", w, r, `La modalidad del libro (${w}) no es la de la cooperativa registrada (${r}).`);
      }
    } else if (c.callYear !== null && c.callYear !== undefined && c.callYear !== registration.callYear) {
      const [w, r] = [String(c.callYear), String(registration.callYear)];
      push("callYear", w, r, `La convocatoria del libro (${w}) no es la de la cooperativa registrada (${r}).`);
    }
  }
  return out;
}

/**
 * The Spanish refusal of a plan whose identity differs (422 IDENTITY_MISMATCH), naming each
 * mismatch with its cell: «El plan parece ser de «Lácteos del Ranco» y se intentó guardar en
 * «Tejedoras Hebras de Niebla». El nombre del libro (…) no es el de la cooperativa registrada (…)
 * (Cooperativa!B4). La región del libro (…) … No se guardó nada, …». When the names agree it
 * starts «El plan no coincide con la cooperativa registrada «…», donde se intentó guardar.».
 */
export function identityMismatchDetail(mismatches: readonly IdentityMismatch[], registration: Pick<Cooperative, "id" | "name">): string {
  const byName = mismatches.find((m) => m.field === "name");
  const intro = byName
    ? `El plan parece ser de «${byName.workbook}» y se intentó guardar en «${registration.name}».`
    : `El plan no coincide con la cooperativa registrada «${registration.name}», donde se intentó guardar.`;
  const parts = mismatches.map((m) => {
    const cell = m.location.cell ? ` (${m.location.sheet ?? "Cooperativa"}!${m.location.cell})` : "";
    return `${m.message.replace(/\.$/, "")}${cell}.`;
  });
  return (
    `${intro} ${parts.join(" ")} ` +
    "No se guardó nada, para no guardarlo como versión de otra cooperativa. Si se equivocó de cooperativa, sincronice con la correcta; " +
    "si el plan sí es de esta cooperativa, corrija la hoja Cooperativa, o confirme la identidad " +
    `(en el panel, «Guardar de todos modos»; en la línea de comandos, --cooperative ${registration.id} --confirm-identity).`
  );
}
