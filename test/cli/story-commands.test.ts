// The story commands (timeline entries, upcoming, partial dates; later the agenda, actor pages and
// stories) run in this process on the bundled story and on small folders, with `today` fixed.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import stringWidth from "string-width";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.js";
import { runCommand } from "../../src/cli/commands/index.js";
import { REPO } from "./helpers.js";

const BUNDLED = join(REPO, "briefings");
const temps: string[] = [];
let savedNoCache: string | undefined;

beforeAll(() => {
  savedNoCache = process.env.SIGNALDESK_NO_CACHE;
  process.env.SIGNALDESK_NO_CACHE = "1";
});

afterAll(async () => {
  if (savedNoCache === undefined) delete process.env.SIGNALDESK_NO_CACHE;
  else process.env.SIGNALDESK_NO_CACHE = savedNoCache;
  await Promise.all(temps.map((d) => rm(d, { recursive: true, force: true })));
});

async function folderOf(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "signaldesk-story-"));
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  return dir;
}

async function run(
  dir: string,
  args: string[],
  today = "2026-06-27",
): Promise<{ code: number; out: string; err: string }> {
  const parsed = parseArgs(args);
  if (parsed.kind !== "run" || parsed.command.name === "reader") throw new Error(`not a command: ${args}`);
  let out = "";
  let err = "";
  const code = await runCommand(
    {
      out: { write: (s: string) => (out += s) },
      err: { write: (s: string) => (err += s) },
      color: false,
      width: 100,
      today: new Date(`${today}T12:00:00`),
      dir,
    },
    parsed.command,
  );
  return { code, out, err };
}

interface TimelineJson {
  date: string;
  kind: string;
  expected: boolean;
  yearUnknown: boolean;
  briefingId: string;
  text: string;
}

const timelineJson = async (dir: string, args: string[] = [], today?: string) =>
  JSON.parse((await run(dir, ["timeline", "--json", ...args], today)).out) as TimelineJson[];

describe("timeline of the bundled story", () => {
  it("runs to July 1 2026, with every briefing on its own date", async () => {
    const t = await timelineJson(BUNDLED);
    expect(t.at(-1)).toMatchObject({
      date: "2026-07-01",
      kind: "entry",
      briefingId: "2026-07-01-controls-lifted",
    });
    expect(t.filter((e) => e.kind === "entry").map((e) => e.date)).toEqual([
      "2026-06-16",
      "2026-06-19",
      "2026-06-26",
      "2026-06-30",
      "2026-07-01",
    ]);
  });

  it("shows entries as briefings in the text output", async () => {
    const r = await run(BUNDLED, ["timeline"]);
    expect(r.out).toMatch(/^July 2026$/m);
    expect(r.out).toMatch(/^ {2}Jul 1 2026 +\[briefing\] Commerce lifts export limits/m);
  });

  it("--until selects events by their own date", async () => {
    const t = await timelineJson(BUNDLED, ["--until", "2026-06-15"]);
    expect(t.length).toBeGreaterThan(3);
    expect(t.every((e) => e.date <= "2026-06-15" && e.kind === "event")).toBe(true);
  });
});

const PLANS = `---
title: Council sets the vote
date: 2031-03-10
---
The council met on March 9, 2031. The vote is on April 2, 2031, and the new fares apply from May 2031.
`;
const UNDATED = `Harbour notes

The ferry stopped on June 12. Talks went on in March.
`;

describe("expected events and upcoming", () => {
  it("marks events dated after their briefing as expected", async () => {
    const dir = await folderOf({ "plans.md": PLANS });
    const t = await timelineJson(dir);
    expect(t.map((e) => [e.date, e.kind, e.expected])).toEqual([
      ["2031-03-09", "event", false],
      ["2031-03-10", "entry", false],
      ["2031-04-02", "event", true],
      ["2031-05", "event", true],
    ]);
    expect((await run(dir, ["timeline"])).out).toMatch(/Apr 2 2031 +\[expected\] The vote is on April 2/);
  });

  it("--upcoming keeps what is dated today or later, at each date's precision", async () => {
    const dir = await folderOf({ "plans.md": PLANS });
    const dates = (await timelineJson(dir, ["--upcoming"], "2031-05-20")).map((e) => e.date);
    expect(dates).toEqual(["2031-05"]);
    expect((await timelineJson(dir, ["--upcoming"], "2031-03-10")).map((e) => e.date)).toEqual([
      "2031-03-10",
      "2031-04-02",
      "2031-05",
    ]);
    const none = await run(dir, ["timeline", "--upcoming"], "2031-06-01");
    expect(none.out).toBe("Nothing on the timeline is dated 2031-06-01 or later.\n");
  });
});

