/**
 * The per-file worker of `coop-plans validate` (cli/src/fileWorkers.ts): says it is ready once its
 * code is loaded, then validates each file it is sent and posts back the FileReport. Loaded in a
 * worker thread only (its own entry of the CLI bundle).
 */
import { isMainThread, parentPort } from "node:worker_threads";
import { validateFile } from "./commands/validate";
import type { FileJob } from "./fileWorkers";
import type { RulePack } from "@coop-plans/shared/rules";

if (!isMainThread && parentPort) {
  const port = parentPort;
  port.on("message", (job: FileJob) => {
    const options = { ...(job.asOf ? { asOf: job.asOf } : {}), ...(job.packs ? { packs: job.packs as RulePack[] } : {}) };
    void validateFile(job.file, options).then((report) => port.postMessage({ report: job.withPlan === false ? { ...report, plan: undefined } : report }));
  });
  port.postMessage({ ready: true });
}
