// A parse worker: reads and parses the files it is sent and answers with what the store keeps of
// each (parse-file.ts). Built as dist/worker.js; see pool.ts. It never writes the database.
import { setFlagsFromString } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import type { RegistryActor } from "../briefing/schema.js";
import { parseFile } from "./parse-file.js";
import type { ToWorker, WorkerReply } from "./pool.js";
import { yieldToReader } from "./priority.js";

yieldToReader();

/**
 * TurboFan's budget for the bytecode it inlines into one optimised function (V8's default: 920).
 * Each parse worker optimises the whole parser on its own, and the optimising compiler, on V8's
 * threads beside the workers, was about a sixth of a cold load's CPU (perf, 10k archive). With 300,
 * a worker's 5,000 files took 7.3-8.3 s of CPU against 8.5-9.2 s (docs/performance-log.md,
 * work-cold4). V8's flags are the process's: this holds for every thread from here on, but only a
 * load that parses enough files to start workers sets it.
 */
const INLINE_BUDGET = 300;
setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`);

const { registry } = workerData as { registry: RegistryActor[] };

parentPort?.on("message", async (msg: ToWorker) => {
  const outcomes = [];
  for (const job of msg.jobs) outcomes.push(await parseFile(job.entry, job.index, { registry, sync: true }));
  const reply: WorkerReply = { kind: "digested", batch: msg.batch, outcomes };
  parentPort?.postMessage(reply);
});
