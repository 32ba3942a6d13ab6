// What a command runs with, made the same way by the whole command line (main.ts) and by the print
// bundle (print-fast.ts): the briefings folder, styling, the context and the pager.
import type { LoadedConfig } from "../config/file.js";
import { stateDir } from "../config/state-dir.js";
import type { GlobalArgs } from "./args.js";
import { type CommandContext, EXIT } from "./context.js";
import { choosePager, page } from "./pager.js";
import { colorWanted, hyperlinksWanted } from "./style.js";

/** Kept as the user wrote it: problems name files as `<dir>/<path inside>`, the way the user would. */
export function briefingsDir(
  flag: string | undefined,
  env: NodeJS.ProcessEnv,
  configured: string | undefined,
  bundled: string,
): string {
  return flag ?? (env.SIGNALDESK_DIR || configured || bundled);
}

/** Colour, and OSC 8 links: one rule for print and the reader (links only where shown). */
export function outputStyle(
  global: GlobalArgs,
  config: LoadedConfig["config"],
  env: NodeJS.ProcessEnv,
): { color: boolean; hyperlinks: boolean } {
  const color =
    config.color === "auto" || global.noColor || !colorWanted({ isTTY: true }, env, false)
      ? colorWanted(process.stdout, env, global.noColor)
      : config.color === "always";
  return { color, hyperlinks: hyperlinksWanted(color, env) };
}

/** The context of a command that writes to stdout (every one but the reader), and its pager. */
export function commandContext(
  global: GlobalArgs,
  settings: LoadedConfig,
  env: NodeJS.ProcessEnv,
  bundled: string,
  err: CommandContext["err"],
): CommandContext & { pager: string | false } {
  const { config } = settings;
  const terminal = process.stdout.isTTY === true;
  const measure = config.width ?? Number.POSITIVE_INFINITY;
  return {
    out: {
      write: (s: string) => process.stdout.write(s),
      drained: () => new Promise<void>((resolve) => process.stdout.once("drain", resolve)),
    },
    err,
    ...outputStyle(global, config, env),
    width: Math.min(terminal ? process.stdout.columns || 80 : (config.width ?? 80), measure),
    today: new Date(),
    dir: briefingsDir(global.dir, env, config.dir, bundled),
    tabular: !terminal,
    config: settings,
    pager: choosePager(global.noPager, env, config.pager),
    stateDir: stateDir(env),
  };
}

/**
 * Signals end the command with their exit code (the reader restores the terminal on signals itself).
 * Returns the Ctrl-C handler, which a pager takes over.
 */
export function exitOnSignals(): () => void {
  const onInterrupt = () => process.exit(EXIT.interrupted);
  process.once("SIGINT", onInterrupt);
  process.once("SIGTERM", () => process.exit(EXIT.terminated));
  return onInterrupt;
}

/**
 * `print`'s text through the pager on a terminal: the whole text first, so that if the pager cannot
 * start it is written as it would be without one. Elsewhere, written as it comes.
 */
export async function printPaged(
  ctx: CommandContext & { pager: string | false },
  env: NodeJS.ProcessEnv,
  onInterrupt: () => void,
  print: (ctx: CommandContext) => Promise<number>,
): Promise<number> {
  const { pager } = ctx;
  if (process.stdout.isTTY !== true || pager === false) return print(ctx);
  let text = "";
  const code = await print({ ...ctx, out: { write: (s: string) => (text += s) } });
  process.off("SIGINT", onInterrupt);
  if (text !== "" && !(await page(pager, text, env))) process.stdout.write(text);
  return code;
}
