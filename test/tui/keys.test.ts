import { PassThrough, Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { keyFeed, keyWaiting, splitKeys } from "../../src/tui/keys.js";

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

describe("keyWaiting", () => {
  it("says a key is waiting from its arrival until the next frame is written, so work ahead stands aside", async () => {
    const source = Object.assign(new PassThrough(), {
      setRawMode: () => source,
    }) as unknown as NodeJS.ReadStream;
    const written: string[] = [];
    const screen = new Writable({
      write(chunk, _encoding, done) {
        written.push(String(chunk));
        done();
      },
    }) as unknown as NodeJS.WriteStream;
    const feed = keyFeed(source, screen);
    try {
      expect(keyWaiting()).toBe(false);
      const read = new Promise<string>((resolve) => feed.stream.once("data", (k) => resolve(String(k))));
      source.emit("data", Buffer.from("j"));
      expect(keyWaiting()).toBe(true);
      expect(await read).toBe("j");
      expect(keyWaiting()).toBe(true);
      screen.write("frame");
      expect(keyWaiting()).toBe(false);
      // A mouse report is not a key the screen must answer first.
      source.emit("data", Buffer.from("\x1b[<64;10;5M"));
      expect(keyWaiting()).toBe(false);
    } finally {
      feed.close();
    }
  });
});
