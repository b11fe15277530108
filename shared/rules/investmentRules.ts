import type { Finding, InvestmentLine, Plan } from "../domain";
import { MODALITY_LABELS, normalizeRut } from "../domain";
import type { CallParameters } from "./calls";
import { findCatalogueItem, findGroup, meaningWords, subitemCandidates, type CatalogueItem } from "./catalogue";
import { memberRuts } from "./cooperativeRules";
import { formatClp, formatNumber, formatPercent } from "../format";
import { columnOfA1 } from "../workbook/a1";
import { cellOf, headerCellOf, isFieldMissing, sheetOf } from "./locate";
import { evidenceFindingOf, findingOf, isBlank, withCall, type Rule } from "./rule";
import { minimumOwnAmount, sercotecCapOf } from "./totals";

const rule = (id: string, severity: "error" | "warning") => ({ id, severity }) as const;
const INV = {
  "001": rule("INV-001", "error"), "002": rule("INV-002", "error"), "003": rule("INV-003", "error"),
  "004": rule("INV-004", "error"), "005": rule("INV-005", "error"), "006": rule("INV-006", "error"),
  "007": rule("INV-007", "error"), "008": rule("INV-008", "warning"), "009": rule("INV-009", "error"),
  "010": rule("INV-010", "warning"), "011": rule("INV-011", "warning"), "012": rule("INV-012", "warning"),
  "013": rule("INV-013", "warning"), "014": rule("INV-014", "warning"), "015": rule("INV-015", "warning"),
  "016": rule("INV-016", "warning"), "017": rule("INV-017", "warning"),
};

const lineName = (l: InvestmentLine, i: number) => `La línea N° ${l.number ?? i + 1}`;
const at = (plan: Plan, l: InvestmentLine, field: string, i: number) => cellOf(plan, "investmentLines", l, field, i);
/** The findings of `fn` over every line, in line order (a loop: most lines find nothing). */
const eachLine = (plan: Plan, fn: (l: InvestmentLine, i: number) => Finding[]): Finding[] => {
  const out: Finding[] = [];
  const lines = plan.investmentLines;
  for (let i = 0; i < lines.length; i++) {
    const found = fn(lines[i], i);
    for (const f of found) out.push(f);
  }
  return out;
};

/**
 * A text as a phrase key: accents and case dropped, every run of other characters one space,
 * padded with spaces, so that `key.includes(phraseKey("con IVA"))` matches whole words only.
 * Parentheses are kept (unlike header labels): «Notebook (con IVA)» holds «con IVA».
 */
function phraseKey(text: string): string {
  return ` ${text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim()} `;
}

/** Returned by line checks that find nothing (never mutated). */
const NONE: Finding[] = [];

/** INV-001 (E): quantity × unit price = total, integer CLP, exact (a fractional quantity: the rounded product). At the Total neto cell. */
export const INV_001_RULE: Rule = {
  ...INV["001"],
  statement: "Each line: quantity × unit price = total (integer CLP, exact).",
  check: ({ plan }) => eachLine(plan, (l, i) => {
    if (l.quantity === null || l.unitPrice === null || l.total === null) return [];
    const product = Math.round(l.quantity * l.unitPrice);
    if (product === l.total) return [];
    return [findingOf(INV["001"],
      `${lineName(l, i)}: cantidad × valor unitario = ${formatNumber(l.quantity)} × ${formatClp(l.unitPrice)} = ` +
      `${formatClp(product)}, pero el total neto dice ${formatClp(l.total)}.`,
      at(plan, l, "total", i), { found: l.total, limit: product })];
  }),
};

