// Tab-separated records, as `list`, `timeline` and the other tables write them when piped: a long
// output is written in pieces, and what arrives is every record once, in order, one a line.
import { describe, expect, it } from "vitest";
import { writeRecords } from "../../src/cli/context.js";

function sink() {
  const writes: string[] = [];
  return { out: { write: (s: string) => writes.push(s) }, writes, text: () => writes.join("") };
}

describe("writeRecords", () => {
  it("writes every record of a long table once, in order, each on its own line", () => {
    const records = Array.from({ length: 5000 }, (_, i) => [
      `2026-01-${i}`,
      `id-${i}`,
      `Title\twith tab ${i}`,
    ]);
    const s = sink();
    writeRecords(s, records);
    const lines = s.text().split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(5000);
    expect(lines[0]).toBe("2026-01-0\tid-0\tTitle with tab 0");
    expect(lines[4999]).toBe("2026-01-4999\tid-4999\tTitle with tab 4999");
    expect(lines.every((l, i) => l.startsWith(`2026-01-${i}\tid-${i}\t`))).toBe(true);
  });

  it("writes nothing for no records", () => {
    const s = sink();
    writeRecords(s, []);
    expect(s.writes).toEqual([]);
  });
});
