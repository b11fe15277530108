import { Badge, Button, Text } from "@fluentui/react-components";
import type { Finding, Severity } from "@coop-plans/shared/domain";
import { groupFindingsBySheet } from "@coop-plans/shared/findings";

const SEVERITY_LABEL: Record<Severity, string> = { error: "Error", warning: "Advertencia", info: "Aviso" };
const SEVERITY_COLOR: Record<Severity, "danger" | "warning" | "informative"> = { error: "danger", warning: "warning", info: "informative" };

/** Props of the findings list. */
export interface FindingsListProps {
  findings: Finding[];
  onSelect(sheet: string, cell: string): void;
}

/**
 * Findings grouped by sheet, errors before warnings; each finding with a cell is a button that
 * selects its cell in the workbook (keyboard: Tab to it, Enter or Space).
 */
export function FindingsList({ findings, onSelect }: FindingsListProps) {
  if (findings.length === 0) return null;
  return (
    <div aria-label="Hallazgos" role="region">
      {groupFindingsBySheet(findings).map((group) => (
        <section key={group.sheet} aria-labelledby={`sheet-${group.sheet}`} className="findings-group">
          <h3 id={`sheet-${group.sheet}`}>
            {group.sheet} <Text size={200}>({group.findings.length})</Text>
          </h3>
          <ul className="findings">
            {group.findings.map((f, i) => {
              const where = f.location.cell ? `${f.location.cell}` : f.location.field ?? "";
              const label = `${SEVERITY_LABEL[f.severity]} ${f.ruleId}${where ? ` en ${group.sheet}!${where}` : ""}: ${f.message}`;
              const content = (
                <>
                  <Badge color={SEVERITY_COLOR[f.severity]} appearance="filled" aria-hidden>
                    {SEVERITY_LABEL[f.severity]}
                  </Badge>{" "}
                  <strong>{f.ruleId}</strong> {where && <code>{where}</code>} — {f.message}
                </>
              );
              return (
                <li key={`${f.ruleId}-${where}-${i}`} data-rule={f.ruleId} data-cell={f.location.cell ?? ""} data-severity={f.severity}>
                  {f.location.sheet && f.location.cell ? (
                    <Button appearance="subtle" className="finding-button" aria-label={label} onClick={() => onSelect(f.location.sheet!, f.location.cell!)}>
                      <span>{content}</span>
                    </Button>
                  ) : (
                    <span className="finding-text" aria-label={label}>
                      {content}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
