import type { Finding, Location, Plan } from "../domain";
import { MODALITY_LABELS, formatRut, normalizeRut, rutCheckDigit } from "../domain";
import { meaningWords } from "./catalogue";
import { matchOpenList } from "./openLists";
import { formatClp, formatNumber } from "../format";
import { cellOf, isFieldMissing, isPartMissing, tableHeaderCellOf } from "./locate";
import { evidenceFindingOf, findingOf, isBlank, withCall, type Rule } from "./rule";

const COOP_001 = { id: "COOP-001", severity: "error" } as const;
const COOP_002 = { id: "COOP-002", severity: "error" } as const;
const COOP_003 = { id: "COOP-003", severity: "warning" } as const;
const COOP_004 = { id: "COOP-004", severity: "error" } as const;
const COOP_005 = { id: "COOP-005", severity: "error" } as const;
const COOP_006 = { id: "COOP-006", severity: "warning" } as const;
const COOP_007 = { id: "COOP-007", severity: "error" } as const;
const COOP_008 = { id: "COOP-008", severity: "warning" } as const;

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

/**
 * COOP-002: members ≥ the call's minimum (2025: 5 [F][S10], confirmed for Creación: an error;
 * unconfirmed for Fortalecimiento: a warning saying the figure is referential). Points to the
 * Socios header row. Quiet when the Socios sheet was not read.
 */
