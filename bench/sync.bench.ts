/**
 * Benchmark: one sync (PUT /v1/cooperatives/{id}/plan over HTTP through the local adapter: token
 * check, handler, one BatchGetItem, re-validation, compression, one conditional transaction) versus
 * a bare PutItem of an item of the same size on the same DynamoDB Local, interleaved one for one
 * after a warm-up so both see the same machine load. Prints both medians and their ratio; exits
 * 1 when the ratio is above 3. Run: `npx tsx bench/sync.bench.ts`.
 */
import { performance } from "node:perf_hooks";
import { DynamoDBClient, GetItemCommand, PutItemCommand, TransactWriteItemsCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { validatePlan } from "@coop-plans/shared/rules";
import { encodeRevisionBody } from "../functions/src/store/revisionBody";
import { examplePlan, median, ms, startBenchBackend } from "./localBackend";

const WARMUP = 10;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const TARGET = 3;

async function main(): Promise<number> {
  const backend = await startBenchBackend();
  try {
    const plan = await examplePlan();
    const aos = await backend.clientAs({ email: "aos.bench@ejemplo.cl", role: "aos", regions: ["10"] });
    const gestor = await backend.clientAs({ email: "gestora.bench@ejemplo.cl", role: "gestor", regions: ["10"] });
    const coop = await aos.registerCooperative("10", { name: "Cooperativa de referencia", modality: "creacion", callYear: 2025, gestorEmail: "gestora.bench@ejemplo.cl" });

    // The bare PutItem writes an item as large as a revision item: the same compressed body and attributes.
    const body = encodeRevisionBody({ plan, findings: validatePlan(plan) });
    const dynamo = new DynamoDBClient({ endpoint: backend.stack.dynamo.endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
    const item = (i: number): Record<string, AttributeValue> => ({
          pk: { S: `BENCH#${coop.id}` }, sk: { S: `REV#${String(i).padStart(9, "0")}` }, entity: { S: "revision" },
          cooperativeId: { S: coop.id }, v: { N: String(i) }, status: { S: "borrador" }, action: { S: "save" },
          by: { M: { sub: { S: "bench" }, email: { S: "gestora.bench@ejemplo.cl" }, role: { S: "gestor" } } },
          at: { S: new Date().toISOString() }, comment: { NULL: true },
          body: { B: body.data }, bodyEncoding: { S: body.encoding }, bodyBytes: { N: String(body.bytes) },
    });
    const putItem = (i: number) => dynamo.send(new PutItemCommand({ TableName: backend.stack.tableName, Item: item(i) }));
    // For the breakdown: what a save costs the store (one read, and the revision + pointer + idempotency transaction).
    const getItem = () => dynamo.send(new GetItemCommand({ TableName: backend.stack.tableName, Key: { pk: { S: `COOP#${coop.id}` }, sk: { S: "LATEST" } } }));
    const transact = (i: number) => dynamo.send(new TransactWriteItemsCommand({
      TransactItems: [
        { Put: { TableName: backend.stack.tableName, Item: item(100_000 + i), ConditionExpression: "attribute_not_exists(pk)" } },
        { Put: { TableName: backend.stack.tableName, Item: { pk: { S: `BENCH#${coop.id}` }, sk: { S: `LATEST#${i}` }, v: { N: String(i) } } } },
        { Put: { TableName: backend.stack.tableName, Item: { pk: { S: `BENCH#${coop.id}` }, sk: { S: `IDEMPOTENCY#${i}` }, v: { N: String(i) } } } },
      ],
    }));

    let version = 0;
    // Every sync must be a real save (a new revision): an identical plan on top of the latest
    // version is answered `unchanged` without writing, so each run edits one description.
    const sync = async () => {
      const edited = { ...plan, investmentLines: plan.investmentLines.map((line, j) => (j === 0 ? { ...line, description: `${line.description} (corrida ${version + 1})` } : line)) };
      const saved = await gestor.putPlan(coop.id, { plan: edited, baseVersion: version }, `bench-${coop.id}-${version}`);
      if (saved.unchanged || saved.version !== version + 1) throw new Error(`La sincronización ${version + 1} no guardó una revisión nueva (versión ${saved.version}).`);
      version = saved.version;
    };
    for (let i = 0; i < WARMUP; i++) {
      await sync();
      await putItem(-1 - i);
    }
    const syncTimes: number[] = [];
    const putTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await sync();
      syncTimes.push(performance.now() - t);
      t = performance.now();
      await putItem(i);
      putTimes.push(performance.now() - t);
    }
    const getTimes: number[] = [];
    const transactTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await getItem();
      getTimes.push(performance.now() - t);
      t = performance.now();
      await transact(i);
      transactTimes.push(performance.now() - t);
    }
    dynamo.destroy();
    const syncMedian = median(syncTimes);
    const putMedian = median(putTimes);
    const ratio = syncMedian / putMedian;
    process.stdout.write(
      `sync (PUT del plan por HTTP, ${plan.investmentLines.length} líneas, cuerpo ${(body.data.length / 1024).toFixed(1)} KB comprimido): mediana ${ms(syncMedian)} en ${RUNS} corridas\n` +
      `PutItem directo del mismo tamaño en el mismo DynamoDB Local: mediana ${ms(putMedian)}\n` +
      `desglose de referencia: GetItem ${ms(median(getTimes))}, TransactWriteItems de 3 ítems ${ms(median(transactTimes))}\n` +
      `razón sync / PutItem: ${ratio.toFixed(2)} (meta ≤ ${TARGET}) → ${ratio <= TARGET ? "CUMPLE" : "NO CUMPLE"}\n`,
    );
    return ratio <= TARGET ? 0 : 1;
  } finally {
    await backend.stop();
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  process.stderr.write(`El benchmark falló: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(2);
});
