// The print bundle (dist/print.js, one file: scripts/build.mjs): `print ID` for an id that names one
// briefing the store or its file answers (load/load-one.ts), which is most of them. Node loads this one
// file instead of the twenty-odd chunks the whole command line spreads the same modules over. What it
// cannot answer (an unknown or partial id, a folder that changed, a config with problems to report,
// anything unexpected) it hands back before writing a byte, and the whole command line runs instead.

import type { Briefing } from "../briefing/schema.js";
import { configPath, loadConfig } from "../config/file.js";
import { loadBriefingById } from "../load/load-one.js";
import { cacheDirFrom } from "../store/open.js";
import { parseArgs } from "./args.js";
import { type PrintArgs, writeBriefing } from "./commands/print-formats.js";
import type { CommandContext } from "./context.js";
import { runToExit } from "./exit.js";
import { commandContext, exitOnSignals, printPaged } from "./setup.js";

interface Answer {
  ctx: ReturnType<typeof commandContext>;
  args: PrintArgs;
  briefing: Briefing;
}

async function answer(argv: string[], env: NodeJS.ProcessEnv, bundled: string): Promise<Answer | null> {
  const parsed = parseArgs(argv);
  if (parsed.kind !== "run" || parsed.command.name !== "print") return null;
  const { global, command } = parsed;
  const settings = await loadConfig(configPath(global.config, env), env);
  // What is wrong with the config is said once, by the whole command line.
  if (settings.problems.length > 0 || (global.config !== undefined && !settings.found)) return null;
  const err: CommandContext["err"] = { write: (s: string) => process.stderr.write(s) };
  const ctx = commandContext(global, settings, env, bundled, err);
  const briefing = await loadBriefingById(ctx.dir, command.id, { cacheDir: cacheDirFrom(env) });
  return briefing === null ? null : { ctx, args: command, briefing };
}

/**
 * Prints what `argv` asks and answers true, or answers false having written nothing: the command is
 * not a `print` this bundle can answer.
 */
export async function printFromStore(
  argv: string[],
  env: NodeJS.ProcessEnv,
  bundled: string,
): Promise<boolean> {
  let found: Answer | null;
  try {
    found = await answer(argv, env, bundled);
  } catch {
    return false;
  }
  if (found === null) return false;
  const { ctx, args, briefing } = found;
  await runToExit(() => printPaged(ctx, env, exitOnSignals(), (c) => writeBriefing(c, args, briefing)));
  return true;
}
