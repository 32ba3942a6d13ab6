// The built command, run as a subprocess on folders of briefings, checked the way a user would see it.
import { readdirSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as pty from "node-pty";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Built,
  buildCli,
  cleanEnv,
  makeFolder,
  REPO,
  removeAll,
  runAndCloseEarly,
  runCli,
} from "./helpers.js";

let built: Built;
let story: string;
const temps: string[] = [];

async function folder(extra: Record<string, string | Buffer> = {}, withStory = true): Promise<string> {
  const dir = await makeFolder(extra, withStory);
  temps.push(dir);
  return dir;
}

beforeAll(async () => {
  built = await buildCli();
  temps.push(built.root);
  story = await folder();
});

afterAll(() => removeAll(temps));

const STORY_IDS = ["bridge-closure", "council-hearing", "ferry-plan"];
const BRIEFING_KEYS = [
  "actors",
  "blocks",
  "date",
  "dateInferred",
  "dateNote",
  "events",
  "follows",
  "glossary",
  "id",
  "keyPointBlocks",
  "keyPoints",
  "links",
  "path",
  "read",
  "relPath",
  "sections",
  "source",
  "story",
  "subsections",
  "tags",
  "title",
  "updated",
];

function json(stdout: string): unknown {
  return JSON.parse(stdout);
}

describe("help, version and usage errors", () => {
  it("prints the version from package.json", async () => {
    const pkg = JSON.parse(await readFile(join(REPO, "package.json"), "utf8")) as { version: string };
    for (const flag of ["-V", "--version"]) {
      const r = await runCli(built, [flag]);
      expect(r).toMatchObject({ code: 0, stdout: `signaldesk ${pkg.version}\n`, stderr: "" });
    }
  });

  it("prints help for the program and for one command", async () => {
    const main = await runCli(built, ["--help"]);
    expect(main.code).toBe(0);
    for (const command of ["list", "print ID", "timeline", "actors", "glossary", "check"]) {
      expect(main.stdout).toContain(`signaldesk ${command}`);
    }
    const print = await runCli(built, ["print", "-h"]);
    expect(print.code).toBe(0);
    expect(print.stdout).toMatch(/^Usage: signaldesk print ID/);
    expect(print.stdout).toContain("--sections");
  });

  it.each([
    [["list", "--bogus"], "unknown option '--bogus'"],
    [["frobnicate"], "unknown command 'frobnicate'"],
    [["print"], "print needs a briefing id"],
    [["print", "x", "--width", "wide"], "option '--width' needs a whole number"],
    [["list", "--since", "2025-02-30"], "option '--since': 2025-02-30 does not exist"],
    [
      ["timeline", "--since", "2025-05", "--until", "2025-04"],
      "'--since 2025-05-01' is after '--until 2025-04-30'",
    ],
  ])("%j exits 64 with a message and a hint", async (args, message) => {
    const r = await runCli(built, ["--dir", story, ...args]);
    expect(r.code).toBe(64);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain(`signaldesk: ${message}`);
    expect(r.stderr).toMatch(/\nTry 'signaldesk --help'\.\n$/);
  });

  it("never echoes escape bytes from the command line", async () => {
    const r = await runCli(built, ["--dir", story, "list", "--\x1b]52;c;aGk\x07"]);
    expect(r.code).toBe(64);
    expect(r.stderr).not.toMatch(/[\x07\x1b]/);
    expect(r.stderr).toContain("unknown option '--^[]52;c;aGk^G'");
  });
});

describe("the briefings folder", () => {
  it("missing: exits 66 and names it, for every command", async () => {
    const missing = join(story, "no-such-folder");
    for (const args of [["list"], ["print", "x"], ["timeline"], ["actors"], ["glossary"], ["check"], []]) {
      const r = await runCli(built, ["--dir", missing, ...args]);
      expect(r.code, args.join(" ")).toBe(66);
      expect(r.stderr).toBe(`signaldesk: no briefings folder at ${missing}\n`);
      expect(r.stdout).toBe("");
    }
  });

  it("comes from $SIGNALDESK_DIR when --dir is not given, and --dir wins over it", async () => {
    const fromEnv = await runCli(built, ["list"], { env: { SIGNALDESK_DIR: story } });
    expect(fromEnv.code).toBe(0);
    for (const id of STORY_IDS) expect(fromEnv.stdout).toContain(id);
    const other = await folder({ "solo.md": "# Solo\n\nOne paragraph.\n" }, false);
    const flag = await runCli(built, ["list", "--dir", other], { env: { SIGNALDESK_DIR: story } });
    expect(flag.stdout).toContain("solo");
    expect(flag.stdout).not.toContain("bridge-closure");
  });
});

