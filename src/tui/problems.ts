// The problems of the story on screen, for the header's count and the problems view: every file that
// did not load (and every warning), as `path:line: message`, and a problem's file read again (through
// the one safe-open path) for the lines around it. Derived from whatever story is current, so a story
// swapped in after a fix shows the list without the fixed file.
import path from "node:path";
import type { Problem } from "../briefing/schema.js";
import { formatProblem, sortProblems } from "../cli/context.js";
import { MAX_FILE_BYTES } from "../load/read.js";
import { realFolder, safeRead } from "../load/safe-open.js";
import { sanitizeLine } from "../text/sanitize.js";

/** Errors first (what failed), then warnings; each in file order. */
export function problemRows(problems: readonly Problem[]): Problem[] {
  const sorted = sortProblems(problems);
  return [...sorted.filter((p) => p.severity === "error"), ...sorted.filter((p) => p.severity !== "error")];
}

/** `path:line: message` (a warning says so), sanitised: a row of the problems view. */
export function problemText(p: Problem): string {
  return formatProblem(p, p.severity !== "error");
}

export function sameProblem(a: Problem, b: Problem): boolean {
  return a.path === b.path && a.line === b.line && a.message === b.message && a.severity === b.severity;
}

/** A problem's file as lines (sanitised, one screen line each), or why it cannot be shown. */
export type ProblemContext = { lines: string[] } | { error: string };

/** The file a problem names, read under the folder's rules; its lines sanitised, never trusted. */
export async function readContext(dir: string, problem: Problem): Promise<ProblemContext> {
  const file = path.resolve(dir, problem.path);
  const inside = realFolder(dir);
  if (inside === null) return { error: `${sanitizeLine(dir)}: the folder is gone` };
  const read = await safeRead(file, { maxBytes: MAX_FILE_BYTES, inside });
  if ("message" in read) return { error: `${sanitizeLine(problem.path)}: ${sanitizeLine(read.message)}` };
  const text = new TextDecoder("utf-8").decode(read.bytes);
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return { lines: lines.map((l) => sanitizeLine(l)) };
}

/** The first line on screen that puts `line` (1-based) a third of the way down a page of `page` rows. */
export function contextScroll(line: number | undefined, total: number, page: number): number {
  if (line === undefined) return 0;
  const top = line - 1 - Math.floor(page / 3);
  return Math.max(0, Math.min(top, total - page));
}
