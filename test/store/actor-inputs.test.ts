// A change of actors.yaml resolves every file's actors again from what the store kept of it, reading
// no file: the store it leaves must be the store a cold load under the new registry makes (actor
// columns, digests with what is learnt of unknown actors, term uses, the text index), on fixtures
// (aliases, a removed actor, a new one named in the text) and on generated folders and registries.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncFolder } from "../../src/load/sync.js";
import { Store } from "../../src/store/store.js";
import { ftsQuery } from "../../src/story/search.js";
import { expectTrueLoad } from "./helpers.js";

let root: string;
let dir: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-actors-"));
  dir = path.join(root, "briefings");
  mkdirSync(dir);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function memoryStore(): Store {
  return Store.open({ file: null, real: dir, warn: () => {} });
}

/** Syncs and returns how many files it read and parsed. */
async function sync(s: Store): Promise<number> {
  let read = -1;
  await syncFolder(dir, s, {
    workerFile: null,
    onProgress: (_done, total) => {
      read = total;
    },
  });
  return read;
}

/** Everything the store holds that actors touch, by path (file ids differ between two stores). */
function dump(s: Store, queries: readonly string[]) {
  const paths = new Map(s.summaries().map((r) => [r.fileId, r.relPath]));
  const byPath = (ids: Iterable<number>) => [...ids].map((id) => paths.get(id) ?? `#${id}`).sort();
  const digests = [...s.digests()].map(([id, d]) => [paths.get(id), d] as const);
  digests.sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return {
    summaries: s.summaries().map(({ fileId: _, ...row }) => row),
    digests,
    uses: s
      .uses()
      .map(([key, id]) => `${key} ${paths.get(id)}`)
      .sort(),
    problems: s.problems(),
    search: queries.map((q) => [q, byPath(s.search(ftsQuery(q) ?? "") ?? [])]),
  };
}

/** Asserts the store `s`, brought up to date, equals one made from nothing; returns files `s` read. */
async function expectAsCold(s: Store, queries: readonly string[]): Promise<number> {
  const read = await sync(s);
  const cold = memoryStore();
  try {
    await sync(cold);
    expect(dump(s, queries)).toEqual(dump(cold, queries));
  } finally {
    cold.close();
  }
  return read;
}

function briefing(name: string, date: string, lines: string[]): void {
  writeFileSync(
    path.join(dir, `${name}.md`),
    [
      "---",
      `title: ${name}`,
      `date: ${date}`,
      "---",
      "",
      `# ${name}`,
      "",
      ...lines.flatMap((l) => [l, ""]),
    ].join("\n"),
  );
}

function registry(text: string | null): void {
  const file = path.join(dir, "actors.yaml");
  if (text === null) rmSync(file, { force: true });
  else writeFileSync(file, text);
}