describe("partial dates", () => {
  it("keeps a date without a year in an undated briefing, in its own group at the end", async () => {
    const dir = await folderOf({ "notes.txt": UNDATED, "plans.md": PLANS });
    const t = (await timelineJson(dir)).filter((e) => e.briefingId === "notes" || e.date === "2031-05");
    expect(t.map((e) => [e.date, e.yearUnknown])).toEqual([
      ["2031-05", false],
      ["--03", true],
      ["--06-12", true],
    ]);
    const text = (await run(dir, ["timeline"])).out;
    expect(text).toMatch(/^Year unknown$/m);
    expect(text).toMatch(/^ {2}Jun 12 \?\?\?\? +The ferry stopped on June 12\./m);
    expect(text.indexOf("Year unknown")).toBeGreaterThan(text.indexOf("May 2031"));
  });

  it("leaves events of unknown year out of any date range", async () => {
    const dir = await folderOf({ "notes.txt": UNDATED, "plans.md": PLANS });
    const t = await timelineJson(dir, ["--until", "2040"]);
    expect(t.length).toBe(4);
    expect(t.some((e) => e.yearUnknown)).toBe(false);
  });
});

interface AgendaJson {
  briefingId: string;
  date: string | null;
  text: string;
  status: "open" | "followed";
  followedBy: string[];
}

