import type { Finding, Location, Plan } from "../domain";
import { MODALITY_LABELS, formatRut, normalizeRut, rutCheckDigit } from "../domain";
import { labelKey } from "./catalogue";
import { formatClp, formatNumber } from "../format";
import { cellOf, isPartMissing, tableHeaderCellOf } from "./locate";
import { findingOf, isBlank, withCall, type Rule } from "./rule";

const COOP_001 = { id: "COOP-001", severity: "error" } as const;
const COOP_002 = { id: "COOP-002", severity: "error" } as const;
const COOP_003 = { id: "COOP-003", severity: "error" } as const;
const COOP_004 = { id: "COOP-004", severity: "error" } as const;
const COOP_005 = { id: "COOP-005", severity: "error" } as const;

/** A RUT as people read it: with dots when it normalises (`21.778.444-2`), else as stored. */
function rutAsTyped(rut: string): string {
  const canonical = normalizeRut(rut);
  return canonical ? formatRut(canonical) : rut;
}

/** True when a RUT as stored normalises and has the right check digit (no finding to make). */
function isGoodRut(rut: string): boolean {
  const canonical = normalizeRut(rut);
  if (!canonical) return false;
  const [body, dv] = canonical.split("-");
  return rutCheckDigit(body) === dv;
}

/** The COOP-001 finding for a bad RUT, or null when it is valid. */
function badRut(rut: string, whose: string, location: Location): Finding | null {
  const canonical = normalizeRut(rut);
  if (!canonical) {
    return findingOf(COOP_001, `El RUT ${whose} «${rut}» no tiene formato de RUT: escríbalo como 12.345.678-9.`, location,
      { found: rut });
  }
  const [body, dv] = canonical.split("-");
  const right = rutCheckDigit(body);
  if (right === dv) return null;
  return findingOf(COOP_001,
    `El RUT ${whose} ${formatRut(canonical)} no es válido: el dígito verificador correcto es ${right} (${formatRut(`${body}-${right}`)}).`,
    location, { found: formatRut(canonical), limit: right });
}

/**
 * COOP-001 (E): the RUT of the cooperative, of each member and of each supplier is valid
 * (módulo 11); no RUT repeats among members. The finding sits on the RUT cell and names the RUT
 * as typed and the right check digit. The cooperative's RUT is checked whenever it is written
 * (rules.md asks it in Fortalecimiento; a wrong RUT is wrong in Creación too).
 */
export const COOP_001_RULE: Rule = {
  ...COOP_001,
  statement: "RUT of the cooperative (Fortalecimiento), of each member and of each supplier is valid (módulo 11); no RUT repeats among members.",
  check: ({ plan }) => {
    const out: Finding[] = [];
    const c = plan.cooperative;
    if (!isBlank(c.rut)) {
      const f = badRut(c.rut as string, "de la cooperativa", cellOf(plan, "cooperative", c, "rut"));
      if (f) out.push(f);
    }
    const seen = new Map<string, number>();
    plan.members.forEach((m, i) => {
      if (isBlank(m.rut)) return;
      const rut = m.rut as string;
      const location = cellOf(plan, "members", m, "rut", i);
      const f = badRut(rut, `del socio N° ${m.number ?? i + 1}`, location);
      if (f) out.push(f);
      const key = normalizeRut(rut) ?? rut.trim().toUpperCase();
      const first = seen.get(key);
      if (first !== undefined) {
        const firstMember = plan.members[first];
        out.push(findingOf(COOP_001,
          `El RUT ${rutAsTyped(rut)} se repite: ya está en el socio N° ${firstMember.number ?? first + 1}` +
          `${firstMember.source ? ` (fila ${firstMember.source.row})` : ""}. Cada socio debe tener un RUT distinto.`,
          location, { found: rutAsTyped(rut) }));
      } else {
        seen.set(key, i);
      }
    });
    // Suppliers repeat across lines: each distinct RUT is checked once, and a finding is built only for a bad one.
    const good = new Map<string, boolean>();
    plan.investmentLines.forEach((l, i) => {
      if (isBlank(l.supplierRut)) return;
      const rut = l.supplierRut as string;
      let ok = good.get(rut);
      if (ok === undefined) good.set(rut, ok = isGoodRut(rut));
      if (ok) return;
      const f = badRut(rut, `del proveedor de la línea N° ${l.number ?? i + 1}`, cellOf(plan, "investmentLines", l, "supplierRut", i));
      if (f) out.push(f);
    });
    return out;
  },
};

