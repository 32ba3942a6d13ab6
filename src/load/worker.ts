// A parse worker: reads and parses the files it is sent and answers with what the store keeps of
// each (parse-file.ts). Built as dist/worker.js; see pool.ts. It never writes the database.
import { parentPort, workerData } from "node:worker_threads";
import type { RegistryActor } from "../briefing/schema.js";
import { parseFile } from "./parse-file.js";
import type { ToWorker, WorkerReply } from "./pool.js";
import { yieldToReader } from "./priority.js";

yieldToReader();

const { registry } = workerData as { registry: RegistryActor[] };

parentPort?.on("message", async (msg: ToWorker) => {
  const outcomes = [];
  for (const job of msg.jobs) outcomes.push(await parseFile(job.entry, job.index, { registry, sync: true }));
  const reply: WorkerReply = { kind: "digested", batch: msg.batch, outcomes };
  parentPort?.postMessage(reply);
});
