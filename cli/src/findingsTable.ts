import type { Finding, Severity } from "@coop-plans/shared/domain";
import { orderFindings, type FindingCounts } from "@coop-plans/shared/findings";

/** Spanish label of each severity, as the table shows it. */
export const SEVERITY_LABELS: Record<Severity, string> = { error: "error", warning: "advertencia", info: "aviso" };

/** `Hoja!Celda` (or the sheet, or the field) of a finding; `—` when it has no location. */
export function findingLocation(f: Finding): string {
  const { sheet, cell, field } = f.location;
  if (sheet && cell) return `${sheet}!${cell}`;
  return sheet ?? field ?? "—";
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `2 errores, 1 advertencia, 0 avisos`. */
export function countsText(counts: FindingCounts): string {
  return [
    plural(counts.error, "error", "errores"),
    plural(counts.warning, "advertencia", "advertencias"),
    plural(counts.info, "aviso", "avisos"),
  ].join(", ");
}

/**
 * A readable table of findings (severity, rule, Hoja!Celda, message), one line each, columns
 * padded; the message column is last and not wrapped. Empty string when there are none.
 */
export function findingsTable(findings: Finding[], indent = "  "): string {
  if (findings.length === 0) return "";
  const rows = orderFindings(findings).map((f) => [SEVERITY_LABELS[f.severity], f.ruleId, findingLocation(f), f.message]);
  const header = ["Severidad", "Regla", "Ubicación", "Mensaje"];
  const widths = [0, 1, 2].map((c) => Math.max(header[c].length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => indent + cells.map((cell, c) => (c < 3 ? cell.padEnd(widths[c]) : cell)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w)).concat("-------")), ...rows.map(line)].join("\n") + "\n";
}
