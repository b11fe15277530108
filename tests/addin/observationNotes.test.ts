import type { Observation } from "@coop-plans/shared/api";
import { parseWorkbook } from "@coop-plans/shared/workbook";
import { ExcelWorkbookHost } from "../../addin/src/excel/ExcelWorkbookHost";
import { OBSERVATION_NOTES_SETTING } from "../../addin/src/excel/placeObservationNotes";
import { NOTE_PREFIX } from "../../addin/src/host/markStyle";
import { OBSERVATION_NOTE_TITLE, observationNotes, placeObservations } from "../../addin/src/host/observationNotes";
import { PreviewWorkbookHost } from "../../addin/src/preview/PreviewWorkbookHost";
import { FakeExcel, memorySettings } from "./support/fakeExcel";

// «Poner observaciones en las celdas» (issue 12, item 4): each AOS observation pinned to a line
// (by its N°) or a field becomes a note «Observación del AOS» on the cell it points to TODAY,
// kept apart from the validation marks.

const INV_HEADER = ["N°", "Grupo", "Ítem", "Sub-ítem", "Descripción", "Actividad N°", "Cantidad", "Valor unitario neto", "Total neto", "Aporte Sercotec", "Aporte empresarial"];
const line = (n: number | null, what: string) => [n, "Inversiones", "Activos", "activos fijos", what, 1, 1, 100_000, 100_000, 80_000, 20_000];

/** A workbook with the Cooperativa form and a Plan de Inversiones whose rows are in the order given (N° per row). */
function workbook(numbers: (number | null)[], notes = true) {
  const fx = new FakeExcel();
  fx.addSheet("Cooperativa").setValues([
    ["Convocatoria", 2025], ["Región", "Los Ríos"], ["Modalidad", "Creación y Desarrollo"], ["Nombre de la cooperativa o grupo", "Tejedoras"],
    ["RUT", "76.086.428-5"],
  ]);
  fx.addSheet("Plan de Inversiones").setValues([INV_HEADER, ...numbers.map((n, i) => line(n, `Compra ${i + 1}`))]);
  const settings = memorySettings();
  const host = new ExcelWorkbookHost({ run: fx.run, isSetSupported: (_n, v) => notes || v !== "1.18", settings });
  return { fx, host, settings };
}

const LINE_3: Observation = { target: { kind: "line", plan: "investment", lineNumber: 3 }, text: "Falta la segunda cotización." };
const RUT: Observation = { target: { kind: "field", field: "rut" }, text: "=HYPERLINK(\"http://x\",\"RUT\")" };
const GENERAL: Observation = { target: { kind: "general" }, text: "Revise todo." };

async function notesFor(host: ExcelWorkbookHost | PreviewWorkbookHost, observations: Observation[]) {
  const { grids } = await host.readGrids();
  const placements = placeObservations(observations, parseWorkbook(grids).plan);
  return { placements, notes: observationNotes(placements) };
}

describe("placeObservations (pure): the row whose N° matches today, never a guess", () => {
  it("follows the line after rows were moved, puts a field on its value cell and keeps general ones in the panel", async () => {
    const { host } = workbook([1, 2, 3]);
    const before = await notesFor(host, [LINE_3, RUT, GENERAL]);
    expect(before.placements.map((p) => ("cell" in p ? `${p.sheet}!${p.cell}` : p.reason))).toEqual([
      "Plan de Inversiones!A4", "Cooperativa!B5", "General: se lee en el panel.",
    ]);
    const moved = workbook([3, 1, 2]); // line 3 moved to the first row
    expect((await notesFor(moved.host, [LINE_3])).notes).toEqual([
      { sheet: "Plan de Inversiones", cell: "A2", text: "Observación del AOS\nLínea 3 del Plan de inversiones: Falta la segunda cotización." },
    ]);
  });

  it("says so when the N° is gone or repeated, and when the field's row is missing", async () => {
    const gone = await notesFor(workbook([1, 2]).host, [LINE_3]);
    expect(gone.placements).toEqual([{ observation: LINE_3, reason: "El N° 3 ya no está en la hoja «Plan de Inversiones» del libro: la observación no se puso en una celda." }]);
    expect(gone.notes).toEqual([]);
    const twice = await notesFor(workbook([3, 1, 3]).host, [LINE_3]);
    expect(twice.placements).toEqual([{ observation: LINE_3, reason: "Hay 2 filas con N° 3 en la hoja «Plan de Inversiones»: corrija el N° repetido; la observación no se puso en una celda." }]);
    const noManager = await notesFor(workbook([1]).host, [{ target: { kind: "field", field: "manager" }, text: "Falta." }]);
    expect(noManager.placements).toEqual([expect.objectContaining({ reason: "La hoja Cooperativa del libro no tiene la fila «Gestor/a»: la observación no se puso en una celda." })]);
    expect(placeObservations([LINE_3], null)).toEqual([{ observation: LINE_3, reason: "El libro no se pudo leer como un plan: la observación no se puso en una celda." }]);
  });

  it("two observations on one line make one note with both lines", () => {
    const placements = [
      { observation: LINE_3, sheet: "Plan de Inversiones", cell: "A4" },
      { observation: { ...LINE_3, text: "Y el proveedor." }, sheet: "Plan de Inversiones", cell: "A4" },
    ];
    expect(observationNotes(placements)).toEqual([{
      sheet: "Plan de Inversiones", cell: "A4",
      text: "Observación del AOS\nLínea 3 del Plan de inversiones: Falta la segunda cotización.\nLínea 3 del Plan de inversiones: Y el proveedor.",
    }]);
  });
});