/** COOP-002 (E): members ≥ the call's minimum (2025: 5 [F][S10]); points to the Socios header row. Quiet when the Socios sheet was not read. */
export const COOP_002_RULE: Rule = {
  ...COOP_002,
  statement: "Members ≥ the call's minimum.",
  check: withCall(({ plan }, call) => {
    if (isPartMissing(plan, "members")) return []; // PARSE-002/003 already says the Socios sheet is missing
    const count = plan.members.length;
    const min = call.minimumMembers.value;
    if (count >= min) return [];
    return [findingOf(COOP_002,
      `El plan tiene ${count} ${count === 1 ? "socio" : "socios"}; el mínimo de la convocatoria ${call.id} es ${min}.`,
      tableHeaderCellOf(plan, "members"), { found: count, limit: min })];
  }),
};

/** COOP-005 (E): in Fortalecimiento the cooperative's RUT is present (Creación groups have none yet). */
export const COOP_005_RULE: Rule = {
  ...COOP_005,
  statement: "Fortalecimiento: the cooperative's RUT is present.",
  check: ({ plan, modality }) => {
    if (modality !== "fortalecimiento" || !isBlank(plan.cooperative.rut)) return [];
    return [findingOf(COOP_005,
      `Falta el RUT de la cooperativa: en la modalidad ${MODALITY_LABELS.fortalecimiento} la cooperativa ya está constituida y debe indicarlo.`,
      cellOf(plan, "cooperative", plan.cooperative, "rut"))];
  },
};

/**
 * COOP-003 (E): the cooperative type is eligible (2025: agrícola, campesina, pesquera, de consumo,
 * de trabajo, de servicios [F][S1]); excluded types (ahorro y crédito, servicios financieros [S19])
 * are refused. A blank type is PLAN-002's.
 */
export const COOP_003_RULE: Rule = {
  ...COOP_003,
  statement: "Cooperative type is eligible; excluded types are refused.",
  check: withCall(({ plan }, call) => {
    const type = plan.cooperative.cooperativeType as string | null;
    if (isBlank(type)) return [];
    const key = labelKey(type as string);
    const location = cellOf(plan, "cooperative", plan.cooperative, "cooperativeType");
    const eligible = call.eligibleCooperativeTypes.value;
    const excluded = call.excludedCooperativeTypes.value.find((x) => key.includes(labelKey(x)));
    if (excluded) {
      return [findingOf(COOP_003, `Las cooperativas de ${excluded} no pueden postular a este programa (tipo indicado: «${type}»).`,
        location, { found: type, limit: eligible.join(", ") })];
    }
    if (eligible.some((t) => labelKey(t) === key)) return [];
    return [findingOf(COOP_003,
      `El tipo de cooperativa «${type}» no es elegible; los tipos elegibles son: ${eligible.join(", ")}.`,
      location, { found: type, limit: eligible.join(", ") })];
  }),
};

/**
 * COOP-004 (E): Fortalecimiento: annual net sales ÷ members ≤ 25.000 UF ([S1][S9][F]) at the
 * call's UF value (2025: $38.419, approximate). Missing sales in Fortalecimiento is reported too
 * (the ceiling cannot be checked). Points to the Ventas netas anuales cell.
 */
export const COOP_004_RULE: Rule = {
  ...COOP_004,
  statement: "Fortalecimiento: annual net sales ÷ members ≤ 25.000 UF (at the call's UF value).",
  check: withCall(({ plan, modality }, call) => {
    if (modality !== "fortalecimiento") return [];
    const c = plan.cooperative;
    const location = cellOf(plan, "cooperative", c, "annualNetSales");
    const ufCap = call.salesCapPerMemberUf.value;
    const uf = call.ufValue.value;
    const capClp = Math.round(ufCap * uf);
    if (c.annualNetSales === null || c.annualNetSales === undefined) {
      return [findingOf(COOP_004,
        `Faltan las ventas netas anuales: en ${MODALITY_LABELS.fortalecimiento} se verifica que no superen ${formatNumber(ufCap)} UF por socio.`,
        location, { limit: capClp })];
    }
    const members = plan.members.length;
    if (members === 0) return []; // COOP-002 reports it
    const perMember = c.annualNetSales / members;
    if (perMember <= capClp) return [];
    return [findingOf(COOP_004,
      `Las ventas netas anuales por socio son ${formatClp(Math.round(perMember))} (${formatNumber(Math.round(perMember / uf))} UF: ` +
      `${formatClp(c.annualNetSales)} ÷ ${members} socios); el máximo es ${formatNumber(ufCap)} UF por socio ` +
      `(${formatClp(capClp)} con la UF a ${formatClp(uf)}).`,
      location, { found: Math.round(perMember), limit: capClp })];
  }),
};

/** The cooperative rules, in report order. */
export const COOPERATIVE_RULES: Rule[] = [COOP_001_RULE, COOP_002_RULE, COOP_005_RULE, COOP_003_RULE, COOP_004_RULE];

/** Exported for tests and other rules: the plan's members' canonical RUTs. */
export function memberRuts(plan: Plan): Set<string> {
  return new Set(plan.members.map((m) => (m.rut ? normalizeRut(m.rut) : null)).filter((r): r is string => Boolean(r)));
}