describe("agenda", () => {
  it("has the June 26 watch on the negotiations followed up by July 1", async () => {
    const r = await run(BUNDLED, ["agenda", "--json"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    const items = JSON.parse(r.out) as AgendaJson[];
    for (const i of items)
      expect(Object.keys(i)).toEqual(["briefingId", "date", "text", "status", "followedBy"]);
    const negotiations = items.find(
      (i) => i.briefingId === "2026-06-26-talks-stall" && i.text.includes("negotiations end in an agreement"),
    );
    expect(negotiations).toMatchObject({ status: "followed" });
    expect(negotiations!.followedBy).toContain("2026-07-01-controls-lifted");
    expect(items.map((i) => i.date)).toEqual([...items.map((i) => i.date)].sort().reverse());
    expect(items.some((i) => i.status === "open")).toBe(true);
  });

  it("prints items under their briefing, open or followed up, with the follow-ups", async () => {
    const r = await run(BUNDLED, ["agenda", "--since", "2026-06-26", "--until", "2026-06-26"]);
    expect(r.out).toMatch(/^Jun 26 2026 · Two weeks on/m);
    expect(r.out).toMatch(/^ {2}✓ followed up$/m);
    expect(r.out).toMatch(/^ {4}→ Jul 1 2026 Commerce lifts export limits/m);
    expect(r.out).not.toContain("Jun 30 2026 · ");
  });

  it("links by front matter follows", async () => {
    const dir = await folderOf({
      "a.md":
        "---\ntitle: Fares\ndate: 2031-01-05\n---\nFares rose.\n\n## What to watch\n\nThe board reviews them.\n",
      "b.md": "---\ntitle: Unrelated\ndate: 2031-02-01\nfollows: a\n---\nNothing alike here.\n",
    });
    expect(JSON.parse((await run(dir, ["agenda", "--json"])).out)).toEqual([
      {
        briefingId: "a",
        date: "2031-01-05",
        text: "The board reviews them.",
        status: "followed",
        followedBy: ["b"],
      },
    ]);
  });
});

describe("actor pages", () => {
  it("prints the page of an actor named by an alias", async () => {
    const r = await run(BUNDLED, ["actors", "BIS"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toMatch(/^Bureau of Industry and Security$/m);
    expect(r.out).toMatch(/^Kind {5}agency$/m);
    expect(r.out).toMatch(/^Aliases {2}BIS$/m);
    expect(r.out).toMatch(/^Briefings \(\d+\)$/m);
    expect(r.out).toMatch(/^Appears with$/m);
  });

  it("--json has its briefings, events in date order, co-actors with counts and terms", async () => {
    const page = JSON.parse((await run(BUNDLED, ["actors", "Howard Lutnick", "--json"])).out) as {
      name: string;
      kind: string;
      briefingIds: string[];
      events: { date: string }[];
      coActors: { name: string; count: number }[];
      terms: string[];
    };
    expect(page).toMatchObject({
      name: "Howard Lutnick",
      kind: "person",
      briefingIds: ["2026-07-01-controls-lifted"],
    });
    expect(page.events.map((e) => e.date)).toEqual([...page.events.map((e) => e.date)].sort());
    expect(page.coActors).toContainEqual({ name: "Anthropic", count: 1 });
    const anthropic = JSON.parse((await run(BUNDLED, ["actors", "anthropic", "--json"])).out) as typeof page;
    expect(anthropic.coActors[0]).toEqual({ name: "Trump administration", count: 5 });
    expect(anthropic.terms).toContain("Jailbreaking");
  });

  it("says so, with exit 66, when there is no such actor; actors --json is unchanged", async () => {
    const r = await run(BUNDLED, ["actors", "Nobody Atall"]);
    expect(r.code).toBe(66);
    expect(r.err).toContain("no actor named 'Nobody Atall'");
    const list = JSON.parse((await run(BUNDLED, ["actors", "--json"])).out) as Record<string, unknown>[];
    expect(Object.keys(list[0]!)).toEqual(["name", "kind", "aliases", "briefingIds"]);
  });
});

describe("stories", () => {
  const FOLDER = {
    "harbour/a.md": "---\ntitle: Ferry stops\ndate: 2031-01-05\n---\nThe ferry stopped.\n",
    "harbour/b.md": "---\ntitle: Ferry resumes\ndate: 2031-02-01\n---\nThe ferry resumed.\n",
    "harbour/c.md": "---\ntitle: Rail plan\ndate: 2031-03-01\nstory: Rail\n---\nA rail plan.\n",
    "loose.md": "---\ntitle: Loose note\n---\nA note.\n",
  };

  it("assigns front matter story, else the top-level folder, else none", async () => {
    const dir = await folderOf(FOLDER);
    expect(JSON.parse((await run(dir, ["stories", "--json"])).out)).toEqual([
      { name: "harbour", briefings: 2, first: "2031-01-05", last: "2031-02-01", briefingIds: ["a", "b"] },
      { name: "Rail", briefings: 1, first: "2031-03-01", last: "2031-03-01", briefingIds: ["c"] },
      { name: null, briefings: 1, first: null, last: null, briefingIds: ["loose"] },
    ]);
    const text = (await run(dir, ["stories"])).out;
    expect(text).toMatch(/^harbour +2 {2}Jan 5 2031 – Feb 1 2031$/m);
    expect(text).toMatch(/^\(no story\) +1 {2}undated$/m);
  });

  it("--story filters every command", async () => {
    const dir = await folderOf(FOLDER);
    const list = JSON.parse((await run(dir, ["list", "--json", "--story", "HARBOUR"])).out) as {
      id: string;
    }[];
    expect(list.map((b) => b.id)).toEqual(["a", "b"]);
    const t = await timelineJson(dir, ["--story", "rail"]);
    expect(t.map((e) => e.briefingId)).toEqual(["c"]);
    const actors = await run(dir, ["actors", "--story", "nothing"]);
    expect(actors.out).toBe("No actors.\n");
  });
});

describe("widths", () => {
  it("keeps every line of agenda, stories and an actor's page within --width", async () => {
    const dir = await folderOf({ "harbour/a.md": PLANS, "notes.txt": UNDATED });
    for (const [folder, args] of [
      [BUNDLED, ["agenda"]],
      [BUNDLED, ["actors", "Anthropic"]],
      [BUNDLED, ["timeline"]],
      [dir, ["stories"]],
    ] as const) {
      for (const width of [20, 40, 100]) {
        const r = await run(folder, [...args, "--width", String(width)]);
        const widest = Math.max(...r.out.split("\n").map((l) => stringWidth(l)));
        expect(widest, `${args.join(" ")} --width ${width}`).toBeLessThanOrEqual(width);
      }
    }
  });
});