/** INV-002 (E): Sercotec amount + aporte empresarial = total. At the Aporte empresarial cell. */
export const INV_002_RULE: Rule = {
  ...INV["002"],
  statement: "Each line: Sercotec amount + aporte empresarial = total.",
  check: ({ plan }) => eachLine(plan, (l, i) => {
    if (l.total === null || l.sercotecAmount === null || l.ownAmount === null) return [];
    const sum = l.sercotecAmount + l.ownAmount;
    if (sum === l.total) return [];
    return [findingOf(INV["002"],
      `${lineName(l, i)}: aporte Sercotec + aporte empresarial = ${formatClp(l.sercotecAmount)} + ${formatClp(l.ownAmount)} = ` +
      `${formatClp(sum)}, pero el total neto es ${formatClp(l.total)}.`,
      at(plan, l, "ownAmount", i), { found: sum, limit: l.total })];
  }),
};

const MONEY_FIELDS: [keyof InvestmentLine, string][] = [
  ["unitPrice", "valor unitario neto"], ["total", "total neto"], ["sercotecAmount", "aporte Sercotec"],
  ["ownAmount", "aporte empresarial"], ["executedAmount", "monto ejecutado"],
];

/** INV-003 (E): amounts are non-negative whole pesos. At the amount's cell. */
export const INV_003_RULE: Rule = {
  ...INV["003"],
  statement: "Amounts are non-negative whole pesos.",
  check: ({ plan }) => eachLine(plan, (l, i) => {
    let out = NONE;
    for (const [field, label] of MONEY_FIELDS) {
      const v = l[field];
      if (typeof v !== "number" || (Number.isInteger(v) && v >= 0)) continue;
      const why = v < 0 ? "no puede ser negativo" : "debe ser un monto en pesos enteros, sin decimales";
      if (out === NONE) out = [];
      out.push(findingOf(INV["003"], `${lineName(l, i)}: el ${label} (${formatNumber(v)}) ${why}.`,
        at(plan, l, field, i), { found: v, limit: 0 }));
    }
    return out;
  }),
};

/**
 * INV-004 (E): the ítem belongs to the call's catalogue (2025: Sercotec's standard ítems, rules.md
 * catalogue [S1][S9][S17][S19][S20][S22], confirmed) and the grupo, when written, is the ítem's.
 * The grupo may be blank. At the offending cell. Sub-ítems are INV-017's (a warning).
 */
export const INV_004_RULE: Rule = {
  ...INV["004"],
  statement: "(grupo, ítem) belongs to the call's catalogue.",
  check: withCall(({ plan, modality }, call) => eachLine(plan, (l, i) => {
    if (isBlank(l.item)) return [];
    const catalogue = call.catalogue.value;
    const item = findCatalogueItem(l.item as string, catalogue);
    if (!item) {
      return [evidenceFindingOf(INV["004"], call.catalogue, modality,
        `${lineName(l, i)}: el ítem «${l.item}» no está en el catálogo de la convocatoria ${call.id}. ` +
        `Ítems financiables: ${catalogue.map((c) => c.item).join(", ")}.`,
        at(plan, l, "item", i), { found: l.item })];
    }
    const out: Finding[] = [];
    if (!isBlank(l.group) && findGroup(l.group as string, catalogue, call.catalogue.groups) !== item.group) {
      out.push(evidenceFindingOf(INV["004"], call.catalogue, modality,
        `${lineName(l, i)}: el ítem «${item.item}» pertenece al grupo «${item.group}», no a «${l.group}».`,
        at(plan, l, "group", i), { found: l.group, limit: item.group }));
    }
    return out;
  })),
};

/**
 * INV-005 (E): sum of Sercotec amounts ≤ the modality's cap (2025: Creación y Desarrollo
 * $8.000.000, Fortalecimiento $20.000.000 [S2][S3][S4][F]) + the sustainability top-up when a
 * line is Sustentable and the call has one (2025: $0). At the Aporte Sercotec header.
 */
