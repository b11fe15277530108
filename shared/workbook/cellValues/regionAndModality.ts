import { labelKey } from "../../rules/catalogue";
import { regionCodeFromText } from "../../domain/regionNames";
import type { Modality, RegionCode } from "../../domain";
import type { RawCell } from "../sheetView";
import { isBlankValue } from "../sheetView";
import { ok, problem, shown, EMPTY_RESULT, type CellContext, type CellResult } from "./cellResult";

/** Región → two-digit code (`8`, `08`, `VIII`, `BI`, "Región del Biobío", "Bío Bío"…). PARSE-016 when unknown. */
export function readRegion(cell: RawCell, ctx: CellContext): CellResult<RegionCode> {
  const v = cell.value;
  if (isBlankValue(v)) return EMPTY_RESULT;
  const code = typeof v === "string" || typeof v === "number" ? regionCodeFromText(v) : null;
  if (code) return ok(code);
  return problem("PARSE-016", ctx,
    `la región "${shown(v)}" no se reconoce. Escriba el nombre de la región (por ejemplo Biobío) o su código (por ejemplo 08).`, v);
}

const MODALITIES: Record<string, Modality> = {
  "creacion y desarrollo": "creacion", creacion: "creacion", "creacion desarrollo": "creacion", m1: "creacion",
  "modalidad 1": "creacion", "modalidad creacion y desarrollo": "creacion", "modalidad creacion": "creacion",
  fortalecimiento: "fortalecimiento", m2: "fortalecimiento", "modalidad 2": "fortalecimiento",
  "modalidad fortalecimiento": "fortalecimiento",
};

/** Modalidad → `creacion` ("Creación y Desarrollo", "Creacion", "M1") or `fortalecimiento` ("Fortalecimiento", "M2"). PARSE-017 otherwise. */
export function readModality(cell: RawCell, ctx: CellContext): CellResult<Modality> {
  const v = cell.value;
  if (isBlankValue(v)) return EMPTY_RESULT;
  const found = typeof v === "string" ? MODALITIES[labelKey(v)] : undefined;
  if (found) return ok(found);
  return problem("PARSE-017", ctx,
    `la modalidad "${shown(v)}" no se reconoce. Escriba Creación y Desarrollo o Fortalecimiento.`, v);
}
