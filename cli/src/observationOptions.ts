import { MAX_OBSERVATIONS, Observation, ObservedField, type ObservedPlan } from "@coop-plans/shared/api";
import { COOPERATIVE_SHEET, headerKey, matchHeader } from "@coop-plans/shared/workbook";
import { formatNumber } from "@coop-plans/shared/format";

/** The `--line` help text: the syntax and an example. */
export const LINE_OPTION_DESCRIPTION =
  "observación en una línea por su N°: PLAN:N°=\"texto\" (PLAN es inversiones o accion), por ejemplo --line inversiones:3=\"Falta la segunda cotización\"; se puede repetir";

/** The `--field` help text: the syntax and an example. */
export const FIELD_OPTION_DESCRIPTION =
  "observación en un campo de la hoja Cooperativa: CAMPO=\"texto\" (rut, nombre, modalidad, región, convocatoria…), por ejemplo --field rut=\"El RUT no coincide con la escritura\"; se puede repetir";

/** How each plan is written after `--line`, accents and case aside. */
const PLAN_WORDS: Record<string, ObservedPlan> = {
  inversiones: "investment", inversion: "investment", "plan de inversiones": "investment", i: "investment",
  accion: "action", acciones: "action", "plan de accion": "action", actividad: "action", actividades: "action", a: "action",
};

const LINE_EXAMPLE = "--line inversiones:3=\"Falta la segunda cotización\"";
const FIELD_EXAMPLE = "--field rut=\"El RUT no coincide con la escritura\"";

/** Lower case, no accents, single spaces. */
function plainWord(text: string): string {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/** A Cooperativa field from what was written: its code (`rut`, `callYear`) or its label or a variant («Nombre», «Región», «Convocatoria»). */
function fieldOf(text: string): ObservedField | null {
  const byKey = ObservedField.options.find((f) => f.toLowerCase() === text.trim().toLowerCase());
  if (byKey) return byKey;
  if (headerKey(text) === "") return null;
  const match = matchHeader(text, COOPERATIVE_SHEET.fields);
  const parsed = match ? ObservedField.safeParse(match.spec.field) : null;
  return parsed?.success ? parsed.data : null;
}

/** The text after `=`, checked like the API checks it (1–1,000 characters, no control characters); a message naming the option when not. */
function observationOf(target: Observation["target"], text: string, option: string): Observation | string {
  const parsed = Observation.safeParse({ target, text });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `${option}: ${issue.path[0] === "text" && text.trim() === "" ? "escriba el texto de la observación después de «=»" : issue.message}`;
}

/**
 * The observations of `review return|approve|reopen` from its repeated options:
 * `--line inversiones:3="texto"` (a line of the Plan de inversiones or `accion:2` of the Plan de
 * acción, by its N°) and `--field rut="texto"` (a field of the Cooperativa sheet, by its code or
 * label). At most MAX_OBSERVATIONS in all.
 * @returns the observations, or the Spanish message naming the option that is wrong (exit 2).
 */
export function parseObservationOptions(lines: readonly string[] = [], fields: readonly string[] = []): { ok: true; observations: Observation[] } | { ok: false; message: string } {
  const observations: Observation[] = [];
  for (const raw of lines) {
    const m = /^([^:=]+):\s*([0-9]+)\s*=([\s\S]*)$/.exec(raw.trim());
    const plan = m ? PLAN_WORDS[plainWord(m[1])] : undefined;
    if (!m || !plan) {
      return { ok: false, message: `--line «${raw}» no se entiende: escriba PLAN:N°="texto", con PLAN inversiones o accion (por ejemplo ${LINE_EXAMPLE}).` };
    }
    const lineNumber = Number(m[2]);
    if (lineNumber < 1) return { ok: false, message: `--line «${raw}»: el N° de la línea es un entero de 1 o más.` };
    const o = observationOf({ kind: "line", plan, lineNumber }, m[3], `--line ${m[1].trim()}:${lineNumber}`);
    if (typeof o === "string") return { ok: false, message: o };
    observations.push(o);
  }
  for (const raw of fields) {
    const m = /^([^=]+)=([\s\S]*)$/.exec(raw.trim());
    const field = m ? fieldOf(m[1]) : null;
    if (!m || !field) {
      const known = COOPERATIVE_SHEET.fields.map((f) => f.field).join(", ");
      return { ok: false, message: `--field «${raw}» no se entiende: escriba CAMPO="texto", con CAMPO uno de ${known} o su nombre en la hoja Cooperativa (por ejemplo ${FIELD_EXAMPLE}).` };
    }
    const o = observationOf({ kind: "field", field }, m[2], `--field ${m[1].trim()}`);
    if (typeof o === "string") return { ok: false, message: o };
    observations.push(o);
  }
  if (observations.length > MAX_OBSERVATIONS) {
    return { ok: false, message: `Se admiten hasta ${formatNumber(MAX_OBSERVATIONS)} observaciones por decisión y escribió ${formatNumber(observations.length)}: junte las de una misma línea en una sola.` };
  }
  return { ok: true, observations };
}
