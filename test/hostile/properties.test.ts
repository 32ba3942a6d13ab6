// Properties of the loader, the sanitiser and the wrapper over arbitrary input (fast-check).
//
// Deterministic by default: a fixed seed, logged. Override for a longer local run, e.g.
//   SIGNALDESK_FC_RUNS=100000 npx vitest run test/hostile/properties.test.ts --testTimeout=0
//   SIGNALDESK_FC_SEED=12345 npx vitest run test/hostile/properties.test.ts
// A failure prints the seed and the shrunk counterexample; keep it as a fixture or a regression test
// (see "regressions" at the end).
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseBriefing } from "../../src/briefing/parse.js";
import type { Briefing, SourceFile } from "../../src/briefing/schema.js";
import { briefingMarkdown } from "../../src/cli/render/briefing-markdown.js";
import { briefingText } from "../../src/cli/render/briefing-text.js";
import { createStyle } from "../../src/cli/style.js";
import { readSource } from "../../src/load/read.js";
import { sanitize, sanitizeLine } from "../../src/text/sanitize.js";
import { displayWidth, truncate, wrap } from "../../src/text/width.js";
import { expectNothingLost } from "../briefing/nothing-lost-check.js";

const SEED = Number(process.env.SIGNALDESK_FC_SEED ?? 20261123);
const RUNS = process.env.SIGNALDESK_FC_RUNS ? Number(process.env.SIGNALDESK_FC_RUNS) : undefined;
/** Runs per property: the CI default, or SIGNALDESK_FC_RUNS for all of them. */
const runs = (ciDefault: number) => ({ seed: SEED, numRuns: RUNS ?? ciDefault });

beforeAll(() => {
  console.log(`fast-check seed ${SEED}${RUNS ? `, ${RUNS} runs per property` : " (CI run counts)"}`);
});

// --- generators ------------------------------------------------------------------------------------

const ESC = "\x1b";
/** Escape sequences of every family a terminal acts on, with random parameters and terminators. */
const escapeSequence = fc
  .tuple(
    fc.constantFrom(
      `${ESC}]52;c;`,
      `${ESC}]0;`,
      `${ESC}]2;`,
      `${ESC}]8;;`,
      `${ESC}[`,
      `${ESC}P`,
      `${ESC}c`,
      "\u009b",
      "\u009d",
      "\u0090",
      `${ESC}[?1049`,
      `${ESC}[6`,
    ),
    fc.string({ maxLength: 12 }),
    fc.constantFrom("\x07", `${ESC}\\`, "\u009c", "m", "h", "l", "n", "J", ""),
  )
  .map((parts) => parts.join(""));

const hostileBits = fc.constantFrom(
  "\x00",
  "\x07",
  "\b",
  "\r",
  "\r\n",
  "\x7f",
  "\u0085",
  "\u2028",
  "\u2029",
  "\u202e",
  "\u2066",
  "\u2069",
  "\u200b",
  "\ufeff",
  "\ud800",
  "\udfff",
  "e\u0301\u0301\u0301",
  "漢字",
  "👨‍👩‍👧",
  "🇯🇵",
  "\t",
);

