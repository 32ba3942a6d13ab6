// Where files are parsed must not change what the store keeps: worker threads and this thread give the
// same outcomes, and a worker that dies only moves its files back to this thread.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { getPriority, tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegistryActor } from "../../src/briefing/schema.js";
import type { FileOutcome } from "../../src/load/parse-file.js";
import { type DigestJob, MIN_FILES_FOR_WORKERS, type ParsePool, startPool } from "../../src/load/pool.js";
import { type FileEntry, scanFolder } from "../../src/load/read.js";
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

/** What a file gave: the stored record's digest and problems, or this run's problem. */
function digestOf(o: FileOutcome) {
  return o.record?.digest ?? null;
}
function problemsOf(o: FileOutcome) {
  return o.record ? o.record.problems : o.transient ? [o.transient] : [];
}

function pool(opts: Partial<Parameters<typeof startPool>[0]>): ParsePool {
  const p = startPool({ registry, files: FILES, workerFile: WORKER, ...opts });
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
  reference = await digestAll(pool({ workers: 0 }));
});

afterAll(async () => {
  for (const p of opened.splice(0)) p.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("the corpus", () => {
  it("has good files that load and bad ones reported as such", () => {
    expect(reference.filter((o) => digestOf(o) !== null).length).toBeGreaterThanOrEqual(GOOD_FILES);
    for (const [rel, problem] of bad) {
      const o = reference[entries.findIndex((e) => e.relPath === rel)]!;
      expect(digestOf(o), rel).toBeNull();
      expect(problemsOf(o).map((p) => p.message)).toContainEqual(expect.stringMatching(problem));
    }
    // Warnings ride along with a loaded briefing.
    expect(reference.some((o) => digestOf(o) && problemsOf(o).some((p) => p.severity === "warning"))).toBe(
      true,
    );
    // A file that vanished is this run's problem, not a state to keep; a bad file's is kept.
    const at = (rel: string) => reference[entries.findIndex((e) => e.relPath === rel)]!;
    expect(at("vanishes.md").record).toBeNull();
    expect(at("nul.md").record?.digest).toBeNull();
    expect(at("nul.md").record?.problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^binary/) }),
    ]);
  });
});

describe("the worker pool and this thread", () => {
  it("give the same outcomes", async () => {
    const workers = pool({ workers: 2 });
    expect(workers.workers).toBe(2);
    expect(await digestAll(workers)).toEqual(reference);
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
    it(`(${how}) has every file it was sent parsed on this thread, each once`, async () => {
      const marker = path.join(tmp, `digest-${how}.log`);
      const workers = pool({ workers: 2, workerFile: await dyingWorker(`d-${how}.mjs`, marker, how) });
      expect(workers.workers).toBe(2);
      const got = await digestAll(workers);
      // Both workers were really sent work and died: every outcome was made here.
      const log = await readFile(marker, "utf8");
      expect(log.match(/message/g)).toHaveLength(2);
      expect(got).toEqual(reference);
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
    expect(await digestAll(small, some)).toEqual(reference.slice(0, 100));
    expect(existsSync(marker)).toBe(false);
  });

  it("without a worker file", async () => {
    const none = pool({ workers: 2, workerFile: null });
    expect(none.workers).toBe(0);
    const some = jobs.slice(-100);
    expect(await digestAll(none, some)).toEqual(reference.slice(-100));
  });
});
