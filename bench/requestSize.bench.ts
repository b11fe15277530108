/**
 * Benchmark (sizes, not times): how large a real plan save request is, to size the API's inflate
 * limit (functions/src/http/request.ts MAX_INFLATED_BODY_BYTES, issue 13 item 3). The plan of
 * examples/clean_creacion.xlsx is grown to 2,000 and 5,000 investment lines (DESIGN.md: the
 * largest plan the store keeps) by repeating its real lines with a distinct number, description
 * and supplier each, so gzip cannot fold them away more than it would in a real plan. A third,
 * unrealistic case gives every line a 300-character description. Each line keeps its `source`
 * (sheet, row and the cell of every field, as the pane and the CLI send it), renumbered. Prints the JSON and gzip sizes
 * of the PUT body. Run: `npx tsx bench/requestSize.bench.ts`.
 */
import { gzipSync } from "node:zlib";
import type { Plan } from "@coop-plans/shared/domain";
import { MAX_INFLATED_BODY_BYTES } from "../functions/src/http/request";
import { examplePlan } from "./localBackend";

function grown(plan: Plan, lines: number, descriptionChars?: number): Plan {
  const base = plan.investmentLines;
  return {
    ...plan,
    investmentLines: Array.from({ length: lines }, (_, i) => {
      const line = base[i % base.length];
      const description = `${line.description ?? "Ítem"} — partida ${i + 1}`;
      const row = i + 2;
      const source = line.source
        ? { ...line.source, row, cells: Object.fromEntries(Object.entries(line.source.cells ?? {}).map(([k, a]) => [k, String(a).replace(/\d+$/, String(row))])) }
        : undefined;
      return {
        ...line,
        source,
        number: i + 1,
        description: descriptionChars ? description.padEnd(descriptionChars, " detalle técnico del bien o servicio").slice(0, descriptionChars) : description,
        supplier: `${line.supplier ?? "Proveedor"} ${1 + (i % 97)}`,
        quotes: 1 + (i % 3),
      };
    }),
  };
}

async function main(): Promise<number> {
  const plan = await examplePlan();
  const kib = (n: number) => `${(n / 1024).toLocaleString("es-CL", { maximumFractionDigits: 0 })} KiB`;
  const cases: Array<[string, Plan]> = [
    [`el ejemplo (${plan.investmentLines.length} líneas)`, plan],
    ["2.000 líneas", grown(plan, 2000)],
    ["5.000 líneas", grown(plan, 5000)],
    ["5.000 líneas con descripciones de 300 caracteres", grown(plan, 5000, 300)],
  ];
  for (const [label, p] of cases) {
    const json = Buffer.from(JSON.stringify({ plan: p, baseVersion: 0 }), "utf8");
    const gz = gzipSync(json, { level: 6 });
    process.stdout.write(`${label}: JSON ${kib(json.length)}, gzip ${kib(gz.length)} (${(json.length / gz.length).toFixed(1).replace(".", ",")}×)\n`);
  }
  process.stdout.write(`límite de descompresión: ${kib(MAX_INFLATED_BODY_BYTES)}\n`);
  return 0;
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(2);
});
