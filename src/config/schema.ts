// The config file's shape and its checking. Pure: the text comes in, settings and problems go out.
// Every setting is checked on its own, so a bad one falls back to its default and the others apply.
import { isMap, LineCounter, parseDocument } from "yaml";
import * as z from "zod";
import { rebind } from "../tui/keymap.js";
import { COLOR_MODES, type Config, DEFAULT_CONFIG } from "./defaults.js";

/**
 * Each setting's schema, giving the value as `Config` holds it; a setting absent from the file keeps
 * its default. `home` expands `~` in `dir`.
 */
function settings(home: string) {
  return {
    dir: z
      .string()
      .trim()
      .min(1, "needs a folder")
      .transform((path) => expandHome(path, home)),
    width: z.number().int("must be a whole number").min(20).max(1000),
    color: z.enum(COLOR_MODES),
    mouse: z.boolean(),
    watch: z.boolean(),
    pager: z.union([z.literal(false), z.string().trim().min(1, "needs a command, or false")]),
    keys: z
      .record(z.string(), z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]))
      .transform((keys) =>
        Object.fromEntries(
          Object.entries(keys).map(([command, k]) => [command, typeof k === "string" ? [k] : k]),
        ),
      ),
  } satisfies { [K in keyof Config]?: z.ZodType<Config[K]> };
}

type Settings = ReturnType<typeof settings>;
type SettingName = keyof Settings;

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
  const schemas = settings(home);
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
    if (!Object.hasOwn(schemas, name)) {
      problem(`unknown setting '${name}' (known: ${Object.keys(schemas).join(", ")})`, at);
      continue;
    }
    const setting = name as SettingName;
    const valueNode = pair.value as { range?: [number, number, number] } | null;
    const result = schemas[setting].safeParse(data[setting]);
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
    if (setting !== "keys") {
      assign(config, setting, result.data as Config[typeof setting]);
      continue;
    }
    const keys = result.data as Config["keys"];
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
  }
  return { config, problems };
}

function assign<K extends keyof Config>(config: Config, key: K, value: Config[K]): void {
  config[key] = value;
}
