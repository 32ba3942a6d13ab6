// `e`: a briefing in the user's editor. $VISUAL, else $EDITOR, else vi (as git and less choose it), its
// value split into a program and its arguments the way a shell would split words (quotes and
// backslashes; `code -w` works), the file added as one more argument. Never through a shell: nothing
// in a path is ever read as a command. Running it is run.ts's (it owns the terminal).
import { spawn } from "node:child_process";

/** The editor settings as found in the environment at the edge (main.ts), unset as null. */
export interface EditorEnv {
  visual: string | null;
  editor: string | null;
}

export interface EditorCommand {
  program: string;
  args: string[];
  /** Where it came from, for messages: `$VISUAL`, `$EDITOR`, or the default. */
  from: "$VISUAL" | "$EDITOR" | "default";
}

export const DEFAULT_EDITOR = "vi";

/**
 * Words of a command line as a POSIX shell splits them, without expanding anything: blanks separate,
 * '…' is literal, "…" keeps blanks and honours \" \\ \$ \`, a backslash outside quotes escapes the next
 * character. A string is why the value cannot be split (an unterminated quote).
 */
export function splitWords(value: string): string[] | string {
  const words: string[] = [];
  let word = "";
  let inWord = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === "'") {
      const end = value.indexOf("'", i + 1);
      if (end < 0) return "unterminated ' quote";
      word += value.slice(i + 1, end);
      inWord = true;
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < value.length && value[j] !== '"'; j++) {
        if (value[j] === "\\" && j + 1 < value.length && '"\\$`'.includes(value[j + 1]!)) j++;
        word += value[j];
      }
      if (j >= value.length) return 'unterminated " quote';
      inWord = true;
      i = j;
    } else if (c === "\\") {
      if (i + 1 < value.length) word += value[++i];
      inWord = true;
    } else if (c === " " || c === "\t" || c === "\n") {
      if (inWord) words.push(word);
      word = "";
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

/** The editor to run, or why the setting cannot be used. An empty setting counts as unset. */
export function editorCommand(env: EditorEnv): EditorCommand | string {
  const [from, value] = env.visual?.trim()
    ? (["$VISUAL", env.visual] as const)
    : env.editor?.trim()
      ? (["$EDITOR", env.editor] as const)
      : (["default", DEFAULT_EDITOR] as const);
  const words = splitWords(value);
  if (typeof words === "string") return `${from}: ${words}`;
  const [program, ...args] = words;
  if (!program) return `${from} names no program`;
  return { program, args, from };
}

/** Why an editor run did not end well, worded for the footer; null when it exited with 0. */
export function editorOutcome(
  cmd: EditorCommand,
  result: { error?: NodeJS.ErrnoException; code?: number | null; signal?: NodeJS.Signals | null },
): string | null {
  const name = cmd.from === "default" ? cmd.program : `${cmd.program} (${cmd.from})`;
  if (result.error) {
    if (result.error.code === "ENOENT")
      return `Editor not found: ${name}. Set $VISUAL or $EDITOR to the editor you use.`;
    return `Could not start the editor ${name}: ${result.error.code ?? result.error.message}`;
  }
  if (result.signal) return `The editor ${name} was ended by ${result.signal}`;
  if (result.code !== 0 && result.code !== undefined && result.code !== null)
    return `The editor ${name} exited with status ${result.code}`;
  return null;
}

/**
 * Runs the editor on `file` in this terminal (stdio inherited) and resolves when it exits: null, or
 * why it failed. Never rejects.
 */
export function runEditor(cmd: EditorCommand, file: string): Promise<string | null> {
  return new Promise((resolve) => {
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(cmd.program, [...cmd.args, file], { stdio: "inherit" });
    } catch (error) {
      resolve(editorOutcome(cmd, { error: error as NodeJS.ErrnoException }));
      return;
    }
    let done = false;
    const finish = (message: string | null) => {
      if (done) return;
      done = true;
      resolve(message);
    };
    child.once("error", (error: NodeJS.ErrnoException) => finish(editorOutcome(cmd, { error })));
    child.once("exit", (code, signal) => finish(editorOutcome(cmd, { code, signal })));
  });
}
