// The whole command line: every command, the reader, and a `print` the print bundle could not answer
// (entry.ts decides which runs). The reader (Ink + React) is imported dynamically and only when it runs
// in a terminal, so every other path starts without parsing it.
import { stat } from "node:fs/promises";
import pkg from "../../package.json" with { type: "json" };
import { configPath, formatConfigProblem, loadConfig } from "../config/file.js";
import { stateDir } from "../config/state-dir.js";
import { sanitizeLine } from "../text/sanitize.js";
import { type Command, parseArgs } from "./args.js";
import { runCommand } from "./commands/index.js";
import { EXIT, fail } from "./context.js";
import { runToExit } from "./exit.js";
import { briefingsDir, commandContext, exitOnSignals, outputStyle, printPaged } from "./setup.js";

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

async function main(argv: string[], env: NodeJS.ProcessEnv, bundled: string): Promise<number> {
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

  if (command.name === "reader") {
    // Imported here so `print` never evaluates it (date-fns comes only with a date bound).
    const { toFilter } = await import("./filter-args.js");
    const filter = await toFilter(command.filter, new Date());
    if (typeof filter === "string") return fail({ err: stderr }, filter, EXIT.usage);
    if (interactive(env)) {
      const dir = briefingsDir(global.dir, env, config.dir, bundled);
      const { color, hyperlinks } = outputStyle(global, config, env);
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

  const onInterrupt = exitOnSignals();
  const ctx = commandContext(global, settings, env, bundled, stderr);
  const run = command;
  if (run.name === "print") return printPaged(ctx, env, onInterrupt, (c) => runCommand(c, run));
  return runCommand(ctx, run);
}

/** Runs the command line `argv`; `bundled` is the briefings folder that comes with the program. */
export function runMain(argv: string[], env: NodeJS.ProcessEnv, bundled: string): Promise<void> {
  return runToExit(() => main(argv, env, bundled));
}
