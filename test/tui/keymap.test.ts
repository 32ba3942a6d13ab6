import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import {
  COMMANDS,
  FOCUS_SCOPES,
  type Focus,
  footerItems,
  keyLabels,
  matchCommand,
} from "../../src/tui/keymap.js";
import { footerLine } from "../../src/tui/lines/footer.js";
import { helpLines } from "../../src/tui/views/Help.js";

const NO_KEY: Key = {
  upArrow: false,
  downArrow: false,
  leftArrow: false,
  rightArrow: false,
  pageDown: false,
  pageUp: false,
  home: false,
  end: false,
  return: false,
  escape: false,
  ctrl: false,
  shift: false,
  tab: false,
  backspace: false,
  delete: false,
  meta: false,
  super: false,
  hyper: false,
  capsLock: false,
  numLock: false,
};
const key = (over: Partial<Key> = {}): Key => ({ ...NO_KEY, ...over });

describe("keymap", () => {
  it("the help overlay lists every command with all its keys", () => {
    const text = helpLines()
      .map((segs) => segs.map((s) => s.text).join(""))
      .join("\n");
    for (const c of COMMANDS) {
      expect(text, c.id).toContain(c.help);
      for (const k of c.keys) expect(text, c.id).toContain(k.label);
    }
  });

  it("matches the keys of the issue in the right places", () => {
    expect(matchCommand("j", key(), FOCUS_SCOPES.list)).toBe("move.down");
    expect(matchCommand("", key({ downArrow: true }), FOCUS_SCOPES.list)).toBe("move.down");
    expect(matchCommand("G", key({ shift: true }), FOCUS_SCOPES.list)).toBe("move.bottom");
    expect(matchCommand("d", key({ ctrl: true }), FOCUS_SCOPES.list)).toBe("move.halfDown");
    expect(matchCommand("u", key({ ctrl: true }), FOCUS_SCOPES.reader)).toBe("move.halfUp");
    for (const focus of ["list", "reader"] as const) {
      expect(matchCommand(" ", key(), FOCUS_SCOPES[focus])).toBe("move.pageDown");
      expect(matchCommand("f", key(), FOCUS_SCOPES[focus])).toBe("move.pageDown");
      expect(matchCommand("f", key({ ctrl: true }), FOCUS_SCOPES[focus])).toBe("move.pageDown");
      expect(matchCommand("", key({ pageDown: true }), FOCUS_SCOPES[focus])).toBe("move.pageDown");
      expect(matchCommand("b", key(), FOCUS_SCOPES[focus])).toBe("move.pageUp");
      expect(matchCommand("b", key({ ctrl: true }), FOCUS_SCOPES[focus])).toBe("move.pageUp");
      expect(matchCommand("", key({ leftArrow: true }), FOCUS_SCOPES[focus])).toBe("back");
    }
    expect(matchCommand("l", key(), FOCUS_SCOPES.list)).toBe("open");
    expect(matchCommand("", key({ rightArrow: true }), FOCUS_SCOPES.list)).toBe("open");
    expect(matchCommand("o", key(), FOCUS_SCOPES.reader)).toBe("link.open");
    expect(matchCommand("o", key(), FOCUS_SCOPES.list)).toBeUndefined();
    expect(matchCommand("t", key(), FOCUS_SCOPES.list)).toBe("filter.tag");
    expect(matchCommand("&", key(), FOCUS_SCOPES.list)).toBe("filter.text");
    expect(matchCommand("d", key(), FOCUS_SCOPES.list)).toBe("filter.date");
    expect(matchCommand("", key({ tab: true, shift: true }), FOCUS_SCOPES.list)).toBe("view.prev");
    expect(matchCommand("", key({ delete: true }), FOCUS_SCOPES.reader)).toBe("back");
    expect(matchCommand("h", key(), FOCUS_SCOPES.reader)).toBe("back");
    expect(matchCommand("", key({ return: true }), FOCUS_SCOPES.reader)).toBeUndefined();
  });

  it("keeps letters for the prompt while one has focus; Ctrl-C still quits", () => {
    for (const letter of ["q", "j", "a", "d", "c", "1", "?", "/", "n"]) {
      expect(matchCommand(letter, key(), FOCUS_SCOPES.prompt), letter).toBeUndefined();
      expect(matchCommand(letter, key(), FOCUS_SCOPES.picker), letter).toBeUndefined();
    }
    for (const focus of Object.keys(FOCUS_SCOPES) as Focus[]) {
      expect(matchCommand("c", key({ ctrl: true }), FOCUS_SCOPES[focus])).toBe("quit.force");
    }
  });

  it("never lets two commands claim one key in the same focus", () => {
    const samples: [string, Key][] = [];
    for (const ch of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/?") {
      samples.push([ch, key(/[A-Z]/.test(ch) ? { shift: true } : {})]);
      samples.push([ch.toLowerCase(), key({ ctrl: true })]);
    }
    for (const name of Object.keys(NO_KEY) as (keyof Key)[]) {
      if (name !== "ctrl" && name !== "shift" && name !== "meta") samples.push(["", key({ [name]: true })]);
    }
    samples.push(["", key({ tab: true, shift: true })]);
    for (const [focus, scopes] of Object.entries(FOCUS_SCOPES)) {
      for (const [input, k] of samples) {
        const hits = COMMANDS.filter((c) => scopes.includes(c.scope) && c.keys.some((s) => s.test(input, k)));
        expect(hits.length, `${focus}: ${JSON.stringify(input)} ${JSON.stringify(k)}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("builds the footer from the keymap's own labels", () => {
    const items = footerItems("list");
    expect(items[0]).toEqual({ keys: "j/k", label: "move" });
    expect(items.map((i) => i.keys)).toContain("/");
    expect(keyLabels("move.down")).toBe("j / ↓");
  });

  it("keeps ? help and q quit in the footer at any width, dropping the other keys first", () => {
    for (const width of [40, 60, 80, 120]) {
      for (const focus of ["list", "reader"] as const) {
        const text = footerLine(width, focus, "123/456")
          .map((s) => s.text)
          .join("");
        expect(text, `${focus} at ${width}`).toContain("? help");
        expect(text, `${focus} at ${width}`).toContain("q quit");
        expect(text.length).toBeLessThanOrEqual(width);
      }
    }
    const wide = footerLine(200, "list")
      .map((s) => s.text)
      .join("");
    expect(wide).toContain("j/k move");
    const narrow = footerLine(40, "list")
      .map((s) => s.text)
      .join("");
    expect(narrow).not.toContain("c clear");
  });
});