describe("a change of actors.yaml", () => {
  const QUERIES = ["Valley Rail", "VR", "Mara Lindqvist", "Ostrova Shipping", "Ostrova", "Harbour Authority"];

  it("folds aliases, drops a removed actor and finds a new one in the text, reading no file", async () => {
    briefing("rail", "2026-03-01", [
      "VR said the timetable would change. Chief executive Mara Lindqvist agreed.",
      "## Why it matters",
      "Ostrova Shipping moves the freight that VR does not.",
      "## Glossary",
      "**Freight Corridor**: A line reserved for goods.",
    ]);
    briefing("port", "2026-03-02", [
      "The Northport Harbour Authority (NHA) met Lindqvist and Ostrova.",
      "The NHA said the freight corridor was full.",
    ]);
    briefing("quiet", "2026-03-03", ["Nothing here names anyone."]);
    const s = memoryStore();
    try {
      expect(await expectAsCold(s, QUERIES)).toBe(3);
      const actorsOf = (rel: string) => s.summaries().find((r) => r.relPath === rel)?.actors;
      expect(actorsOf("rail.md")).not.toContain("Valley Rail");

      registry(
        "- name: Valley Rail\n  kind: company\n  aliases: [VR]\n- name: Mara Lindqvist\n  kind: person\n  aliases: [Lindqvist]\n",
      );
      expect(await expectAsCold(s, QUERIES)).toBe(0);
      expect(actorsOf("rail.md")).toEqual(["Valley Rail", "Mara Lindqvist"]);
      expect(actorsOf("port.md")).toContain("Mara Lindqvist");
      // An alias folded into its actor's name is found by the name.
      expect(s.search(ftsQuery('"Valley Rail"')!)?.length).toBe(1);

      // Mara Lindqvist removed, VR no longer an alias, Ostrova Shipping new (named only in the text).
      registry(
        "- name: Valley Rail\n  kind: company\n- name: Ostrova Shipping\n  kind: company\n  aliases: [Ostrova]\n",
      );
      expect(await expectAsCold(s, QUERIES)).toBe(0);
      expect(actorsOf("rail.md")).toContain("Ostrova Shipping");
      expect(actorsOf("rail.md")).not.toContain("Valley Rail");
      expect(actorsOf("port.md")).toContain("Ostrova Shipping");
      expect(actorsOf("port.md")).not.toContain("Mara Lindqvist");

      registry("- name: [not, a, name]\n");
      expect(await expectAsCold(s, QUERIES)).toBe(0);
      registry(null);
      expect(await expectAsCold(s, QUERIES)).toBe(0);
      expect(actorsOf("rail.md")).not.toContain("Ostrova Shipping");
    } finally {
      s.close();
    }
    await expectTrueLoad(dir, path.join(root, "cache"));
  });

  it("leaves the store a cold load makes, for any folder and any two registries", async () => {
    const ACTORS = [
      { name: "Valley Rail", aliases: ["VR", "the Railway"] },
      { name: "Mara Lindqvist", aliases: ["Lindqvist"] },
      { name: "Ostrova Shipping", aliases: ["Ostrova", "OSC"] },
      { name: "Northport Harbour Authority", aliases: ["NHA", "the Authority"] },
      { name: "Ilse Brandt", aliases: ["Brandt"] },
    ];
    const SENTENCES = [
      "VR said the timetable would change.",
      "Chief executive Mara Lindqvist agreed with the Railway.",
      "Lindqvist spoke to Ostrova.",
      "Ostrova Shipping Corp. hired Ilse Brandt, deputy director of the NHA.",
      "The Northport Harbour Authority (NHA) met Secretary Brandt.",
      "The Authority said OSC would wait.",
      "Valley Rail and the Ostrova Shipping Commission met.",
      "Nobody is named in this sentence.",
    ];
    const registryArb = fc.subarray(ACTORS).chain((actors) =>
      fc.tuple(
        ...actors.map((a) =>
          fc.record({
            name: fc.constant(a.name),
            kind: fc.constantFrom("company", "person", "agency"),
            aliases: fc.subarray(a.aliases),
          }),
        ),
      ),
    );
    const folderArb = fc.array(fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 4,
    });
    const yaml = (actors: readonly { name: string; kind: string; aliases: string[] }[]) =>
      actors.length === 0
        ? null
        : actors
            .map((a) => `- name: ${a.name}\n  kind: ${a.kind}\n  aliases: [${a.aliases.join(", ")}]\n`)
            .join("");
    const queries = [...ACTORS.flatMap((a) => [a.name, ...a.aliases]), "Commission"];
    await fc.assert(
      fc.asyncProperty(folderArb, registryArb, registryArb, async (files, before, after) => {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir);
        files.forEach((lines, i) => {
          briefing(`b${i}`, `2026-04-0${i + 1}`, lines);
        });
        registry(yaml(before));
        const s = memoryStore();
        try {
          await sync(s);
          registry(yaml(after));
          expect(await expectAsCold(s, queries)).toBe(0);
        } finally {
          s.close();
        }
      }),
      { numRuns: 60, seed: 12 },
    );
  });
});
