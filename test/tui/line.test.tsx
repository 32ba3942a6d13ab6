// <Line> draws a row with fewer Ink nodes than one <Text> per segment, and lays rows with "…" and the
// like out as ASCII: the bytes on screen must stay those of one <Text> per segment, styles included.
import chalk from "chalk";
import fc from "fast-check";
import { Box, Text } from "ink";
import type { ReactNode } from "react";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Line } from "../../src/tui/components/Line.js";
import { ThemeContext, useTheme } from "../../src/tui/hooks/useTheme.js";
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

async function frame(theme: Theme, rows: Row[], Draw: typeof Line | typeof Reference): Promise<string> {
  const app = await render(
    <ThemeContext.Provider value={theme}>
      <Box flexDirection="column" width={80}>
        {rows.map((r, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots
          <Box key={i} width={r.width}>
            <Draw segments={r.segments} width={r.width} {...(r.fill ? { fill: r.fill } : {})} />
          </Box>
        ))}
      </Box>
    </ThemeContext.Provider>,
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
