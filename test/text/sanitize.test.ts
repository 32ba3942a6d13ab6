import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sanitize, sanitizeLine } from "../../src/text/sanitize.js";

const ESC = "\x1b";
const BEL = "\x07";
// Everything a terminal could act on: C0 but tab/newline, DEL, C1, bidi controls, line/paragraph separators.
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/u;

describe("sanitize: escape sequences are shown, not executed", () => {
  it("shows a colour CSI as ^[ followed by its text", () => {
    expect(sanitize(`red ${ESC}[31mALERT${ESC}[0m end`)).toBe("red ^[[31mALERT^[[0m end");
  });

  it("shows an OSC 52 clipboard write, payload and all", () => {
    const evil = `before${ESC}]52;c;ZWNobyBwd25lZA==${BEL}after`;
    expect(sanitize(evil)).toBe("before^[]52;c;ZWNobyBwd25lZA==^Gafter");
  });

  it("shows an OSC 8 hyperlink terminated by BEL or ST, keeping the link text", () => {
    const link = `see ${ESC}]8;;javascript:alert(1)${BEL}the docs${ESC}]8;;${BEL} now`;
    expect(sanitize(link)).toBe("see ^[]8;;javascript:alert(1)^Gthe docs^[]8;;^G now");
    const st = `${ESC}]8;;https://x.test${ESC}\\click${ESC}]8;;${ESC}\\`;
    expect(sanitize(st)).toBe("^[]8;;https://x.test^[\\click^[]8;;^[\\");
  });

  it("does not swallow the rest of the text after an unterminated CSI or OSC", () => {
    expect(sanitize(`a${ESC}[12;`)).toBe("a^[[12;");
    expect(sanitize(`title ${ESC}]0;pwned\nnext line survives`)).toBe("title ^[]0;pwned\nnext line survives");
  });

  it("shows a terminal reset (ESC c), clear screen and a cursor report request", () => {
    expect(sanitize(`x${ESC}cy`)).toBe("x^[cy");
    expect(sanitize(`${ESC}[2J${ESC}[6n`)).toBe("^[[2J^[[6n");
  });

  it("shows DCS passthrough", () => {
    expect(sanitize(`${ESC}Ptmux;${ESC}${ESC}]52;c;eA==${BEL}${ESC}\\`)).toBe("^[Ptmux;^[^[]52;c;eA==^G^[\\");
  });

  it("shows 8-bit C1 introducers (CSI U+009B, OSC U+009D) by code point", () => {
    expect(sanitize("a\u009b31mb")).toBe("a<U+009B>31mb");
    expect(sanitize("\u009d52;c;eA==\u009c")).toBe("<U+009D>52;c;eA==<U+009C>");
    expect(sanitize("next\u0085line")).toBe("next<U+0085>line");
  });
});

describe("sanitize: other controls", () => {
  it("uses caret notation for BEL, backspace, NUL and the rest of C0", () => {
    expect(sanitize(`ding${BEL}`)).toBe("ding^G");
    expect(sanitize("secret\b\b\b\b\b\bpublic")).toBe("secret^H^H^H^H^H^Hpublic");
    expect(sanitize("a\0b")).toBe("a^@b");
    expect(sanitize("\x01\x1f\x0b\x0c")).toBe("^A^_^K^L");
  });

  it("shows DEL as ^?", () => {
    expect(sanitize("ab\x7fc")).toBe("ab^?c");
  });

  it("keeps tab and newline, turns CRLF into a newline and shows a bare CR", () => {
    expect(sanitize("a\tb\nc")).toBe("a\tb\nc");
    expect(sanitize("one\r\ntwo")).toBe("one\ntwo");
    expect(sanitize("visible\rhidden overwrite")).toBe("visible^Mhidden overwrite");
    expect(sanitize("end\r")).toBe("end^M");
  });

  it("turns U+2028 and U+2029 into newlines", () => {
    expect(sanitize("a\u2028b\u2029c")).toBe("a\nb\nc");
  });

  it("shows bidi overrides, isolates and marks so they cannot reorder text", () => {
    expect(sanitize("invoice\u202Efdp.exe")).toBe("invoice<U+202E>fdp.exe");
    expect(sanitize("\u202Aa\u202Bb\u202Cc\u202Dd")).toBe("<U+202A>a<U+202B>b<U+202C>c<U+202D>d");
    expect(sanitize("\u2066x\u2067y\u2068z\u2069")).toBe("<U+2066>x<U+2067>y<U+2068>z<U+2069>");
    expect(sanitize("\u200e\u200f\u061c")).toBe("<U+200E><U+200F><U+061C>");
  });

  it("shows zero-width spaces and a mid-text BOM, keeps ZWJ and ZWNJ for emoji and scripts", () => {
    expect(sanitize("pay\u200bpal")).toBe("pay<U+200B>pal");
    expect(sanitize("a\ufeffb")).toBe("a<U+FEFF>b");
    expect(sanitize("a\u2060b")).toBe("a<U+2060>b");
    const family = "👨\u200d👩\u200d👧";
    expect(sanitize(family)).toBe(family);
    expect(sanitize("می\u200cخواهم")).toBe("می\u200cخواهم");
  });

  it("replaces lone surrogates and keeps real pairs", () => {
    expect(sanitize("a\ud800b")).toBe("a\ufffdb");
    expect(sanitize("x\udc00")).toBe("x\ufffd");
    expect(sanitize("ok 😀 ok")).toBe("ok 😀 ok");
  });

  it("returns clean text unchanged, including CJK, accents and emoji", () => {
    const clean = "Export controls — 出口管制 — café 🇺🇸 e\u0301";
    expect(sanitize(clean)).toBe(clean);
  });
});

describe("sanitizeLine", () => {
  it("also flattens newlines and tabs to spaces", () => {
    expect(sanitizeLine("a\nb\tc\r\nd\u2028e")).toBe("a b c d e");
  });

  it("still shows escapes", () => {
    expect(sanitizeLine(`t${ESC}]2;x${BEL}`)).toBe("t^[]2;x^G");
  });
});

describe("sanitize properties", () => {
  const nasty = fc.oneof(
    fc.string({ unit: "binary" }),
    fc
      .array(
        fc.constantFrom(
          ESC,
          BEL,
          "\r",
          "\n",
          "\t",
          "\u009b",
          "\u202e",
          "\u2028",
          "\ud800",
          "\udfff",
          "a",
          "^",
          "[",
          "😀",
        ),
      )
      .map((parts) => parts.join("")),
  );

  it("leaves no forbidden character and no lone surrogate, and is idempotent", () => {
    fc.assert(
      fc.property(nasty, (s) => {
        const once = sanitize(s);
        expect(FORBIDDEN.test(once)).toBe(false);
        expect(/[\ud800-\udfff]/u.test(once)).toBe(false);
        expect(sanitize(once)).toBe(once);
        const line = sanitizeLine(s);
        expect(/[\n\t]/.test(line) || FORBIDDEN.test(line)).toBe(false);
        expect(sanitizeLine(line)).toBe(line);
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps the printable text around any control", () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 0x9f }), fc.string(), (a, code, b) => {
        fc.pre(code < 0x20 || code >= 0x7f);
        const plainA = a.replace(/[^ -~]/g, "");
        const plainB = b.replace(/[^ -~]/g, "");
        const out = sanitize(plainA + String.fromCharCode(code) + plainB);
        expect(out.startsWith(plainA)).toBe(true);
        expect(out.endsWith(plainB)).toBe(true);
      }),
    );
  });
});
