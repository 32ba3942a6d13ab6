// The whole hostile corpus in the reader, in a real pseudo-terminal, with every byte the program writes
// captured: walking every view and opening every briefing must write no escape sequence that came from
// a file, only the program's own styling and cursor control; odd and changing sizes never crash it or
// draw past the edge.
import { existsSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Corpus, makeCorpus } from "../hostile/corpus.js";
import { BIN, type Session, start } from "./harness.js";
import { cliJson, type ListedBriefing } from "./story.js";

// The other views show by their keys alone on a narrow terminal.
const READER = /signaldesk.*\[1 Timeline\]/;
const ENV = { SIGNALDESK_NO_CACHE: "1" };

/**
 * What the program itself writes: SGR, cursor movement and erasing (Ink redraws a frame with these),
 * cursor show/hide, the alternate screen, synchronized updates, bracketed paste, focus events, mouse
 * reporting (1000, 1006).
 */
const OWN_CONTROL = /\x1b\[[0-9;]*[mABCDEFGHJKSTf]|\x1b\[\?(?:25|1049|2026|2004|1004|1000|1006|7)[hl]/g;
/** Left after removing the program's own control: nothing a terminal acts on at all. */
const ACTED_ON = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

/** The program's output (the wrapper's exit report removed), with its own control sequences removed. */
function foreignControl(raw: string): string[] {
  const own = raw.replace(/\r\n<<E2E-EXIT \{.*?\}>>\r\n/, "").replace(OWN_CONTROL, "");
  const found: string[] = [];
  const re = new RegExp(ACTED_ON.source, "g");
  for (let m = re.exec(own); m !== null && found.length < 10; m = re.exec(own))
    found.push(JSON.stringify(own.slice(Math.max(0, m.index - 20), m.index + 30)));
  return found;
}

let corpus: Corpus;
let briefings: ListedBriefing[];

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  corpus = await makeCorpus();
  briefings = cliJson<ListedBriefing[]>(corpus.dir, "list");
});

afterAll(async () => {
  await corpus?.cleanup();
});

const selected = (s: Session) => s.lines().find((l) => l.trimStart().startsWith("›")) ?? "";

async function pressAndSettle(s: Session, key: string, what: string) {
  const before = s.screenText();
  s.press(key);
  await s.waitFor((screen) => screen !== before, what);
}

describe("the hostile corpus in the reader", () => {
  let s: Session;
  const screens: string[] = [];
  afterAll(() => s?.close());

  it("walks every view and opens every briefing without writing a control sequence from a file", async () => {
    expect(briefings.length).toBeGreaterThanOrEqual(40);
    s = start({ dir: corpus.dir, cols: 100, rows: 30, env: ENV });
    await s.waitForText(READER, { timeoutMs: 120_000 });
    const look = () => {
      screens.push(s.screenText());
      expect(s.overflow()).toEqual([]);
    };

    // Timeline, top to bottom.
    look();
    await pressAndSettle(s, "G", "the end of the timeline");
    look();

    // Every briefing, opened and read to its end.
    s.press("2");
    await s.waitForText("[2 Briefings]");
    for (let i = 0; i < briefings.length; i++) {
      const row = selected(s);
      s.press("Enter");
      await s.waitForText("What happened").catch((e) => {
        throw new Error(`opening row ${i} (${row.trim()}): ${e}`);
      });
      look();
      // Keys pressed together are read as one; each waits for what it changed.
      if (!s.screenText().includes("(100%)")) {
        s.press("G");
        await s.waitForText("(100%)");
        look();
      }
      s.press("h");
      await s.waitFor(() => selected(s) === row, `back on the list from row ${i} (${row.trim()})`);
      if (i === briefings.length - 1) break;
      s.press("j");
      await s.waitFor(() => selected(s) !== row, "the next row");
    }

    // Glossary, the actor picker (hostile names from the registry and the front matter), search, help.
    s.press("3");
    await s.waitForText("[3 Glossary]");
    look();
    s.press("a");
    await s.waitForText("Filter by actor");
    s.press("Evil");
    await s.waitForText("Actor: Evil");
    look();
    // Tab puts the actor in the filter; Enter opens its page, drawn from hostile names too.
    s.press("Tab");
    await s.waitForText(/1 of \d+ briefings/);
    s.press("Enter");
    await s.waitForText("[5 Actors]");
    look();
    s.press("Esc");
    await s.waitFor((screen) => !screen.includes("Briefings ("), "the actors list");
    look();
    s.press("c");
    await s.waitForText("No filters");
    s.press("2");
    await s.waitForText("[2 Briefings]");
    s.press("/");
    await s.waitForText("Enter accept");
    s.press("bidi");
    await s.waitForText("/bidi");
    s.press("Enter");
    await s.waitFor((screen) => !screen.includes("Enter accept"), "the search prompt closed");
    expect(selected(s)).toContain("Bidi controls");
    s.press("?");
    await s.waitForText("Quit from anywhere");
    look();
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);

    expect(foreignControl(s.raw())).toEqual([]);
    // Sequences from the files' text: written out only as visible text.
    for (const payload of ["]52;c;", "]0;owned", "]8;;javascript", "[6n", "Ptmux;", "[!p", "[>0q"])
      expect(s.raw()).not.toContain(`\x1b${payload}`);
    expect(s.raw()).not.toContain("\x1bc");
  });

  it("showed the hostile text visibly while it walked", () => {
    const seen = screens.join("\n");
    for (const visible of [
      "^[]52;c;Y3VybCBldmlsLnNoIHwgc2g=^G",
      "Title change ^[]0;owned window^G here",
      "^[[2J^[[H^[[3J",
      "<U+202E>gnp.exe<U+202C>",
      "<U+009B>31m",
      "Evil ^[]0;x^G Corp",
      "evil^[]0;owned^G^[[2J",
    ])
      expect(seen).toContain(visible);
  });
});

