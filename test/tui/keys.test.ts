import { describe, expect, it } from "vitest";
import { splitKeys } from "../../src/tui/keys.js";

describe("splitKeys", () => {
  it("splits a read of several typed keys into one key press each", () => {
    expect(splitKeys("G\r")).toEqual(["G", "\r"]);
    expect(splitKeys("/Lut")).toEqual(["/", "L", "u", "t"]);
    // Key repeat: "jj" in one read moves twice.
    expect(splitKeys("jj")).toEqual(["j", "j"]);
  });

  it("keeps escape sequences whole: arrows, PgDn, SS3 arrows, Alt+key", () => {
    expect(splitKeys("\x1b[Bj\x1b[6~\x1bOA\x1bq")).toEqual(["\x1b[B", "j", "\x1b[6~", "\x1bOA", "\x1bq"]);
    expect(splitKeys("\x1b[1;2A")).toEqual(["\x1b[1;2A"]);
  });

  it("keeps a lone Esc, an unfinished sequence and astral characters whole", () => {
    expect(splitKeys("\x1b")).toEqual(["\x1b"]);
    expect(splitKeys("\x1b[12")).toEqual(["\x1b[12"]);
    expect(splitKeys("😀é")).toEqual(["😀", "é"]);
  });
});
