import { useId, useMemo, useState, type KeyboardEvent } from "react";
import { Badge, Button, Field, Select, Text } from "@fluentui/react-components";
import type { Finding, Severity } from "@coop-plans/shared/domain";
import { countFindings, groupFindingsBySheet, NO_SHEET_GROUP } from "@coop-plans/shared/findings";
import { formatCount, formatNumber } from "@coop-plans/shared/format";

const SEVERITY_LABEL: Record<Severity, string> = { error: "Error", warning: "Advertencia", info: "Aviso" };
const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };
const SEVERITY_NOUNS: Record<Severity, [string, string]> = { error: ["error", "errores"], warning: ["advertencia", "advertencias"], info: ["aviso", "avisos"] };

/** Rows of the list shown at first and added by each «Ver más». */
export const FINDINGS_PAGE = 50;
/** A rule firing more than this many times on one sheet is shown as one summary line (until filtered to it). */
export const SUMMARISE_ABOVE = 10;

/** Props of the findings list. */
export interface FindingsListProps {
  findings: Finding[];
  onSelect(sheet: string, cell: string): void;
}

/** One line of the list: a finding, or the summary of a rule that fired many times on a sheet. */
type Row =
  | { kind: "finding"; finding: Finding }
  | { kind: "summary"; ruleId: string; severity: Severity; count: number; sheet: string; first: Finding };

/** A group of rows under its sheet's heading. */
interface RowGroup {
  sheet: string;
  total: number;
  rows: Row[];
}

/** `count` findings of one severity: «1 error», «2.000 advertencias». */
function countOf(severity: Severity, count: number): string {
  const [one, many] = SEVERITY_NOUNS[severity];
  return formatCount(count, one, many);
}

/**
 * The rows of one sheet's findings: a rule with more than `SUMMARISE_ABOVE` findings becomes one
 * summary row where its first finding was (unless the list is already filtered to a rule).
 */
function rowsOf(sheet: string, findings: Finding[], summarise: boolean): Row[] {
  if (!summarise) return findings.map((finding) => ({ kind: "finding", finding }));
  const byRule = new Map<string, number>();
  for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const rows: Row[] = [];
  const summarised = new Set<string>();
  for (const f of findings) {
    const count = byRule.get(f.ruleId) ?? 0;
    if (count <= SUMMARISE_ABOVE) rows.push({ kind: "finding", finding: f });
    else if (!summarised.has(f.ruleId)) {
      summarised.add(f.ruleId);
      rows.push({ kind: "summary", ruleId: f.ruleId, severity: f.severity, count, sheet, first: f });
    }
  }
  return rows;
}

/** Distinct values with how many findings have each, in first-seen order. */
function tally(findings: Finding[], key: (f: Finding) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(key(f), (counts.get(key(f)) ?? 0) + 1);
  return [...counts.entries()];
}

/**
 * The findings of a Validar run, for a task pane 320 px wide and up to thousands of findings:
 * filters by severity, sheet and rule; groups by sheet (errors first, then by cell); a rule that
 * fires more than `SUMMARISE_ABOVE` times on a sheet shows as one summary line that filters the
 * list to it; a bounded page of `FINDINGS_PAGE` rows with «Ver más». Each finding with a cell is
 * a button that selects its cell in the workbook; its accessible name is its visible text, and
 * the arrow keys move between findings (Tab leaves the list).
 */
