import type { CellValue, SheetGrid, WorkbookGrids } from "@coop-plans/shared/workbook";

/** Test helper: a sheet grid from rows (origin A1 unless given). */
export function sheet(name: string, values: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid {
  return { name, origin: "A1", values, ...extra };
}

export const COOPERATIVA: CellValue[][] = [
  ["Convocatoria", 2025],
  ["Región", "Región de Los Ríos"],
  ["Modalidad", "Creación y Desarrollo"],
  ["Nombre de la cooperativa o grupo", "Grupo Ejemplo"],
  ["RUT", null],
  ["Tipo de cooperativa", "de trabajo"],
  ["Ventas netas anuales (CLP)", null],
  ["Fecha de inicio de ejecución", "08-09-2025"],
  ["Fecha de término de ejecución", 46088],
  ["Gestor/a", "Gestora Ejemplo"],
  ["Correo del gestor/a", "gestora@example.org"],
  ["Agente Operador (AOS)", "Corporación Ejemplo"],
];

export const SOCIOS: CellValue[][] = [
  ["N°", "Nombre", "RUT", "Cargo", "Género"],
  [1, "Socia Uno", "18.919.557-5", "presidente/a", "femenino"],
  [2, "Socio Dos", "15110178-k", "socio/a", "masculino"],
];

export const HITOS: CellValue[][] = [
  ["Hito", "Nombre", "Fecha programada", "Fecha realizada", "Estado", "N° de asistentes", "Medio de verificación", "Observaciones"],
  [1, "Socialización", 45917, 45917, "Realizado", 5, "Acta", null],
  [2, "Plan de acción", "08/10/2025", null, "En curso", null, "Plan firmado", null],
];

export const ACCION: CellValue[][] = [
  ["N°", "Eje", "Brecha", "Objetivo", "Actividad", "Responsable", "Fecha inicio", "Fecha término", "Indicador", "Meta", "Medio de verificación", "Estado", "% de avance"],
  [1, "Gobernanza", "Sin estatutos", "Constituir", "Estatutos", "Presidenta", "22-09-2025", "19-12-2025", "Inscripción", "1 inscripción", "Certificado", "En curso", "30%"],
];

export const INVERSIONES_HEADER: CellValue[] = [
  "N°", "Grupo", "Ítem", "Sub-ítem", "Descripción", "Actividad N°", "Cantidad", "Valor unitario neto", "Total neto",
  "Aporte Sercotec", "Aporte empresarial", "Proveedor", "RUT proveedor", "N° de cotizaciones", "Bien usado",
  "Autorización bien usado", "Sustentable", "Fecha estimada de compra", "Estado", "Monto ejecutado",
];

export const LINE_1: CellValue[] = [
  1, "Formalización", "Gastos de formalización", "constitución legal", "Escritura", 1, 1, 410000, 410000, 410000, 0,
  "Notaría", "77.210.757-9", 1, "No", null, "No", 45967, "Pendiente", null,
];
export const LINE_2: CellValue[] = [
  2, "inversiones", "activo fijo", "Activos Fijos", "Telar", 3, 2, "$ 1.180.000", "2.360.000", "2.240.000", "$120.000.-",
  "Telares", "76488731k", "3", "Sí", "Resolución 12", "si", "17.11.2025", "comprado", "$ 0",
];

export const RESULTADOS: CellValue[][] = [
  ["N°", "Indicador", "Unidad", "Línea base", "Meta", "Resultado", "Medio de verificación"],
  [1, "Lana hilada", "kg por mes", 15, 40, null, "Cuaderno"],
];

/** A small but complete workbook: every required sheet, clean values. */
export function baseWorkbook(overrides: Record<string, SheetGrid | null> = {}, date1904 = false): WorkbookGrids {
  const sheets: SheetGrid[] = [
    sheet("Cooperativa", COOPERATIVA),
    sheet("Socios", SOCIOS),
    sheet("Hitos", HITOS),
    sheet("Plan de Acción", ACCION),
    sheet("Plan de Inversiones", [INVERSIONES_HEADER, LINE_1, LINE_2]),
    sheet("Resultados", RESULTADOS),
  ];
  const out: SheetGrid[] = [];
  for (const s of sheets) {
    if (s.name in overrides) {
      const o = overrides[s.name];
      if (o) out.push(o);
    } else out.push(s);
  }
  for (const [name, o] of Object.entries(overrides)) if (o && !sheets.some((s) => s.name === name)) out.push(o);
  return { sheets: out, date1904 };
}
