import { describe, expect, it } from "vitest";
import { toJsonText, writeJsonArray } from "../../src/cli/json.js";
import { colorWanted, createStyle } from "../../src/cli/style.js";

describe("toJsonText", () => {
  it("escapes every character that a terminal would act on, and still parses back to the same value", () => {
    const hostile = "a\x1b]52;c;aGk=\x07b\u009b2Jc\u202ed\u2028e\x7ff\u2066g";
    const text = toJsonText({ title: hostile });
    // Nothing below U+0020 but the layout newlines, no DEL, no C1, no separators, no bidi controls.
    expect(text.replace(/\n/g, "")).not.toMatch(/[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
    expect(text).toContain("\\u001b]52");
    expect(text).toContain("\\u009b");
    expect(text).toContain("\\u202e");
    expect(JSON.parse(text)).toEqual({ title: hostile });
  });

  it("is one document ending in a newline", () => {
    expect(toJsonText([1, 2])).toBe("[\n  1,\n  2\n]\n");
  });
});

describe("colour", () => {
  const tty = { isTTY: true };
  it.each([
    ["a terminal", tty, {}, false, true],
    ["a pipe", { isTTY: false }, {}, false, false],
    ["--no-color", tty, {}, true, false],
    ["NO_COLOR=1", tty, { NO_COLOR: "1" }, false, false],
    ["NO_COLOR empty (ignored, per no-color.org)", tty, { NO_COLOR: "" }, false, true],
    ["TERM=dumb", tty, { TERM: "dumb" }, false, false],
    ["FORCE_COLOR=0", tty, { FORCE_COLOR: "0" }, false, false],
  ])("on %s", (_name, stream, env, flag, expected) => {
    expect(colorWanted(stream, env, flag)).toBe(expected);
  });

  it("styles nothing when disabled", () => {
    const style = createStyle(false);
    expect(style.heading("x") + style.warning("y") + style.muted("z")).toBe("xyz");
    expect(createStyle(true).heading("x")).toContain("\x1b[");
  });
});

describe("writeJsonArray", () => {
  it("writes exactly what one JSON document of the whole array would be, hostile characters escaped", async () => {
    const items = [{ a: 1, t: "x\u202ey" }, { b: [1, 2], c: { d: "e\u0085" } }, { e: null }];
    let text = "";
    await writeJsonArray({ write: (s: string) => (text += s) }, items, (x) => x);
    expect(text).toBe(toJsonText(items));
    expect(JSON.parse(text)).toEqual(items);
  });

  it("writes an empty array as []", async () => {
    let text = "";
    await writeJsonArray({ write: (s: string) => (text += s) }, [], (x) => x);
    expect(text).toBe("[]\n");
  });

  it("writes nothing more while the stream it wrote to has not drained, and the same text once it has", async () => {
    // Elements of about 100 KB: a chunk (1 MB) every ten or so.
    const items = Array.from({ length: 40 }, (_, i) => ({ i, text: "x".repeat(100_000) }));
    let text = "";
    let writes = 0;
    let release: (() => void) | null = null;
    const sink = {
      write: (s: string) => {
        text += s;
        writes++;
        return false;
      },
      drained: () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    };
    const done = writeJsonArray(sink, items, (x) => x);
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toBe(1);
    while (release !== null) {
      const go: () => void = release;
      release = null;
      go();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await done;
    expect(writes).toBeGreaterThan(3);
    expect(text).toBe(toJsonText(items));
  });
});
