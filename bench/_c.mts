import { readFileSync } from "node:fs";
import { readWorkbookGrids } from "../shared/xlsx/readWorkbook";
for (const f of process.argv.slice(2)) {
  const t = performance.now(); const c = process.cpuUsage();
  try { const g = await readWorkbookGrids(new Uint8Array(readFileSync(f))); console.log(f.split("/").pop(), "read", g.sheets.length, Math.round(performance.now() - t), "ms cpu", Math.round(process.cpuUsage(c).user / 1000)); }
  catch (e) { console.log(f.split("/").pop(), (e as any).code, String((e as any).message).slice(0, 200), String((e as any).cause).slice(0, 200), Math.round(performance.now() - t)); }
}