describe("ExcelWorkbookHost.placeObservationNotes", () => {
  it("writes notes in 3 syncs, formula-like text as text; «Quitar marcas» and Validar leave them", async () => {
    const { fx, host, settings } = workbook([1, 2, 3]);
    const { notes } = await notesFor(host, [LINE_3, RUT]);
    fx.resetCounters();
    expect(await host.placeObservationNotes(notes)).toEqual({ placed: 2 });
    expect(fx.syncs).toBe(3);
    expect(fx.sheet("Plan de Inversiones").notes.get("A4")).toBe("Observación del AOS\nLínea 3 del Plan de inversiones: Falta la segunda cotización.");
    expect(fx.sheet("Cooperativa").notes.get("B5")).toBe("Observación del AOS\nCampo «RUT» de la hoja Cooperativa: =HYPERLINK(\"http://x\",\"RUT\")");
    expect(fx.sheet("Cooperativa").at("B5").value).toBe("76.086.428-5"); // the value is never touched
    expect(settings.get(OBSERVATION_NOTES_SETTING)).toHaveLength(2);

    // Validar marks the same cell: the observation stays (a note of ours that is no validation note).
    await host.markFindings([{ ruleId: "INV-001", severity: "error", message: "Problema", location: { sheet: "Plan de Inversiones", cell: "A4" } }]);
    expect(fx.sheet("Plan de Inversiones").notes.get("A4")).toMatch(/^Observación del AOS\n/);
    await host.clearMarks();
    expect(fx.sheet("Plan de Inversiones").notes.get("A4")).toMatch(/^Observación del AOS\n/);
    expect(fx.sheet("Cooperativa").notes.get("B5")).toMatch(/^Observación del AOS\n/);
  });

  it("placing again replaces our notes: the moved line's old cell loses it, no duplicates; the user's notes stay", async () => {
    const { fx, host } = workbook([1, 2, 3]);
    await host.placeObservationNotes((await notesFor(host, [LINE_3, RUT])).notes);
    // The gestora moves line 3 up and writes her own note on line 1's N°; the AOS's RUT observation is gone.
    fx.sheet("Plan de Inversiones").setValues([line(3, "Compra 3"), line(1, "Compra 1"), line(2, "Compra 2")], 2);
    fx.sheet("Plan de Inversiones").notes.set("A3", "Nota de la gestora");
    const again = await notesFor(host, [LINE_3]);
    expect(await host.placeObservationNotes(again.notes)).toEqual({ placed: 1 });
    const inv = fx.sheet("Plan de Inversiones");
    expect([...inv.notes.entries()]).toEqual([
      ["A3", "Nota de la gestora"],
      ["A2", "Observación del AOS\nLínea 3 del Plan de inversiones: Falta la segunda cotización."],
    ]);
    expect(fx.sheet("Cooperativa").notes.size).toBe(0);
    expect(await host.placeObservationNotes([])).toEqual({ placed: 0 });
    expect([...inv.notes.entries()]).toEqual([["A3", "Nota de la gestora"]]);
  });

  it("replaces a validation note on the cell, keeps the user's own note with a warning, skips a protected sheet", async () => {
    const { fx, host } = workbook([1, 2, 3]);
    await host.markFindings([{ ruleId: "INV-001", severity: "error", message: "Problema", location: { sheet: "Plan de Inversiones", cell: "A4" } }]);
    expect(fx.sheet("Plan de Inversiones").notes.get("A4")).toMatch(new RegExp(`^${NOTE_PREFIX}`));
    fx.sheet("Cooperativa").notes.set("B5", "Mi nota");
    const result = await host.placeObservationNotes((await notesFor(host, [LINE_3, RUT])).notes);
    expect(result).toEqual({ placed: 1, warnings: ["La celda B5 de la hoja «Cooperativa» ya tiene una nota suya: la observación no se puso ahí (está en el panel)."] });
    expect(fx.sheet("Plan de Inversiones").notes.get("A4")).toMatch(/^Observación del AOS\n/);
    expect(fx.sheet("Cooperativa").notes.get("B5")).toBe("Mi nota");
    // «Quitar marcas» keeps the fill's restore and never deletes the observation that replaced its note.
    await host.clearMarks();
    expect(fx.sheet("Plan de Inversiones").notes.get("A4")).toMatch(/^Observación del AOS\n/);
    expect(fx.sheet("Plan de Inversiones").at("A4").fill).toBeNull();

    fx.sheet("Plan de Inversiones").protected = true;
    const locked = await host.placeObservationNotes([]);
    expect(locked.warnings ?? []).toEqual([]);
    expect(fx.sheet("Plan de Inversiones").notes.get("A4")).toMatch(/^Observación del AOS\n/); // kept until unprotected
    const refused = await host.placeObservationNotes((await notesFor(host, [LINE_3])).notes);
    expect(refused.placed).toBe(0);
    expect(refused.warnings).toEqual([expect.stringContaining("La hoja «Plan de Inversiones» está protegida")]);
  });
});

