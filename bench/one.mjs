// Quick look at one size, cold then warm, without the floor or newsboat (not part of the report):
//   node bench/one.mjs 100000
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { archivePaths, ensureArchive } from "./generate.mjs";
import { Samples } from "./stats.mjs";
import { signaldeskRun } from "./subjects.mjs";

const n = Number(process.argv[2] ?? 10000);
ensureArchive(n, { log: () => {} });
const samples = new Samples();
const cache = mkdtempSync(join(tmpdir(), `sd-one-${n}-`));
const common = { bundle: resolve("dist/signaldesk.js"), dir: archivePaths(n).briefings, cache, presses: 5 };
try {
  await signaldeskRun(samples, n, { ...common, kind: "cold" });
  await signaldeskRun(samples, n, { ...common, kind: "warm" });
} finally {
  rmSync(cache, { recursive: true, force: true });
}
for (const [key, e] of samples.map) {
  const v = e.values.map((x) => (x > 100 ? Math.round(x) : Math.round(x * 10) / 10));
  console.log(key.padEnd(28), v.join(" "), e.failures.length ? `failed: ${e.failures.join(", ")}` : "");
}
