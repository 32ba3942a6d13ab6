// The bundle's other entry points (dist/worker.js, dist/loader.js, dist/parser.cjs), found from whichever file of the
// bundle this code ends up in: dist/ itself or its chunks/. Running the source (tests), there are
// none, and the callers do the work on their own thread.
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export function builtEntry(name: "worker.js" | "loader.js" | "parser.cjs"): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (const candidate of [path.join(here, name), path.join(here, "..", name)]) {
    if (existsSync(candidate) && path.basename(path.dirname(candidate)) === "dist") return candidate;
  }
  return null;
}