describe("ExcelWorkbookHost.placeObservationNotes before ExcelApi 1.18 (threaded comments)", () => {
  it("adds one comment per cell, replaces them when placed again, and «Quitar marcas» leaves them", async () => {
    const { fx, host } = workbook([1, 2, 3], false);
    expect(await host.placeObservationNotes((await notesFor(host, [LINE_3, RUT])).notes)).toEqual({ placed: 2 });
    expect([...fx.comments.values()]).toEqual([
      { sheet: "Plan de Inversiones", cell: "A4", content: "Observación del AOS\nLínea 3 del Plan de inversiones: Falta la segunda cotización." },
      { sheet: "Cooperativa", cell: "B5", content: "Observación del AOS\nCampo «RUT» de la hoja Cooperativa: =HYPERLINK(\"http://x\",\"RUT\")" },
    ]);
    await host.clearMarks();
    expect(fx.comments.size).toBe(2);
    fx.sheet("Plan de Inversiones").setValues([line(3, "Compra 3"), line(1, "Compra 1"), line(2, "Compra 2")], 2);
    await host.placeObservationNotes((await notesFor(host, [{ ...LINE_3, text: "Sigue faltando." }, RUT])).notes);
    expect([...fx.comments.values()].map((c) => `${c.sheet}!${c.cell}: ${c.content.split("\n")[1]}`).sort()).toEqual([
      "Cooperativa!B5: Campo «RUT» de la hoja Cooperativa: =HYPERLINK(\"http://x\",\"RUT\")",
      "Plan de Inversiones!A2: Línea 3 del Plan de inversiones: Sigue faltando.",
    ]);
  });
});

describe("PreviewWorkbookHost.placeObservationNotes", () => {
  it("keeps the notes apart from the marks: «Quitar marcas» leaves them; placing again replaces them", async () => {
    const host = new PreviewWorkbookHost();
    const { fx } = workbook([1, 2, 3]);
    const excel = new ExcelWorkbookHost({ run: fx.run, isSetSupported: () => true, settings: memorySettings() });
    host.load((await excel.readGrids()).grids);
    const { notes } = await notesFor(host, [LINE_3]);
    expect(await host.placeObservationNotes(notes)).toEqual({ placed: 1 });
    await host.markFindings([{ ruleId: "INV-001", severity: "error", message: "Problema", location: { sheet: "Plan de Inversiones", cell: "A4" } }]);
    await host.clearMarks();
    expect(host.snapshot().marks.size).toBe(0);
    expect(host.snapshot().observationNotes.get("Plan de Inversiones!A4")?.text).toBe(`${OBSERVATION_NOTE_TITLE}\nLínea 3 del Plan de inversiones: Falta la segunda cotización.`);
    await host.placeObservationNotes([]);
    expect(host.snapshot().observationNotes.size).toBe(0);
  });
});
