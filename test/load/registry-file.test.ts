// `actors.yaml` read by the store's sync and by the whole load: one rule (load/registry-file.ts), so
// the same problem, at the same path and line, whichever load reads it, cold, warm or after an edit.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { Problem } from "../../src/briefing/schema.js";
import { loadFolder } from "../../src/load/folder.js";
import { loadBriefings } from "../../src/load/load.js";
import { runFolders } from "../run-folders.js";

const folders = runFolders("signaldesk-registry-");
let dir: string;
let cacheDir: string;

beforeEach(async () => {
  ({ dir, cacheDir } = await folders.next());
  await writeFile(
    path.join(dir, "2026-06-12-order.md"),
    "---\ntitle: An order\ndate: 2026-06-12\nactors: [Northport Harbour Authority]\n---\n\nThe NHA issued an order.\n",
  );
});

const GOOD = "- name: Northport Harbour Authority\n  kind: agency\n  aliases: [NHA]\n";

/** The registry's problems as a user sees them: path, line, message, severity. */
function ofRegistry(problems: readonly Problem[]) {
  return problems
    .filter((p) => p.path.endsWith("actors.yaml"))
    .map((p) => ({ path: p.path, line: p.line ?? null, message: p.message, severity: p.severity }));
}

async function throughStore() {
  const load = await loadFolder(dir, { cacheDir, warn: () => {} });
  try {
    return ofRegistry(load.problems);
  } finally {
    load.store.close();
  }
}

const CASES: [string, string, { line: number | null; message: RegExp }[]][] = [
  ["empty", "", [{ line: null, message: /^empty file$/ }]],
  ["only blank lines", "\n  \n", [{ line: null, message: /^empty file \(only blank lines\)$/ }]],
  ["not YAML", "- name: [\n", [{ line: 2, message: /Flow sequence/ }]],
  ["not a list", "name: Northport\n", [{ line: 1, message: /^expected a list of actors/ }]],
  ["an entry of an unknown kind", "- name: Northport\n  kind: planet\n", [{ line: 2, message: /^kind: / }]],
];

describe("actors.yaml read by the store and by the whole load", () => {
  for (const [name, text, expected] of CASES) {
    it(`gives one answer for a registry that is ${name}: cold, warm, and after a good one`, async () => {
      const registry = path.join(dir, "actors.yaml");
      await writeFile(registry, text);
      const whole = ofRegistry((await loadBriefings(dir)).problems);
      expect(whole).toHaveLength(expected.length);
      expected.forEach((e, i) => {
        expect(whole[i]).toMatchObject({ path: registry, line: e.line, severity: "error" });
        expect(whole[i]!.message).toMatch(e.message);
      });
      expect(await throughStore()).toEqual(whole);
      // Warm: the stored registry's check, not a new one.
      expect(await throughStore()).toEqual(whole);
      // A good registry the store has kept, then this one written over it.
      await writeFile(registry, GOOD);
      expect(await throughStore()).toEqual([]);
      await writeFile(registry, text);
      expect(await throughStore()).toEqual(whole);
      expect(ofRegistry((await loadBriefings(dir)).problems)).toEqual(whole);
    });
  }
});