/** Shapes that could make a regex backtrack or a loop go quadratic, repeated over one long line. */
const longLine = fc
  .tuple(
    fc.array(
      fc.constantFrom(
        " ",
        ".",
        "-",
        "*",
        "_",
        "(",
        ")",
        ":",
        "|",
        "—",
        "'",
        "#",
        "**",
        "Department ",
        "in 2025 ",
        "June 12, ",
        "12 June ",
        "Secretary ",
        "A. ",
        "U.S. ",
        "(AB) ",
        "Of ",
        "of the ",
        "and ",
        "Why it matters: ",
        "- Term: ",
        "Source: ",
        "Inc. ",
        ", deputy director ",
        "2026-06-13 ",
        "Looking Ahead ",
      ),
      { minLength: 1, maxLength: 3 },
    ),
    fc.integer({ min: 500, max: 8000 }),
  )
  .map(([parts, n]) => parts.join("").repeat(Math.ceil(n / parts.join("").length) + 1));

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom("the", "harbour", "Board", "voted", "on", "tolls", "Council") },
  {
    weight: 2,
    arbitrary: fc.constantFrom("June 12, 2026", "in 2025", "Department of Ports", "(DoP)", "Mayor Ana Ruiz"),
  },
  { weight: 2, arbitrary: hostileBits },
  { weight: 1, arbitrary: escapeSequence },
  { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }) },
);
const sentence = fc.array(word, { minLength: 1, maxLength: 14 }).map((ws) => ws.join(" "));
const line = fc.oneof(
  { weight: 6, arbitrary: sentence },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "",
      "",
      "## What happened",
      "## Why it matters",
      "What to watch",
      "### Notes From the Field",
      "Glossary",
      "- Lock: a chamber for boats.",
      "---",
      "Source: Harbour Gazette",
      "Why it matters: tolls fund repairs.",
      "1. First item.",
      "  continued",
    ),
  },
  { weight: 2, arbitrary: sentence.map((s) => `- ${s}`) },
  { weight: 1, arbitrary: longLine },
);
const frontMatter = fc.oneof(
  fc.constant(""),
  fc
    .record(
      {
        title: fc.oneof(sentence, fc.constantFrom("123", "null", "~", "[a", "{", '"\\e]52;c;eA==\\a"')),
        date: fc.constantFrom("2026-06-13", "2026-02-30", "2026-06-13T09:30:00Z", "yesterday", "12"),
        actors: fc.oneof(
          sentence,
          fc.array(sentence, { maxLength: 3 }).map((a) => `[${a.join(", ")}]`),
        ),
        tags: sentence,
        __proto__: sentence,
        id: fc.constantFrom("a-b", "../x", "2031", "é"),
      },
      { requiredKeys: [] },
    )
    .map(
      (fm) =>
        `---\n${Object.entries(fm)
          .map(([k, v]) => `${k}: ${v}`)
          .join("\n")}\n---\n`,
    ),
  fc.constantFrom("---\n", "---\n- a\n---\n", "---\na: &a [*a]\n---\n", "---\n\t- x\n---\n"),
);
/** Briefing-shaped text with hostile bits in it. */
const structuredText = fc
  .tuple(frontMatter, fc.array(line, { maxLength: 30 }))
  .map(([fm, lines]) => fm + lines.join("\n"));
/** Text of any kind: arbitrary UTF-16 (lone surrogates included), graphemes, or briefing-shaped. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  structuredText,
);

function source(text: string): SourceFile {
  return { path: "/corpus/x.md", relPath: "x.md", text, size: text.length, mtimeMs: 0 };
}

/** The loader's contract: a briefing, or problems naming the file; never an internal failure. */
function expectLoads(text: string) {
  const r = parseBriefing(source(text), []);
  if ("problems" in r) {
    expect(r.problems.length).toBeGreaterThan(0);
    for (const p of r.problems) {
      expect(p.path).toBe("x.md");
      expect(p.message).not.toMatch(/^could not be read as a briefing/);
    }
  } else {
    expect(r.briefing.title.length).toBeGreaterThan(0);
  }
  return r;
}

// --- the loader ------------------------------------------------------------------------------------

describe("the loader never throws and never fails inside", () => {
  it("on arbitrary text and briefing-shaped text", () => {
    fc.assert(
      fc.property(anyText, (text) => void expectLoads(text)),
      runs(300),
    );
  });

  it("on long lines of repeated punctuation, dates and name words (no catastrophic backtracking)", () => {
    fc.assert(
      fc.property(longLine, fc.constantFrom("", "# Title\n\n", "---\ntitle: T\n---\n"), (text, head) => {
        expectLoads(head + text);
      }),
      runs(40),
    );
  });

  describe("on arbitrary bytes read from a file", () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), "signaldesk-bytes-"));
    });
    afterAll(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    const encodedText = fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      anyText.map((t) => new Uint8Array(Buffer.from(t, "utf8"))),
      anyText.map(
        (t) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, "utf16le")])),
      ),
      fc
        .tuple(anyText, fc.uint8Array({ minLength: 1, maxLength: 4 }), anyText)
        .map(([a, bad, b]) => new Uint8Array(Buffer.concat([Buffer.from(a), bad, Buffer.from(b)]))),
    );

    it("readSource then parse", async () => {
      const file = path.join(dir, "x.md");
      const entry = { path: file, relPath: "x.md", displayPath: file, openPath: file };
      await fc.assert(
        fc.asyncProperty(encodedText, async (bytes) => {
          await writeFile(file, bytes);
          const read = await readSource(entry);
          if ("problem" in read) {
            expect(read.problem.path).toBe(file);
            expect(read.problem.message.length).toBeGreaterThan(0);
            return;
          }
          expect(read.file.text).not.toMatch(/\r/);
          expectLoads(read.file.text);
        }),
        runs(200),
      );
    });
  });
});

// --- the sanitiser ---------------------------------------------------------------------------------

/** C0 but tab and newline, DEL, C1, bidi embeddings/overrides/isolates/marks, line separators. */
const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;
const textWithSequences = fc
  .array(fc.oneof(fc.string({ unit: "binary", maxLength: 20 }), escapeSequence, hostileBits), {
    maxLength: 20,
  })
  .map((parts) => parts.join(""));