export function FindingsList({ findings, onSelect }: FindingsListProps) {
  const [severity, setSeverity] = useState<Severity | "">("");
  const [sheet, setSheet] = useState("");
  const [rule, setRule] = useState("");
  // How many rows are shown, for one list of findings under one set of filters (either changing starts over).
  const [page, setPage] = useState<{ of: Finding[] | null; filters: string; shown: number }>({ of: null, filters: "", shown: FINDINGS_PAGE });
  const baseId = useId().replace(/[^A-Za-z0-9_-]/g, "");

  const counts = useMemo(() => countFindings(findings), [findings]);
  const sheets = useMemo(() => tally(findings, (f) => f.location.sheet ?? NO_SHEET_GROUP), [findings]);
  const rules = useMemo(() => tally(findings, (f) => f.ruleId).sort(([a], [b]) => a.localeCompare(b)), [findings]);
  // A filter left over from a previous run that no longer matches anything is dropped.
  const activeSeverity = severity && counts[severity] > 0 ? severity : "";
  const activeSheet = sheets.some(([s]) => s === sheet) ? sheet : "";
  const activeRule = rules.some(([r]) => r === rule) ? rule : "";

  const filtered = useMemo(
    () =>
      findings.filter(
        (f) =>
          (!activeSeverity || f.severity === activeSeverity) &&
          (!activeSheet || (f.location.sheet ?? NO_SHEET_GROUP) === activeSheet) &&
          (!activeRule || f.ruleId === activeRule),
      ),
    [findings, activeSeverity, activeSheet, activeRule],
  );
  const groups: RowGroup[] = useMemo(
    () => groupFindingsBySheet(filtered).map((g) => ({ sheet: g.sheet, total: g.findings.length, rows: rowsOf(g.sheet, g.findings, !activeRule) })),
    [filtered, activeRule],
  );

  const filters = `${activeSeverity}|${activeSheet}|${activeRule}`;
  const shown = page.of === findings && page.filters === filters ? page.shown : FINDINGS_PAGE;
  const setShown = (n: number) => setPage({ of: findings, filters, shown: n });
  const totalRows = groups.reduce((n, g) => n + g.rows.length, 0);

  if (findings.length === 0) return null;

  let budget = shown;
  const visible = groups
    .map((g) => {
      const rows = g.rows.slice(0, Math.max(0, budget));
      budget -= rows.length;
      return { ...g, rows };
    })
    .filter((g) => g.rows.length > 0);
  const shownRows = Math.min(shown, totalRows);

  const showRule = (ruleId: string, onSheet: string) => {
    setRule(ruleId);
    setSheet(onSheet);
  };

  return (
    <div aria-label="Hallazgos" role="region" className="findings-region">
      <div className="findings-filters">
        <Field label="Mostrar">
          <Select value={activeSeverity} onChange={(_, d) => setSeverity(d.value as Severity | "")}>
            <option value="">Todos ({formatCount(findings.length, "hallazgo", "hallazgos")})</option>
            {(["error", "warning", "info"] as const)
              .filter((s) => counts[s] > 0)
              .map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_NOUNS[s][1][0].toUpperCase() + SEVERITY_NOUNS[s][1].slice(1)} ({formatNumber(counts[s])})
                </option>
              ))}
          </Select>
        </Field>
        <Field label="Hoja">
          <Select value={activeSheet} onChange={(_, d) => setSheet(d.value)}>
            <option value="">Todas las hojas</option>
            {sheets.map(([s, n]) => (
              <option key={s} value={s}>
                {s} ({formatNumber(n)})
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Regla">
          <Select value={activeRule} onChange={(_, d) => setRule(d.value)}>
            <option value="">Todas las reglas</option>
            {rules.map(([r, n]) => (
              <option key={r} value={r}>
                {r} ({formatNumber(n)})
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {filtered.length === 0 ? (
        <Text as="p">Ningún hallazgo con estos filtros.</Text>
      ) : (
        <div className="findings-groups" onKeyDown={moveBetweenFindings}>
          {visible.map((group, index) => {
            const headingId = `${baseId}-hoja-${index}`;
            return (
              <section key={group.sheet} aria-labelledby={headingId} className="findings-group">
                <h3 id={headingId}>
                  {group.sheet} ({formatNumber(group.total)})
                </h3>
                <ul className="findings">
                  {group.rows.map((row, i) =>
                    row.kind === "summary" ? (
                      <li key={`summary-${row.ruleId}`} data-rule={row.ruleId} data-severity={row.severity} data-summary="">
                        <Button appearance="subtle" className="finding-button" onClick={() => showRule(row.ruleId, row.sheet)}>
                          <span className="finding-text">
                            <Badge color={SEVERITY_COLOR[row.severity]} appearance="filled">
                              {SEVERITY_LABEL[row.severity]}
                            </Badge>{" "}
                            <span className="finding-rule">{row.ruleId}</span>: {countOf(row.severity, row.count)} en esta hoja
                            {row.first.location.cell ? `; el primero, en ${row.first.location.cell}` : ""}: {row.first.message} Ver solo estos.
                          </span>
                        </Button>
                      </li>
                    ) : (
                      <FindingItem key={`${row.finding.ruleId}-${row.finding.location.cell ?? row.finding.location.field ?? ""}-${i}`} finding={row.finding} onSelect={onSelect} />
                    ),
                  )}
                </ul>
              </section>
            );
          })}
        </div>
      )}
      {filtered.length > 0 && (
        <div className="findings-more">
          <Text size={200}>
            {shownRows === 1 ? "Se muestra" : "Se muestran"} {formatCount(shownRows, "línea", "líneas")} de {formatNumber(totalRows)}
            {totalRows !== filtered.length ? ` (${formatCount(filtered.length, "hallazgo", "hallazgos")})` : ""}.
          </Text>
          {shownRows < totalRows && (
            <Button onClick={() => setShown(shown + FINDINGS_PAGE)}>Ver más ({formatNumber(Math.min(FINDINGS_PAGE, totalRows - shownRows))})</Button>
          )}
          {(activeSeverity || activeSheet || activeRule) && (
            <Button
              appearance="subtle"
              onClick={() => {
                setSeverity("");
                setSheet("");
                setRule("");
              }}
            >
              Quitar filtros
            </Button>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * Arrow keys between the findings' buttons (Down/Up: next/previous, Home/End: first/last); Tab
 * still leaves the list. Our own few lines: Fluent's arrow-navigation group adds focusable
 * aria-hidden guards that axe-core reports as serious (aria-hidden-focus).
 */
function moveBetweenFindings(event: KeyboardEvent<HTMLDivElement>): void {
  if (!["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>("li > button")];
  const at = buttons.indexOf(event.target as HTMLButtonElement);
  if (at < 0) return;
  const next = { ArrowDown: Math.min(at + 1, buttons.length - 1), ArrowUp: Math.max(at - 1, 0), Home: 0, End: buttons.length - 1 }[event.key]!;
  event.preventDefault();
  buttons[next].focus();
}

/** One finding: a button selecting its cell when it has one (its name is its visible text), else text. */
function FindingItem({ finding: f, onSelect }: { finding: Finding; onSelect(sheet: string, cell: string): void }) {
  const where = f.location.cell ?? f.location.field ?? "";
  const content = (
    <span className="finding-text">
      <Badge color={SEVERITY_COLOR[f.severity]} appearance="filled">
        {SEVERITY_LABEL[f.severity]}
      </Badge>{" "}
      <span className="finding-rule">{f.ruleId}</span>
      {where && (
        <>
          {" "}
          <code>{where}</code>
        </>
      )}
      {" — "}
      {f.message}
    </span>
  );
  return (
    <li data-rule={f.ruleId} data-cell={f.location.cell ?? ""} data-severity={f.severity}>
      {f.location.sheet && f.location.cell ? (
        <Button appearance="subtle" className="finding-button" onClick={() => onSelect(f.location.sheet!, f.location.cell!)}>
          {content}
        </Button>
      ) : (
        content
      )}
    </li>
  );
}
