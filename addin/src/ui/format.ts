/** es-CL display helpers. */

const clp = new Intl.NumberFormat("es-CL", { style: "currency", currency: "CLP", maximumFractionDigits: 0 });

/** Integer CLP as `$1.500.000`. */
export function formatClp(amount: number | null | undefined): string {
  return amount === null || amount === undefined ? "—" : clp.format(amount);
}

/** An ISO timestamp as local `dd-mm-yyyy hh:mm` (America/Santiago). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString("es-CL", { timeZone: "America/Santiago", day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" });
}

/** Today's date (America/Santiago) as ISO `YYYY-MM-DD`. */
export function todayIso(now: Date): string {
  return now.toLocaleDateString("sv-SE", { timeZone: "America/Santiago" });
}