export const INV_005_RULE: Rule = {
  ...INV["005"],
  statement: "Sum of Sercotec amounts ≤ the modality's cap (+ top-up when lines are tagged sustentable and the call has one).",
  check: withCall(({ plan, modality, totals }, call) => {
    if (!modality) return [];
    const cap = sercotecCapOf(plan, call) as number;
    const { sercotecAmount: sercotecTotal } = totals;
    if (sercotecTotal <= cap) return [];
    const topUp = cap - call.subsidyCap[modality].value;
    const capText = topUp > 0
      ? `${formatClp(cap)} (${formatClp(call.subsidyCap[modality].value)} más ${formatClp(topUp)} por líneas sustentables)`
      : formatClp(cap);
    return [evidenceFindingOf(INV["005"], call.subsidyCap[modality], modality,
      `El aporte Sercotec suma ${formatClp(sercotecTotal)}; el tope de la modalidad ${MODALITY_LABELS[modality]} es ${capText}.`,
      headerCellOf(plan, "investmentLines", "sercotecAmount"), { found: sercotecTotal, limit: cap })];
  }),
};

/**
 * INV-006 (E when the figure is confirmed, else W): sum of aporte empresarial ≥ ⌈minimum share ×
 * sum of Sercotec amounts⌉ (2025: 2 %, the 2022 value [S1], unconfirmed: a warning saying the
 * figure is referential). At the Aporte empresarial header. Quiet when that column was not found
 * (PARSE-004).
 */
export const INV_006_RULE: Rule = {
  ...INV["006"],
  statement: "Sum of aporte empresarial ≥ minimum fraction × sum of Sercotec amounts.",
  check: withCall(({ plan, modality, totals }, call) => {
    // Without the Aporte empresarial column (PARSE-004) its sum is not 0: it was never read.
    if (isFieldMissing(plan, "investmentLines", "ownAmount")) return [];
    const { sercotecAmount: sercotecTotal, ownAmount: ownTotal } = totals;
    const share = call.minimumOwnShare.value;
    const minimum = minimumOwnAmount(share, sercotecTotal);
    if (ownTotal >= minimum) return [];
    const found = sercotecTotal > 0 ? `, ${formatPercent(ownTotal / sercotecTotal)} del aporte Sercotec` : "";
    return [evidenceFindingOf(INV["006"], call.minimumOwnShare, modality,
      `El aporte empresarial suma ${formatClp(ownTotal)}${found}; el mínimo es ${formatPercent(share)} del aporte Sercotec ` +
      `(${formatClp(minimum)}).`,
      headerCellOf(plan, "investmentLines", "ownAmount"), { found: ownTotal, limit: minimum })];
  }),
};

function capOfGroup(cap: CallParameters["managementCap"]["value"], sercotecTotal: number): number | null {
  if (!cap) return null;
  return cap.kind === "clp" ? cap.value : Math.floor(Number((cap.value * sercotecTotal).toFixed(6)));
}

/**
 * INV-007 (E): Acciones de Gestión Empresarial and Capital de trabajo (line totals) within the
 * call's caps, where it sets them (2025: none [S17][S19][S20][S22][S32]). At the Total neto header.
 * Quiet when the Aporte Sercotec column was not found (PARSE-004): the subsidy is then unknown.
 */
export const INV_007_RULE: Rule = {
  ...INV["007"],
  statement: "Gestión empresarial cap and capital de trabajo cap, where the call sets them.",
  check: withCall(({ plan, modality, totals }, call) => {
    if (isFieldMissing(plan, "investmentLines", "sercotecAmount")) return [];
    const out: Finding[] = [];
    const location = headerCellOf(plan, "investmentLines", "total");
    const mgmtCap = capOfGroup(call.managementCap.value, totals.sercotecAmount);
    if (mgmtCap !== null && totals.managementTotal > mgmtCap) {
      const cap = call.managementCap.value!;
      const limitText = cap.kind === "fraction" ? `${formatPercent(cap.value)} del subsidio (${formatClp(mgmtCap)})` : formatClp(mgmtCap);
      out.push(evidenceFindingOf(INV["007"], call.managementCap, modality,
        `Las acciones de gestión empresarial suman ${formatClp(totals.managementTotal)}; el máximo de la convocatoria ${call.id} es ${limitText}.`,
        location, { found: totals.managementTotal, limit: mgmtCap }));
    }
    const wcShare = call.workingCapitalCap.value;
    if (wcShare !== null) {
      const wcCap = Math.floor(Number((wcShare * totals.sercotecAmount).toFixed(6)));
      if (totals.workingCapitalTotal > wcCap) {
        const pct = totals.sercotecAmount > 0 ? `, ${formatPercent(totals.workingCapitalTotal / totals.sercotecAmount)} del subsidio` : "";
        out.push(evidenceFindingOf(INV["007"], call.workingCapitalCap, modality,
          `El capital de trabajo suma ${formatClp(totals.workingCapitalTotal)}${pct}; el máximo es ${formatPercent(wcShare)} (${formatClp(wcCap)}).`,
          location, { found: totals.workingCapitalTotal, limit: wcCap }));
      }
    }
    return out;
  }),
};

