import type { InvestmentLine, Member, Plan } from "../domain";
import { normalizeLabel, normalizeRut } from "../domain";
import type { MoneyTotals } from "../domain/totals";
import { formatClp, formatDateEs, formatNumber } from "../format";
import { planTotals } from "../rules/totals";
import { INVESTMENTS_SHEET, MEMBERS_SHEET } from "../workbook/layout";

/** An investment-line field the comparison looks at (every field but its workbook source). */
export type ComparedLineField = Exclude<keyof InvestmentLine, "source">;

/** A value of an investment line as stored in the plan. */
export type LineValue = InvestmentLine[ComparedLineField];

/** One field of a line that changed: which, its Spanish column label, before and after. */
export interface FieldChange {
  field: ComparedLineField;
  /** The template's column label («Aporte Sercotec»). */
  label: string;
  before: LineValue;
  after: LineValue;
}

/**
 * One investment line that changed between two revisions: `added` (only in the newer), `removed`
 * (only in the older) or `changed` (in both, with the fields that differ). `number`, `item` and
 * `description` are the newer line's (the older's for a removed line).
 */
export interface LineChange {
  kind: "added" | "removed" | "changed";
  number: number | null;
  item: string | null;
  description: string | null;
  /** How the two lines were paired: by N°, or by ítem and description. Absent for added/removed. */
  matchedBy?: "number" | "item-description";
  /** The fields that differ (changed lines only), in the template's column order. */
  fields: FieldChange[];
}

/** A plan total before and after, integer CLP (or a count of lines), and the difference. */
export interface TotalChange {
  field: keyof MoneyTotals | "investmentLines";
  label: string;
  before: number;
  after: number;
  delta: number;
}

/** A member field the comparison looks at (every field but its workbook source). */
export type ComparedMemberField = Exclude<keyof Member, "source">;

/** One field of a member that changed: which, its Spanish column label (Socios sheet), before and after. */
export interface MemberFieldChange {
  field: ComparedMemberField;
  label: string;
  before: Member[ComparedMemberField];
  after: Member[ComparedMemberField];
}

/**
 * One member (socio/a, Socios sheet) that changed between two revisions: `added`, `removed` or
 * `changed` (with the fields that differ). `number`, `name` and `rut` are the newer row's (the
 * older's for a removed one). Personal data (Ley 19.628): shown only to who may read the plan.
 */
export interface MemberChange {
  kind: "added" | "removed" | "changed";
  number: number | null;
  name: string | null;
  rut: string | null;
  /** How the two rows were paired: by RUT, or by name. Absent for added/removed. */
  matchedBy?: "rut" | "name";
  fields: MemberFieldChange[];
}

/** What changed from one revision's plan to another's: the investment lines, the members and the totals. */
export interface PlanChanges {
  lines: LineChange[];
  /** The members (socios) added, removed or changed, in the newer plan's order, then the removed. */
  members: MemberChange[];
  /** Every headline total (changed or not), in a fixed order. */
  totals: TotalChange[];
  /** True when no line, no member and no total changed. */
  unchanged: boolean;
}

const COLUMN_ORDER: { field: ComparedLineField; label: string }[] = INVESTMENTS_SHEET.columns.map((c) => ({ field: c.field as ComparedLineField, label: c.label }));

const TOTAL_LABELS: { field: TotalChange["field"]; label: string }[] = [
  { field: "total", label: "Inversión total (total neto)" },
  { field: "sercotecAmount", label: "Aporte Sercotec" },
  { field: "ownAmount", label: "Aporte empresarial" },
  { field: "executedAmount", label: "Monto ejecutado" },
  { field: "investmentLines", label: "Líneas de inversión" },
];

function sameValue(a: LineValue, b: LineValue): boolean {
  if (typeof a === "string" && typeof b === "string") return a.trim() === b.trim();
  return (a ?? null) === (b ?? null);
}

function fieldChanges(before: InvestmentLine, after: InvestmentLine, skipNumber: boolean): FieldChange[] {
  return COLUMN_ORDER.filter(({ field }) => !(skipNumber && field === "number") && !sameValue(before[field], after[field])).map(({ field, label }) => ({
    field, label, before: before[field], after: after[field],
  }));
}

/** The N° of each line that carries a N° used once in its plan (a repeated N° cannot pair lines). */
function uniqueNumbers(lines: readonly InvestmentLine[]): Map<number, number> {
  const count = new Map<number, number>();
  for (const l of lines) if (l.number !== null) count.set(l.number, (count.get(l.number) ?? 0) + 1);
  const index = new Map<number, number>();
  lines.forEach((l, i) => {
    if (l.number !== null && count.get(l.number) === 1) index.set(l.number, i);
  });
  return index;
}

const itemKey = (l: InvestmentLine) => `${normalizeLabel(l.item ?? "")}\u0000${normalizeLabel(l.description ?? "")}`;