export const COOP_002_RULE: Rule = {
  ...COOP_002,
  statement: "Members ≥ the call's minimum.",
  check: withCall(({ plan, modality }, call) => {
    if (isPartMissing(plan, "members")) return []; // PARSE-002/003 already says the Socios sheet is missing
    const count = plan.members.length;
    const min = call.minimumMembers.value;
    if (count >= min) return [];
    return [evidenceFindingOf(COOP_002, call.minimumMembers, modality,
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

/** The excluded type a Tipo names (its keyword's words all in the Tipo), or undefined. */
function excludedTypeOf(type: string, excluded: readonly string[]): string | undefined {
  const words = new Set(meaningWords(type));
  return excluded.find((x) => {
    const w = meaningWords(x);
    return w.length > 0 && w.every((word) => words.has(word));
  });
}

/**
 * COOP-003 (W): the cooperative type is one of the call's eligible types (an open list; 2025:
 * agrícola, campesina, pesquera, de consumo, de trabajo, de servicios [F][S1], with the spellings
 * people use and subtypes in parentheses: «de servicios (agua potable rural)»). A type not
 * recognised is a warning asking to check its eligibility. A blank type is PLAN-002's; an
 * excluded type is COOP-007's.
 */
export const COOP_003_RULE: Rule = {
  ...COOP_003,
  statement: "Cooperative type recognised among the eligible types (else ask to check eligibility).",
  check: withCall(({ plan }, call) => {
    const type = plan.cooperative.cooperativeType;
    if (isBlank(type)) return [];
    const list = call.enumerations.cooperativeTypes;
    if (matchOpenList(type as string, list) || excludedTypeOf(type as string, call.excludedCooperativeTypes.value)) return [];
    return [findingOf(COOP_003,
      `El tipo de cooperativa «${type}» no está entre los tipos habituales del programa (${list.values.join(", ")}): ` +
      "verifique que sea elegible según las bases de la convocatoria.",
      cellOf(plan, "cooperative", plan.cooperative, "cooperativeType"), { found: type, limit: list.values.join(", ") })];
  }),
};

/**
 * COOP-007 (E when the figure is confirmed, else W): an excluded cooperative type (2025: ahorro y
 * crédito, servicios financieros, a benchmark of Crece [S19], unconfirmed: a warning saying the
 * figure is referential). Matched by the excluded type's words in the Tipo.
 */
export const COOP_007_RULE: Rule = {
  ...COOP_007,
  statement: "Excluded cooperative type (ahorro y crédito / servicios financieros).",
  check: withCall(({ plan, modality }, call) => {
    const type = plan.cooperative.cooperativeType;
    if (isBlank(type)) return [];
    const excluded = excludedTypeOf(type as string, call.excludedCooperativeTypes.value);
    if (!excluded) return [];
    return [evidenceFindingOf(COOP_007, call.excludedCooperativeTypes, modality,
      `Las cooperativas de ${excluded} no pueden postular a este programa (tipo indicado: «${type}»).`,
      cellOf(plan, "cooperative", plan.cooperative, "cooperativeType"), { found: type, limit: excluded })];
  }),
};

/**
 * COOP-008 (W): a member's Cargo or Género outside the usual list of the call (open lists; 2025
 * Cargo: presidente/a, vicepresidente/a, secretario/a, tesorero/a, consejero/a, junta de
 * vigilancia, gerente, socio/a, with gendered and short forms; Género: femenino, masculino, otro,
 * prefiere no decir). Never an error: people write what their cooperative calls it. At the cell.
 * An id of this repository (issue 11's open lists) that ../shared/program/rules.md does not list yet.
 */
export const COOP_008_RULE: Rule = {
  ...COOP_008,
  statement: "A member's Cargo or Género outside the usual list (open lists).",
  check: withCall(({ plan }, call) => {
    const out: Finding[] = [];
    const { memberRoles, genders } = call.enumerations;
    plan.members.forEach((m, i) => {
      const who = `El socio N° ${m.number ?? i + 1}`;
      if (!isBlank(m.role) && !matchOpenList(m.role as string, memberRoles)) {
        out.push(findingOf(COOP_008, `${who} tiene el cargo «${m.role}», que no está entre los habituales (${memberRoles.values.join(", ")}): revise que esté bien escrito.`,
          cellOf(plan, "members", m, "role", i), { found: m.role }));
      }
      if (!isBlank(m.gender) && !matchOpenList(m.gender as string, genders)) {
        out.push(findingOf(COOP_008, `${who} tiene el género «${m.gender}», que no está entre los habituales (${genders.values.join(", ")}).`,
          cellOf(plan, "members", m, "gender", i), { found: m.gender }));
      }
    });
    return out;
  }),
};

/**
 * COOP-004 (E): Fortalecimiento: annual net sales ÷ members ≤ 25.000 UF ([S1][S9][F], confirmed)
 * at the call's UF value (2025: $38.419, approximate). Sales of 0 («sin ventas») are valid; blank
 * sales are COOP-006's. Points to the Ventas netas anuales cell.
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
    if (c.annualNetSales === null || c.annualNetSales === undefined) return [];
    const members = plan.members.length;
    if (members === 0) return []; // COOP-002 reports it
    const perMember = c.annualNetSales / members;
    if (perMember <= capClp) return [];
    return [evidenceFindingOf(COOP_004, call.salesCapPerMemberUf, modality,
      `Las ventas netas anuales por socio son ${formatClp(Math.round(perMember))} (${formatNumber(Math.round(perMember / uf))} UF: ` +
      `${formatClp(c.annualNetSales)} ÷ ${members} socios); el máximo es ${formatNumber(ufCap)} UF por socio ` +
      `(${formatClp(capClp)} con la UF a ${formatClp(uf)}).`,
      location, { found: Math.round(perMember), limit: capClp })];
  }),
};

/**
 * COOP-006 (W): a Fortalecimiento cooperative's annual net sales left blank: the sales ceiling
 * (COOP-004) cannot be checked; the gestor writes 0 («sin ventas», a valid figure) or the figure.
 */
export const COOP_006_RULE: Rule = {
  ...COOP_006,
  statement: "Fortalecimiento: annual net sales blank (0 is a valid figure).",
  check: withCall(({ plan, modality }, call) => {
    const c = plan.cooperative;
    if (modality !== "fortalecimiento" || (c.annualNetSales !== null && c.annualNetSales !== undefined)) return [];
    if (isFieldMissing(plan, "cooperative", "annualNetSales")) return [];
    return [findingOf(COOP_006,
      `Faltan las ventas netas anuales: en ${MODALITY_LABELS.fortalecimiento} se verifica que no superen ` +
      `${formatNumber(call.salesCapPerMemberUf.value)} UF por socio. Escriba 0 si la cooperativa no tiene ventas, o la cifra.`,
      cellOf(plan, "cooperative", c, "annualNetSales"))];
  }),
};

/** The cooperative rules, in report order. */
export const COOPERATIVE_RULES: Rule[] = [
  COOP_001_RULE, COOP_002_RULE, COOP_005_RULE, COOP_003_RULE, COOP_007_RULE, COOP_004_RULE, COOP_006_RULE, COOP_008_RULE,
];

/** Exported for tests and other rules: the plan's members' canonical RUTs. */
export function memberRuts(plan: Plan): Set<string> {
  return new Set(plan.members.map((m) => (m.rut ? normalizeRut(m.rut) : null)).filter((r): r is string => Boolean(r)));
}
