/**
 * Benchmark: one sync — PUT /v1/cooperatives/{id}/plan over HTTP through the local adapter (token
 * check, router, use case: one BatchGetItem, re-validation, compression, one conditional
 * TransactWriteItems) — against its floor: the same store work sent directly on the same
 * DynamoDB Local, with no HTTP, token, parsing or validation: one strongly consistent
 * BatchGetItem of three keys (cooperative, latest pointer, idempotency record) and one
 * TransactWriteItems of three conditional puts (the revision with the same compressed body, the
 * pointer conditioned on its version, the idempotency record). Runs alternate one for one after a
 * warm-up, so both see the same machine load. Prints the medians and the ratio save ÷ floor;
 * exits 1 when it is above 1.5. Run: `npx tsx bench/sync.bench.ts`.
 */
import { performance } from "node:perf_hooks";
import { BatchGetItemCommand, DynamoDBClient, TransactWriteItemsCommand, type AttributeValue } from "@aws-sdk/client-dynamodb";
import { validatePlan } from "@coop-plans/shared/rules";
import { encodeRevisionBody } from "../functions/src/store/revisionBody";
import { examplePlan, median, ms, startBenchBackend } from "./localBackend";

const WARMUP = 15;
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const TARGET = 1.5;

async function main(): Promise<number> {
  const backend = await startBenchBackend();
  try {
    const plan = await examplePlan();
    const aos = await backend.clientAs({ email: "aos.bench@ejemplo.cl", role: "aos", regions: ["10"] });
    const gestor = await backend.clientAs({ email: "gestora.bench@ejemplo.cl", role: "gestor", regions: ["10"] });
    const coop = await aos.registerCooperative("10", { name: "Cooperativa de referencia", modality: "creacion", callYear: 2025, gestorEmail: "gestora.bench@ejemplo.cl" });

    // The floor writes items as large as a save's: the same compressed body and attributes.
    const body = encodeRevisionBody({ plan, findings: validatePlan(plan) });
    const table = backend.stack.tableName;
    const dynamo = new DynamoDBClient({ endpoint: backend.stack.dynamo.endpoint, region: "local", credentials: { accessKeyId: "local", secretAccessKey: "local" } });
    const floorPk = `COOP#floor-${coop.id}`;
    const summary = {
      totals: { M: { sercotecAmount: { N: "1" }, ownAmount: { N: "1" }, total: { N: "2" }, investmentLines: { N: "1" }, actions: { N: "1" }, members: { N: "1" } } },
      counts: { M: { error: { N: "0" }, warning: { N: "1" }, info: { N: "0" } } },
      by: { M: { sub: { S: "bench" }, email: { S: "gestora.bench@ejemplo.cl" }, role: { S: "gestor" } } },
    };
    const revision = (v: number): Record<string, AttributeValue> => ({
      pk: { S: floorPk }, sk: { S: `REV#${String(v).padStart(9, "0")}` }, entity: { S: "revision" }, cooperativeId: { S: coop.id },
      v: { N: String(v) }, status: { S: "borrador" }, action: { S: "save" }, at: { S: new Date().toISOString() }, comment: { NULL: true },
      ...summary, body: { B: body.data }, bodyEncoding: { S: body.encoding }, bodyBytes: { N: String(body.bytes) },
    });
    const pointer = (v: number): Record<string, AttributeValue> => ({
      pk: { S: floorPk }, sk: { S: "LATEST" }, entity: { S: "latest" }, cooperativeId: { S: coop.id }, regionCode: { S: "10" },
      version: { N: String(v) }, status: { S: "borrador" }, updatedAt: { S: new Date().toISOString() }, updatedBy: summary.by, totals: summary.totals, counts: summary.counts,
      planHash: { S: "0".repeat(64) },
    });
    let floorVersion = 0;
    const floor = async (): Promise<{ read: number; write: number }> => {
      const key = `floor-${coop.id}-${floorVersion}`;
      let t = performance.now();
      await dynamo.send(new BatchGetItemCommand({
        RequestItems: { [table]: { ConsistentRead: true, Keys: [
          { pk: { S: `COOP#${coop.id}` }, sk: { S: "META" } }, { pk: { S: floorPk }, sk: { S: "LATEST" } }, { pk: { S: floorPk }, sk: { S: `IDEMPOTENCY#${key}` } },
        ] } },
      }));
      const read = performance.now() - t;
      t = performance.now();
      const v = floorVersion + 1;
      await dynamo.send(new TransactWriteItemsCommand({
        TransactItems: [
          { Put: { TableName: table, Item: revision(v), ConditionExpression: "attribute_not_exists(pk)" } },
          {
            Put: {
              TableName: table, Item: pointer(v), ConditionExpression: "attribute_not_exists(pk) OR #version = :base",
              ExpressionAttributeNames: { "#version": "version" }, ExpressionAttributeValues: { ":base": { N: String(floorVersion) } },
            },
          },
          {
            Put: {
              TableName: table, ConditionExpression: "attribute_not_exists(pk)",
              Item: { pk: { S: floorPk }, sk: { S: `IDEMPOTENCY#${key}` }, entity: { S: "idempotency" }, cooperativeId: { S: coop.id }, key: { S: key }, bodyHash: { S: "0".repeat(64) }, version: { N: String(v) }, createdAt: { S: new Date().toISOString() }, expiresAt: { N: String(Math.floor(Date.now() / 1000) + 86_400) } },
            },
          },
        ],
      }));
      floorVersion = v;
      return { read, write: performance.now() - t };
    };

    let version = 0;
    // Every sync must be a real save (a new revision): an identical plan on top of the latest
    // version is answered `unchanged` without writing, so each run edits one description.
    const sync = async () => {
      const edited = { ...plan, investmentLines: plan.investmentLines.map((line, j) => (j === 0 ? { ...line, description: `${line.description} (corrida ${version + 1})` } : line)) };
      const saved = await gestor.putPlan(coop.id, { plan: edited, baseVersion: version, confirmIdentity: true }, `bench-${coop.id}-${version}`);
      if (saved.unchanged || saved.version !== version + 1) throw new Error(`La sincronización ${version + 1} no guardó una revisión nueva (versión ${saved.version}).`);
      version = saved.version;
    };
    for (let i = 0; i < WARMUP; i++) {
      await sync();
      await floor();
    }
    const syncTimes: number[] = [];
    const floorTimes: number[] = [];
    const readTimes: number[] = [];
    const writeTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await sync();
      syncTimes.push(performance.now() - t);
      const { read, write } = await floor();
      readTimes.push(read);
      writeTimes.push(write);
      floorTimes.push(read + write);
    }
    dynamo.destroy();
    const syncMedian = median(syncTimes);
    const floorMedian = median(floorTimes);
    const ratio = syncMedian / floorMedian;
    const ratioText = ratio.toLocaleString("es-CL", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    process.stdout.write(
      `guardado (PUT del plan por HTTP, ${plan.investmentLines.length} líneas, cuerpo ${(body.data.length / 1024).toLocaleString("es-CL", { maximumFractionDigits: 1 })} KB comprimido): mediana ${ms(syncMedian)} en ${RUNS} corridas\n` +
      `piso (la misma lectura BatchGetItem y la misma transacción TransactWriteItems, enviadas directo al mismo DynamoDB Local): mediana ${ms(floorMedian)} (lectura ${ms(median(readTimes))} + transacción ${ms(median(writeTimes))})\n` +
      `razón guardado / piso (lectura + transacción): ${ratioText} (meta ≤ ${TARGET.toLocaleString("es-CL")}) → ${ratio <= TARGET ? "CUMPLE" : "NO CUMPLE"}\n`,
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
