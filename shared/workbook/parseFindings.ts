import type { Finding, Location, Severity } from "../domain";

/**
 * The findings of reading a workbook (the parser's, not the rules'): one stable id per problem,
 * documented here and nowhere else. Every message is Spanish and says what was found and what to
 * write instead. The parser reports only what it could not read; required values left empty are
 * the rules' job (PLAN-002, ACT-001…).
 */
export const PARSE_FINDINGS = {
  "PARSE-001": { severity: "error", what: "El libro no tiene ninguna hoja con datos." },
  "PARSE-002": { severity: "error", what: "Falta una hoja obligatoria de la plantilla (se informa en la celda A1 de la hoja esperada)." },
  "PARSE-003": { severity: "error", what: "Una hoja de tabla no tiene fila de encabezados reconocible en sus primeras 15 filas." },
  "PARSE-004": { severity: "error", what: "Falta una columna obligatoria (se informa en la primera celda de la fila de encabezados)." },
  "PARSE-005": { severity: "error", what: "Falta una fila obligatoria del formulario Cooperativa." },
  "PARSE-006": { severity: "info", what: "Hojas que no son de la plantilla: se ignoran (un solo aviso las lista)." },
  "PARSE-007": { severity: "error", what: "Una celda tiene un error de Excel (#REF!, #DIV/0!, #N/A…) o una fórmula sin valor calculado." },
  "PARSE-008": { severity: "error", what: "Un monto en pesos no se puede leer (texto ambiguo o que no es cifra)." },
  "PARSE-009": { severity: "error", what: "Un monto tiene decimales: los montos van en pesos enteros (no se redondea)." },
  "PARSE-010": { severity: "error", what: "Un monto, cantidad o conteo es negativo." },
  "PARSE-011": { severity: "error", what: "Un número (cantidad, conteo, N°, línea base…) no se puede leer." },
  "PARSE-012": { severity: "error", what: "Un número que debe ser entero (N°, cotizaciones, asistentes) tiene decimales." },
  "PARSE-013": { severity: "error", what: "Un porcentaje no se puede leer o está fuera de 0 % – 100 %." },
  "PARSE-014": { severity: "error", what: "Una fecha no se puede leer (formatos aceptados: serial de Excel, dd-mm-aaaa, dd/mm/aaaa, dd.mm.aaaa, aaaa-mm-dd)." },
  "PARSE-015": { severity: "error", what: "Una fecha no existe en el calendario (31-02-2025)." },
  "PARSE-016": { severity: "error", what: "Una región no se reconoce." },
  "PARSE-017": { severity: "error", what: "Una modalidad no se reconoce." },
  "PARSE-018": { severity: "error", what: "Un valor no está en la lista de la columna (Estado, Eje, Cargo, Tipo…)." },
  "PARSE-019": { severity: "error", what: "Un valor Sí/No no se reconoce." },
  "PARSE-020": { severity: "error", what: "La convocatoria no es un año." },
  "PARSE-021": { severity: "error", what: "Un número está fuera de su rango (hito fuera de 1–4)." },
  "PARSE-022": { severity: "info", what: "Una fila dentro de una tabla no llena ninguna columna obligatoria: se lee como nota, no como línea." },
  "PARSE-023": { severity: "warning", what: "Una fila con datos quedó bajo el final de la tabla (fila de total o notas) y no se leyó." },
  "PARSE-024": { severity: "warning", what: "Dos columnas con el mismo encabezado: se lee la de encabezado más preciso (o la primera) y se ignora la otra." },
  "PARSE-025": { severity: "warning", what: "Dos hojas corresponden a la misma parte del plan: se lee la primera." },
  "PARSE-026": { severity: "error", what: "Una hoja no se pudo leer por un error interno del lector (defensa: el parser nunca lanza)." },
  "PARSE-027": { severity: "error", what: "Un monto supera $1.000.000.000.000 (10^12 pesos), o una cantidad, conteo o número supera el mayor entero exacto (9.007.199.254.740.991): no se lee ni se suma." },
  "PARSE-028": { severity: "error", what: "Un texto tiene más de 2.000 caracteres: el sistema no lo guarda (límite del sistema, no de las bases); acórtelo." },
} as const satisfies Record<string, { severity: Severity; what: string }>;

/** A parse finding id, `PARSE-001`…`PARSE-028`. */
export type ParseFindingId = keyof typeof PARSE_FINDINGS;

/** Builds a parse finding with the id's severity, a Spanish message and its location. */
export function parseFinding(
  ruleId: ParseFindingId,
  message: string,
  location: Location,
  found?: string | number | null,
): Finding {
  const finding: Finding = { ruleId, severity: PARSE_FINDINGS[ruleId].severity, message, location };
  if (found !== undefined) finding.found = found;
  return finding;
}
