import { describe, expect, it } from "vitest";
import { countRows, rowHits, type Searchable, searchRows } from "../../src/tui/listSearch.js";

const ROWS = ["Port strike", "", "Canal toll rises", "Café reopens", "Port reopens", "canal dredged"];
const list = (): Searchable => ({ total: ROWS.length, text: (row) => ROWS[row]! });

describe("type-to-jump search over a list", () => {
  it("counts the rows matching, accents and case aside, and none for an empty query", () => {
    const l = list();
    expect(countRows(l, "canal")).toBe(2);
    expect(countRows(l, "cafe")).toBe(1);
    expect(countRows(l, "reop")).toBe(2);
    expect(countRows(l, "zzz")).toBe(0);
    expect(countRows(l, "  ")).toBe(0);
    expect(rowHits(l, "  ")).toBeNull();
  });

  it("jumps to the next match after the cursor, wrapping, and to the cursor itself when inclusive", () => {
    const l = list();
    expect(searchRows(l, "port", 0, 1)).toBe(4);
    expect(searchRows(l, "port", 4, 1)).toBe(0);
    expect(searchRows(l, "port", 4, -1)).toBe(0);
    expect(searchRows(l, "port", 0, -1)).toBe(4);
    expect(searchRows(l, "port", 4, 1, true)).toBe(4);
    expect(searchRows(l, "canal", 3, 1, true)).toBe(5);
    expect(searchRows(l, "zzz", 0, 1)).toBe(-1);
  });

  it("answers a query typed over again, then another, as asked anew", () => {
    const l = list();
    expect(rowHits(l, "port")?.rows).toEqual(Uint8Array.from([1, 0, 0, 0, 1, 0]));
    expect(rowHits(l, "canal")?.rows).toEqual(Uint8Array.from([0, 0, 1, 0, 0, 1]));
    expect(countRows(l, "port")).toBe(2);
    expect(searchRows(l, "port", 1, 1)).toBe(4);
  });

  it("asks a list's own index once per query, however often the count and the jump are asked", () => {
    const asked: string[] = [];
    const l: Searchable = {
      ...list(),
      query: (q) => {
        asked.push(q);
        return (row) => row % 2 === 0;
      },
    };
    for (let i = 0; i < 3; i++) {
      expect(countRows(l, "anything")).toBe(3);
      expect(searchRows(l, "anything", 0, 1)).toBe(2);
    }
    expect(countRows(l, "other")).toBe(3);
    expect(asked).toEqual(["anything", "other"]);
  });
});
