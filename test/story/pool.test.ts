// Where files are parsed must not change what the reader shows: worker threads and this thread give the
// same outcomes and glossary uses, and a worker that dies only moves its files back to this thread.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { getPriority, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { deserialize } from "node:v8";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FileOutcome } from "../../src/briefing/digest.js";
import { type FileEntry, scanFolder } from "../../src/briefing/read.js";
import type { RegistryActor } from "../../src/briefing/schema.js";
import { collectTerms, termKey } from "../../src/story/glossary.js";
import { type DigestJob, MIN_FILES_FOR_WORKERS, type ParsePool, startPool } from "../../src/story/pool.js";
import type { UsesJob } from "../../src/story/uses.js";
import { random } from "../random.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const WORKER = path.join(repoRoot, "dist", "worker.js");
/** A few batches for each of two workers, with some left over once both have theirs. */
const GOOD_FILES = 300;
/** What the pools are told the folder holds: enough that, asked for workers, they start them. */
const FILES = Math.max(GOOD_FILES, MIN_FILES_FOR_WORKERS);

const registry: RegistryActor[] = [
  { name: "Northport Harbour Authority", kind: "agency", aliases: ["Harbour Authority", "NHA"] },
  { name: "Mara Lindqvist", kind: "person", aliases: ["Lindqvist"] },
  { name: "Valley Rail", kind: "company", aliases: [] },
];

