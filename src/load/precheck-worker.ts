// The precheck's thread (precheck.ts): checks the folder once and answers, then, when asked (the
// reader watches the folder by then), checks the stamps once more and ends. Built as
// dist/precheck.js; see precheck-thread.ts. It never writes the database.
import { parentPort, workerData } from "node:worker_threads";
import { cacheDirFrom } from "../store/open.js";
import { precheck } from "./precheck.js";
import type { FromPrecheck } from "./precheck-thread.js";

const { dir, env } = workerData as { dir: string; env: NodeJS.ProcessEnv };
const session = await precheck(dir, cacheDirFrom(env));
parentPort?.postMessage({ kind: "checked", result: session.result } satisfies FromPrecheck);
parentPort?.once("message", async () => {
  const paths = await session.recheck();
  session.close();
  parentPort?.postMessage({ kind: "rechecked", paths } satisfies FromPrecheck);
  parentPort?.close();
});
