// Entry point: decides the mode. The reader (Ink + React) is imported dynamically and only when it
// runs in a terminal, so every other path starts without parsing it.
import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import pkg from "../../package.json" with { type: "json" };
import { configPath, formatConfigProblem, loadConfig } from "../config/file.js";
import { stateDir } from "../config/state-dir.js";
import { sanitize, sanitizeLine } from "../text/sanitize.js";
import { type Command, parseArgs } from "./args.js";
import { runCommand } from "./commands/index.js";
import { type CommandContext, EXIT, fail } from "./context.js";
import { EX_IOERR, outputFailure } from "./output-errors.js";
import { choosePager, page } from "./pager.js";
import { colorWanted, hyperlinksWanted } from "./style.js";

// Resolved here, in the entry module, because only this file is guaranteed to stay in
// dist/signaldesk.js: code shared with the reader may move to dist/chunks/, one folder deeper.
const BUNDLED_BRIEFINGS = fileURLToPath(new URL("../briefings/", import.meta.url));

/** Kept as the user wrote it: problems name files as `<dir>/<path inside>`, the way the user would. */
function briefingsDir(flag: string | undefined, env: NodeJS.ProcessEnv, configured?: string): string {
  return flag ?? (env.SIGNALDESK_DIR || configured || BUNDLED_BRIEFINGS);
}

function interactive(env: NodeJS.ProcessEnv): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true && env.TERM !== "dumb";
}

async function isFolder(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function main(argv: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const stderr = { write: (s: string) => process.stderr.write(s) };
  const parsed = parseArgs(argv);
  if (parsed.kind === "help") {
    const { helpText } = await import("./help.js");
    process.stdout.write(helpText(parsed.command));
    return EXIT.ok;
  }
  if (parsed.kind === "version") {
    process.stdout.write(`signaldesk ${pkg.version}\n`);
    return EXIT.ok;
  }
  if (parsed.kind === "usage-error") return fail({ err: stderr }, parsed.message, EXIT.usage);

  const { global } = parsed;
  let command: Command = parsed.command;
  // The config is read here, once, and what it says is handed to whatever runs.
  const settings = await loadConfig(configPath(global.config, env), env);
  if (global.config !== undefined && !settings.found)
    return fail({ err: stderr }, `no config file at ${global.config}`, EXIT.notFound);
  for (const p of settings.problems)
    stderr.write(`signaldesk: ${sanitizeLine(formatConfigProblem(settings.path, p))}\n`);
  const { config } = settings;
  const dir = briefingsDir(global.dir, env, config.dir);
  const color =
    config.color === "auto" || global.noColor || !colorWanted({ isTTY: true }, env, false)
      ? colorWanted(process.stdout, env, global.noColor)
      : config.color === "always";
  // One rule for print and the reader: OSC 8 links only on a terminal known to show them.
  const hyperlinks = hyperlinksWanted(color, env);
  const today = new Date();

  if (command.name === "reader") {
    // Imported here so `print` never evaluates it (date-fns comes only with a date bound).
    const { toFilter } = await import("./filter-args.js");
    const filter = await toFilter(command.filter, today);
    if (typeof filter === "string") return fail({ err: stderr }, filter, EXIT.usage);
    if (interactive(env)) {
      if (!(await isFolder(dir)))
        return fail({ err: stderr }, `no briefings folder at ${dir}`, EXIT.notFound);
      // A saved story is painted before Ink and React load, which is most of a start's time.
      const { earlyStart, LEAVE_SCREEN } = await import("../tui/paint.js");
      const early = earlyStart({ dir, filter, color, keymap: config.keymap });
      try {
        const { runTui } = await import("../tui/run.js");
        return await runTui({
          dir,
          filter,
          color,
          hyperlinks,
          early,
          keymap: config.keymap,
          mouse: config.mouse && !global.noMouse,
          watch: config.watch && !global.noWatch,
          browser: env.BROWSER ?? null,
          editor: { visual: env.VISUAL ?? null, editor: env.EDITOR ?? null },
          stateDir: stateDir(env),
          ...(config.width !== undefined ? { measure: config.width } : {}),
        });
      } catch (error) {
        if (early.painted) {
          process.stdin.setRawMode(false);
          process.stdout.write(LEAVE_SCREEN);
        }
        throw error;
      }
    }
    // Not a terminal: the reader cannot run, the list is the useful answer.
    command = { name: "list", filter: command.filter, json: false };
  }

  // The reader restores the terminal on signals itself; here the exit code is all there is to set.
  const onInterrupt = () => process.exit(EXIT.interrupted);
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", () => process.exit(EXIT.terminated));

  const terminal = process.stdout.isTTY === true;
  const pager = choosePager(global.noPager, env, config.pager);
  const measure = config.width ?? Number.POSITIVE_INFINITY;
  const ctx: CommandContext = {
    out: { write: (s: string) => process.stdout.write(s) },
    err: stderr,
    color,
    width: Math.min(terminal ? process.stdout.columns || 80 : (config.width ?? 80), measure),
    hyperlinks,
    today,
    dir,
    tabular: !terminal,
    config: settings,
    pager,
    stateDir: stateDir(env),
  };
  if (command.name === "print" && terminal && pager !== false) {
    // The whole text first: if the pager cannot start, it is written as it would be without one.
    let text = "";
    const code = await runCommand({ ...ctx, out: { write: (s: string) => (text += s) } }, command);
    process.off("SIGINT", onInterrupt);
    if (text !== "" && !(await page(pager, text, env))) process.stdout.write(text);
    return code;
  }
  return runCommand(ctx, command);
}

/** Output that cannot be written ends the command: one line, EX_IOERR. */
function outputFailed(line: string): never {
  try {
    process.stderr.write(`${line}\n`);
  } catch {
    // No stderr either: the exit code is all that is left.
  }
  process.exit(EX_IOERR);
}

// `signaldesk list | head -1`: the reader went away, which is not an error worth a word.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT.ok);
  const line = outputFailure(error);
  if (line !== null) outputFailed(line);
  throw error;
});
process.stderr.on("error", () => {});

try {
  process.exitCode = await main(process.argv.slice(2), process.env);
} catch (error) {
  // A write to a file or device throws where it is made (a pipe or terminal reports it as an event).
  const line = outputFailure(error);
  if (line !== null) outputFailed(line);
  // A bug, not bad input (bad input is a Problem value): say what it was and use EX_SOFTWARE.
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`signaldesk: internal error: ${sanitize(message)}\n`);
  process.exitCode = 70;
}