const TERMS: [string, string][] = [
  ["Canal Toll", "A fee charged to ships for passage through the canal."],
  ["Lock", "A chamber that lifts or lowers boats between water levels."],
  ["Export Control", "Rules limiting what may be sent abroad."],
  ["Deemed Export", "Release of controlled technology to a foreign national at home."],
  ["Dual-Use", "Said of a technology with civilian and military uses."],
  ["Berth", "A place where a ship is moored."],
  ["Landslip", "A mass of earth sliding down a slope."],
  ["Tariff Schedule", "The list of duties charged on goods."],
  ["Frontier Model", "An AI system at the leading edge of capability."],
  ["Ferry Licence", "Permission to run a passenger ferry."],
];
/** How a briefing may mention a term without defining it: other case, plural, hyphens. */
const MENTIONS = [
  "canal tolls",
  "the locks",
  "export-controls",
  "a deemed export",
  "dual use goods",
  "berths",
  "landslips",
  "tariff schedules",
  "frontier models",
  "ferry licences",
];
const SOURCES = ["Northport Gazette", "Valley Courier", "Harbour Weekly"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September"];

let tmp: string;
let folder: string;
let entries: FileEntry[];
let jobs: DigestJob[];
/** The files written as bad ones, by relPath, with what each must be reported as. */
const bad = new Map<string, RegExp>();
const opened: ParsePool[] = [];
/** The bad files whose bytes never reach the parser. */
const UNREADABLE = new Set(["empty.md", "blank.md", "latin1.md", "nul.md", "vanishes.md"]);

function briefingText(i: number, rnd: () => number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const day = 1 + Math.floor(rnd() * 28);
  const month = Math.floor(rnd() * MONTHS.length);
  const iso = `2026-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  const actor = pick(["the Harbour Authority", "Mara Lindqvist", "Valley Rail", "Oskar Brandt", "NHA"]);
  const lines: string[] = [];
  const style = i % 5;
  if (style !== 4) {
    lines.push("---", `title: Briefing number ${i} on ${pick(MENTIONS)}`);
    if (style !== 3) lines.push(`date: ${iso}`);
    lines.push(`source: ${pick(SOURCES)}`);
    if (style === 0) lines.push(`actors: [${pick(registry).name}, Oskar Brandt]`, "tags: [shipping, tolls]");
    if (style === 1) lines.push(`tags: ${pick(["rail", "trade", "policy"])}`);
    // An unknown key is a warning; an impossible date is an error: both must come back alike.
    if (i % 37 === 0) lines.push("author: Someone");
    if (i % 53 === 0) lines.push("id: 2031");
    lines.push("---");
  }
  lines.push(`# Harbour news ${i}`, "");
  lines.push(
    `On ${MONTHS[month]} ${day}, 2026, ${actor} said ${pick(MENTIONS)} and ${pick(MENTIONS)} would change.`,
    "",
  );
  if (rnd() < 0.5) lines.push(`- Key point about ${pick(MENTIONS)}.`, `- Another, in ${2020 + (i % 6)}.`, "");
  lines.push("## Why it matters", "", `Officials at ${actor} expect ${pick(MENTIONS)} to matter.`, "");
  if (rnd() < 0.4) lines.push("## What to watch", "", `A vote on ${iso} decides.`, "");
  const own = Array.from({ length: Math.floor(rnd() * 4) }, () => pick(TERMS));
  if (own.length > 0) {
    lines.push("## Glossary", "");
    for (const [term, definition] of own)
      lines.push(rnd() < 0.2 ? `**${term}s**: ${definition}` : `**${term}**: ${definition}`);
    lines.push("");
  }
  if (rnd() < 0.3) lines.push(`Source: ${pick(SOURCES)}`, "");
  return lines.join(i % 7 === 0 ? "\r\n" : "\n");
}

async function digestAll(from: ParsePool, list: readonly DigestJob[] = jobs): Promise<FileOutcome[]> {
  const got: FileOutcome[] = [];
  const times = new Map<number, number>();
  await from.digest(list, (o) => {
    got.push(o);
    times.set(o.index, (times.get(o.index) ?? 0) + 1);
  });
  // Every job comes back, and exactly once.
  expect(got).toHaveLength(list.length);
  expect([...times.keys()].sort((a, b) => a - b)).toEqual(list.map((j) => j.index).sort((a, b) => a - b));
  return got.sort((a, b) => a.index - b.index);
}

function withoutFrames(outcomes: readonly FileOutcome[]) {
  return outcomes.map(({ frame: _, ...rest }) => rest);
}

function usesJobs(outcomes: readonly FileOutcome[]): UsesJob[] {
  return outcomes.flatMap((o) =>
    o.digest
      ? [
          {
            index: o.index,
            entry: entries[o.index]!,
            head: {
              title: o.digest.title,
              source: o.digest.source,
              actors: o.digest.actors,
              tags: o.digest.tags,
            },
          },
        ]
      : [],
  );
}

async function usesAll(from: ParsePool, keys: string[], list: readonly UsesJob[]) {
  const got = new Map<number, number[]>();
  let calls = 0;
  await from.uses(keys, list, (index, terms) => {
    calls++;
    got.set(
      index,
      [...terms].sort((a, b) => a - b),
    );
  });
  expect(calls).toBe(list.length);
  expect([...got.keys()].sort((a, b) => a - b)).toEqual(list.map((j) => j.index).sort((a, b) => a - b));
  return got;
}

function pool(opts: Partial<Parameters<typeof startPool>[0]>): ParsePool {
  const p = startPool({ registry, frames: false, files: FILES, workerFile: WORKER, ...opts });
  opened.push(p);
  return p;
}

/** A worker that writes to `marker` when it starts and dies on the first message it gets. */
async function dyingWorker(name: string, marker: string, how: "exit" | "throw"): Promise<string> {
  const file = path.join(tmp, name);
  const die = how === "exit" ? "process.exit(7);" : 'throw new Error("worker broke");';
  await writeFile(
    file,
    [
      'import { appendFileSync } from "node:fs";',
      'import { parentPort } from "node:worker_threads";',
      `appendFileSync(${JSON.stringify(marker)}, "started\\n");`,
      "parentPort.once('message', () => {",
      `  appendFileSync(${JSON.stringify(marker)}, "message\\n");`,
      `  ${die}`,
      "});",
      "",
    ].join("\n"),
  );
  return file;
}

let reference: FileOutcome[];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "signaldesk-pool-"));
  folder = path.join(tmp, "briefings");
  const rnd = random(42);
  for (let i = 0; i < GOOD_FILES; i++) {
    const rel = `${["", "2026/", "2026/spring/"][i % 3]}b-${String(i).padStart(4, "0")}.md`;
    await mkdir(path.dirname(path.join(folder, rel)), { recursive: true });
    await writeFile(path.join(folder, rel), briefingText(i, rnd));
  }
  const write = async (rel: string, content: string | Uint8Array, problem: RegExp) => {
    await writeFile(path.join(folder, rel), content);
    bad.set(rel, problem);
  };
  await write("empty.md", "", /^empty file$/);
  await write("blank.md", "\n \n\t\n", /^empty file \(only blank lines\)$/);
  await write("latin1.md", Buffer.from("# Caf\xe9 news\n\nSecond line.\n", "latin1"), /^invalid UTF-8/);
  await write("nul.md", Buffer.from("# Title\n\nhalf\0binary\n"), /^binary file/);
  await write("bad-date.md", "---\ndate: 2026-02-30\n---\n# Title\n\nText.\n", /^date: /);
  await write("vanishes.md", "# Soon gone\n\nText.\n", /^vanished/);
  // A UTF-16 briefing with a BOM is fine, and must be decoded alike.
  await writeFile(
    path.join(folder, "utf16.md"),
    Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("# Sixteen\n\nThe locks opened.\n", "utf16le")]),
  );
  const scan = await scanFolder(folder);
  await unlink(path.join(folder, "vanishes.md"));
  entries = scan.entries;
  jobs = entries.map((entry, index) => ({ entry, index }));
  reference = await digestAll(pool({ workers: 0, frames: true }));
});