/**
 * What changed in the investment plan from `before` to `after` (e.g. the last submitted or
 * approved revision and the one under review). Lines are paired by their N° (when used once in
 * each plan), then the rest by ítem and description (accents, case and spacing ignored, first
 * come first paired); unpaired lines are added or removed. Paired lines are compared field by
 * field (text trimmed; the N° too when paired by ítem and description). Totals are those of
 * shared/rules `planTotals` (integer CLP). Order: changes by the newer plan's line order, then the
 * removed lines in the older plan's order. Pure.
 */
export function planChanges(before: Plan, after: Plan): PlanChanges {
  const old = before.investmentLines;
  const now = after.investmentLines;
  const pairOfNew = new Map<number, { oldIndex: number; by: "number" | "item-description" }>();
  const pairedOld = new Set<number>();
  const oldByNumber = uniqueNumbers(old);
  const newByNumber = uniqueNumbers(now);
  for (const [n, i] of newByNumber) {
    const j = oldByNumber.get(n);
    if (j !== undefined) {
      pairOfNew.set(i, { oldIndex: j, by: "number" });
      pairedOld.add(j);
    }
  }
  const oldByKey = new Map<string, number[]>();
  old.forEach((l, j) => {
    if (pairedOld.has(j)) return;
    const k = itemKey(l);
    oldByKey.set(k, [...(oldByKey.get(k) ?? []), j]);
  });
  now.forEach((l, i) => {
    if (pairOfNew.has(i)) return;
    const candidates = oldByKey.get(itemKey(l));
    const j = candidates?.shift();
    if (j !== undefined) {
      pairOfNew.set(i, { oldIndex: j, by: "item-description" });
      pairedOld.add(j);
    }
  });

  const lines: LineChange[] = [];
  now.forEach((l, i) => {
    const pair = pairOfNew.get(i);
    if (!pair) {
      lines.push({ kind: "added", number: l.number, item: l.item, description: l.description, fields: [] });
      return;
    }
    const fields = fieldChanges(old[pair.oldIndex], l, pair.by === "number");
    if (fields.length > 0) lines.push({ kind: "changed", number: l.number, item: l.item, description: l.description, matchedBy: pair.by, fields });
  });
  old.forEach((l, j) => {
    if (!pairedOld.has(j)) lines.push({ kind: "removed", number: l.number, item: l.item, description: l.description, fields: [] });
  });

  const tb = planTotals(before);
  const ta = planTotals(after);
  const value = (t: ReturnType<typeof planTotals>, field: TotalChange["field"]) => (field === "investmentLines" ? t.investmentLines : t[field]);
  const totals = TOTAL_LABELS.map(({ field, label }) => {
    const b = value(tb, field);
    const a = value(ta, field);
    return { field, label, before: b, after: a, delta: a - b };
  });
  const members = memberChanges(before.members ?? [], after.members ?? []);
  return { lines, members, totals, unchanged: lines.length === 0 && members.length === 0 && totals.every((t) => t.delta === 0) };
}

const MEMBER_COLUMNS: { field: ComparedMemberField; label: string }[] = MEMBERS_SHEET.columns.map((c) => ({ field: c.field as ComparedMemberField, label: c.label }));

/** A member's RUT in canonical form (as typed when it cannot be normalised), or null. */
function memberRut(m: Member): string | null {
  if (!m.rut || !m.rut.trim()) return null;
  return normalizeRut(m.rut) ?? m.rut.trim().toUpperCase();
}

const memberNameKey = (m: Member) => normalizeLabel(m.name ?? "");

/**
 * The members added, removed or changed from `before` to `after`: rows paired by RUT (canonical,
 * when used once in each plan), then the rest by name (accents, case and spacing ignored, first
 * come first paired); paired rows compared field by field (N°, Nombre, RUT, Cargo, Género; text
 * trimmed, RUTs canonical). Order: the newer plan's rows, then the removed. Pure.
 */
export function memberChanges(before: readonly Member[], after: readonly Member[]): MemberChange[] {
  const unique = (rows: readonly Member[]) => {
    const count = new Map<string, number>();
    for (const m of rows) { const r = memberRut(m); if (r) count.set(r, (count.get(r) ?? 0) + 1); }
    const index = new Map<string, number>();
    rows.forEach((m, i) => { const r = memberRut(m); if (r && count.get(r) === 1) index.set(r, i); });
    return index;
  };
  const oldByRut = unique(before);
  const pairOfNew = new Map<number, { oldIndex: number; by: "rut" | "name" }>();
  const pairedOld = new Set<number>();
  for (const [rut, i] of unique(after)) {
    const j = oldByRut.get(rut);
    if (j !== undefined) { pairOfNew.set(i, { oldIndex: j, by: "rut" }); pairedOld.add(j); }
  }
  const oldByName = new Map<string, number[]>();
  before.forEach((m, j) => {
    if (pairedOld.has(j) || !memberNameKey(m)) return;
    oldByName.set(memberNameKey(m), [...(oldByName.get(memberNameKey(m)) ?? []), j]);
  });
  after.forEach((m, i) => {
    if (pairOfNew.has(i) || !memberNameKey(m)) return;
    const j = oldByName.get(memberNameKey(m))?.shift();
    if (j !== undefined) { pairOfNew.set(i, { oldIndex: j, by: "name" }); pairedOld.add(j); }
  });
  const same = (field: ComparedMemberField, a: Member, b: Member) => {
    if (field === "rut") return memberRut(a) === memberRut(b);
    const x = a[field];
    const y = b[field];
    if (typeof x === "string" && typeof y === "string") return x.trim() === y.trim();
    return (x ?? null) === (y ?? null);
  };
  const out: MemberChange[] = [];
  after.forEach((m, i) => {
    const pair = pairOfNew.get(i);
    if (!pair) {
      out.push({ kind: "added", number: m.number, name: m.name, rut: m.rut, fields: [] });
      return;
    }
    const o = before[pair.oldIndex];
    const fields = MEMBER_COLUMNS.filter(({ field }) => !same(field, o, m)).map(({ field, label }) => ({ field, label, before: o[field], after: m[field] }));
    if (fields.length > 0) out.push({ kind: "changed", number: m.number, name: m.name, rut: m.rut, matchedBy: pair.by, fields });
  });
  before.forEach((m, j) => {
    if (!pairedOld.has(j)) out.push({ kind: "removed", number: m.number, name: m.name, rut: m.rut, fields: [] });
  });
  return out;
}

