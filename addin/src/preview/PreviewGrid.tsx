import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import { Tab, TabList } from "@fluentui/react-components";
import { columnLetters, formatA1, requireA1 } from "@coop-plans/shared/workbook";
import { MARK_FILLS, cellKey } from "../host/markStyle";
import type { PreviewWorkbookHost } from "./PreviewWorkbookHost";
import { cellText } from "./cellText";

/** Rows rendered per sheet (the preview is for looking, not for 10,000-row editing). */
const MAX_ROWS = 400;

/**
 * The in-memory workbook as an HTML table per sheet, with the add-in's marks as fills and titles,
 * each number shown through its cell's number format as Excel in es-CL shows it (`cellText`).
 */
export function PreviewGrid({ host }: { host: PreviewWorkbookHost }) {
  const snap = useSyncExternalStore(
    (cb) => host.subscribe(cb),
    () => host.snapshot().version,
  );
  const { sheets, marks, observationNotes, selected, charts } = host.snapshot();
  const [active, setActive] = useState<string>("");
  const selectedRef = useRef<HTMLTableCellElement | null>(null);

  useEffect(() => {
    if (selected) setActive(selected.sheet);
    else if (!sheets.some((s) => s.name === active) && sheets[0]) setActive(sheets[0].name);
  }, [snap]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [snap, active]);

  const sheet = sheets.find((s) => s.name === active);
  if (sheets.length === 0) return <p className="preview-empty">Todavía no hay un libro cargado.</p>;
  const origin = sheet ? requireA1(sheet.origin) : { row: 1, col: 1 };
  const width = sheet ? Math.max(1, ...sheet.values.map((r) => r.length)) : 0;

  return (
    <div className="preview-grid">
      <TabList selectedValue={active} onTabSelect={(_, d) => setActive(String(d.value))} aria-label="Hojas del libro">
        {sheets.map((s) => (
          <Tab key={s.name} value={s.name}>
            {s.name}
          </Tab>
        ))}
      </TabList>
      {sheet && charts.get(sheet.name) && <p className="preview-chart">Gráfico: {charts.get(sheet.name)}</p>}
      {sheet && (
        <div className="grid-scroll">
          <table className="grid" aria-label={`Hoja ${sheet.name}`} data-sheet={sheet.name}>
            <thead>
              <tr>
                <th />
                {Array.from({ length: width }, (_, c) => (
                  <th key={c} scope="col">
                    {columnLetters(origin.col + c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {sheet.values.slice(0, MAX_ROWS).map((row, r) => (
                <tr key={r}>
                  <th scope="row">{origin.row + r}</th>
                  {Array.from({ length: width }, (_, c) => {
                    const address = formatA1(origin.row + r, origin.col + c);
                    const mark = marks.get(cellKey(sheet.name, address));
                    // One note per cell, as in Excel: the AOS's observation wins over a validation note.
                    const observation = observationNotes.get(cellKey(sheet.name, address));
                    const isSelected = selected?.sheet === sheet.name && selected.cell === address;
                    const v = row[c];
                    return (
                      <td
                        key={c}
                        data-cell={address}
                        data-mark={mark?.severity}
                        data-note={observation ? "observation" : undefined}
                        ref={isSelected ? selectedRef : undefined}
                        className={[typeof v === "number" ? "num" : "", isSelected ? "selected" : "", observation ? "has-note" : ""].filter(Boolean).join(" ") || undefined}
                        style={mark ? { background: MARK_FILLS[mark.severity] } : undefined}
                        title={observation?.text ?? mark?.note}
                      >
                        {cellText(v, sheet.numberFormats?.[r]?.[c])}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {sheet.values.length > MAX_ROWS && <p>Se muestran las primeras {MAX_ROWS} filas de {sheet.values.length}.</p>}
        </div>
      )}
    </div>
  );
}
