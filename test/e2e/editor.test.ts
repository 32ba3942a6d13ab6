// `e` in the reader: the terminal is handed to $VISUAL / $EDITOR (main screen, cooked mode with echo,
// mouse reporting off), the editor gets the file as its last argument and the keys typed while it
// runs, and afterwards the reader takes the terminal back and shows the edit at once.
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BUNDLED_BRIEFINGS, KEYS, type Session, start } from "./harness.js";

const FILE = "2026-06-19-negotiations.md";
const TITLE = /Anthropic and Washington open talks|negotiat/i;

let session: Session | undefined;
let scratch: string | undefined;
afterEach(() => {
  session?.close();
  session = undefined;
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A folder of two briefings and an editor script that records what it got and retitles the file. */
function setup() {
  scratch = mkdtempSync(join(tmpdir(), "sd-e2e-editor-"));
  const dir = join(scratch, "briefings");
  mkdirSync(dir);
  for (const f of ["2026-06-16-export-order.md", FILE])
    copyFileSync(join(BUNDLED_BRIEFINGS, f), join(dir, f));
  const editor = join(scratch, "edit it.sh");
  writeFileSync(
    editor,
    [
      "#!/bin/sh",
      // The last argument is the file; the ones before it came from $EDITOR.
      "for last; do :; done",
      `printf '%s\\n' "$@" > "${scratch}/args"`,
      `stty -a > "${scratch}/stty"`,
      'echo "EDITING $last"',
      "read answer",
      `echo "$answer" > "${scratch}/answer"`,
      "sed -i 's/^title: .*/title: Retitled in the editor/' \"$last\"",
      'echo "Edited in the editor." >> "$last"',
    ].join("\n"),
  );
  chmodSync(editor, 0o755);
  return { dir, editor };
}

describe("the editor", () => {
  it("hands the terminal over to $EDITOR with its arguments and shows the edit after", async () => {
    const { dir, editor } = setup();
    // A path with a space, quoted as a shell would need it, and an argument of the editor's own.
    session = start({
      dir,
      // With a cache, as a person runs it: the story comes back from the snapshot, checked and reloaded.
      env: { XDG_CACHE_HOME: join(scratch!, "cache"), VISUAL: "", EDITOR: `'${editor}' --wait` },
    });
    const s = session;
    await s.waitForText(/\[1 Timeline\]/);
    s.press("2");
    await s.waitForText("[2 Briefings]");
    // Newest first: the negotiations briefing is under the cursor; open it, then edit it.
    s.press(KEYS.Enter);
    await s.waitForText(/What happened|Why it matters/);
    s.press("e");
    await s.waitForText(`EDITING ${join(dir, FILE)}`);
    expect(s.state().buffer).toBe("normal");
    expect(s.raw()).toContain("\x1b[?1000l");
    const stty = readFileSync(join(scratch!, "stty"), "utf8").split(/\s+/);
    expect(stty).toContain("icanon");
    expect(stty).toContain("echo");
    expect(readFileSync(join(scratch!, "args"), "utf8")).toBe(`--wait\n${join(dir, FILE)}\n`);
    // The editor reads what is typed, a line at a time (cooked mode).
    s.press("yes", KEYS.Enter);
    await s.waitFor(
      (screen) =>
        s.state().buffer === "alternate" &&
        screen.includes("Retitled in the editor") &&
        /Edited .*negotiations\.md/.test(screen),
      "the reader back, with the edit and the notice naming the file",
    );
    expect(readFileSync(join(scratch!, "answer"), "utf8")).toBe("yes\n");
    // The open briefing shows the new text, and keys act at once (raw mode is back): a G pressed
    // before the body is read again acts on the text on screen and ends at the end of the new one.
    s.press("G");
    await s.waitForText("Edited in the editor.");
    s.press(KEYS.Esc);
    await s.waitFor((screen) => /›.*Retitled in the editor/.test(screen), "the list with the new title");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });

  it("says so when the editor cannot be found, and keeps going", async () => {
    const { dir } = setup();
    session = start({
      dir,
      env: { SIGNALDESK_NO_CACHE: "1", VISUAL: "/nonexistent/editor -f", EDITOR: "vi" },
    });
    const s = session;
    await s.waitForText(/\[1 Timeline\]/);
    s.press("2");
    await s.waitForText("[2 Briefings]");
    s.press("e");
    await s.waitForText("Editor not found: /nonexistent/editor ($VISUAL)");
    expect(s.state().buffer).toBe("alternate");
    s.press(KEYS.Enter);
    await s.waitForText(TITLE);
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });
});
