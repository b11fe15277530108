import type { Finding, Severity } from "@coop-plans/shared/domain";
import { orderFindings } from "@coop-plans/shared/findings";

/** Fill colours of the add-in's marks, by severity (#RRGGBB, upper case as Excel returns them). */
export const MARK_FILLS: Record<Severity, string> = {
  error: "#FFC7CE",
  warning: "#FFEB9C",
  info: "#DDEBF7",
};

/** Every note the add-in writes starts with this, so it never deletes a note the user wrote. */
export const NOTE_PREFIX = "Plan Cooperativo:";

/** One cell to mark: the worst severity of its findings and the note text listing them. */
export interface CellMark {
  sheet: string;
  cell: string;
  severity: Severity;
  note: string;
}

/** A stable key for a sheet's cell (`Socios!C6`). */
export function cellKey(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}

/**
 * Groups findings by cell (findings without a sheet and cell are not marked): one mark per cell,
 * with the worst severity and a note `Plan Cooperativo: [INV-001] …` listing every finding there.
 */
export function marksFor(findings: Finding[]): CellMark[] {
  const byCell = new Map<string, { sheet: string; cell: string; items: Finding[] }>();
  for (const f of findings) {
    const { sheet, cell } = f.location;
    if (!sheet || !cell) continue;
    const key = cellKey(sheet, cell);
    const entry = byCell.get(key) ?? { sheet, cell, items: [] };
    entry.items.push(f);
    byCell.set(key, entry);
  }
  return [...byCell.values()].map(({ sheet, cell, items }) => {
    const sorted = orderFindings(items);
    return {
      sheet,
      cell,
      severity: sorted[0].severity,
      note: `${NOTE_PREFIX}\n${sorted.map((f) => `[${f.ruleId}] ${f.message}`).join("\n")}`,
    };
  });
}

/** True when a fill colour is one of the add-in's mark colours. */
export function isMarkFill(color: string | null | undefined): boolean {
  if (!color) return false;
  const c = color.toUpperCase();
  return Object.values(MARK_FILLS).some((m) => m === c);
}
