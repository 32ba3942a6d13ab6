// The Markdown fixtures (one per construct), loaded as briefings.
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Briefing } from "../../src/briefing/schema.js";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/markdown");
/** Briefings in styles nobody here wrote (newsletters, READMEs, Obsidian, mail...). */
export const unseenDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../fixtures/unseen");

export function fixture(name: string, from = dir): Briefing {
  // As the loader reads a file: a byte-order mark is no text.
  const text = readFileSync(path.join(from, name), "utf8").replace(/^\uFEFF/, "");
  const r = parseBriefing(
    { path: path.join(from, name), relPath: name, text, size: text.length, mtimeMs: 0 },
    [],
  );
  if (!("briefing" in r)) throw new Error(JSON.stringify(r.problems));
  return r.briefing;
}

export const unseen = (name: string) => fixture(name, unseenDir);
