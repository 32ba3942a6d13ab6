// The Markdown fixtures (one per construct), loaded as briefings.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Briefing } from "../../src/briefing/schema.js";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/markdown");

export function fixture(name: string): Briefing {
  const text = readFileSync(path.join(dir, name), "utf8");
  const r = parseBriefing(
    { path: path.join(dir, name), relPath: name, text, size: text.length, mtimeMs: 0 },
    [],
  );
  if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
  return r.briefing;
}
