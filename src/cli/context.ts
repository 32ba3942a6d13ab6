// What every command receives: the streams to write to and the facts about the terminal, so commands
// run the same in a subprocess and in a test with string sinks.
import type { Problem } from "../briefing/schema.js";
import type { LoadedConfig } from "../config/file.js";
import type { FolderLoad } from "../load/folder.js";
import { FolderError } from "../load/read.js";
import type { Synced } from "../load/sync.js";
import type { Store } from "../store/store.js";
import { sanitizeLine } from "../text/sanitize.js";
import { resolveBriefing } from "./resolve.js";

export interface Sink {
  /** false (as a Node stream answers): what was written waits in memory; see `drained`. */
  write(s: string): unknown;
  /** Resolves once what waits in memory is written (a stream's 'drain'). */
  drained?(): Promise<void>;
}

export interface CommandContext {
  out: Sink;
  err: Sink;
  /** Styling allowed on `out` (a terminal, and no NO_COLOR / --no-color / TERM=dumb). */
  color: boolean;
  /** Columns for text output when `--width` is not given. */
  width: number;
  /** Links may be OSC 8 hyperlinks on `out` (see `hyperlinksWanted`). */
  hyperlinks?: boolean;
  today: Date;
  /** The briefings folder, already resolved. */
  dir: string;
  /**
   * Tables as tab-separated records, one a line, nothing cut (stdout is not a terminal and no
   * `--width` was given): what `cut`, `grep` and `sort` want.
   */
  tabular?: boolean;
  /** The settings in effect (`signaldesk config`, `keys`); the defaults when not given. */
  config?: LoadedConfig;
  /** The pager `print` uses on a terminal, false for none (shown by `signaldesk config`). */
  pager?: string | false;
  /** Where read state is kept (see store/state.ts); null or absent: nowhere. */
  stateDir?: string | null;
}

const PLAIN_FIELD = /^[\x21-\x7e]+(?: [\x21-\x7e]+)*$/;

/** One field of a tab-separated record: sanitised, on one line, without tabs. */
export function field(text: string): string {
  // Printable ASCII words with single spaces between them are a field already (most titles and ids).
  if (PLAIN_FIELD.test(text)) return text;
  return sanitizeLine(text.replace(/[\t\r\n]+/g, " "))
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Lines written per call on long outputs: a list of 100k briefings as one string (and the buffer made
 * of it) was some 40 MB held at once at the end of the command.
 */
const LINES_PER_WRITE = 2048;

/** Lines, each ended by a newline, written a few thousand at a time. */
export function writeLines<T>(
  ctx: Pick<CommandContext, "out">,
  items: readonly T[],
  line: (item: T) => string,
): void {
  for (let at = 0; at < items.length; at += LINES_PER_WRITE) {
    let chunk = "";
    for (const item of items.slice(at, at + LINES_PER_WRITE)) chunk += `${line(item)}\n`;
    ctx.out.write(chunk);
  }
}

/**
 * `writeLines` for items that come one by one (rows read from the store as they are printed): when the
 * stream says its buffer is full, the next chunk waits for it to drain; between chunks the event loop
 * runs, so a closed pipe (`| head`) ends the command (exit.ts) instead of taking every line first.
 */
export async function streamLines<T>(
  ctx: Pick<CommandContext, "out">,
  items: Iterable<T>,
  line: (item: T) => string,
): Promise<void> {
  let chunk = "";
  let lines = 0;
  const flush = async () => {
    if (ctx.out.write(chunk) === false && ctx.out.drained !== undefined) await ctx.out.drained();
    else await new Promise<void>((resolve) => setImmediate(resolve));
    chunk = "";
    lines = 0;
  };
  for (const item of items) {
    chunk += `${line(item)}\n`;
    if (++lines === LINES_PER_WRITE) await flush();
  }
  if (lines > 0) await flush();
}

/** One record as a tab-separated line (no newline). */
export function recordLine(fields: readonly string[]): string {
  return fields.map(field).join("\t");
}

/** Records as tab-separated lines. */
export function writeRecords(ctx: Pick<CommandContext, "out">, records: readonly string[][]): void {
  writeLines(ctx, records, recordLine);
}

export const EXIT = {
  ok: 0,
  problems: 1,
  usage: 64,
  invalid: 65,
  notFound: 66,
  /** `mark` could not save the read state (the reason is on stderr). */
  cantCreate: 73,
  interrupted: 130,
  terminated: 143,
} as const;

/** `signaldesk: <message>` on stderr; the message may quote user input, so it is sanitised. */
export function fail(ctx: Pick<CommandContext, "err">, message: string, code: number): number {
  ctx.err.write(`signaldesk: ${sanitizeLine(message)}\n`);
  if (code === EXIT.usage) ctx.err.write("Try 'signaldesk --help'.\n");
  return code;
}

/** `path[:line]: message`, the one way a problem is shown. */
export function formatProblem(p: Problem, withSeverity = false): string {
  const where = p.line === undefined ? p.path : `${p.path}:${p.line}`;
  const label = withSeverity ? `${p.severity}: ` : "";
  return `${sanitizeLine(where)}: ${label}${sanitizeLine(p.message)}`;
}

/** Problems in file order: by path, then line (a problem without a line first). */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) || (a.line ?? 0) - (b.line ?? 0) || 0,
  );
}

