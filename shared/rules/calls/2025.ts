import { CATALOGUE_2025 } from "../catalogue";
import { CallFile } from "./callParameters";

/**
 * The 2025 call ("Fortalecimiento y Creación de Cooperativas"), national figures (rules.md,
 * "Calls are data"). Sources are research.md's ids; [F] is the program's ficha on fondos.gob.cl.
 * Validated with zod when the module loads: a typo in a figure fails fast, in tests.
 */
export const CALL_2025: CallFile = CallFile.parse({
  id: "2025",
  year: 2025,
  name: "Fortalecimiento y Creación de Cooperativas 2025",
  subsidyCap: {
    creacion: { value: 8_000_000, source: "[S2][S3][S4][F]", confirmed: true },
    fortalecimiento: { value: 20_000_000, source: "[S2][S3][S4][F]", confirmed: true },
  },
  sustainabilityTopUp: {
    value: 0, source: "[S1][S2][S3][S4]", confirmed: false,
    note: "2022: hasta $3.000.000 [S1]; las bases 2025 no mencionan un monto adicional [S2][S3][S4].",
  },
  minimumOwnShare: {
    value: 0.02, source: "[S1]", confirmed: false,
    note: "Valor de la convocatoria 2022 (2 % sobre el cofinanciamiento Sercotec); 2023–2025 sin confirmar.",
  },
  managementCap: {
    value: null, source: "[S17][S19][S20]", confirmed: false,
    note: "Sin tope confirmado para este programa; referencias Sercotec: Crece ≤ 20 %, Crece Sostenible ≤ 16,7 %.",
  },
  workingCapitalCap: {
    value: null, source: "[S22][S32]", confirmed: false,
    note: "Sin tope confirmado; referencias: 40 % (Recupera tu Pyme 2022, luego eliminado), 20 % (Corfo 2025).",
  },
  workingCapitalWarnShare: {
    value: 0.3, source: "[S22][S32]", confirmed: false,
    note: "Umbral de advertencia elegido entre las referencias (20 %–40 %).",
  },
  executionMonths: { value: 6, source: "[S2][S3][S4]", confirmed: true },
  minimumMembers: { value: 5, source: "[F][S10]", confirmed: true, note: "Confirmado para Creación [F]." },
  salesCapPerMemberUf: { value: 25_000, source: "[S1][S9][F]", confirmed: true },
  ufValue: {
    value: 38_419, source: "Banco Central de Chile (UF al 1 de enero de 2025, redondeada)", confirmed: false,
    note: "Aproximado; el AOS puede ajustarlo por región.",
  },
  eligibleCooperativeTypes: {
    value: ["agrícola", "campesina", "pesquera", "de consumo", "de trabajo", "de servicios"],
    source: "[F][S1]", confirmed: true,
  },
  excludedCooperativeTypes: {
    value: ["ahorro y crédito", "servicios financieros"], source: "[S19]", confirmed: false,
    note: "Referencia: Crece excluye las cooperativas de servicios financieros.",
  },
  minimumQuotes: { value: 1, source: "rules.md", confirmed: false, note: "Decisión del programa: advertencia si falta." },
  nonFinanceableExpenses: {
    value: [
      { label: "impuestos", pattern: "\\bimpuestos?\\b" },
      { label: "pago de deudas", pattern: "\\bdeudas?\\b" },
      { label: "intereses", pattern: "\\bintereses\\b" },
      { label: "multas", pattern: "\\bmultas?\\b" },
      { label: "compra de bienes raíces", pattern: "\\bbienes raices\\b|\\bbien raiz\\b" },
      { label: "terrenos", pattern: "\\bterrenos?\\b" },
      { label: "inmuebles", pattern: "\\binmuebles?\\b" },
      { label: "instrumentos financieros", pattern: "\\binstrumentos? financieros?\\b" },
    ],
    source: "[S17][S19][S20][S21]", confirmed: false,
    note: "Cláusulas típicas «¿Qué NO financia?» de Sercotec; sin confirmar para este programa (research.md §2.3).",
  },
  vatIncludedPatterns: {
    value: ["\\bcon iva\\b", "\\biva incluido\\b", "\\bincluye iva\\b", "\\biva incl\\b"],
    source: "[S17][S18][S19][S20]", confirmed: true,
    note: "Los montos del plan son netos; el IVA lo paga el beneficiario.",
  },
  visitsPerMonth: { value: 1, source: "rules.md", confirmed: false, note: "Presencia sistemática del gestor/a: una visita al mes." },
  catalogue: { value: CATALOGUE_2025, source: "[S1][S9][S17][S19][S20][S22]", confirmed: false },
  regionOverrides: {},
});