/** Whether every character of `needle` occurs in `hay`, in the same order. */
function inOrder(needle: string, hay: string): boolean {
  let at = 0;
  for (const c of needle) {
    at = hay.indexOf(c, at);
    if (at === -1) return false;
    at++;
  }
  return true;
}

describe("the sanitiser", () => {
  it("leaves no control, DEL, C1, bidi control or lone surrogate, and is idempotent", () => {
    fc.assert(
      fc.property(fc.oneof(textWithSequences, fc.string({ unit: "binary" })), (s) => {
        const once = sanitize(s);
        expect(once).not.toMatch(UNSAFE);
        expect(once).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
        expect(sanitize(once)).toBe(once);
        const one = sanitizeLine(s);
        expect(one).not.toMatch(/[\n\t]/);
        expect(one).not.toMatch(UNSAFE);
        expect(sanitizeLine(one)).toBe(one);
      }),
      runs(2000),
    );
  });

  it("keeps the text around a removed sequence, and the sequence's own text, in place", () => {
    const plain = fc.string({ unit: "grapheme", maxLength: 30 }).map((s) => s.replace(/\r/g, ""));
    fc.assert(
      fc.property(plain, escapeSequence, plain, (before, seq, after) => {
        const out = sanitize(before + seq + after);
        expect(out).toBe(sanitize(before) + sanitize(seq) + sanitize(after));
        // The payload is shown, not dropped: its printable characters are all there, in order.
        const printable = (s: string) => s.replace(/[^\x20-\x7e]/g, "");
        expect(inOrder(printable(seq), printable(sanitize(seq)))).toBe(true);
      }),
      runs(2000),
    );
  });
});

// --- layout ----------------------------------------------------------------------------------------

describe("layout", () => {
  it("wrap and truncate never give a line wider than the width", () => {
    fc.assert(
      fc.property(
        fc.oneof(textWithSequences, fc.string({ unit: "grapheme" }), longLine),
        fc.integer({ min: 1, max: 200 }),
        (s, width) => {
          const text = sanitize(s);
          for (const l of wrap(text, width)) expect(displayWidth(l)).toBeLessThanOrEqual(width);
          expect(displayWidth(truncate(sanitizeLine(s), width))).toBeLessThanOrEqual(width);
        },
      ),
      runs(1000),
    );
  });

  it("a printed briefing has no raw control and no line wider than the width", () => {
    fc.assert(
      fc.property(structuredText, fc.integer({ min: 20, max: 120 }), (text, width) => {
        const r = parseBriefing(source(text), []);
        if (!("briefing" in r)) return;
        const out = briefingText(r.briefing, width, createStyle(false), null);
        expect(out).not.toMatch(UNSAFE);
        for (const l of out.split("\n")) expect(displayWidth(l)).toBeLessThanOrEqual(width);
      }),
      runs(300),
    );
  });
});

// --- nothing lost ----------------------------------------------------------------------------------

describe("nothing is lost", () => {
  it("in briefing-shaped bodies with hostile text", () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 25 }), (lines) => {
        const body = lines.join("\n").replace(/\r\n?/g, "\n");
        expectNothingLost(body, 1, undefined, "random");
      }),
      runs(300),
    );
  });
});

// --- markdown round trip ---------------------------------------------------------------------------

const cleanWord = fc.constantFrom(
  "the",
  "harbour",
  "board",
  "voted",
  "to",
  "freeze",
  "tolls",
  "after",
  "a",
  "dry",
  "summer",
  "repairs",
  "wait",
  "ferries",
  "run",
  "late",
  "Kestrel",
  "Bay",
  "Ana",
  "Ruiz",
  "port",
  "crews",
  "café",
  "港湾",
  "🚢",
  "2026",
);
const words = (min: number, max: number) =>
  fc.array(cleanWord, { minLength: min, maxLength: max }).map((ws) => ws.join(" "));
const prose = words(4, 16).map((s) => `${s[0]!.toUpperCase()}${s.slice(1)}.`);
const name = fc
  .array(fc.constantFrom("Harbour", "Board", "Kestrel", "Ruiz", "Ports", "Authority"), {
    minLength: 1,
    maxLength: 3,
  })
  .map((ws) => ws.join(" "));