/**
 * INV-008 (W): Capital de trabajo (line totals) above 30 % of the subsidy (sum of Sercotec
 * amounts) when the call sets no cap (benchmarks [S22][S32]). At the Total neto header. Quiet
 * when the Aporte Sercotec column was not found (PARSE-004).
 */
export const INV_008_RULE: Rule = {
  ...INV["008"],
  statement: "Capital de trabajo above 30% of the subsidy when the call sets no cap.",
  check: withCall(({ plan, totals }, call) => {
    if (call.workingCapitalCap.value !== null || isFieldMissing(plan, "investmentLines", "sercotecAmount")) return [];
    const { workingCapitalTotal, sercotecAmount: sercotecTotal } = totals;
    const share = call.workingCapitalWarnShare.value;
    const limit = Math.floor(Number((share * sercotecTotal).toFixed(6)));
    if (workingCapitalTotal === 0 || workingCapitalTotal <= limit) return [];
    const pct = sercotecTotal > 0 ? `, ${formatPercent(workingCapitalTotal / sercotecTotal)} del subsidio` : "";
    return [findingOf(INV["008"],
      `El capital de trabajo suma ${formatClp(workingCapitalTotal)}${pct}; el máximo recomendado es ${formatPercent(share)}.`,
      headerCellOf(plan, "investmentLines", "total"),
      { found: workingCapitalTotal, limit })];
  }),
};

/**
 * INV-009 (E when the figure is confirmed, else W): the call's Creación-only ítems (2025: Gastos de
 * formalización, inferred from [S1][S2], unconfirmed: a warning) only in Creación y Desarrollo.
 * At the Ítem cell.
 */
export const INV_009_RULE: Rule = {
  ...INV["009"],
  statement: "Gastos de formalización only in Creación y Desarrollo.",
  check: withCall(({ plan, modality }, call) => {
    if (modality !== "fortalecimiento") return [];
    const only = new Set(call.creacionOnlyItems.value.map((label) => findCatalogueItem(label, call.catalogue.value)));
    if (only.size === 0) return [];
    return eachLine(plan, (l, i) => {
      const item = l.item ? findCatalogueItem(l.item, call.catalogue.value) : undefined;
      if (!item || !only.has(item)) return [];
      return [evidenceFindingOf(INV["009"], call.creacionOnlyItems, modality,
        `${lineName(l, i)}: «${item.item}» solo se financia en la modalidad ${MODALITY_LABELS.creacion}; ` +
        `este plan es de ${MODALITY_LABELS.fortalecimiento}.`,
        at(plan, l, "item", i), { found: item.item })];
    });
  }),
};

/**
 * INV-010 (W): each line names the action (N° of the Plan de Acción) it serves, and it exists. At
 * the Actividad N° cell. Whether it exists is not checked when the Plan de Acción or its N° column
 * was not read (PARSE-002/003/004).
 */
