// Habits from less, vim, git and newsboat, tried in a real terminal: paging keys, the mouse, links
// opened in a browser, tag and text filters, the search's counts, the pager, and a rebound key.
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BUNDLED_BRIEFINGS, type Session, start } from "./harness.js";
import { cliJson, type ListedBriefing, newestFirst } from "./story.js";

const TAB = { timeline: "[1 Timeline]", briefings: "[2 Briefings]", glossary: "[3 Glossary]" };
/** The URL a link points to: characters a shell would act on, to prove none is ever used. */
const ODD_URL = "https://example.org/a?b=1&c=$(touch%20x);d='e'";

let scratch: string;
let briefings: ListedBriefing[];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "sd-e2e-habits-"));
  briefings = newestFirst(cliJson<ListedBriefing[]>(BUNDLED_BRIEFINGS, "list"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const selected = (s: Session) => s.lines().find((l) => l.trimStart().startsWith("›")) ?? "";
const shownFrom = (s: Session) => Number(/lines (\d+)–/.exec(s.screenText())?.[1] ?? Number.NaN);
const title = (b: ListedBriefing) => b.title.slice(0, 24);

/** Presses `key` and waits for the screen to change. */
async function press(s: Session, key: string, what: string) {
  const before = s.screenText();
  s.press(key);
  return s.waitFor((screen) => screen !== before, what);
}

/** SGR mouse reports: a press and release of the left button, or a wheel notch, at a 0-based cell. */
const click = (x: number, y: number) => `\x1b[<0;${x + 1};${y + 1}M\x1b[<0;${x + 1};${y + 1}m`;
const wheel = (dir: "up" | "down", x: number, y: number) =>
  `\x1b[<${dir === "up" ? 64 : 65};${x + 1};${y + 1}M`;

async function quit(s: Session) {
  s.press("q");
  const exit = await s.exit;
  s.close();
  return exit;
}

describe("paging keys", () => {
  it("pages an open briefing with Space, f, Ctrl-f, b, Ctrl-b and half pages with Ctrl-d/Ctrl-u", async () => {
    const s = start({ cols: 80, rows: 16 });
    try {
      await s.waitForText(TAB.timeline);
      s.press("2");
      await s.waitForText(TAB.briefings);
      s.press("l");
      await s.waitForText(/lines 1–/);
      const page = () => shownFrom(s);
      await press(s, " ", "Space pages down");
      const one = page();
      expect(one).toBeGreaterThan(1);
      await press(s, "f", "f pages down");
      const two = page();
      expect(two).toBe(one + (one - 1));
      await press(s, "b", "b pages up");
      expect(page()).toBe(one);
      await press(s, "\x02", "Ctrl-b pages up");
      expect(page()).toBe(1);
      await press(s, "\x06", "Ctrl-f pages down");
      expect(page()).toBe(one);
      await press(s, "\x15", "Ctrl-u goes up half a page");
      const half = page();
      expect(half).toBeGreaterThan(1);
      expect(half).toBeLessThan(one);
      await press(s, "\x04", "Ctrl-d goes down half a page");
      expect(page()).toBe(one);
      await press(s, "\x1b[5~", "PgUp");
      expect(page()).toBe(1);
      // h and ← go back, → and l open.
      s.press("h");
      await s.waitFor((screen) => !screen.includes("lines 1–"), "back in the list");
      s.press("Right");
      await s.waitForText(/lines 1–/);
      s.press("Left");
      await s.waitFor((screen) => !screen.includes("lines 1–"), "back in the list again");
      expect(selected(s)).toContain(title(briefings[0]!));
      expect((await quit(s)).exitCode).toBe(0);
    } finally {
      s.close();
    }
  });

  it("keeps ? help and q quit in the footer at 80 and at 40 columns", async () => {
    const s = start({ cols: 80, rows: 20 });
    try {
      await s.waitForText(TAB.timeline);
      const footer = () => s.lines()[18] ?? "";
      expect(footer()).toContain("? help");
      expect(footer()).toContain("q quit");
      s.resize(40, 20);
      await s.waitFor(
        () => (s.lines()[18] ?? "").length <= 40 && footer().includes("q quit"),
        "a 40-column footer",
      );
      expect(footer()).toContain("? help");
      expect((await quit(s)).exitCode).toBe(0);
    } finally {
      s.close();
    }
  });
});

describe("search", () => {
  it("counts matches as you type, and n/N say when they wrap and when nothing matches", async () => {
    const s = start({ cols: 100, rows: 30 });
    try {
      await s.waitForText(TAB.timeline);
      s.press("2");
      await s.waitForText(TAB.briefings);
      const word = "anthropic";
      const hits = briefings.filter((b) =>
        `${b.title} ${b.id} ${b.actors.join(" ")}`.toLowerCase().includes(word),
      );
      s.press("/");
      await s.waitForText("Enter accept");
      s.press(word);
      await s.waitForText(`${hits.length} match${hits.length === 1 ? "" : "es"}`);
      s.press("Enter");
      await s.waitFor((screen) => !screen.includes("Enter accept"), "the search kept");
      for (let i = 1; i < hits.length; i++) await press(s, "n", `match ${i + 1}`);
      s.press("n");
      await s.waitForText("Search wrapped to the top");
      s.press("N");
      await s.waitForText("Search wrapped to the bottom");
      s.press("/");
      await s.waitForText("Enter accept");
      s.press("zzzqx");
      await s.waitForText("no match");
      s.press("Enter");
      await s.waitFor((screen) => !screen.includes("Enter accept"), "the search kept");
      s.press("n");
      await s.waitForText('No match for "zzzqx"');
      expect((await quit(s)).exitCode).toBe(0);
    } finally {
      s.close();
    }
  });
});

describe("the mouse", () => {
  it("is turned on in the reader and off when it ends; wheel, click, click again, and tabs", async () => {
    const s = start({ cols: 100, rows: 24 });
    try {
      await s.waitForText(TAB.timeline);
      // The first frame may be painted before the reader takes keys; the mouse comes with the keys.
      s.press("2");
      await s.waitForText(TAB.briefings);
      s.press("1");
      await s.waitForText(TAB.timeline);
      expect(s.raw()).toContain("\x1b[?1000h\x1b[?1006h");
      // A click on a tab's name switches to its view.
      const tabs = s.lines()[0]!;
      s.press(click(tabs.indexOf("Briefings") + 2, 0));
      await s.waitForText(TAB.briefings);
      // A click moves the cursor to the row under it; a second click there opens it.
      s.press(click(10, 3));
      await s.waitFor(() => selected(s).includes(title(briefings[1]!)), "the cursor on the clicked row");
      s.press(click(10, 3));
      await s.waitForText(/lines 1–/);
      // The wheel scrolls the briefing under it, three lines a notch.
      s.press(wheel("down", 10, 8));
      await s.waitForText(/lines 4–/);
      s.press(wheel("up", 10, 8));
      await s.waitForText(/lines 1–/);
      s.press("Esc");
      await s.waitFor((screen) => !screen.includes("lines 1–"), "the list");
      s.press(wheel("down", 10, 5));
      await s.waitFor(() => selected(s).includes(title(briefings[4]!)), "the wheel moved the cursor");
      const tabsNow = s.lines()[0]!;
      s.press(click(tabsNow.indexOf("Glossary") + 1, 0));
      await s.waitForText(TAB.glossary);
      const exit = await quit(s);
      expect(exit.exitCode).toBe(0);
      const raw = s.raw();
      expect(raw.lastIndexOf("\x1b[?1000l")).toBeGreaterThan(raw.lastIndexOf("\x1b[?1000h"));
    } finally {
      s.close();
    }
  });

  it("is left to the terminal with --no-mouse, and turned off by an interrupt too", async () => {
    const off = start({ args: ["--no-mouse"] });
    try {
      await off.waitForText(TAB.timeline);
      expect((await quit(off)).exitCode).toBe(0);
      expect(off.raw()).not.toContain("\x1b[?1000h");
    } finally {
      off.close();
    }
    const on = start();
    try {
      await on.waitForText(TAB.timeline);
      // The first frame is painted before Ink mounts; reporting starts with the mounted reader.
      await on.waitFor(() => on.raw().includes("\x1b[?1000h"), "mouse reporting on");
      on.kill("SIGTERM");
      expect((await on.exit).exitCode).toBe(143);
      const raw = on.raw();
      expect(raw.lastIndexOf("\x1b[?1000l")).toBeGreaterThan(raw.lastIndexOf("\x1b[?1000h"));
    } finally {
      on.close();
    }
  });
});

describe("links", () => {
  it("o opens the picked link with $BROWSER, the URL as one argument, never through a shell", async () => {
    const dir = join(scratch, "links");
    cpSync(BUNDLED_BRIEFINGS, dir, { recursive: true });
    writeFileSync(
      join(dir, "2026-07-09-links.md"),
      [
        "---",
        "title: Where to read more about the hearing",
        "date: 2026-07-09",
        "---",
        "## What happened",
        "",
        "The committee posted [the transcript](https://example.org/transcript) and a video at",
        `<${ODD_URL}>.`,
        "",
        "## Why it matters",
        "",
        "See https://example.org/analysis.",
        "",
        "## What to watch",
        "",
        "The next session.",
        "",
      ].join("\n"),
    );
    const record = join(scratch, "opened.txt");
    const browser = join(scratch, "browser.sh");
    writeFileSync(
      browser,
      `#!/bin/sh\nprintf '%s\\n' "$#" "$@" > "${record}.tmp" && mv "${record}.tmp" "${record}"\n`,
    );
    chmodSync(browser, 0o755);
    const s = start({ dir, env: { BROWSER: browser }, cols: 100, rows: 30 });
    try {
      await s.waitForText(TAB.timeline);
      s.press("2");
      await s.waitForText(TAB.briefings);
      s.press("/");
      await s.waitForText("Enter accept");
      s.press("read more");
      await s.waitForText("1 match");
      s.press("Enter");
      await s.waitFor((screen) => !screen.includes("Enter accept"), "the search kept");
      s.press("Enter");
      await s.waitForText(/lines 1–/);
      s.press("o");
      await s.waitForText("Open a link");
      expect(s.screenText()).toContain("1. the transcript");
      expect(s.screenText()).toContain("3. https://example.org/analysis");
      s.press("2");
      await s.waitForText("Link number: 2");
      s.press("Enter");
      await s.waitForText("Opened https://example.org/a?b=1");
      await waitForFile(record);
      expect(readFileSync(record, "utf8")).toBe(`1\n${ODD_URL}\n`);
      expect(existsSync(join(dir, "x"))).toBe(false);
      expect((await quit(s)).exitCode).toBe(0);
    } finally {
      s.close();
    }
  });
});

describe("filters", () => {
  it("t filters by tag and Enter on a ticked tag removes it; & by text; each goes on its own", async () => {
    const s = start({ cols: 100, rows: 30 });
    const total = briefings.length;
    const withTag = (t: string) => briefings.filter((b) => b.tags.includes(t)).length;
    try {
      await s.waitForText(TAB.timeline);
      s.press("t");
      await s.waitForText("Filter by tag");
      s.press("negotiations");
      await s.waitForText("Tag: negotiations");
      s.press("Enter");
      await s.waitForText(`${withTag("negotiations")} of ${total} briefings`);
      expect(s.screenText()).toContain("tag negotiations");
      // The text filter narrows further, by the briefing's whole text (the store's search, as
      // `list --query` has it: "palantir" is in a body, no title), and leaves the tag alone when it
      // is removed.
      const word = "palantir";
      const both = cliJson<ListedBriefing[]>(
        BUNDLED_BRIEFINGS,
        "list",
        "--tag",
        "negotiations",
        "--query",
        word,
      ).length;
      expect(briefings.some((b) => `${b.title} ${b.id}`.toLowerCase().includes(word))).toBe(false);
      expect(both).toBeGreaterThan(0);
      expect(both).toBeLessThan(withTag("negotiations"));
      s.press("&");
      await s.waitForText("Filter text:");
      s.press(word);
      await s.waitForText(`Filter text: ${word}`);
      s.press("Enter");
      await s.waitForText(`${both} of ${total} briefings`);
      expect(s.screenText()).toContain(`search "${word}"`);
      s.press("&");
      await s.waitForText(`Filter text: ${word}`);
      for (const _ of word) s.press("Backspace");
      await s.waitFor(
        (screen) => screen.includes("Filter text:") && !screen.includes(`Filter text: ${word[0]}`),
        "an empty entry",
      );
      s.press("Enter");
      await s.waitForText(`${withTag("negotiations")} of ${total} briefings`);
      expect(s.screenText()).toContain("tag negotiations");
      s.press("t");
      await s.waitForText("Filter by tag");
      s.press("negotiations");
      await s.waitFor(() => selected(s).includes("✓ negotiations"), "the ticked tag");
      s.press("Enter");
      await s.waitForText("No filters");
      expect((await quit(s)).exitCode).toBe(0);
    } finally {
      s.close();
    }
  });
});

describe("print through a pager", () => {
  it("pipes print to $PAGER on a terminal, and never when stdout is not one", async () => {
    const record = join(scratch, "paged.txt");
    const pager = join(scratch, "pager.sh");
    writeFileSync(pager, `#!/bin/sh\ncat > "${record}"\necho PAGER-DONE\n`);
    chmodSync(pager, 0o755);
    const b = briefings[0]!;
    const s = start({ args: ["print", b.id], env: { PAGER: pager, SIGNALDESK_PAGER: undefined } });
    try {
      await s.waitForText("PAGER-DONE");
      expect((await s.exit).exitCode).toBe(0);
      expect(readFileSync(record, "utf8")).toContain(b.title.slice(0, 30));
    } finally {
      s.close();
    }
    rmSync(record, { force: true });
    const { execFileSync } = await import("node:child_process");
    const { BIN } = await import("./harness.js");
    const piped = execFileSync(process.execPath, [BIN, "print", b.id], {
      env: { ...process.env, PAGER: pager, SIGNALDESK_DIR: BUNDLED_BRIEFINGS },
      encoding: "utf8",
    });
    expect(piped).toContain(b.title.slice(0, 30));
    expect(existsSync(record)).toBe(false);
    const noPager = start({ args: ["print", b.id, "--no-pager"], env: { PAGER: pager } });
    try {
      expect((await noPager.exit).exitCode).toBe(0);
      expect(noPager.raw()).toContain(b.title.slice(0, 16));
      expect(existsSync(record)).toBe(false);
    } finally {
      noPager.close();
    }
  });
});

describe("the config", () => {
  it("rebinds quit: the footer, ? and the key itself follow it", async () => {
    const config = join(scratch, "config.yaml");
    writeFileSync(config, "keys:\n  quit: [z]\n");
    const s = start({ args: ["--config", config], cols: 100, rows: 40 });
    try {
      await s.waitForText(TAB.timeline);
      await s.waitForText("z quit");
      // q is free now: the program is still there to show the help after it.
      s.press("q");
      s.press("?");
      await s.waitForText("Quit from anywhere");
      expect(s.screenText()).toMatch(/^ +z +Quit$/m);
      s.press("Esc");
      await s.waitFor((screen) => !screen.includes("Quit from anywhere"), "the help closed");
      s.press("z");
      expect((await s.exit).exitCode).toBe(0);
    } finally {
      s.close();
    }
  });
});

/** Waits for the browser script's record: it is written by a detached process. */
async function waitForFile(path: string) {
  const { watch } = await import("node:fs");
  if (existsSync(path)) return;
  await new Promise<void>((resolve, reject) => {
    const dir = join(path, "..");
    const watcher = watch(dir, () => {
      if (existsSync(path)) {
        watcher.close();
        clearTimeout(timer);
        resolve();
      }
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`${path} never written`));
    }, 60_000);
    if (existsSync(path)) {
      watcher.close();
      clearTimeout(timer);
      resolve();
    }
  });
}