/** Files that did not load, on stderr: the output on stdout stays usable and the exit stays 0. */
export function reportLoadErrors(
  ctx: Pick<CommandContext, "err">,
  result: Pick<FolderLoad, "problems">,
): void {
  const errors = sortProblems(result.problems.filter((p) => p.severity === "error"));
  if (errors.length === 0) return;
  ctx.err.write(`${errors.map((p) => formatProblem(p)).join("\n")}\n`);
}

/**
 * The folder through its store (brought up to date first), or the missing folder reported and the
 * exit code returned. The same rows the reader shows: a filter means the same in both.
 */
export async function load(
  ctx: CommandContext,
  digests = true,
  problems?: "error",
): Promise<FolderLoad | number> {
  const synced = await sync(ctx);
  if (typeof synced === "number") return synced;
  const { readRepaired } = await import("../load/folder.js");
  return (await readRepaired(ctx.dir, synced, problems === undefined ? { digests } : { digests, problems }))
    .load;
}

/**
 * The folder's store brought up to date with its files (`load` before the rows are read), or the
 * missing folder reported and the exit code returned.
 */
export async function sync(ctx: CommandContext): Promise<{ store: Store; synced: Synced } | number> {
  try {
    // The store and the loader are imported here, not at the top: `print ID` of a file named by its
    // id never needs them.
    const { syncStore } = await import("../load/folder.js");
    return await syncStore(ctx.dir);
  } catch (error) {
    if (error instanceof FolderError) return fail(ctx, `no briefings folder at ${ctx.dir}`, EXIT.notFound);
    throw error;
  }
}

/**
 * The one stored briefing `id` names in a load, or the exit code after saying why there is none
 * (unknown, ambiguous, or a file that did not load). `consequence` ends each message ("; nothing
 * marked").
 */
export function findBriefing(
  ctx: CommandContext,
  id: string,
  result: FolderLoad,
  consequence = "",
): FolderLoad["summaries"][number] | number {
  const found = resolveBriefing(id, {
    dir: result.dir,
    briefings: result.summaries,
    problems: result.problems,
  });
  switch (found.kind) {
    case "none": {
      const hint = found.closest.length > 0 ? ` (did you mean ${found.closest.join(", ")}?)` : "";
      return fail(ctx, `no briefing '${id}'${hint}${consequence}`, EXIT.notFound);
    }
    case "ambiguous":
      return fail(
        ctx,
        `'${id}' matches several briefings: ${found.candidates.join(", ")}${consequence}`,
        EXIT.usage,
      );
    case "invalid": {
      const lines = sortProblems(found.problems).map((p) => formatProblem(p));
      ctx.err.write(`${lines.join("\n")}\n`);
      return fail(ctx, `briefing '${found.path}' did not load${consequence}`, EXIT.invalid);
    }
    case "briefing":
      return found.briefing;
    default: {
      const never: never = found;
      return never;
    }
  }
}