export const INV_010_RULE: Rule = {
  ...INV["010"],
  statement: "Each line names the action (N° of Plan de Acción) it serves, and that action exists.",
  check: ({ plan }) => {
    const numbers = new Set(plan.actions.map((a) => a.number).filter((n): n is number => n !== null));
    const actionsUnread = isFieldMissing(plan, "actions", "number");
    return eachLine(plan, (l, i) => {
      if (l.actionNumber === null) {
        return [findingOf(INV["010"], `${lineName(l, i)} no indica la actividad del Plan de Acción a la que sirve (Actividad N°).`,
          at(plan, l, "actionNumber", i))];
      }
      if (actionsUnread || numbers.has(l.actionNumber)) return [];
      return [findingOf(INV["010"],
        `${lineName(l, i)} indica la actividad N° ${l.actionNumber}, que no existe en ${sheetOf(plan, "actions")}.`,
        at(plan, l, "actionNumber", i), { found: l.actionNumber })];
    });
  },
};

/** INV-011 (W): a supplier RUT equal to a member's RUT (related-party purchase). At the RUT proveedor cell. */
export const INV_011_RULE: Rule = {
  ...INV["011"],
  statement: "Supplier RUT equal to a member's RUT (related-party purchase).",
  check: ({ plan }) => {
    const members = memberRuts(plan);
    if (members.size === 0) return [];
    const canonical = new Map<string, string | null>();
    return eachLine(plan, (l, i) => {
      let rut: string | null = null;
      if (l.supplierRut) {
        const typed = l.supplierRut;
        rut = canonical.get(typed) ?? null;
        if (!canonical.has(typed)) canonical.set(typed, rut = normalizeRut(typed));
      }
      if (!rut || !members.has(rut)) return NONE;
      return [findingOf(INV["011"],
        `${lineName(l, i)}: el proveedor tiene el RUT de un socio del grupo; una compra a un socio es una compra a parte relacionada.`,
        at(plan, l, "supplierRut", i))];
    });
  },
};

/** INV-012 (W): a used good (Bien usado = Sí) needs an authorisation reference ([S37]). At the Bien usado cell. */
export const INV_012_RULE: Rule = {
  ...INV["012"],
  statement: "Used good (bien usado = Sí) needs an authorisation reference.",
  check: ({ plan }) => eachLine(plan, (l, i) => {
    if (l.usedGood !== true || !isBlank(l.usedGoodAuthorization)) return [];
    return [findingOf(INV["012"],
      `${lineName(l, i)} es un bien usado sin autorización: indique la referencia de la autorización de compra de bien usado.`,
      at(plan, l, "usedGood", i))];
  }),
};

/** INV-013 (W): a line without supplier or with fewer quotes than the call expects (2025: 1, rules.md). */
export const INV_013_RULE: Rule = {
  ...INV["013"],
  statement: "A line without supplier or without quotes.",
  check: withCall(({ plan }, call) => eachLine(plan, (l, i) => {
    const out: Finding[] = [];
    if (isBlank(l.supplier)) {
      out.push(findingOf(INV["013"], `${lineName(l, i)} no indica proveedor.`, at(plan, l, "supplier", i)));
    }
    const min = call.minimumQuotes.value;
    const quotes = l.quotes ?? 0;
    if (quotes < min) {
      out.push(findingOf(INV["013"],
        `${lineName(l, i)} tiene ${quotes} ${quotes === 1 ? "cotización" : "cotizaciones"}; se espera al menos ${min}.`,
        at(plan, l, "quotes", i), { found: quotes, limit: min }));
    }
    return out;
  })),
};

const TOTAL_FIELDS: ["total" | "sercotecAmount" | "ownAmount" | "executedAmount", string][] = [
  ["total", "Total neto"], ["sercotecAmount", "Aporte Sercotec"], ["ownAmount", "Aporte empresarial"],
  ["executedAmount", "Monto ejecutado"],
];

/**
 * INV-014 (W): a declared TOTAL row (`plan.investmentTotalsRow`, recorded by the parser) whose
 * figures differ from the computed sums of their columns (Total neto, Aporte Sercotec, Aporte
 * empresarial, Monto ejecutado); an empty cell is not compared. At that cell.
 */
