import type { Key } from "ink";
import { describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/schema.js";
import { FOCUS_SCOPES, keyLabels, matchCommand, parseKey, rebind } from "../../src/tui/keymap.js";

const key = (over: Partial<Key> = {}): Key =>
  ({ ctrl: false, meta: false, shift: false, tab: false, ...over }) as Key;

describe("the config file", () => {
  it("reads every setting of the documented example", () => {
    const { config, problems } = parseConfig(
      [
        "dir: ~/briefings          # default folder",
        "width: 100",
        "color: never",
        "mouse: false",
        "watch: false",
        "pager: less -R",
        "keys:",
        "  quit: [q, Q]",
        '  view.timeline: ["1", "T"]',
      ].join("\n"),
      "/home/ann",
    );
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      dir: "/home/ann/briefings",
      width: 100,
      color: "never",
      mouse: false,
      watch: false,
      pager: "less -R",
    });
    expect(parseConfig("", "/h").config.watch).toBe(true);
    expect(keyLabels("quit", config.keymap)).toBe("q / Q");
    expect(keyLabels("view.timeline", config.keymap)).toBe("1 / T");
    expect(parseConfig("pager: false\n", "/h").config.pager).toBe(false);
  });

  it("reports each bad setting at its line and keeps the defaults for it, the rest applying", () => {
    const { config, problems } = parseConfig(
      ["width: 5", "color: blue", "mouse: false", "colour: auto", "keys:", "  quit: [Q]", "  qiut: [x]"].join(
        "\n",
      ),
      "/h",
    );
    expect(problems.map((p) => p.line)).toEqual([1, 2, 4, 7]);
    expect(problems[0]!.message).toMatch(/^width: /);
    expect(problems[1]!.message).toMatch(/^color: .*auto.*always.*never/);
    expect(problems[2]!.message).toContain("unknown setting 'colour'");
    expect(problems[3]!.message).toContain("no command 'qiut'");
    expect(config.width).toBeUndefined();
    expect(config.color).toBe("auto");
    expect(config.mouse).toBe(false);
    expect(keyLabels("quit", config.keymap)).toBe("Q");
  });

  it("names the line of a key list's bad entry and of YAML that does not parse", () => {
    const bad = parseConfig("keys:\n  quit: [q]\n  move.down:\n    - j\n    - Ctrl-1\n", "/h");
    expect(bad.problems).toEqual([{ line: 3, message: expect.stringContaining("Ctrl goes with a letter") }]);
    expect(keyLabels("move.down", bad.config.keymap)).toBe("j / ↓");
    const broken = parseConfig("width: 80\nkeys: [unclosed\n", "/h");
    expect(broken.problems.length).toBeGreaterThan(0);
    expect(broken.problems[0]!.line).toBeGreaterThanOrEqual(2);
    expect(parseConfig("- a list\n", "/h").problems).toEqual([{ line: 1, message: expect.any(String) }]);
    expect(parseConfig("", "/h").problems).toEqual([]);
  });
});

describe("rebinding keys", () => {
  it("takes key names in any case and shows them the one way", () => {
    expect((parseKey("pgdn") as { label: string }).label).toBe("PgDn");
    expect((parseKey("ctrl-F") as { label: string }).label).toBe("Ctrl-f");
    expect((parseKey("down") as { label: string }).label).toBe("↓");
    expect((parseKey("space") as { label: string }).label).toBe("Space");
    expect(parseKey("F13")).toEqual(expect.stringContaining("is not a key"));
  });

  it("applies a rebinding to matching, and frees the old key", () => {
    const { keymap, errors } = rebind({ quit: ["Q"], "move.down": ["z", "Down"] });
    expect(errors).toEqual([]);
    expect(matchCommand("Q", key({ shift: true }), FOCUS_SCOPES.list, keymap)).toBe("quit");
    expect(matchCommand("q", key(), FOCUS_SCOPES.list, keymap)).toBeUndefined();
    expect(matchCommand("z", key(), FOCUS_SCOPES.reader, keymap)).toBe("move.down");
    expect(matchCommand("j", key(), FOCUS_SCOPES.reader, keymap)).toBeUndefined();
  });

  it("refuses two commands on one key in one place, naming both, and keeps their defaults", () => {
    const { keymap, errors } = rebind({ open: ["q"] });
    expect(errors).toEqual([{ command: "open", message: "key q is bound to both quit and open" }]);
    expect(keyLabels("open", keymap)).toBe("Enter / l / →");
    // The same key in places that are never live together is fine: the prompt's Enter and open's.
    expect(rebind({ "prompt.submit": ["Enter", "→"] }).errors).toEqual([]);
    expect(rebind({ "link.open": ["j"] }).errors).toEqual([
      { command: "link.open", message: "key j is bound to both move.down and link.open" },
    ]);
  });
});