describe("list", () => {
  it("shows one row per briefing, oldest first, with date, id, title and actors", async () => {
    const r = await runCli(built, ["--dir", story, "list", "--width", "120"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row.split(/\s+/)[1])).toEqual([
      "bridge-closure",
      "ferry-plan",
      "council-hearing",
    ]);
    expect(rows[0]).toMatch(/^2025-03-04\s+bridge-closure\s+Tideline Bridge shut/);
    expect(rows[0]).toContain("Kestrel Bay Port Authority");
  });

  it("is what runs with no command when not in a terminal", async () => {
    const list = await runCli(built, ["--dir", story, "list"]);
    const bare = await runCli(built, ["--dir", story]);
    expect(bare).toEqual(list);
  });

  it("--json is an array of briefings in the documented shape", async () => {
    const r = await runCli(built, ["--dir", story, "list", "--json"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const list = json(r.stdout) as Record<string, unknown>[];
    expect(list.map((b) => b.id)).toEqual(["bridge-closure", "ferry-plan", "council-hearing"]);
    for (const b of list) {
      expect(Object.keys(b).sort()).toEqual(BRIEFING_KEYS);
      expect(Object.keys(b.sections as object)).toEqual(["whatHappened", "whyItMatters", "whatToWatch"]);
    }
    const closure = list[0]!;
    expect(closure).toMatchObject({
      date: "2025-03-04",
      dateInferred: false,
      source: "Kestrel Bay Courier",
      tags: ["transport", "infrastructure"],
      relPath: "bridge-closure.md",
    });
    expect(closure.path).toBe(join(story, "bridge-closure.md"));
    expect(closure.glossary).toContainEqual({
      term: "Girder",
      definition: "a main horizontal beam that carries the deck of a bridge.",
    });
    expect((closure.keyPoints as string[])[0]).toBe(
      "The Tideline Bridge closed to all traffic on March 4, 2025.",
    );
    expect(closure.events).toContainEqual(
      expect.objectContaining({
        date: "2025-03-04",
        precision: "day",
        text: expect.stringContaining("closed"),
      }),
    );
  });

  it("--json is the same whether the files were just parsed by the sync (cold, in workers) or read again (warm)", async () => {
    // Enough files for the parse workers to start (MIN_FILES_FOR_WORKERS), of every shape the
    // bundled story has, plus front matter and a few broken files.
    const extra: Record<string, string> = {};
    for (let i = 0; i < 420; i++) {
      const day = 1 + (i % 28);
      const head =
        i % 3 === 0
          ? `---\ntitle: "Harbour note ${i}"\ndate: 2025-04-${String(day).padStart(2, "0")}\ntags: [port, t${i % 5}]\n---\n\n`
          : `# Harbour note ${i}\n\n`;
      extra[`notes/n-${String(i).padStart(3, "0")}.${i % 4 === 3 ? "txt" : "md"}`] =
        `${head}On April ${day}, 2025, Mayor Ana Ruiz said the **ferry** would run [daily](https://example.org/${i}).\n\n` +
        `## Why it matters\n\n| Route | Fare |\n|---|---|\n| North | ${i} |\n\n## Glossary\n\n**Berth**: a place where a ship is moored.\n`;
    }
    extra["notes/broken.md"] = "---\ndate: 2025-02-30\n---\n# Bad\n\nText.\n";
    const dir = await folder(extra);
    const env = { XDG_CACHE_HOME: await folder({}, false) };
    const list = async () => {
      const r = await runCli(built, ["--dir", dir, "list", "--json"], { env });
      expect(r.code).toBe(0);
      return r.stdout;
    };
    const cold = await list();
    expect((json(cold) as unknown[]).length).toBe(423);
    expect(await list()).toBe(cold);
    // One file changed: the sync parses it alone, the rest are read again; still the same as warm.
    await writeFile(
      join(dir, "notes/n-007.md"),
      "# Harbour note seven, edited\n\nOn May 2, 2025, it sailed.\n",
    );
    const mixed = await list();
    expect(mixed).toContain("Harbour note seven, edited");
    expect(await list()).toBe(mixed);
  });

  it("filters by date, tag, actor and text", async () => {
    const ids = async (...args: string[]) =>
      (
        json((await runCli(built, ["--dir", story, "list", "--json", ...args])).stdout) as { id: string }[]
      ).map((b) => b.id);
    expect(await ids("--since", "2025-03-05")).toEqual(["ferry-plan", "council-hearing"]);
    expect(await ids("--since=2025-03", "--until=2025-03")).toEqual(["bridge-closure", "ferry-plan"]);
    expect(await ids("--until", "2025-03-04")).toEqual(["bridge-closure"]);
    expect(await ids("--tag", "infrastructure")).toEqual(["bridge-closure"]);
    expect(await ids("--tag", "infrastructure", "--tag", "transport")).toEqual([
      "bridge-closure",
      "ferry-plan",
    ]);
    expect(await ids("--query", "chartered ferries")).toEqual(["ferry-plan"]);
    expect(await ids("--actor", "Mara Quill")).toEqual(["bridge-closure", "council-hearing"]);
    expect(await ids("--since", "2030")).toEqual([]);
  });

  it("orders ids as it compares text everywhere, also where the store's own order of the text differs", async () => {
    // By UTF-16 unit (JavaScript) an emoji (a surrogate pair) sorts before U+FF21; by UTF-8 byte
    // (SQLite) after it: the list keeps the first order.
    const brief = (title: string) => `---\ntitle: ${title}\ndate: 2025-02-01\n---\n\nText.\n`;
    const dir = await folder({ "x\u{1F600}.md": brief("Emoji"), "x\uFF21.md": brief("Fullwidth") }, false);
    const r = await runCli(built, ["--dir", dir, "list"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    expect(r.stdout.split("\n").map((l) => l.split("\t")[1])).toEqual(["x\u{1F600}", "x\uFF21", undefined]);
  });

  it("lists two files of the same id under the ids the folder gives them, in order", async () => {
    const brief = (title: string, day: string) =>
      `---\ntitle: ${title}\ndate: 2025-02-${day}\n---\n\nText.\n`;
    const dir = await folder(
      { "a/order.md": brief("Order A", "02"), "b/order.md": brief("Order B", "01") },
      false,
    );
    const r = await runCli(built, ["--dir", dir, "list", "--width", "60"]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").map((l) => l.split(/ {2,}/).slice(0, 3))).toEqual([
      ["2025-02-01", "b/order", "Order B"],
      ["2025-02-02", "order", "Order A"],
      [""],
    ]);
  });

  it("measures the table's columns over the rows a filter keeps", async () => {
    const brief = (title: string, tag: string) =>
      `---\ntitle: ${title}\ndate: 2025-02-01\ntags: [${tag}]\n---\n\nText.\n`;
    const dir = await folder(
      {
        "short.md": brief("Kept", "keep"),
        "a-much-longer-identifier-left-out.md": brief("Left out", "other"),
      },
      false,
    );
    const r = await runCli(built, ["--dir", dir, "list", "--width", "80", "--tag", "keep"]);
    expect(r).toMatchObject({ code: 0, stdout: "2025-02-01  short  Kept\n" });
  });

  it("reports files that did not load on stderr and still lists the rest, exit 0", async () => {
    const dir = await folder({ "empty.md": "", "binary.md": Buffer.from([0x23, 0x20, 0x00, 0x01, 0x02]) });
    const r = await runCli(built, ["--dir", dir, "list"]);
    expect(r.code).toBe(0);
    for (const id of STORY_IDS) expect(r.stdout).toContain(id);
    expect(r.stdout).not.toContain("empty");
    const errors = r.stderr.trimEnd().split("\n");
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(new RegExp(`^${reEscape(join(dir, "binary.md"))}(:\\d+)?: \\S`));
    expect(errors[1]).toMatch(new RegExp(`^${reEscape(join(dir, "empty.md"))}(:\\d+)?: \\S`));
    // The next run reads the errors the store kept (and only the errors): the same report.
    const warm = await runCli(built, ["--dir", dir, "list"]);
    expect(warm).toMatchObject({ code: 0, stdout: r.stdout, stderr: r.stderr });
  });

  it("keeps every line of every table within --width", async () => {
    for (const command of ["list", "timeline", "actors", "glossary"]) {
      for (const width of [20, 40, 100]) {
        const r = await runCli(built, ["--dir", story, command, "--width", String(width)]);
        expect(r.code).toBe(0);
        expect(widest(r.stdout), `${command} --width ${width}`).toBeLessThanOrEqual(width);
      }
    }
    // Twelve runs of the program one after another: on a loaded machine that is more than 20 s.
  }, 120_000);
});

function reEscape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function widest(text: string): number {
  return Math.max(...text.split("\n").map((line) => stringWidth(line)));
}

describe("print", () => {
  it("shows the header, key points, the three sections, subsections and the glossary", async () => {
    const r = await runCli(built, ["--dir", story, "print", "bridge-closure"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const lines = r.stdout.split("\n");
    expect(lines[0]).toBe("Tideline Bridge shut after inspectors find cracked girders");
    expect(r.stdout).toMatch(/^Date +2025-03-04$/m);
    expect(r.stdout).toMatch(/^Source +Kestrel Bay Courier$/m);
    expect(r.stdout).toMatch(/^Actors +Kestrel Bay Port Authority, Mara Quill/m);
    const headings = ["Key points", "What happened", "Why it matters", "What to watch", "Glossary"];
    const at = headings.map((h) => lines.indexOf(h));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(r.stdout).toMatch(/^ {2}The money question$/m);
    expect(r.stdout).toMatch(/^ {2}• The Tideline Bridge closed to all traffic on March 4, 2025\.$/m);
    expect(r.stdout).toMatch(/^ {2}Load test: driving weighted trucks/m);
  });

  it("marks a date inferred from the text", async () => {
    const r = await runCli(built, ["--dir", story, "print", "council-hearing"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Date +2025-04-02 \(inferred from the text\)$/m);
    expect(r.stdout.split("\n")[0]).toBe("Council grills port chief over bridge warnings");
  });

  it("accepts a unique prefix, a path relative to the working directory, and an absolute path", async () => {
    const full = await runCli(built, ["--dir", story, "print", "ferry-plan"]);
    expect(full.code).toBe(0);
    expect(await runCli(built, ["--dir", story, "print", "ferry"])).toEqual(full);
    expect(await runCli(built, ["--dir", story, "print", join(story, "ferry-plan.md")])).toEqual(full);
    expect(await runCli(built, ["--dir", ".", "print", "./ferry-plan.md"], { cwd: story })).toMatchObject({
      code: 0,
      stdout: full.stdout,
    });
  });

  it("an ambiguous prefix exits 64 listing the candidates", async () => {
    const dir = await folder({ "bridge-repair.md": "# Repair crews start\n\nCrews arrived.\n" });
    const r = await runCli(built, ["--dir", dir, "print", "bridge"]);
    expect(r.code).toBe(64);
    expect(r.stderr).toContain("'bridge' matches several briefings: bridge-closure.md, bridge-repair.md");
  });

  it("an unknown id exits 66 and names it, sanitised", async () => {
    const r = await runCli(built, ["--dir", story, "print", "xyz"]);
    expect(r).toEqual({ code: 66, stdout: "", stderr: "signaldesk: no briefing 'xyz'\n" });
    const hostile = await runCli(built, ["--dir", story, "print", "a\x1b[2Jb"]);
    expect(hostile).toEqual({ code: 66, stdout: "", stderr: "signaldesk: no briefing 'a^[[2Jb'\n" });
  });

  it("shows a briefing edited since the last run as it is now, and says when its file is gone", async () => {
    const file = "notes/dock-strike.md";
    const dir = await folder({ [file]: "# Dock strike called\n\nWorkers walked out on March 3, 2025.\n" });
    expect((await runCli(built, ["--dir", dir, "list"])).code).toBe(0);
    await writeFile(
      join(dir, file),
      "# Dock strike ends\n\nWorkers went back on March 9, 2025, after a deal.\n",
    );
    const edited = await runCli(built, ["--dir", dir, "print", "dock-strike"]);
    expect(edited.code).toBe(0);
    expect(edited.stdout.split("\n")[0]).toBe("Dock strike ends");
    expect(edited.stdout).toContain("after a deal");
    await rm(join(dir, file));
    const removed = await runCli(built, ["--dir", dir, "print", "dock-strike"]);
    expect(removed.code).toBe(66);
    expect(removed.stderr).toContain("no briefing 'dock-strike'");
  });

  it("a briefing whose file did not load exits 65 with its problems", async () => {
    const dir = await folder({ "broken.md": "---\ntitle: never closed\n\nThe body.\n", "empty.md": "" });
    for (const id of ["broken", "empty.md", join(dir, "broken.md")]) {
      const r = await runCli(built, ["--dir", dir, "print", id]);
      expect(r.code, id).toBe(65);
      expect(r.stdout).toBe("");
      const file = join(dir, id.startsWith("empty") ? "empty.md" : "broken.md");
      expect(r.stderr).toMatch(new RegExp(`^${reEscape(file)}(:\\d+)?: \\S`));
      expect(r.stderr).toContain(`signaldesk: briefing '${file}' did not load`);
    }
  });

  it("--width wraps every line to at most N columns", async () => {
    for (const width of [20, 33, 60]) {
      const r = await runCli(built, ["--dir", story, "print", "bridge-closure", "--width", String(width)]);
      expect(r.code).toBe(0);
      expect(widest(r.stdout), `width ${width}`).toBeLessThanOrEqual(width);
      expect(widest(r.stdout)).toBeGreaterThan(width - 10);
    }
    const piped = await runCli(built, ["--dir", story, "print", "bridge-closure"]);
    expect(widest(piped.stdout)).toBeLessThanOrEqual(80);
    expect(widest(piped.stdout)).toBeGreaterThan(70);
  });

  it("--sections shows only those sections, in that order", async () => {
    const r = await runCli(built, ["--dir", story, "print", "bridge-closure", "--sections", "watch,why"]);
    expect(r.code).toBe(0);
    const lines = r.stdout.split("\n");
    expect(lines.indexOf("What to watch")).toBeGreaterThan(0);
    expect(lines.indexOf("Why it matters")).toBeGreaterThan(lines.indexOf("What to watch"));
    for (const gone of ["What happened", "Key points", "Glossary"]) expect(lines).not.toContain(gone);
    expect(r.stdout).toContain("first engineering report in April");
    expect(r.stdout).not.toContain("routine inspection");
  });

  it("--format json is one briefing document", async () => {
    const r = await runCli(built, ["--dir", story, "print", "council-hearing", "--format", "json"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const b = json(r.stdout) as Record<string, unknown>;
    expect(Object.keys(b).sort()).toEqual(BRIEFING_KEYS);
    expect(b).toMatchObject({ id: "council-hearing", date: "2025-04-02", dateInferred: true });
  });

  it("--format markdown is a briefing that loads back to the same model", async () => {
    // The registry is part of the story: it folds "port authority" into its actor on both sides.
    const out = await folder({ "actors.yaml": await readFile(join(story, "actors.yaml"), "utf8") }, false);
    for (const id of STORY_IDS) {
      const md = await runCli(built, ["--dir", story, "print", id, "--format", "markdown"]);
      expect(md.code).toBe(0);
      expect(md.stdout).toMatch(/^---\n/);
      await writeFile(join(out, `${id}.md`), md.stdout);
    }
    const before = json((await runCli(built, ["--dir", story, "list", "--json"])).stdout) as Record<
      string,
      unknown
    >[];
    const after = json((await runCli(built, ["--dir", out, "list", "--json"])).stdout) as Record<
      string,
      unknown
    >[];
    const comparable = ({ path: _p, relPath: _r, ...rest }: Record<string, unknown>) => rest;
    expect(after.map(comparable)).toEqual(before.map(comparable));
  });
});

describe("timeline", () => {
  it("groups events by month, shows dates at their precision and marks conflicting reports", async () => {
    const r = await runCli(built, ["--dir", story, "timeline", "--width", "100"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const lines = r.stdout.split("\n");
    expect(lines).toContain("March 2025");
    expect(lines).toContain("April 2025");
    expect(lines.indexOf("March 2025")).toBeLessThan(lines.indexOf("April 2025"));
    expect(r.stdout).toMatch(/^ {2}Mar 4 2025 +The Tideline Bridge closed/m);
    expect(r.stdout).toMatch(/^ +— bridge-closure$/m);
    expect(r.stdout).toMatch(/^ +⚠ conflicting reports: Mar 3 2025 \(ferry-plan\)$/m);
    expect(r.stdout).toMatch(/^ +⚠ conflicting reports: Mar 4 2025 \(bridge-closure\)$/m);
    // "in 2023" has year precision and sits under its year, before March 2025.
    expect(lines.indexOf("2023")).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf("2023")).toBeLessThan(lines.indexOf("March 2025"));
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
  });

  it("--json lists events in date order with their briefing and conflicts", async () => {
    const r = await runCli(built, ["--dir", story, "timeline", "--json"]);
    expect(r).toMatchObject({ code: 0, stderr: "" });
    const events = json(r.stdout) as {
      date: string;
      precision: string;
      text: string;
      briefingId: string;
      conflict: boolean;
      conflictWith: { date: string; briefingId: string }[];
    }[];
    expect(events.length).toBeGreaterThan(3);
    expect(events.map((e) => e.date)).toEqual([...events.map((e) => e.date)].sort());
    for (const e of events) {
      expect(Object.keys(e)).toEqual(
        expect.arrayContaining(["date", "precision", "text", "briefingId", "conflict"]),
      );
    }
    expect(events).toContainEqual(
      expect.objectContaining({
        date: "2025-03-03",
        briefingId: "ferry-plan",
        conflict: true,
        conflictWith: [{ date: "2025-03-04", briefingId: "bridge-closure" }],
      }),
    );
  });

  it("--since filters the events by their own dates", async () => {
    const r = await runCli(built, ["--dir", story, "timeline", "--json", "--since", "2025-04"]);
    const dates = (json(r.stdout) as { date: string }[]).map((e) => e.date);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((d) => d >= "2025-04")).toBe(true);
  });
});

describe("actors and glossary", () => {
  it("actors shows name, kind, count and aliases; --json has briefing ids", async () => {
    const text = await runCli(built, ["--dir", story, "actors", "--width", "100"]);
    expect(text).toMatchObject({ code: 0, stderr: "" });
    expect(text.stdout).toMatch(/^Kestrel Bay Port Authority +agency +\d+ +KBPA, port authority$/m);
    expect(text.stdout).toMatch(/^Mara Quill +person +\d+ +Quill$/m);
    const list = json((await runCli(built, ["--dir", story, "actors", "--json"])).stdout) as {
      name: string;
      kind: string;
      aliases: string[];
      briefingIds: string[];
    }[];
    const quill = list.find((a) => a.name === "Mara Quill");
    expect(quill).toMatchObject({ kind: "person", aliases: ["Quill"] });
    expect(quill?.briefingIds).toEqual(expect.arrayContaining(["bridge-closure", "council-hearing"]));
    expect(Object.keys(quill ?? {})).toEqual(["name", "kind", "aliases", "briefingIds"]);
  });

  it("glossary merges a term defined in two briefings", async () => {
    const text = await runCli(built, ["--dir", story, "glossary", "--width", "80"]);
    expect(text).toMatchObject({ code: 0, stderr: "" });
    expect(text.stdout.match(/^Girder$/gm)).toHaveLength(1);
    expect(text.stdout).toContain("also (ferry-plan): a long steel beam");
    expect(text.stdout).toMatch(/^ {2}in bridge-closure, ferry-plan$/m);
    const terms = json((await runCli(built, ["--dir", story, "glossary", "--json"])).stdout) as {
      term: string;
      definition: string;
      briefingIds: string[];
    }[];
    expect(terms.map((t) => t.term)).toEqual(["Charter", "Girder", "Load test"]);
    expect(terms[1]).toMatchObject({
      definition: "a main horizontal beam that carries the deck of a bridge.",
      briefingIds: ["bridge-closure", "ferry-plan"],
    });
  });
});

describe("check", () => {
  it("exits 0 with a summary on a clean folder", async () => {
    const dir = await folder(
      {
        "a.md":
          "---\ntitle: A\n---\n\n## What happened\n\nThe vote passed.\n\n## What to watch\n\nThe audit.\n",
      },
      false,
    );
    const r = await runCli(built, ["--dir", dir, "check"]);
    expect(r).toEqual({ code: 0, stdout: "No problems; 1 briefing loaded.\n", stderr: "" });
  });

  it("warns, with path and line, when no heading or lead-in names a section and the prose rule placed the text", async () => {
    const r = await runCli(built, ["--dir", story, "check"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      `${join(story, "ferry-plan.md")}:11: warning: no heading or lead-in names What happened, Why it matters or What to watch: paragraphs were placed by the prose rule\n` +
        "0 errors and 1 warning in 1 file; 3 briefings loaded.\n",
    );
  });

  it("prints every problem as path:line: message on stdout and exits 1", async () => {
    const dir = await folder({
      "bad-date.md": "---\ntitle: Bad date\ndate: 2025-02-30\n---\n\nBody text.\n",
      "odd-key.md": "---\ntitle: Odd key\ncolour: blue\n---\n\n## What happened\n\nBody text.\n",
    });
    const r = await runCli(built, ["--dir", dir, "check"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(new RegExp(`^${reEscape(join(dir, "bad-date.md"))}:\\d+: error: .*date`));
    expect(lines[1]).toMatch(
      new RegExp(`^${reEscape(join(dir, "ferry-plan.md"))}:11: warning: .*prose rule`),
    );
    expect(lines[2]).toMatch(new RegExp(`^${reEscape(join(dir, "odd-key.md"))}:\\d+: warning: .*colour`));
    expect(lines.at(-1)).toBe("1 error and 2 warnings in 3 files; 4 briefings loaded.");
  });
});

describe("hostile text", () => {
  const ESC_2J = "\x1b[2J";
  const OSC_52 = "\x1b]52;c;cm0gLXJmIH4=\x07";
  const C1_CSI = "\u009b31m";
  const hostileFile = [
    "---",
    `title: "Clear ${"\\e"}[2J screen"`,
    `source: "Paste \\e]52;c;cm0gLXJmIH4=\\a here"`,
    "actors:",
    `  - "Evil \\e]0;owned\\a Corp"`,
    "---",
    "",
    `- Point ${ESC_2J} one`,
    "",
    "## What happened",
    "",
    `On March 5, 2025 the text tried ${OSC_52} and ${C1_CSI} and \u202egnp.exe.`,
    "",
    "## Glossary",
    "",
    `- Trap${ESC_2J}: a definition with ${OSC_52} inside`,
  ].join("\n");
  let dir: string;

  beforeAll(async () => {
    dir = await folder({ "hostile.md": hostileFile, [`evil${ESC_2J}.md`]: "" });
  });

  const RAW = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

  it.each([
    [["list"]],
    [["list", "--json"]],
    [["print", "hostile"]],
    [["print", "hostile", "--format", "markdown"]],
    [["print", "hostile", "--format", "json"]],
    [["timeline"]],
    [["timeline", "--json"]],
    [["actors"]],
    [["actors", "--json"]],
    [["glossary"]],
    [["glossary", "--json"]],
    [["check"]],
    [["print", `evil${ESC_2J}`]],
  ])("%j never writes a control character from a file", async (args) => {
    const r = await runCli(built, ["--dir", dir, ...args]);
    expect(r.stdout + r.stderr).not.toMatch(RAW);
    expect(r.stdout + r.stderr).not.toMatch(/\x1b/);
  });

  it("shows the hostile text visibly instead of dropping it", async () => {
    const r = await runCli(built, ["--dir", dir, "print", "hostile"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Clear ^[[2J screen");
    expect(r.stdout).toContain("^[]52;c;cm0gLXJmIH4=^G");
    expect(r.stdout).toContain("<U+202E>gnp.exe");
  });

  it("keeps the raw text in JSON, escaped", async () => {
    const r = await runCli(built, ["--dir", dir, "print", "hostile", "--json"]);
    const b = json(r.stdout) as { title: string; sections: { whatHappened: string[] } };
    expect(b.title).toBe(`Clear ${ESC_2J} screen`);
    expect(b.sections.whatHappened.join(" ")).toContain(OSC_52);
    expect(r.stdout).toContain("\\u001b]52");
  });
});

describe("pipes and the print path", () => {
  it.each([
    ["list --json", ["list", "--json"], /^\[/],
    ["list", ["list"], /^2025-02-01\t/],
    ["list --width 80", ["list", "--width", "80"], /^2025-02-01 {2}/],
  ])("%s stops quietly with 0 when the reader of the pipe goes away (| head -1)", async (_, args, first) => {
    const many: Record<string, string> = {};
    for (let i = 0; i < 1500; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      many[`b${String(i).padStart(4, "0")}.md`] =
        `---\ntitle: Briefing number ${i} about the bridge and the ferries\ndate: 2025-02-${day}\n---\n\nText.\n`;
    }
    const dir = await folder(many, false);
    const r = await runAndCloseEarly(built, ["--dir", dir, ...args]);
    expect(r.firstChunk).toMatch(first);
    expect(r).toMatchObject({ code: 0, signal: null, stderr: "" });
  });

  it("prints Latin text and punctuation without building a grapheme segmenter", async () => {
    // The first Intl.Segmenter loads ICU's break data, 13 ms of a `print`: text whose every character
    // is a grapheme of its own (src/text/width.ts SIMPLE_TEXT) must not need one.
    const hook = join(built.root, "no-segmenter.mjs");
    await writeFile(
      hook,
      'Intl.Segmenter = class { constructor() { throw new Error("a segmenter was built"); } };\n',
    );
    let nonAscii = 0;
    for (const id of STORY_IDS) {
      const plain = await runCli(built, ["--dir", story, "print", id, "--width", "60"]);
      if (/[^\x00-\x7f]/.test(plain.stdout)) nonAscii++;
      const { execFile } = await import("node:child_process");
      const hooked = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        execFile(
          process.execPath,
          ["--import", hook, built.bin, "--dir", story, "print", id, "--width", "60"],
          { cwd: built.root, env: cleanEnv() },
          (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
        );
      });
      expect(hooked).toEqual({ code: 0, stdout: plain.stdout, stderr: "" });
    }
    // Bullets, dashes and quotes: the text the check is about.
    expect(nonAscii).toBeGreaterThan(0);
  });

  it("print and list never load the reader (Ink, React)", async () => {
    const dist = join(built.root, "dist");
    const chunks = readdirSync(join(dist, "chunks")).map((f) => `chunks/${f}`);
    const source = async (f: string) => readFile(join(dist, f), "utf8");
    // The reader's chunks are the ones that contain React; the check below must find at least one.
    const reactChunks: string[] = [];
    for (const f of chunks) if (/react\.(transitional\.)?element/.test(await source(f))) reactChunks.push(f);
    expect(reactChunks.length).toBeGreaterThan(0);
    expect(await source("signaldesk.js")).not.toMatch(/react\.(transitional\.)?element/);
    // `print` is answered by a bundle of its own (scripts/build.mjs), checked the same way.
    expect(await source("print.js")).not.toMatch(/react\.(transitional\.)?element/);

    // Every module the process actually loads, recorded by a resolve hook.
    const log = join(built.root, "loaded.log");
    const hook = join(built.root, "record-hook.mjs");
    await writeFile(
      hook,
      [
        'import { appendFileSync } from "node:fs";',
        "export async function resolve(specifier, context, next) {",
        "  const result = await next(specifier, context);",
        `  appendFileSync(${JSON.stringify(log)}, result.url + "\\n");`,
        "  return result;",
        "}",
      ].join("\n"),
    );
    const register = join(built.root, "register-hook.mjs");
    await writeFile(
      register,
      `import { register } from "node:module";\nregister(${JSON.stringify(`file://${hook}`)});\n`,
    );
    const printBundle: Record<string, boolean> = {};
    for (const args of [["print", "bridge-closure"], ["list"], ["timeline", "--json"], []]) {
      await writeFile(log, "");
      const { execFile } = await import("node:child_process");
      const code = await new Promise<number>((resolve) => {
        execFile(
          process.execPath,
          ["--import", register, built.bin, "--dir", story, ...args],
          { cwd: built.root, env: { PATH: process.env.PATH ?? "" } },
          (error) => resolve(error ? Number(error.code) : 0),
        );
      });
      expect(code).toBe(0);
      const loaded = await readFile(log, "utf8");
      expect(loaded).toContain("signaldesk.js");
      printBundle[args.join(" ")] = loaded.includes("/dist/print.js");
      for (const f of reactChunks) expect(loaded, args.join(" ")).not.toContain(f);
      expect(loaded).not.toMatch(/node_modules\/(ink|react)/);
    }
    expect(printBundle).toEqual({
      "print bridge-closure": true,
      list: false,
      "timeline --json": false,
      "": false,
    });
  });

  it("print from a warm store loads no JavaScript from node_modules, only the SQLite addon", async () => {
    // better-sqlite3's JavaScript is in the bundle: required from node_modules it cost every print
    // Node's CommonJS loader and export lexer (scripts/build.mjs, src/store/sqlite.ts).
    const cache = await mkdtemp(join(tmpdir(), "signaldesk-cli-cache-"));
    temps.push(cache);
    const env = { XDG_CACHE_HOME: cache };
    expect((await runCli(built, ["--dir", story, "list"], { env })).code).toBe(0);
    const log = join(cache, "required.log");
    const hook = join(cache, "record-required.cjs");
    await writeFile(
      hook,
      `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(log)}, Object.keys(require.cache).join("\\n")));\n`,
    );
    const { execFile } = await import("node:child_process");
    const printed = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--require", hook, built.bin, "--dir", story, "print", "bridge-closure"],
        { cwd: built.root, env: cleanEnv(env) },
        (error, stdout) => resolve({ code: error ? Number(error.code) : 0, stdout }),
      );
    });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toContain("Bridge");
    const required = (await readFile(log, "utf8")).split("\n").filter((f) => f.includes("node_modules"));
    expect(required.map((f) => f.slice(f.lastIndexOf("node_modules")))).toEqual([
      "node_modules/better-sqlite3/build/Release/better_sqlite3.node",
    ]);
  });
});

describe("colour", () => {
  function inTerminal(
    args: string[],
    env: Record<string, string> = {},
  ): Promise<{ code: number; output: string }> {
    return new Promise((resolve) => {
      const term = pty.spawn(process.execPath, [built.bin, "--dir", story, ...args], {
        cols: 100,
        rows: 50,
        cwd: built.root,
        // print's pager has tests of its own: here the text is what is looked at.
        env: cleanEnv({ SIGNALDESK_PAGER: "cat", ...env }),
      });
      let output = "";
      term.onData((d) => {
        output += d;
      });
      term.onExit(({ exitCode }) => resolve({ code: exitCode, output }));
    });
  }

  it("is used on a terminal, and never with NO_COLOR, --no-color, TERM=dumb or FORCE_COLOR=0", async () => {
    const styled = await inTerminal(["print", "bridge-closure"]);
    expect(styled.code).toBe(0);
    expect(styled.output).toContain("\x1b[");
    expect(styled.output).toContain("Tideline Bridge shut");
    const cases: [string[], Record<string, string>][] = [
      [["print", "bridge-closure"], { NO_COLOR: "1" }],
      [["print", "bridge-closure", "--no-color"], {}],
      [["--no-color", "timeline"], {}],
      [["list"], { TERM: "dumb" }],
      [["list"], { FORCE_COLOR: "0" }],
    ];
    for (const [args, env] of cases) {
      const plain = await inTerminal(args, env);
      expect(plain.code, args.join(" ")).toBe(0);
      expect(plain.output.length).toBeGreaterThan(20);
      expect(plain.output, `${args.join(" ")} ${JSON.stringify(env)}`).not.toContain("\x1b");
    }
  });
});

describe("the bundled briefings", () => {
  const bundled = join(REPO, "briefings");
  const files = readdirSync(bundled).filter((f) => /\.(md|txt)$/.test(f));
  const run = files.length > 0 ? it : it.skip;

  run("are the default folder and load cleanly", async () => {
    const list = await runCli(built, ["list", "--json"]);
    expect(list).toMatchObject({ code: 0, stderr: "" });
    expect((json(list.stdout) as unknown[]).length).toBe(files.length);
    // Two of them are prose without named sections: warnings, never errors.
    const check = await runCli(built, ["check"]);
    expect(check.stdout).toMatch(/^0 errors and \d+ warnings? in \d+ files?; 5 briefings loaded\.\n$/m);
    expect(check.stdout).not.toMatch(/: error: /);
  });

  run(
    "print every one in every format",
    async () => {
      const ids = (json((await runCli(built, ["list", "--json"])).stdout) as { id: string }[]).map(
        (b) => b.id,
      );
      for (const id of ids) {
        for (const format of ["text", "markdown", "json"]) {
          const r = await runCli(built, ["print", id, "--format", format, "--width", "72"]);
          expect(r.code, `${id} ${format}`).toBe(0);
          if (format === "text") expect(widest(r.stdout)).toBeLessThanOrEqual(72);
        }
      }
      // Sixteen runs of the program one after another, each parsing its file again (the store keeps
      // no parse results): on a loaded machine (load average 20) that passed 120 s.
    },
    300_000,
  );

  run("print --format markdown of every one loads back to the same model", async () => {
    const out = await folder({ "actors.yaml": await readFile(join(bundled, "actors.yaml"), "utf8") }, false);
    const before = json((await runCli(built, ["list", "--json"])).stdout) as Record<string, unknown>[];
    for (const b of before) {
      const md = await runCli(built, ["print", String(b.id), "--format", "markdown"]);
      await writeFile(join(out, String(b.relPath)), md.stdout);
    }
    const after = json((await runCli(built, ["--dir", out, "list", "--json"])).stdout) as Record<
      string,
      unknown
    >[];
    const comparable = ({ path: _p, ...rest }: Record<string, unknown>) => rest;
    expect(after.map(comparable)).toEqual(before.map(comparable));
  });

  run("the timeline flags the June 12 / June 13 disagreement", async () => {
    const r = await runCli(built, ["timeline", "--width", "80"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/⚠ conflicting reports: Jun 1[23] 2026/);
    for (const args of [["actors"], ["glossary"]]) expect((await runCli(built, args)).code).toBe(0);
  });
});