export const INV_014_RULE: Rule = {
  ...INV["014"],
  statement: "A total row's figures that differ from the computed sums of their column.",
  check: ({ plan, totals }) => {
    const row = plan.investmentTotalsRow;
    if (!row) return [];
    const computed = totals;
    return TOTAL_FIELDS.flatMap(([field, label]) => {
      const declared = row[field];
      if (declared === null || declared === undefined || declared === computed[field]) return [];
      const header = plan.sheets?.investmentLines?.headers?.[field];
      const column = header ? columnOfA1(header) : undefined;
      const cell = row.cells[field] ?? (column ? `${column}${row.row}` : undefined);
      return [findingOf(INV["014"],
        `La fila de totales dice ${formatClp(declared)} en «${label}», pero la suma de las líneas es ${formatClp(computed[field])}.`,
        { sheet: row.sheet || sheetOf(plan, "investmentLines"), ...(cell ? { cell } : {}), field: `investmentTotalsRow.${field}` },
        { found: declared, limit: computed[field] })];
    });
  },
};

/**
 * INV-015 (W): amounts declared with IVA (a description holding one of the call's phrases, 2025
 * «con IVA», «IVA incluido»: plan amounts are net [S17][S18][S19][S20]) or a description naming
 * a non-financeable expense (one of the call's keywords, 2025: impuestos, deudas, intereses,
 * multas, bienes raíces, terrenos, inmuebles, instrumentos financieros; unconfirmed list).
 * Keywords and phrases match whole words of the normalised text (no regular expressions). At the
 * Descripción cell. Header labels are not in the plan: the parser reports an «IVA» header itself.
 */
export const INV_015_RULE: Rule = {
  ...INV["015"],
  statement: "Amounts declared with IVA, or a description naming a non-financeable expense.",
  check: withCall(({ plan }, call) => {
    const vat = call.vatIncludedPhrases.value.map(phraseKey);
    const terms = call.nonFinanceableExpenses.value.map((t) => ({ label: t.label, phrases: t.keywords.map(phraseKey) }));
    // Descriptions repeat (the same purchase on several lines): each distinct text is checked once.
    const checked = new Map<string, { vat: boolean; hit: (typeof terms)[number] | undefined }>();
    const check = (description: string) => {
      let result = checked.get(description);
      if (!result) {
        const t = phraseKey(description);
        result = { vat: vat.some((p) => t.includes(p)), hit: terms.find((term) => term.phrases.some((p) => t.includes(p))) };
        checked.set(description, result);
      }
      return result;
    };
    return eachLine(plan, (l, i) => {
      if (isBlank(l.description)) return NONE;
      const { vat: withVat, hit } = check(l.description as string);
      if (!withVat && !hit) return NONE;
      const out: Finding[] = [];
      if (withVat) {
        out.push(findingOf(INV["015"],
          `${lineName(l, i)} declara montos con IVA: el plan se escribe en montos netos; el IVA lo paga la cooperativa o grupo.`,
          at(plan, l, "description", i), { found: l.description }));
      }
      if (hit) {
        out.push(findingOf(INV["015"],
          `${lineName(l, i)} parece un gasto no financiable (${hit.label}): el subsidio no financia ${listEs(terms.map((t) => t.label))}.`,
          at(plan, l, "description", i), { found: l.description, limit: hit.label }));
      }
      return out;
    });
  }),
};

/** INV-016 (W): an ítem that lists sub-ítems (Activos, Capital de trabajo, Acciones de marketing, Gastos de formalización) without one. */
export const INV_016_RULE: Rule = {
  ...INV["016"],
  statement: "An ítem that lists sub-ítems without one.",
  check: withCall(({ plan }, call) => eachLine(plan, (l, i) => {
    const item = l.item ? findCatalogueItem(l.item, call.catalogue.value) : undefined;
    if (!item || item.subitems.length === 0 || !isBlank(l.subitem)) return [];
    return [findingOf(INV["016"],
      `${lineName(l, i)}: el ítem «${item.item}» requiere un sub-ítem (${item.subitems.join(", ")}).`,
      at(plan, l, "subitem", i), { limit: item.subitems.join(", ") })];
  })),
};