const validBriefing = fc
  .record({
    title: prose.map((s) => s.slice(0, -1)),
    date: fc.option(fc.constantFrom("2026-06-13", "2025-01-31", "2031-09-04")),
    source: fc.option(name),
    actors: fc.uniqueArray(name, { maxLength: 3, selector: (s) => s.toLowerCase() }),
    tags: fc.uniqueArray(fc.constantFrom("ports", "tolls", "weather"), { maxLength: 2 }),
    keyPoints: fc.array(prose, { maxLength: 3 }),
    what: fc.array(prose, { minLength: 1, maxLength: 3 }),
    why: fc.array(prose, { maxLength: 3 }),
    watch: fc.array(prose, { maxLength: 3 }),
    glossary: fc.uniqueArray(fc.tuple(fc.constantFrom("Lock", "Quay", "Toll", "Berth"), prose), {
      maxLength: 3,
      selector: ([t]) => t,
    }),
  })
  .map((b) => {
    const fm = [`title: "${b.title}"`];
    if (b.date) fm.push(`date: ${b.date}`);
    if (b.source) fm.push(`source: ${b.source}`);
    if (b.actors.length) fm.push(`actors: [${b.actors.join(", ")}]`);
    if (b.tags.length) fm.push(`tags: [${b.tags.join(", ")}]`);
    const parts = [`---\n${fm.join("\n")}\n---`];
    if (b.keyPoints.length) parts.push(b.keyPoints.map((p) => `- ${p}`).join("\n"));
    parts.push("## What happened", ...b.what);
    if (b.why.length) parts.push("## Why it matters", ...b.why);
    if (b.watch.length) parts.push("## What to watch", ...b.watch);
    if (b.glossary.length) parts.push("## Glossary", b.glossary.map(([t, d]) => `- ${t}: ${d}`).join("\n"));
    return `${parts.join("\n\n")}\n`;
  });

/** The model without file lines (a re-printed file has its text on other lines). */
function model(b: Briefing) {
  const texts = (ps: readonly { text: string; subsection?: string }[]) =>
    ps.map((p) => ({ text: p.text, subsection: p.subsection }));
  return {
    id: b.id,
    title: b.title,
    date: b.date,
    dateInferred: b.dateInferred,
    source: b.source,
    actors: b.actors,
    tags: b.tags,
    keyPoints: texts(b.keyPoints),
    sections: {
      whatHappened: texts(b.sections.whatHappened),
      whyItMatters: texts(b.sections.whyItMatters),
      whatToWatch: texts(b.sections.whatToWatch),
    },
    glossary: b.glossary.map((g) => ({ term: g.term, definition: g.definition })),
    events: b.events.map((e) => ({ date: e.date, precision: e.precision, text: e.text })),
  };
}

describe("print --format markdown", () => {
  it("loads back to the same model", () => {
    fc.assert(
      fc.property(validBriefing, (text) => {
        const first = parseBriefing(source(text), []);
        if (!("briefing" in first))
          throw new Error(`not a valid briefing: ${JSON.stringify(first.problems)}`);
        const printed = briefingMarkdown(first.briefing, null);
        const again = parseBriefing(source(printed), []);
        if (!("briefing" in again)) throw new Error(`did not load back: ${JSON.stringify(again.problems)}`);
        expect(model(again.briefing)).toEqual(model(first.briefing));
      }),
      runs(200),
    );
  });
});

// --- regressions -----------------------------------------------------------------------------------

// Inputs the probes above found, each of which took minutes to hours before its fix. They must load
// (within the test timeout) and still give the right answer.
describe("regressions", () => {
  it("a line of one date repeated is one event, with its sentence cut for the timeline", () => {
    const r = expectLoads(`# Dates\n\n${"in 2025 ".repeat(20_000)}`);
    if (!("briefing" in r)) throw new Error("did not load");
    expect(r.briefing.events).toHaveLength(1);
    expect(r.briefing.events[0]!.text.length).toBeLessThanOrEqual(401);
  });

  it("a line of organisation words names no 100-character organisation", () => {
    const r = expectLoads(`# Orgs\n\n${"Department ".repeat(20_000)}`);
    if (!("briefing" in r)) throw new Error("did not load");
    for (const a of r.briefing.actors) expect(a.length).toBeLessThanOrEqual(100);
  });

  it("a line of acronym definitions", () => {
    expectLoads(`# Acronyms\n\n${"(AB) ".repeat(20_000)}`);
  });

  it("an acronym that no run of connectors can spell (every subset used to be tried)", () => {
    expectLoads(`# Acronym\n\n${`Of ${"of ".repeat(32)}(OOOOOOOOOX) `.repeat(50)}`);
    expectLoads(`# Acronym\n\n${`Department of ${"of ".repeat(30)}`.repeat(20)}(OOOOOOOOOX)`);
  });

  it("acronyms still fold into the name they spell", () => {
    const r = expectLoads("# Ports\n\nThe Bureau of Industry and Security (BIS) met. BIS said no.");
    if (!("briefing" in r)) throw new Error("did not load");
    expect(r.briefing.actors).toEqual(["Bureau of Industry and Security"]);
  });
});
