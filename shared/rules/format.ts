/**
 * Spanish (es-CL) formatting of figures in finding messages, with `Intl.NumberFormat("es-CL")`.
 */

const clp = new Intl.NumberFormat("es-CL", { style: "currency", currency: "CLP", maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat("es-CL", { style: "percent", maximumFractionDigits: 1 });
const number = new Intl.NumberFormat("es-CL", { maximumFractionDigits: 2 });

/** Integer CLP as money: 8190000 → "$8.190.000". */
export function formatClp(amount: number): string {
  return clp.format(amount);
}

/** A fraction 0–1 as a percentage: 0.42 → "42%", 0.0246 → "2,5%". */
export function formatPercent(fraction: number): string {
  return percent.format(fraction);
}

/** A plain number with es-CL grouping and decimal comma: 25000 → "25.000", 1.5 → "1,5". */
export function formatNumber(value: number): string {
  return number.format(value);
}