/** «a, b ni c»: a list for «no financia …». */
function listEs(labels: string[]): string {
  return labels.length <= 1 ? labels.join("") : `${labels.slice(0, -1).join(", ")} ni ${labels[labels.length - 1]}`;
}

/** The ítems of `catalogue` other than `item` that have a sub-ítem fitting `label`, with those sub-ítems. */
function otherOwners(catalogue: readonly CatalogueItem[], item: CatalogueItem, label: string): { item: CatalogueItem; subitems: string[] }[] {
  return catalogue.filter((c) => c !== item && c.subitems.length > 0)
    .map((c) => ({ item: c, subitems: subitemCandidates(c, label) }))
    .filter((o) => o.subitems.length > 0);
}

const quoted = (labels: readonly string[]) => labels.map((x) => `«${x}»`).join(" o ");

/**
 * INV-017 (W): a sub-ítem is read by meaning (rules.md, "Sub-ítems match by meaning"): written as
 * the words or alternatives of exactly one official sub-ítem of the line's ítem, it is that one
 * («Publicidad» → «promoción y publicidad»). When its words fit several, none, or only a
 * sub-ítem of another ítem — or the ítem has no sub-ítems — this warns and names the candidates
 * (the money rules key on the ítem). The 2025 sub-ítem lists are unconfirmed. At the Sub-ítem cell.
 */
export const INV_017_RULE: Rule = {
  ...INV["017"],
  statement: "A sub-ítem that matches none of its ítem's sub-ítems, or several.",
  check: withCall(({ plan }, call) => {
    const catalogue = call.catalogue.value;
    return eachLine(plan, (l, i) => {
      if (isBlank(l.item) || isBlank(l.subitem)) return NONE;
      const item = findCatalogueItem(l.item as string, catalogue);
      if (!item) return NONE; // INV-004
      const typed = l.subitem as string;
      const candidates = subitemCandidates(item, typed);
      if (candidates.length === 1) return NONE;
      const where = at(plan, l, "subitem", i);
      const name = `${lineName(l, i)}: el sub-ítem «${typed}»`;
      if (candidates.length > 1) {
        return [findingOf(INV["017"], `${name} puede ser ${quoted(candidates)} del ítem «${item.item}»: escriba cuál.`,
          where, { found: typed, limit: candidates.join(", ") })];
      }
      if (meaningWords(typed).length === 0) return NONE;
      const others = otherOwners(catalogue, item, typed);
      const own = item.subitems.length > 0 ? `sus sub-ítems son ${item.subitems.map((x) => `«${x}»`).join(", ")}` : "ese ítem no tiene sub-ítems";
      if (others.length > 0) {
        const elsewhere = others.map((o) => `${quoted(o.subitems)} de «${o.item.item}»`).join(", ");
        return [findingOf(INV["017"], `${name} corresponde a ${elsewhere}, no al ítem «${item.item}» (${own}).`,
          where, { found: typed, limit: item.subitems.join(", ") || null })];
      }
      return [findingOf(INV["017"], `${name} no corresponde a ningún sub-ítem del ítem «${item.item}» (${own}).`,
        where, { found: typed, limit: item.subitems.join(", ") || null })];
    });
  }),
};

/** The investment rules, in report order. */
export const INVESTMENT_RULES: Rule[] = [
  INV_001_RULE, INV_002_RULE, INV_003_RULE, INV_004_RULE, INV_005_RULE, INV_006_RULE, INV_007_RULE, INV_008_RULE,
  INV_009_RULE, INV_010_RULE, INV_011_RULE, INV_012_RULE, INV_013_RULE, INV_014_RULE, INV_015_RULE, INV_016_RULE,
  INV_017_RULE,
];
