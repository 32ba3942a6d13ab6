// Builds the bundle once before the end-to-end tests when it is missing or older than the sources,
// so the tests never drive a stale program. `npm test` builds first anyway; this covers `vitest run`.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { BIN, REPO } from "./harness.js";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export default function setup(): void {
  if (process.env.SIGNALDESK_E2E_BIN) return;
  const stale = !existsSync(BIN) || statSync(BIN).mtimeMs < newestMtime(join(REPO, "src"));
  if (stale) execFileSync("npm", ["run", "build"], { cwd: REPO, stdio: "inherit" });
}
