// Opening a URL outside the reader: $BROWSER (as set by the user, split on spaces, the URL added as
// one more argument), else the platform's opener. Never through a shell, so nothing in a URL is
// ever read as a command; detached, so the browser outlives the reader and never writes over it.
import { spawn } from "node:child_process";

const PLATFORM_OPENERS: Partial<Record<NodeJS.Platform, string[]>> = {
  darwin: ["open"],
  win32: ["explorer.exe"],
};

/** The command and its arguments, before the URL. */
export function openerCommand(browser: string | null, platform: NodeJS.Platform): string[] {
  // $BROWSER may list several commands separated by `:` (as in git and xdg-utils): the first is used.
  const first = browser?.split(":")[0]?.trim();
  if (first) return first.split(/\s+/);
  return PLATFORM_OPENERS[platform] ?? ["xdg-open"];
}

/** Starts the opener; resolves with an error message when it could not be started. */
export function openUrl(command: readonly string[], url: string): Promise<string | null> {
  const [file, ...args] = command;
  return new Promise((resolve) => {
    try {
      const child = spawn(file!, [...args, url], { detached: true, stdio: "ignore" });
      child.once("error", (error: NodeJS.ErrnoException) =>
        resolve(`could not start ${file}: ${error.code ?? error.message}`),
      );
      child.once("spawn", () => {
        child.unref();
        resolve(null);
      });
    } catch (error) {
      resolve(`could not start ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