afterAll(async () => {
  for (const p of opened.splice(0)) p.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("the corpus", () => {
  it("has good files that load and bad ones reported as such", () => {
    expect(reference.filter((o) => o.digest !== null).length).toBeGreaterThanOrEqual(GOOD_FILES);
    for (const [rel, problem] of bad) {
      const o = reference[entries.findIndex((e) => e.relPath === rel)]!;
      expect(o.digest, rel).toBeNull();
      expect(o.problems.map((p) => p.message)).toContainEqual(expect.stringMatching(problem));
    }
    // Warnings ride along with a loaded briefing.
    expect(reference.some((o) => o.digest && o.problems.some((p) => p.severity === "warning"))).toBe(true);
  });
});

describe("the worker pool and this thread", () => {
  // As in a load, one pool reads the files twice: digests, then glossary uses.
  let workers: ParsePool;
  beforeAll(() => {
    workers = pool({ workers: 2, frames: true });
  });

  it("give the same outcomes, with frames when asked for", async () => {
    expect(workers.workers).toBe(2);
    const got = await digestAll(workers);
    expect(withoutFrames(got)).toEqual(withoutFrames(reference));
    for (const [i, o] of got.entries()) {
      const want = reference[i]!;
      // A frame is the parse result: a file that could not be read has none.
      if (UNREADABLE.has(entries[i]!.relPath)) {
        expect(o.frame, entries[i]!.relPath).toBeNull();
        expect(want.frame, entries[i]!.relPath).toBeNull();
        continue;
      }
      expect(o.frame, entries[i]!.relPath).toBeInstanceOf(Uint8Array);
      expect(want.frame, entries[i]!.relPath).toBeInstanceOf(Uint8Array);
      // The bytes may differ in how strings are stored; what they decode to may not.
      expect(deserialize(o.frame!)).toEqual(deserialize(want.frame!));
    }
  });

  it("give the same outcomes and no frames when none are asked for", async () => {
    const noFrames = pool({ workers: 2 });
    expect(noFrames.workers).toBe(2);
    // A few batches, enough that both workers get some.
    const some = jobs.slice(0, 200);
    const fromWorkers = await digestAll(noFrames, some);
    const here = await digestAll(pool({ workers: 0 }), some);
    expect(withoutFrames(fromWorkers)).toEqual(withoutFrames(reference.slice(0, 200)));
    expect(withoutFrames(here)).toEqual(withoutFrames(reference.slice(0, 200)));
    expect(fromWorkers.filter((o) => o.frame !== null)).toEqual([]);
    expect(here.filter((o) => o.frame !== null)).toEqual([]);
  });

  it("find the same glossary terms in each file", async () => {
    const terms = collectTerms(
      reference.flatMap((o) => (o.digest ? [{ id: o.digest.id, glossary: o.digest.glossary }] : [])),
    );
    // Also a term no glossary defines but every title mentions, and one too short to search for.
    const keys = [...terms.keys(), termKey("Harbour News"), termKey("X")];
    expect(keys.length).toBeGreaterThan(5);
    const list = usesJobs(reference);
    const fromWorkers = await usesAll(workers, keys, list);
    const here = await usesAll(pool({ workers: 0 }), keys, list);
    expect(fromWorkers).toEqual(here);
    // Files mention terms they do not define, so the second reading found more than the glossaries.
    const found = [...here.values()].reduce((n, t) => n + t.length, 0);
    const defined = [...terms.values()].reduce((n, t) => n + t.briefingIds.length, 0);
    expect(found).toBeGreaterThan(defined);
    expect([...here.values()].every((t) => t.every((k) => k >= 0 && k < keys.length))).toBe(true);
    // Found in each generated briefing's heading, by the workers as here.
    const harbour = keys.indexOf(termKey("Harbour News"));
    const generated = list.filter((j) => path.basename(j.entry.relPath).startsWith("b-")).map((j) => j.index);
    expect(generated).toHaveLength(GOOD_FILES);
    expect([...fromWorkers].filter(([, t]) => t.includes(harbour)).map(([i]) => i)).toEqual(
      expect.arrayContaining(generated),
    );
  });
});

describe("the workers' priority", () => {
  /** Nice values of this process's threads (Linux keeps one per thread). */
  const niceOfThreads = () =>
    readdirSync("/proc/self/task").map((t) => {
      const stat = readFileSync(`/proc/self/task/${t}/stat`, "utf8");
      // Fields after the command name, which may hold spaces: the nice value is the 19th field.
      return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
    });

  it.runIf(process.platform === "linux")("is below this thread's, which keeps its own", async () => {
    const before = niceOfThreads().filter((n) => n === 10).length;
    const p = pool({ workers: 2 });
    await digestAll(p);
    expect(niceOfThreads().filter((n) => n === 10).length).toBe(before + 2);
    expect(getPriority(0)).toBe(0);
    p.close();
  });
});

describe("a worker that dies", () => {
  for (const how of ["exit", "throw"] as const) {
    it(`(${how}) has every file it was sent digested on this thread, each once`, async () => {
      const marker = path.join(tmp, `digest-${how}.log`);
      const workers = pool({
        workers: 2,
        frames: true,
        workerFile: await dyingWorker(`d-${how}.mjs`, marker, how),
      });
      expect(workers.workers).toBe(2);
      const got = await digestAll(workers);
      // Both workers were really sent work and died: every outcome was made here.
      const log = await readFile(marker, "utf8");
      expect(log.match(/message/g)).toHaveLength(2);
      expect(withoutFrames(got)).toEqual(withoutFrames(reference));
      expect(got.map((o) => o.frame !== null)).toEqual(reference.map((o) => o.frame !== null));
    });

    it(`(${how}) has every file's glossary uses found on this thread, each once`, async () => {
      const marker = path.join(tmp, `uses-${how}.log`);
      const keys = [...collectTerms(reference.flatMap((o) => (o.digest ? [o.digest] : []))).keys()];
      const list = usesJobs(reference);
      const workers = pool({ workers: 2, workerFile: await dyingWorker(`u-${how}.mjs`, marker, how) });
      const got = await usesAll(workers, keys, list);
      expect(await readFile(marker, "utf8")).toMatch(/message/);
      expect(got).toEqual(await usesAll(pool({ workers: 0 }), keys, list));
    });
  }
});

describe("no worker is started", () => {
  it("for a folder below MIN_FILES_FOR_WORKERS", async () => {
    const marker = path.join(tmp, "small.log");
    const small = pool({
      workers: 2,
      files: MIN_FILES_FOR_WORKERS - 1,
      workerFile: await dyingWorker("small.mjs", marker, "exit"),
    });
    expect(small.workers).toBe(0);
    const some = jobs.slice(0, 100);
    expect(withoutFrames(await digestAll(small, some))).toEqual(withoutFrames(reference.slice(0, 100)));
    expect(existsSync(marker)).toBe(false);
  });

  it("without a worker file", async () => {
    const none = pool({ workers: 2, workerFile: null });
    expect(none.workers).toBe(0);
    const some = jobs.slice(-100);
    expect(withoutFrames(await digestAll(none, some))).toEqual(withoutFrames(reference.slice(-100)));
  });
});
