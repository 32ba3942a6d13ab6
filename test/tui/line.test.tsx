// <Line> draws a row with fewer Ink nodes than one <Text> per segment, and lays rows with "…" and the
// like out as ASCII: the bytes on screen must stay those of one <Text> per segment, styles included.
import chalk from "chalk";
import fc from "fast-check";
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Line } from "../../src/tui/components/Line.js";
import { HyperlinksContext, ThemeContext, useTheme } from "../../src/tui/hooks/useTheme.js";
import { fitSegments, type Segment } from "../../src/tui/segments.js";
import { colorTheme, plainTheme, type Theme, type Token } from "../../src/tui/theme.js";
import { render } from "./render.js";

// Ink styles through chalk, which writes no codes at all when the test's output is not a terminal.
let level: typeof chalk.level;
beforeAll(() => {
  level = chalk.level;
  chalk.level = 3;
});
afterAll(() => {
  chalk.level = level;
});

/** What <Line> drew before: every segment its own <Text> inside one <Text>. */
function Reference({
  segments,
  width,
  fill,
}: {
  segments: Segment[];
  width: number;
  fill?: Token;
}): ReactNode {
  const theme = useTheme();
  const fitted = fitSegments(segments, width, fill !== undefined);
  if (fitted.length === 0) return <Text> </Text>;
  return (
    <Text wrap="truncate-end" {...(fill ? theme[fill] : {})}>
      {fitted.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
        <Text key={i} {...(s.token ? theme[s.token] : {})}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}

interface Row {
  segments: Segment[];
  width: number;
  fill?: Token;
}

async function frame(
  theme: Theme,
  rows: Row[],
  Draw: typeof Line | typeof Reference,
  hyperlinks = false,
): Promise<string> {
  const app = await render(
    <HyperlinksContext.Provider value={hyperlinks}>
      <ThemeContext.Provider value={theme}>
        <Box flexDirection="column" width={80}>
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots
            <Box key={i} width={r.width}>
              <Draw segments={r.segments} width={r.width} {...(r.fill ? { fill: r.fill } : {})} />
            </Box>
          ))}
        </Box>
      </ThemeContext.Provider>
    </HyperlinksContext.Provider>,
    { columns: 80, rows: rows.length + 2 },
  );
  const f = app.frame();
  app.unmount();
  return f;
}

const TOKENS = Object.keys(colorTheme) as Token[];
const TEXTS = [
  "a",
  "the quota for",
  "  ",
  " ",
  "",
  "…",
  "a…",
  "›",
  "─",
  "·",
  ".",
  "é",
  "e\u0301",
  "漢字",
  "👍",
  "x─·y",
  "● ",
  "↻ ",
  "■ ",
  "→ ",
];
const segment = fc.record(
  {
    text: fc.oneof(fc.constantFrom(...TEXTS), fc.string({ maxLength: 6 })),
    token: fc.constantFrom(...TOKENS),
  },
  { requiredKeys: ["text"] },
);
const row = fc.record(
  {
    segments: fc.array(segment, { maxLength: 7 }),
    width: fc.integer({ min: 1, max: 80 }),
    fill: fc.constantFrom<Token>("selection", "activeTab"),
  },
  { requiredKeys: ["segments", "width"] },
);

describe("Line", () => {
  it("writes what one <Text> per segment writes, in colour and without", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 12 }), fc.boolean(), async (rows, colour) => {
        const theme = colour ? colorTheme : plainTheme;
        expect(await frame(theme, rows, Line)).toBe(await frame(theme, rows, Reference));
      }),
      { numRuns: 40 },
    );
  });

  it("keeps the ellipsis, cursor, rule and dot of a timeline row", async () => {
    const rows: Row[] = [
      {
        segments: [
          { text: "› ", token: "accent" },
          { text: "2026-03-01", token: "date" },
          { text: " Reports disagree on the quota for mineral exports, and more besides" },
          { text: "  2026-03-01-quota", token: "muted" },
        ],
        width: 50,
        fill: "selection",
      },
      { segments: [{ text: "─".repeat(30), token: "muted" }], width: 30 },
      { segments: [{ text: " a · b · c" }], width: 30 },
    ];
    const f = await frame(colorTheme, rows, Line);
    expect(f).toBe(await frame(colorTheme, rows, Reference));
    expect(f).toContain("›");
    expect(f).toContain("…");
    expect(f).toContain("─".repeat(30));
    expect(f).toContain("a · b · c");
  });
});

