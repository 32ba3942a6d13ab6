import { describe, expect, it } from "vitest";
import { parseArgs } from "../../src/cli/args.js";

describe("parseArgs", () => {
  it("with no arguments runs the reader with an empty filter", () => {
    expect(parseArgs([])).toEqual({
      kind: "run",
      global: { noColor: false, noMouse: false, noWatch: false, noPager: false },
      command: { name: "reader", filter: { actors: [], tags: [] } },
    });
  });

  it("takes global options before or after the command, and --opt=value", () => {
    const a = parseArgs(["--dir", "x", "list", "--no-color"]);
    const b = parseArgs(["list", "--dir=x", "--no-color"]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ kind: "run", global: { dir: "x", noColor: true }, command: { name: "list" } });
  });

  it("reads the config, mouse and pager options, and the keys, config and completion commands", () => {
    expect(parseArgs(["--config", "c.yaml", "--no-mouse", "--no-pager", "list"])).toMatchObject({
      kind: "run",
      global: { config: "c.yaml", noMouse: true, noWatch: false, noPager: true },
    });
    expect(parseArgs(["--no-watch"])).toMatchObject({ kind: "run", global: { noWatch: true } });
    expect(parseArgs(["keys"])).toMatchObject({ kind: "run", command: { name: "keys" } });
    expect(parseArgs(["config"])).toMatchObject({ kind: "run", command: { name: "config" } });
    expect(parseArgs(["completion", "fish"])).toMatchObject({
      kind: "run",
      command: { name: "completion", shell: "fish" },
    });
    expect(parseArgs(["completion"])).toMatchObject({ kind: "usage-error" });
    expect(parseArgs(["completion", "tcsh"])).toEqual({
      kind: "usage-error",
      message: "completion needs a shell: bash, zsh, fish (not 'tcsh')",
    });
    expect(parseArgs(["--config="])).toMatchObject({ kind: "usage-error" });
  });

  it("collects repeatable filters and keeps the last of a single one", () => {
    const parsed = parseArgs([
      "timeline",
      "--actor",
      "BIS",
      "--actor=Anthropic",
      "--tag",
      "a",
      "--since",
      "2025",
      "--since",
      "2026-06",
      "--query",
      "export order",
    ]);
    expect(parsed).toMatchObject({
      kind: "run",
      command: {
        name: "timeline",
        json: false,
        filter: { actors: ["BIS", "Anthropic"], tags: ["a"], since: "2026-06", query: "export order" },
      },
    });
  });

  it("parses print with format, width and sections", () => {
    expect(
      parseArgs(["print", "abc", "--format", "markdown", "--width", "60", "--sections", "why,what,why"]),
    ).toEqual({
      kind: "run",
      global: { noColor: false, noMouse: false, noWatch: false, noPager: false },
      command: {
        name: "print",
        id: "abc",
        format: "markdown",
        width: 60,
        sections: ["whyItMatters", "whatHappened"],
      },
    });
    expect(parseArgs(["print", "abc", "--json"])).toMatchObject({
      command: { format: "json", sections: null },
    });
  });

  it("treats everything after -- as operands", () => {
    expect(parseArgs(["print", "--", "-odd-id"])).toMatchObject({
      command: { name: "print", id: "-odd-id" },
    });
  });

  it("lets --help and --version win, with the command's own help", () => {
    expect(parseArgs(["print", "--bogus", "-h"])).toEqual({ kind: "help", command: "print" });
    expect(parseArgs(["--help"])).toEqual({ kind: "help", command: null });
    expect(parseArgs(["list", "-V"])).toEqual({ kind: "version" });
  });

  it.each([
    [["--bogus"], "unknown option '--bogus'"],
    [["list", "--bogus=1"], "unknown option '--bogus'"],
    [["frobnicate"], "unknown command 'frobnicate'"],
    [["print"], "print needs a briefing id, prefix or path"],
    [["print", "a", "b"], "unexpected argument 'b'"],
    [["list", "extra"], "unexpected argument 'extra'"],
    [["list", "--dir"], "option '--dir' needs a value"],
    [["list", "--json=yes"], "option '--json' takes no value"],
    [["check", "--json"], "option '--json' does not apply to 'check'"],
    [["list", "--format", "json"], "option '--format' does not apply to 'list'"],
    [["print", "a", "--format", "pdf"], "unknown format 'pdf' (expected text, markdown, json)"],
    [["print", "a", "--width", "wide"], "option '--width' needs a whole number, not 'wide'"],
    [["print", "a", "--width", "5"], "option '--width' must be between 20 and 1000, not 5"],
    [["print", "a", "--sections", "what,how"], "unknown section 'how' (expected what, why, watch)"],
    [
      ["print", "a", "--sections", "constructor"],
      "unknown section 'constructor' (expected what, why, watch)",
    ],
    [["list", "--actor", ""], "option '--actor' needs a value"],
  ])("%j is a usage error", (argv, message) => {
    expect(parseArgs(argv)).toEqual({ kind: "usage-error", message });
  });
});