/** `Socio/a N° 3 (Ana Pérez, 12345678-5)` of a member change. */
export function memberChangeTitle(c: Pick<MemberChange, "number" | "name" | "rut">): string {
  const what = [c.name?.trim(), c.rut?.trim()].filter((t) => t).join(", ");
  return `Socio/a ${c.number !== null ? `N° ${c.number}` : "sin N°"}${what ? ` (${what})` : ""}`;
}

/** A member value as people read it: the text, the N° in es-CL, «(vacío)». */
function memberValueText(value: Member[ComparedMemberField]): string {
  if (value === null || value === undefined || value === "") return "(vacío)";
  return typeof value === "number" ? formatNumber(value) : String(value);
}

const MONEY_FIELDS = new Set<ComparedLineField>(["unitPrice", "total", "sercotecAmount", "ownAmount", "executedAmount"]);

/** A line value as people read it: CLP for money, es-CL numbers, dd-mm-yyyy dates, Sí/No, «(vacío)». */
export function lineValueText(field: ComparedLineField, value: LineValue): string {
  if (value === null || value === undefined || value === "") return "(vacío)";
  if (typeof value === "boolean") return value ? "Sí" : "No";
  if (typeof value === "number") return MONEY_FIELDS.has(field) ? formatClp(value) : formatNumber(value);
  if (field === "plannedPurchaseDate") return formatDateEs(value);
  return String(value);
}

/** `Línea N° 3 (Equipamiento — Máquina de coser)` of a change. */
export function lineChangeTitle(c: Pick<LineChange, "number" | "item" | "description">): string {
  const what = [c.item, c.description].filter((t) => t && t.trim()).join(" — ");
  return `Línea ${c.number !== null ? `N° ${c.number}` : "sin N°"}${what ? ` (${what})` : ""}`;
}

/** A signed CLP difference: `+$250.000`, `−$1.000`, `sin cambio`. */
export function deltaText(delta: number, money = true): string {
  if (delta === 0) return "sin cambio";
  const abs = money ? formatClp(Math.abs(delta)) : formatNumber(Math.abs(delta));
  return `${delta > 0 ? "+" : "−"}${abs}`;
}

/**
 * The changes as Spanish lines of text (the CLI's `review show`, tests): one line per added or
 * removed line, one per changed field, then the same for the members (socios), then the totals
 * that changed.
 */
export function planChangesText(changes: PlanChanges): string[] {
  if (changes.unchanged) return ["Sin cambios en el plan de inversiones ni en los socios."];
  const out: string[] = [];
  for (const c of changes.lines) {
    if (c.kind === "added") out.push(`Agregada: ${lineChangeTitle(c)}.`);
    else if (c.kind === "removed") out.push(`Eliminada: ${lineChangeTitle(c)}.`);
    else for (const f of c.fields) out.push(`Cambió: ${lineChangeTitle(c)}, ${f.label}: ${lineValueText(f.field, f.before)} → ${lineValueText(f.field, f.after)}.`);
  }
  for (const m of changes.members ?? []) {
    if (m.kind === "added") out.push(`Agregado/a: ${memberChangeTitle(m)}.`);
    else if (m.kind === "removed") out.push(`Eliminado/a: ${memberChangeTitle(m)}.`);
    else for (const f of m.fields) out.push(`Cambió: ${memberChangeTitle(m)}, ${f.label}: ${memberValueText(f.before)} → ${memberValueText(f.after)}.`);
  }
  for (const t of changes.totals.filter((x) => x.delta !== 0)) {
    const money = t.field !== "investmentLines";
    const show = (n: number) => (money ? formatClp(n) : formatNumber(n));
    out.push(`${t.label}: ${show(t.before)} → ${show(t.after)} (${deltaText(t.delta, money)}).`);
  }
  return out;
}
