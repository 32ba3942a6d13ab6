import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildStoryView } from "../../src/story/view.js";
import { App } from "../../src/tui/App.js";
import { editorCommand, runEditor, splitWords } from "../../src/tui/editor.js";
import { loadResult } from "./fixtures.js";
import { KEYS, type Rendered, render } from "./render.js";

let scratch: string | undefined;
let app: Rendered | undefined;
afterEach(() => {
  app?.unmount();
  app = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

describe("splitting $EDITOR into a program and its arguments", () => {
  it("splits on blanks and keeps quoted blanks, as a shell would, expanding nothing", () => {
    expect(splitWords("code -w")).toEqual(["code", "-w"]);
    expect(splitWords("  vim   -f  ")).toEqual(["vim", "-f"]);
    expect(splitWords("'/opt/My Editor/bin/ed' --wait")).toEqual(["/opt/My Editor/bin/ed", "--wait"]);
    expect(splitWords('"/opt/My Editor/ed" -c "set tw=72"')).toEqual([
      "/opt/My Editor/ed",
      "-c",
      "set tw=72",
    ]);
    expect(splitWords("/opt/My\\ Editor/ed")).toEqual(["/opt/My Editor/ed"]);
    expect(splitWords('emacs -nw --eval "(setq x \\"y\\")"')).toEqual([
      "emacs",
      "-nw",
      "--eval",
      '(setq x "y")',
    ]);
    expect(splitWords("ed $HOME `rm -rf x`; ls")).toEqual(["ed", "$HOME", "`rm", "-rf", "x`;", "ls"]);
    expect(splitWords("''")).toEqual([""]);
  });

  it("refuses an unterminated quote", () => {
    expect(splitWords("'vim")).toBe("unterminated ' quote");
    expect(splitWords('code "-w')).toBe('unterminated " quote');
  });

  it("takes $VISUAL, else $EDITOR, else vi; an empty setting counts as unset", () => {
    expect(editorCommand({ visual: "code -w", editor: "nano" })).toEqual({
      program: "code",
      args: ["-w"],
      from: "$VISUAL",
    });
    expect(editorCommand({ visual: "  ", editor: "nano" })).toEqual({
      program: "nano",
      args: [],
      from: "$EDITOR",
    });
    expect(editorCommand({ visual: null, editor: null })).toEqual({
      program: "vi",
      args: [],
      from: "default",
    });
    expect(editorCommand({ visual: "'vim", editor: null })).toBe("$VISUAL: unterminated ' quote");
    expect(editorCommand({ visual: "''", editor: null })).toBe("$VISUAL names no program");
  });
});

describe("running the editor", () => {
  it("runs it on the file as its last argument, and says nothing when it exits with 0", async () => {
    scratch = mkdtempSync(join(tmpdir(), "sd-editor-"));
    const file = join(scratch, "a b.md");
    writeFileSync(file, "before\n");
    const script = join(scratch, "ed.sh");
    writeFileSync(script, '#!/bin/sh\nprintf "%s|" "$@" > "$(dirname "$0")/args"\necho after > "$2"\n');
    chmodSync(script, 0o755);
    const cmd = editorCommand({ visual: null, editor: `${script} --wait` });
    if (typeof cmd === "string") throw new Error(cmd);
    expect(await runEditor(cmd, file)).toBeNull();
    expect(readFileSync(join(scratch, "args"), "utf8")).toBe(`--wait|${file}|`);
    expect(readFileSync(file, "utf8")).toBe("after\n");
  });

  it("says which editor is missing, or how it failed, and never throws", async () => {
    expect(await runEditor({ program: "/nonexistent/ed", args: [], from: "$EDITOR" }, "/tmp/x")).toBe(
      "Editor not found: /nonexistent/ed ($EDITOR). Set $VISUAL or $EDITOR to the editor you use.",
    );
    expect(await runEditor({ program: "sh", args: ["-c", "exit 3", "sh"], from: "$VISUAL" }, "/tmp/x")).toBe(
      "The editor sh ($VISUAL) exited with status 3",
    );
    expect(
      await runEditor({ program: "sh", args: ["-c", 'kill -TERM "$$"', "sh"], from: "default" }, "/tmp/x"),
    ).toBe("The editor sh was ended by SIGTERM");
  });
});

describe("e in the reader", () => {
  const story = buildStoryView(loadResult());

  async function withEdit(result: string | null) {
    const files: string[] = [];
    const edit = async (file: string) => {
      files.push(file);
      return result;
    };
    app = await render(
      <App
        story={story}
        initialFilter={{ actors: [], tags: [] }}
        today={new Date(2026, 5, 1)}
        color={false}
        edit={edit}
      />,
    );
    return files;
  }

  it("edits the briefing under the cursor, or the open one, and says so", async () => {
    const files = await withEdit(null);
    const summaries = [0, 1, 2].map((i) => story.briefings.get(i)!);
    const titleOf = (file: string | undefined) =>
      summaries.find((b) => file === join("/briefings", b.relPath))?.title ?? "none";
    await app!.press("2");
    const rows = app!.lines().filter((l) => /^[›●↻ ] \d{4}-/.test(l));
    await app!.press("e");
    expect(rows[0]).toContain(titleOf(files[0]).slice(0, 30));
    expect(app!.frame()).toMatch(/Edited [\w-]+\.md/);
    // The second row, opened: the open briefing is the one edited.
    await app!.press("j", KEYS.enter, "e");
    expect(rows[1]).toContain(titleOf(files[1]).slice(0, 30));
    expect(files).toHaveLength(2);
  });

  it("shows why the editor failed, and keeps working", async () => {
    await withEdit("Editor not found: vi. Set $VISUAL or $EDITOR to the editor you use.");
    await app!.press("2", "e");
    expect(app!.frame()).toContain("Editor not found: vi.");
    await app!.press("3");
    expect(app!.frame()).toContain("[3 Glossary]");
  });

  it("says there is nothing to edit where no briefing is under the cursor", async () => {
    const files = await withEdit(null);
    await app!.press("3", "e");
    expect(files).toEqual([]);
    expect(app!.frame()).toContain("No briefing here to edit");
  });
});
