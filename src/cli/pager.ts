// `print` on a terminal goes through a pager, as git's output does. The command is split on spaces
// and run without a shell; the text is written to its stdin, and signaldesk waits for it to end.
export const DEFAULT_PAGER = "less -FRX";

/**
 * The pager to use, or false: `--no-pager` wins, then $SIGNALDESK_PAGER, the config's `pager`,
 * $PAGER, and `less -FRX`. An empty command or `cat` means none.
 */
export function choosePager(
  noPager: boolean,
  env: Record<string, string | undefined>,
  configured: string | false | undefined,
): string | false {
  if (noPager) return false;
  const chosen = env.SIGNALDESK_PAGER ?? (configured === undefined ? env.PAGER : configured) ?? DEFAULT_PAGER;
  if (chosen === false) return false;
  const trimmed = chosen.trim();
  return trimmed === "" || trimmed === "cat" ? false : trimmed;
}

/**
 * Shows `text` in the pager. Resolves false when the pager could not be started (the caller then
 * writes the text itself). Ctrl-C belongs to the pager while it runs (less uses it to stop a search).
 */
export async function page(command: string, text: string, env: NodeJS.ProcessEnv): Promise<boolean> {
  const [file, ...args] = command.split(/\s+/);
  // Loaded here: child_process brings the net and stream modules, which no other command needs.
  const { spawn } = await import("node:child_process");
  return new Promise((resolve) => {
    const ignore = () => {};
    process.on("SIGINT", ignore);
    let settled = false;
    const done = (started: boolean) => {
      if (settled) return;
      settled = true;
      process.off("SIGINT", ignore);
      resolve(started);
    };
    const child = spawn(file!, args, {
      stdio: ["pipe", "inherit", "inherit"],
      // As git does: less shows colour and quits when the text fits, unless the user set LESS.
      env: { ...env, LESS: env.LESS ?? "FRX", LV: env.LV ?? "-c" },
    });
    child.on("error", () => done(false));
    // A pager quit before reading everything (q in less) closes the pipe: that is not an error.
    child.stdin.on("error", () => {});
    child.stdin.end(text);
    child.on("close", () => done(true));
  });
}
