// The config file's shape and its checking. Pure: the text comes in, settings and problems go out.
// Every setting is checked on its own, so a bad one falls back to its default and the others apply.
import { isMap, LineCounter, parseDocument } from "yaml";
import { z } from "zod";
import { rebind } from "../tui/keymap.js";
import { COLOR_MODES, type ColorMode, type Config, DEFAULT_CONFIG } from "./defaults.js";

/** Each setting's schema; a setting absent from the file keeps its default. */
const SETTINGS = {
  dir: z.string().trim().min(1, "needs a folder"),
  width: z.number().int("must be a whole number").min(20).max(1000),
  color: z.enum(COLOR_MODES),
  mouse: z.boolean(),
  watch: z.boolean(),
  pager: z.union([z.literal(false), z.string().trim().min(1, "needs a command, or false")]),
  keys: z.record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)])),
} as const;

type SettingName = keyof typeof SETTINGS;

export interface ConfigProblem {
  line?: number;
  message: string;
}

export interface ParsedConfig {
  config: Config;
  problems: ConfigProblem[];
}

function expandHome(path: string, home: string): string {
  return path === "~" ? home : path.startsWith("~/") ? `${home}${path.slice(1)}` : path;
}

/** Reads a config's text; `home` expands `~` in `dir`. Never throws. */
export function parseConfig(text: string, home: string): ParsedConfig {
  const problems: ConfigProblem[] = [];
  const config: Config = { ...DEFAULT_CONFIG, keys: {} };
  const counter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: true, lineCounter: counter, prettyErrors: false });
  const lineOf = (offset: number | undefined) =>
    offset === undefined ? undefined : counter.linePos(offset).line;
  const problem = (message: string, offset: number | undefined) => {
    const line = lineOf(offset);
    problems.push(line === undefined ? { message } : { line, message });
  };
  for (const err of doc.errors) problem(err.message.split("\n")[0]!, err.pos[0]);
  if (doc.errors.length > 0) return { config, problems };
  const root = doc.contents;
  if (root === null) return { config, problems };
  if (!isMap(root)) {
    problem("expected settings as `name: value` lines", root.range?.[0]);
    return { config, problems };
  }
  const data = doc.toJS({ maxAliasCount: 50 }) as Record<string, unknown>;
  for (const pair of root.items) {
    const keyNode = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    const name = String(keyNode?.value ?? "");
    const at = keyNode?.range?.[0];
    if (!Object.hasOwn(SETTINGS, name)) {
      problem(`unknown setting '${name}' (known: ${Object.keys(SETTINGS).join(", ")})`, at);
      continue;
    }
    const setting = name as SettingName;
    const valueNode = pair.value as { range?: [number, number, number] } | null;
    const result = SETTINGS[setting].safeParse(data[setting]);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const node = doc.getIn([setting, ...issue.path], true) as
          | { range?: [number, number, number] }
          | undefined;
        const where = [setting, ...issue.path.map(String)].join(".");
        problem(`${where}: ${issue.message}`, node?.range?.[0] ?? valueNode?.range?.[0] ?? at);
      }
      continue;
    }
    switch (setting) {
      case "dir":
        config.dir = expandHome(result.data as string, home);
        break;
      case "width":
        config.width = result.data as number;
        break;
      case "color":
        config.color = result.data as ColorMode;
        break;
      case "mouse":
        config.mouse = result.data as boolean;
        break;
      case "watch":
        config.watch = result.data as boolean;
        break;
      case "pager":
        config.pager = result.data as string | false;
        break;
      case "keys": {
        const keys: Record<string, string[]> = {};
        for (const [command, k] of Object.entries(result.data as Record<string, string | string[]>)) {
          keys[command] = typeof k === "string" ? [k] : k;
        }
        const { keymap, errors } = rebind(keys);
        for (const e of errors) {
          const keyPair = isMap(pair.value)
            ? pair.value.items.find((p) => String((p.key as { value?: unknown })?.value) === e.command)
            : undefined;
          const keyAt = (keyPair?.key as { range?: [number, number, number] } | undefined)?.range?.[0];
          problem(`keys.${e.command}: ${e.message}`, keyAt ?? at);
        }
        config.keys = keys;
        config.keymap = keymap;
        break;
      }
    }
  }
  return { config, problems };
}
