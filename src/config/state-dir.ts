// Where read state is kept: `$XDG_STATE_HOME/signaldesk`, else `~/.local/state/signaldesk`. Read at the
// edge (main.ts) and passed in. A relative XDG_STATE_HOME is ignored, as the XDG spec asks.
import { join } from "node:path";
import { home } from "./file.js";

export function stateDir(env: Record<string, string | undefined>): string {
  const xdg = env.XDG_STATE_HOME;
  return join(xdg?.startsWith("/") ? xdg : join(home(env), ".local", "state"), "signaldesk");
}
