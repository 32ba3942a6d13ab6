import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesText, queryParts } from "../../src/story/search.js";
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

  it("narrows as a query is typed on and widens again on backspace, as a fresh search would", () => {
    const rows = [
      "Port strike ends",
      "Porto talks",
      "port of Kiel",
      "Sport news",
      "Ports reopen",
      "Café Port",
    ];
    const l: Searchable = { total: rows.length, text: (row) => rows[row]! };
    const typed = [
      "p",
      "po",
      "por",
      "port",
      "port ",
      "port s",
      "port st",
      "port s",
      "port ",
      "port",
      "por",
      "p",
    ];
    const seen = typed.map((q) => countRows(l, q));
    expect(seen).toEqual([5, 5, 5, 5, 5, 1, 1, 1, 5, 5, 5, 5]);
    // "Sport" holds "port" but no word starts with it; "Café Port" is found by its second word.
    expect(rowHits(l, "port")?.rows).toEqual(Uint8Array.from([1, 1, 1, 0, 1, 1]));
    expect(searchRows(l, "CAFE po", 0, 1, true)).toBe(5);
  });

  it("finds a phrase within one row, never across the end of one row and the start of the next", () => {
    const rows = ["canal toll", "rises again", "toll rises", "", "U.S. tariffs", "plan B approved", "Bonn"];
    const l: Searchable = { total: rows.length, text: (row) => rows[row]! };
    expect(rowHits(l, '"toll rises"')?.rows).toEqual(Uint8Array.from([0, 0, 1, 0, 0, 0, 0]));
    expect(countRows(l, "toll rises")).toBe(1);
    expect(countRows(l, "toll")).toBe(2);
    // One-letter words: whole in a phrase or before another word, a word's start alone.
    expect(searchRows(l, "u.s", 0, 1)).toBe(4);
    expect(searchRows(l, '"b approved"', 0, 1)).toBe(5);
    expect(countRows(l, '"b"')).toBe(1);
    expect(countRows(l, "b")).toBe(2);
  });

  it("answers every query of a typing session as the one matcher answers each row", () => {
    const word = fc.constantFrom(
      "port",
      "Port",
      "pôrt",
      "strike",
      "café",
      "CAFE",
      "kiel",
      "s",
      "é",
      "u.s",
      "2026-05",
      "𠀋a",
    );
    const text = fc.array(word, { maxLength: 6 }).map((w) => w.join(" "));
    // A session: letters typed and taken back one at a time, quotes included; up to 40 rows, so
    // that the few rows left after a letter are tried alone as well as the whole list searched.
    const key = fc.oneof(
      fc.constantFrom(
        "p",
        "o",
        "r",
        "t",
        " ",
        '"',
        "s",
        "c",
        "a",
        "f",
        "e",
        "é",
        ".",
        "u",
        "2",
        "0",
        "-",
        "𠀋",
      ),
      fc.constant("\b"),
    );
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 40 }),
        fc.array(key, { maxLength: 20 }),
        (rows, keys) => {
          const l: Searchable = { total: rows.length, text: (row) => rows[row]! };
          let q = "";
          for (const k of keys) {
            q = k === "\b" ? q.slice(0, -1) : q + k;
            const want = queryParts(q).length === 0 ? null : rows.map((r) => (matchesText(r, q) ? 1 : 0));
            const hits = rowHits(l, q);
            expect(hits && [...hits.rows], q).toEqual(want);
            expect(hits?.count, q).toBe(want?.reduce<number>((a, b) => a + b, 0));
          }
        },
      ),
    );
  });
});
