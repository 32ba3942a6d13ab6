// The precheck's thread (precheck.ts): checks the folder's stamps and answers; then parses the few
// changed files, unless the reader's thread said it would (it was ready before the answer came);
// then, when asked (the reader watches the folder by then), checks the stamps once more and ends.
// Built as dist/precheck.js; see precheck-thread.ts. It never writes the database.
import { parentPort, workerData } from "node:worker_threads";
import { cacheDirFrom } from "../store/open.js";
import { PRECHECK_PARSE_MAX, precheck } from "./precheck.js";
import type { FromPrecheck, ToPrecheck } from "./precheck-thread.js";

const { dir, env } = workerData as { dir: string; env: NodeJS.ProcessEnv };
const post = (m: FromPrecheck) => parentPort?.postMessage(m);
let parseThere = false;
let session: Awaited<ReturnType<typeof precheck>> | undefined;
parentPort?.on("message", async (m: ToPrecheck) => {
  if (m.kind === "parse-there") {
    parseThere = true;
    return;
  }
  const paths = session ? await session.recheck() : "all";
  session?.close();
  post({ kind: "rechecked", paths });
  parentPort?.close();
});
session = await precheck(dir, cacheDirFrom(env));
// A message the reader's thread sent while the stamps were checked is taken first.
await new Promise((resolve) => setImmediate(resolve));
const { found } = session;
const parsing =
  found !== null && found.jobs.length > 0 && found.jobs.length <= PRECHECK_PARSE_MAX && !parseThere;
post({ kind: "checked", found, parsing });
if (parsing) post({ kind: "parsed", outcomes: await session.parse() });