describe("Line over a moving cursor", () => {
  const row = (selected: boolean, mark: "● " | "↻ "): Row => ({
    segments: [
      selected ? { text: "› ", token: "accent" } : { text: mark, token: "unread" },
      { text: "2026-03-01", token: "date" },
      { text: " The quota for mineral exports was raised at the late sitting of the board" },
    ],
    width: 60,
    ...(selected ? { fill: "selection" as const } : {}),
  });

  it("keeps the read marks of the rows the cursor is not on, in their colours", async () => {
    const rows = [row(true, "● "), row(false, "● "), row(false, "↻ ")];
    const f = await frame(colorTheme, rows, Line);
    expect(f).toBe(await frame(colorTheme, rows, Reference));
    const lines = visible(f).split("\n");
    expect(lines[0]).toMatch(/^› 2026-03-01 The quota/);
    expect(lines[1]).toMatch(/^● 2026-03-01 The quota/);
    expect(lines[2]).toMatch(/^↻ 2026-03-01 The quota/);
  });

  it("shows each new state of a row as the cursor comes and goes, and a change of style alone", async () => {
    const theme = colorTheme;
    const draw = (r: Row) => (
      <ThemeContext.Provider value={theme}>
        <Box width={60}>
          <Line segments={r.segments} width={r.width} {...(r.fill ? { fill: r.fill } : {})} />
        </Box>
      </ThemeContext.Provider>
    );
    const alone = async (r: Row) => frame(theme, [r], Reference);
    const app = await render(draw(row(false, "● ")), { columns: 80, rows: 3 });
    const states = [row(true, "● "), row(false, "● "), row(false, "↻ "), row(true, "↻ ")];
    for (const r of states) {
      await app.rerender(draw(r));
      expect(app.frame()).toBe(await alone(r));
    }
    // The same text in another colour (a row read since) is drawn again.
    const recoloured: Row = {
      ...row(false, "● "),
      segments: [{ text: "● ", token: "muted" }, ...row(false, "● ").segments.slice(1)],
    };
    await app.rerender(draw(row(false, "● ")));
    await app.rerender(draw(recoloured));
    expect(app.frame()).toBe(await alone(recoloured));
    expect(app.frame()).not.toBe(await alone(row(false, "● ")));
    app.unmount();
  });
});

const OSC8 = /\x1b\]8;;([^\x07\x1b]*)\x07/g;
const SGR = /\x1b\[[0-9;]*m/g;
const visible = (f: string) => f.replace(OSC8, "").replace(SGR, "");

describe("Line with links", () => {
  const url = "https://port.example/minutes?id=7&x=1";
  const rows: Row[] = [
    {
      segments: [
        { text: " " },
        { text: "See the " },
        { text: "board minutes", token: "link", url },
        { text: "[2]", token: "muted" },
        { text: " before the vote." },
      ],
      width: 60,
    },
    {
      segments: [
        { text: "[2] ", token: "muted" },
        { text: url, token: "link", url },
      ],
      width: 60,
    },
    { segments: [{ text: "A row under the links, untouched." }], width: 60 },
  ];

  it("makes link text an OSC 8 hyperlink, and only the link text, where the terminal shows them", async () => {
    const f = await frame(colorTheme, rows, Line, true);
    const lines = f.split("\n");
    // Opened right before the text and closed right after it, whatever styles Ink puts around.
    expect(lines[0]).toMatch(
      /\x1b\]8;;https:\/\/port\.example\/minutes\?id=7&x=1\x07(?:\x1b\[[0-9;]*m)*board minutes(?:\x1b\[[0-9;]*m)*\x1b\]8;;\x07/,
    );
    expect(visible(lines[0]!)).toBe(" See the board minutes[2] before the vote.");
    expect(lines[1]).toContain(`\x1b]8;;${url}\x07`);
    expect(lines[2]).not.toContain("\x1b]8");
  });

  it("costs no column: the screen reads the same with links as without", async () => {
    const withLinks = await frame(colorTheme, rows, Line, true);
    const without = await frame(colorTheme, rows, Line, false);
    expect(without).not.toContain("\x1b]8");
    expect(visible(withLinks)).toBe(visible(without));
    expect(withLinks.split("\n")).toHaveLength(without.split("\n").length);
  });

  it("cuts a link that does not fit like any text, and closes it", async () => {
    const narrow: Row[] = [{ segments: rows[0]!.segments, width: 16 }];
    const f = await frame(colorTheme, narrow, Line, true);
    expect(visible(f)).toBe(" See the board…");
    expect(f).toMatch(/\x1b\]8;;https:[^\x07]*\x07(?:\x1b\[[0-9;]*m)*board…(?:\x1b\[[0-9;]*m)*\x1b\]8;;\x07/);
  });

  it("writes no hyperlink without colour and without support", async () => {
    expect(await frame(plainTheme, rows, Line, false)).not.toContain("\x1b]");
  });

  it("never links a URL the sanitiser would change or that is not the web or mail", async () => {
    const hostile: Row[] = [
      { segments: [{ text: "evil", url: "https://evil.example/\u202egnp.exe" }], width: 30 },
      { segments: [{ text: "script", url: "javascript:alert(1)" }], width: 30 },
      { segments: [{ text: "bell", url: "https://x.example/\x07\x1b]52;c;eA==" }], width: 30 },
    ];
    const f = await frame(colorTheme, hostile, Line, true);
    expect(f).not.toContain("\x1b]");
    expect(
      visible(f)
        .split("\n")
        .map((l) => l.trim()),
    ).toEqual(["evil", "script", "bell"]);
  });
});
