// A parse worker: reads and parses the files it is sent and answers with digests (first reading) or
// the glossary terms each file mentions (second reading). Built as dist/worker.js; see pool.ts.
import { parentPort, workerData } from "node:worker_threads";
import { digestFile } from "../briefing/digest.js";
import type { RegistryActor } from "../briefing/schema.js";
import { usesPattern } from "./glossary.js";
import type { ToWorker, WorkerReply } from "./pool.js";
import { yieldToReader } from "./priority.js";
import { usesOfFile } from "./uses.js";

yieldToReader();

const { registry, frames } = workerData as { registry: RegistryActor[]; frames: boolean };
let re: RegExp | null = null;
let keyIndex = new Map<string, number>();

parentPort?.on("message", async (msg: ToWorker) => {
  if (msg.kind === "digest") {
    const outcomes = [];
    for (const job of msg.jobs)
      outcomes.push(await digestFile(job.entry, job.index, { registry, frames, sync: true }));
    const transfer = outcomes.flatMap((o) => (o.frame ? [o.frame.buffer as ArrayBuffer] : []));
    const reply: WorkerReply = { kind: "digested", batch: msg.batch, outcomes };
    parentPort?.postMessage(reply, transfer);
  } else if (msg.kind === "terms") {
    re = usesPattern(msg.keys);
    keyIndex = new Map(msg.keys.map((k, i) => [k, i]));
  } else {
    const uses: [number, number[]][] = [];
    for (const job of msg.jobs) uses.push([job.index, re ? await usesOfFile(job, re, keyIndex, true) : []]);
    const reply: WorkerReply = { kind: "used", batch: msg.batch, uses };
    parentPort?.postMessage(reply);
  }
});
