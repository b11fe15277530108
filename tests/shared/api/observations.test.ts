import {
  MAX_OBSERVATION_CHARS, MAX_OBSERVATIONS, Observation, RevisionSummary, TransitionRequest, decisionObservations, lastAosObservation,
  observationLine, observationTargetText,
} from "@coop-plans/shared/api";

// The AOS's observations pinned to a line (by N°) or a field (issue 12, item 4): the schema bounds
// them with Spanish messages, and they read back in Spanish with their target.

const revision = (over: Partial<RevisionSummary>): RevisionSummary => ({
  cooperativeId: "c1", version: 1, status: "observado", action: "return", by: { sub: "s", email: "aos@x.cl", role: "aos" },
  at: "2025-11-03T13:22:00.000Z", comment: null, totals: { total: 0, sercotecAmount: 0, ownAmount: 0, members: 0, actions: 0, investmentLines: 0 },
  counts: { error: 0, warning: 0, info: 0 }, rulePack: { year: 2025, version: 1 }, ...over,
});

describe("Observation schema", () => {
  it("accepts a general, a line and a field target, trimming the text", () => {
    const body = TransitionRequest.parse({
      action: "return",
      observations: [
        { target: { kind: "general" }, text: "  Revise los montos. " },
        { target: { kind: "line", plan: "investment", lineNumber: 3 }, text: "Falta la segunda cotización." },
        { target: { kind: "line", plan: "action", lineNumber: 2 }, text: "Fecha de término antes del inicio." },
        { target: { kind: "field", field: "rut" }, text: "=HYPERLINK(\"x\")" },
      ],
    });
    expect(body.observations).toEqual([
      { target: { kind: "general" }, text: "Revise los montos." },
      { target: { kind: "line", plan: "investment", lineNumber: 3 }, text: "Falta la segunda cotización." },
      { target: { kind: "line", plan: "action", lineNumber: 2 }, text: "Fecha de término antes del inicio." },
      { target: { kind: "field", field: "rut" }, text: "=HYPERLINK(\"x\")" },
    ]);
  });

  it("refuses bad targets and texts with Spanish messages at the right path", () => {
    const issues = (value: unknown) => {
      const r = Observation.safeParse(value);
      return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    };
    expect(issues({ target: { kind: "cell" }, text: "x" })).toEqual([
      "target.kind: kind es «general» (todo el plan), «line» (una línea por su N°) o «field» (un campo de la hoja Cooperativa).",
    ]);
    expect(issues({ target: { kind: "line", plan: "budget", lineNumber: 1 }, text: "x" })).toEqual([
      "target.plan: plan es «action» (Plan de acción) o «investment» (Plan de inversiones).",
    ]);
    expect(issues({ target: { kind: "line", plan: "investment", lineNumber: 0 }, text: "x" })).toEqual([
      "target.lineNumber: lineNumber es el N° de la línea: un entero de 1 o más.",
    ]);
    expect(issues({ target: { kind: "line", plan: "investment", lineNumber: 2.5 }, text: "x" })).toEqual([
      "target.lineNumber: lineNumber es el N° de la línea: un entero de 1 o más.",
    ]);
    expect(issues({ target: { kind: "field", field: "source" }, text: "x" })).toEqual([
      "target.field: field es un campo de la hoja Cooperativa: callYear, regionCode, modality, name, rut, cooperativeType, annualNetSales, executionStart, executionEnd, manager, managerEmail, operatorAgent.",
    ]);
    expect(issues({ target: { kind: "general" }, text: "   " })).toEqual(["text: text es el texto de la observación: escríbalo."]);
    expect(issues({ target: { kind: "general" }, text: "x".repeat(MAX_OBSERVATION_CHARS + 1) })).toEqual(["text: Una observación admite hasta 1.000 caracteres."]);
    expect(issues({ target: { kind: "general" }, text: "a\u202Eb" })).toEqual([
      "text: El texto contiene un carácter de control no permitido (U+202E): bórrelo y vuelva a escribir el texto.",
    ]);
    expect(issues({ target: { kind: "general" }, text: "x".repeat(MAX_OBSERVATION_CHARS) })).toEqual([]);
  });

  it("bounds the count: 50 pass, 51 are refused", () => {
    const one = { target: { kind: "general" }, text: "x" };
    expect(TransitionRequest.safeParse({ action: "return", observations: Array(MAX_OBSERVATIONS).fill(one) }).success).toBe(true);
    const refused = TransitionRequest.safeParse({ action: "return", observations: Array(MAX_OBSERVATIONS + 1).fill(one) });
    expect(refused.success).toBe(false);
    expect(refused.error!.issues.map((i) => [i.path.join("."), i.message])).toEqual([
      ["observations", "Se admiten hasta 50 observaciones por decisión: junte las de una misma línea en una sola."],
    ]);
  });
});

describe("observations as people read them", () => {
  it("names each target in Spanish", () => {
    expect(observationTargetText({ kind: "general" })).toBe("General");
    expect(observationTargetText({ kind: "line", plan: "investment", lineNumber: 3 })).toBe("Línea 3 del Plan de inversiones");
    expect(observationTargetText({ kind: "line", plan: "action", lineNumber: 2 })).toBe("Actividad 2 del Plan de acción");
    expect(observationTargetText({ kind: "field", field: "rut" })).toBe("Campo «RUT» de la hoja Cooperativa");
    expect(observationLine({ target: { kind: "line", plan: "investment", lineNumber: 3 }, text: "Falta la cotización." }))
      .toBe("Línea 3 del Plan de inversiones: Falta la cotización.");
  });

  it("a decision's observations: the comment first as a general one, then the pinned ones", () => {
    const pinned = { target: { kind: "line" as const, plan: "investment" as const, lineNumber: 1 }, text: "Sin proveedor." };
    expect(decisionObservations(revision({ comment: " Revise todo. ", observations: [pinned] }))).toEqual([
      { target: { kind: "general" }, text: "Revise todo." },
      pinned,
    ]);
    expect(decisionObservations(revision({ comment: "  " }))).toEqual([]);
  });

  it("the current observation: a return with pinned observations only counts; an approval without any closes it", () => {
    const pinned = { target: { kind: "field" as const, field: "name" as const }, text: "Nombre distinto del registrado." };
    const returned = revision({ version: 3, observations: [pinned] });
    expect(lastAosObservation([revision({ version: 2, action: "submit", status: "enviado" }), returned])).toBe(returned);
    expect(lastAosObservation([returned, revision({ version: 4, action: "approve", status: "aprobado" })])).toBeNull();
  });
});
