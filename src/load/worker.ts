// A parse worker: reads and parses the files it is sent and answers with what the store keeps of
// each (parse-file.ts); once they are parsed, it may be sent passes of the conflict search, which it
// runs reading the database (store/conflict-search.ts). Built as dist/worker.js; see pool.ts. It
// never writes the database.
import { parentPort, workerData } from "node:worker_threads";
import type { RegistryActor } from "../briefing/schema.js";
import { parseFile } from "./parse-file.js";
import type { ToWorker, WorkerReply } from "./pool.js";
import { yieldToReader } from "./priority.js";

yieldToReader();

const { registry } = workerData as { registry: RegistryActor[] };

parentPort?.on("message", async (msg: ToWorker) => {
  if (msg.kind === "conflicts") {
    const { searchPasses } = await import("../store/conflict-search.js");
    const reply: WorkerReply = {
      kind: "partners",
      batch: msg.batch,
      rows: searchPasses(msg.file, msg.passes),
    };
    parentPort?.postMessage(reply);
    return;
  }
  const outcomes = [];
  for (const job of msg.jobs) outcomes.push(await parseFile(job.entry, job.index, { registry, sync: true }));
  const reply: WorkerReply = { kind: "digested", batch: msg.batch, outcomes };
  parentPort?.postMessage(reply);
});
