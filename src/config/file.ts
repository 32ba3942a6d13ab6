// Where the config lives and the one place it is read from disk. Read once, at the edge (main.ts),
// and passed in; nothing deeper reads it or the environment.
import { realpath } from "node:fs/promises";
import { homedir } from "node:os";
import { join } from "node:path";
import { safeRead } from "../load/safe-open.js";
import { type Config, DEFAULT_CONFIG } from "./defaults.js";
import type { ConfigProblem } from "./schema.js";

/** A config larger than this is refused: a settings file is a few hundred bytes. */
export const MAX_CONFIG_BYTES = 64 * 1024;

/** `--config PATH`, else `$XDG_CONFIG_HOME/signaldesk/config.yaml`, else `~/.config/signaldesk/config.yaml`. */
export function configPath(flag: string | undefined, env: Record<string, string | undefined>): string {
  if (flag !== undefined) return flag;
  const base = env.XDG_CONFIG_HOME?.startsWith("/") ? env.XDG_CONFIG_HOME : join(home(env), ".config");
  return join(base, "signaldesk", "config.yaml");
}

export function home(env: Record<string, string | undefined>): string {
  return env.HOME || homedir();
}

export type ConfigText =
  | { kind: "text"; text: string }
  | { kind: "missing" }
  | { kind: "error"; message: string };

/**
 * The config's text: a regular file of at most MAX_CONFIG_BYTES in UTF-8, read through the one safe
 * open (never a FIFO, device or socket; capped; with a deadline). A symlinked config (dotfile
 * managers make them) is followed to its real path first, then opened without following links.
 */
export async function readConfigText(path: string): Promise<ConfigText> {
  let real: string;
  try {
    real = await realpath(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "missing" };
    return { kind: "error", message: `cannot read (${code ?? "error"})` };
  }
  const got = await safeRead(real, { maxBytes: MAX_CONFIG_BYTES });
  if (!("bytes" in got))
    return got.code === "ENOENT" ? { kind: "missing" } : { kind: "error", message: got.message };
  try {
    return { kind: "text", text: new TextDecoder("utf-8", { fatal: true }).decode(got.bytes) };
  } catch {
    return { kind: "error", message: "not valid UTF-8" };
  }
}

export interface LoadedConfig {
  path: string;
  /** Whether a file was there to read. */
  found: boolean;
  config: Config;
  problems: ConfigProblem[];
}

/**
 * The settings in effect. Without a file there is nothing to parse, and zod and yaml are not even
 * loaded (most runs have no config, and `print` starts faster without them).
 */
export async function loadConfig(
  path: string,
  env: Record<string, string | undefined>,
): Promise<LoadedConfig> {
  const read = await readConfigText(path);
  if (read.kind === "missing") return { path, found: false, config: DEFAULT_CONFIG, problems: [] };
  const { parseConfig } = await import("./schema.js");
  if (read.kind === "error")
    return { path, found: true, config: DEFAULT_CONFIG, problems: [{ message: read.message }] };
  const { config, problems } = parseConfig(read.text, home(env));
  return { path, found: true, config, problems };
}

/** `path:line: message`, the way every problem is shown. */
export function formatConfigProblem(path: string, p: ConfigProblem): string {
  return p.line === undefined ? `${path}: ${p.message}` : `${path}:${p.line}: ${p.message}`;
}