describe("the check itself", () => {
  it("allows Ink's own frame control and catches every kind of foreign control", () => {
    const frame =
      "\x1b[?2026h\x1b[2K\x1b[1A\x1b[G\x1b[1m\x1b[36mok\x1b[39m\x1b[22m\x1b[?25l\x1b[?1049h\x1b[?2026l";
    expect(foreignControl(frame)).toEqual([]);
    for (const bad of [
      "\x1b]52;c;eA==\x07",
      "\x1bPq\x1b\\",
      "\x1bc",
      "\x1b[6n",
      "\u009b31m",
      "\x07",
      "\u202e",
      "\x1b[>0q",
    ])
      expect(foreignControl(`a${bad}b`), JSON.stringify(bad)).not.toEqual([]);
  });
});

describe("sizes", () => {
  let s: Session | undefined;
  afterAll(() => s?.close());

  it.each([
    [1, 1],
    [20, 5],
    [40, 10],
  ])("starts at %i×%i without a crash or a line past the edge, and quits with 0", async (cols, rows) => {
    s = start({ dir: corpus.dir, cols, rows, env: ENV });
    await s.waitFor((screen) => screen.trim() !== "", "something drawn");
    await s.waitFor(() => s!.overflow().length === 0, "nothing past the edge");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
    expect(foreignControl(s.raw())).toEqual([]);
    s.close();
  });

  /** A session at cols×rows with the first briefing open: the screen a resize must end on. */
  async function firstBriefing(cols: number, rows: number): Promise<Session> {
    const session = start({ dir: corpus.dir, cols, rows, env: ENV });
    await session.waitForText(READER, { timeoutMs: 120_000 });
    session.press("2");
    await session.waitForText("[2 Briefings]");
    session.press("Enter");
    await session.waitForText("What happened");
    return session;
  }

  it("survives rapid resizing and lays out for the size it ends on", async () => {
    s = await firstBriefing(80, 24);
    const sizes = [1, 7, 200, 33, 2, 120, 20, 45, 1, 90];
    for (let i = 0; i < 30; i++)
      s.resize(sizes[i % sizes.length]!, sizes[(i * 7 + 3) % sizes.length]! % 60 || 1);
    s.resize(70, 20);
    // xterm reflows what is on screen at each resize, so rows drawn for a wider size show as
    // wrapped until the redraw for 70x20 lands; a reader stuck on a stale size never gets there.
    await s.waitFor(
      (screen) =>
        screen.includes("signaldesk") && screen.includes("What happened") && s!.overflow().length === 0,
      "the reader laid out for 70x20, nothing past the edge",
    );
    // No row left over from a frame drawn for another size: the screen is what a start at 70x20 shows.
    const fresh = await firstBriefing(70, 20);
    try {
      // Read counts differ by how long each session has had the briefing open (read after 2 s).
      const layout = (x: Session) => x.screenText().replace(/\d+ unread/, "N unread");
      await s.waitFor(() => layout(s!) === layout(fresh), "the screen of a start at 70x20");
    } finally {
      fresh.close();
    }
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
    expect(foreignControl(s.raw())).toEqual([]);
  });
});

describe("plain terminals", () => {
  it("TERM=dumb gives the list, with no escape sequence at all", async () => {
    const s = start({ dir: corpus.dir, env: { ...ENV, TERM: "dumb" } });
    try {
      const exit = await s.exit;
      expect(exit.exitCode).toBe(0);
      const out = s.raw().replace(/\r\n<<E2E-EXIT \{.*?\}>>\r\n/, "");
      expect(out).not.toContain("\x1b");
      expect(out).toContain("Title change ^[]0;owned window^G here");
    } finally {
      s.close();
    }
  });

  it.each([{ NO_COLOR: "1" }, { FORCE_COLOR: "0" }])("the reader with %j uses no colour", async (env) => {
    const s = start({ dir: corpus.dir, env: { ...ENV, ...env } });
    try {
      await s.waitForText(READER, { timeoutMs: 120_000 });
      s.press("2");
      await s.waitForText("[2 Briefings]");
      s.press("q");
      expect((await s.exit).exitCode).toBe(0);
      const colours: string[] = [];
      for (const m of s.raw().matchAll(/\x1b\[([0-9;]*)m/g)) {
        const params = (m[1] ?? "").split(";").map(Number);
        if (params.some((p) => (p >= 30 && p <= 38) || (p >= 40 && p <= 48) || (p >= 90 && p <= 107)))
          colours.push(JSON.stringify(m[0]));
      }
      expect(colours).toEqual([]);
    } finally {
      s.close();
    }
  });
});
