// Hand-written argv parsing: the option set is small and a dependency would cost start-up time on every
// `print`. The result is a plain value; nothing here touches the file system or the streams.
import { SECTION_KEYS, SECTION_SHORT, type SectionKey } from "../briefing/sections.js";

export const COMMANDS = [
  "list",
  "print",
  "timeline",
  "agenda",
  "actors",
  "stories",
  "glossary",
  "check",
  "keys",
  "config",
  "completion",
  "mark",
] as const;
export type CommandName = (typeof COMMANDS)[number];
/** `reader` is what runs when no subcommand is given. */
export type ModeName = CommandName | "reader";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

export const PRINT_FORMATS = ["text", "markdown", "json"] as const;
export type PrintFormat = (typeof PRINT_FORMATS)[number];

/** Filter flags as typed; turned into a Filter (with dates resolved) by the caller. */
export interface FilterArgs {
  since?: string;
  until?: string;
  actors: string[];
  tags: string[];
  query?: string;
  story?: string;
}

export interface GlobalArgs {
  /** `--dir`, when given; the caller falls back to $SIGNALDESK_DIR and then the bundled folder. */
  dir?: string;
  noColor: boolean;
  /** `--config PATH`, when given. */
  config?: string;
  noMouse: boolean;
  /** The reader does not watch the folder (changes show on `r`). */
  noWatch: boolean;
  noPager: boolean;
}

export type Command =
  | { name: "reader"; filter: FilterArgs }
  | {
      name: "list";
      filter: FilterArgs;
      json: boolean;
      width?: number;
      /** Only briefings not read (unread or updated since read). */
      unread?: boolean;
      /** Only briefings that arrived or changed since the reader's last session ended. */
      isNew?: boolean;
    }
  /** `mark read|unread ID…` or `mark read|unread --all [filters]`. */
  | { name: "mark"; read: boolean; ids: string[]; all: boolean; filter: FilterArgs }
  | {
      name: "print";
      id: string;
      format: PrintFormat;
      width?: number;
      /** Null when `--sections` was not given: everything is shown. */
      sections: SectionKey[] | null;
    }
  | { name: "timeline"; filter: FilterArgs; json: boolean; width?: number; upcoming: boolean }
  | { name: "agenda"; filter: FilterArgs; json: boolean; width?: number }
  /** `actors NAME`: that actor's page. */
  | { name: "actors"; filter: FilterArgs; json: boolean; width?: number; actor?: string }
  | { name: "stories"; filter: FilterArgs; json: boolean; width?: number }
  | { name: "glossary"; filter: FilterArgs; json: boolean; width?: number }
  | { name: "check" }
  | { name: "keys" }
  | { name: "config" }
  | { name: "completion"; shell: Shell };

export type ParsedArgs =
  | { kind: "run"; global: GlobalArgs; command: Command }
  | { kind: "help"; command: ModeName | null }
  | { kind: "version" }
  | { kind: "usage-error"; message: string };

interface OptionSpec {
  takesValue: boolean;
  /** Modes that accept it; `all` for global options. */
  modes: readonly ModeName[] | "all";
}

const FILTER_MODES: readonly ModeName[] = [
  "reader",
  "list",
  "mark",
  "timeline",
  "agenda",
  "actors",
  "stories",
  "glossary",
];
const TEXT_OUTPUT_MODES: readonly ModeName[] = [
  "list",
  "print",
  "timeline",
  "agenda",
  "actors",
  "stories",
  "glossary",
];

const OPTIONS: Record<string, OptionSpec> = {
  "--dir": { takesValue: true, modes: "all" },
  "--no-color": { takesValue: false, modes: "all" },
  "--config": { takesValue: true, modes: "all" },
  "--no-mouse": { takesValue: false, modes: "all" },
  "--no-watch": { takesValue: false, modes: "all" },
  "--no-pager": { takesValue: false, modes: "all" },
  "--since": { takesValue: true, modes: FILTER_MODES },
  "--until": { takesValue: true, modes: FILTER_MODES },
  "--actor": { takesValue: true, modes: FILTER_MODES },
  "--tag": { takesValue: true, modes: FILTER_MODES },
  "--query": { takesValue: true, modes: FILTER_MODES },
  "--story": { takesValue: true, modes: FILTER_MODES },
  "--upcoming": { takesValue: false, modes: ["timeline"] },
  "--unread": { takesValue: false, modes: ["list"] },
  "--new": { takesValue: false, modes: ["list"] },
  "--all": { takesValue: false, modes: ["mark"] },
  "--json": { takesValue: false, modes: TEXT_OUTPUT_MODES },
  "--format": { takesValue: true, modes: ["print"] },
  "--sections": { takesValue: true, modes: ["print"] },
  "--width": { takesValue: true, modes: TEXT_OUTPUT_MODES },
};

/** Every long option and whether it takes a value (completion scripts are written from this). */
export const OPTION_NAMES: readonly { name: string; takesValue: boolean }[] = Object.entries(OPTIONS).map(
  ([name, spec]) => ({ name, takesValue: spec.takesValue }),
);

const HELP_FLAGS = new Set(["-h", "--help"]);
const VERSION_FLAGS = new Set(["-V", "--version"]);

/** Widths below this cannot hold a date column and a word; above the cap is a typo. */
export const MIN_WIDTH = 20;
export const MAX_WIDTH = 1000;

function isCommand(s: string): s is CommandName {
  return (COMMANDS as readonly string[]).includes(s);
}

interface Seen {
  name: string;
  value: string | undefined;
}

/**
 * Parses `argv` (without `node` and the script). Options may come before or after the subcommand,
 * as `--opt value` or `--opt=value`; `--` ends options. `-h` / `-V` win over everything else.
 */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const seen: Seen[] = [];
  let help = false;
  let version = false;
  let firstError: string | null = null;

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (HELP_FLAGS.has(token)) {
      help = true;
      continue;
    }
    if (VERSION_FLAGS.has(token)) {
      version = true;
      continue;
    }
    if (token.length < 2 || !token.startsWith("-")) {
      positionals.push(token);
      continue;
    }
    const eq = token.startsWith("--") ? token.indexOf("=") : -1;
    const name = eq === -1 ? token : token.slice(0, eq);
    const spec = Object.hasOwn(OPTIONS, name) ? OPTIONS[name] : undefined;
    if (!spec) {
      firstError ??= `unknown option '${name}'`;
      continue;
    }
    if (!spec.takesValue) {
      if (eq !== -1) firstError ??= `option '${name}' takes no value`;
      seen.push({ name, value: undefined });
      continue;
    }
    if (eq !== -1) {
      seen.push({ name, value: token.slice(eq + 1) });
    } else if (i + 1 < argv.length) {
      seen.push({ name, value: argv[++i] });
    } else {
      firstError ??= `option '${name}' needs a value`;
    }
  }

  const first = positionals[0];
  const mode: ModeName | null = first === undefined ? "reader" : isCommand(first) ? first : null;

  if (help) {
    // `signaldesk help-less-typo --help` still deserves the general help rather than an error.
    return { kind: "help", command: mode === "reader" ? null : mode };
  }
  if (version) return { kind: "version" };
  if (firstError) return { kind: "usage-error", message: firstError };
  if (mode === null) return { kind: "usage-error", message: `unknown command '${first}'` };

  for (const { name } of seen) {
    const modes = OPTIONS[name]!.modes;
    if (modes !== "all" && !modes.includes(mode)) {
      return {
        kind: "usage-error",
        message:
          mode === "reader"
            ? `option '${name}' needs a command (e.g. 'signaldesk list ${name}')`
            : `option '${name}' does not apply to '${mode}'`,
      };
    }
  }

  const operands = positionals.slice(mode === "reader" ? 0 : 1);
  const expected =
    mode === "mark"
      ? Number.POSITIVE_INFINITY
      : mode === "print" || mode === "completion" || mode === "actors"
        ? 1
        : 0;
  if (mode === "print" && (operands.length === 0 || operands[0]!.trim() === "")) {
    return { kind: "usage-error", message: "print needs a briefing id, prefix or path" };
  }
  if (mode === "completion" && !(SHELLS as readonly string[]).includes(operands[0] ?? "")) {
    return {
      kind: "usage-error",
      message: `completion needs a shell: ${SHELLS.join(", ")}${operands[0] ? ` (not '${operands[0]}')` : ""}`,
    };
  }
  if (operands.length > expected) {
    return { kind: "usage-error", message: `unexpected argument '${operands[expected]}'` };
  }

  if (mode === "mark") return buildMark(seen, operands);
  return buildCommand(mode, seen, operands[0] ?? "");
}

function last(seen: Seen[], name: string): string | undefined {
  let value: string | undefined;
  for (const s of seen) if (s.name === name) value = s.value;
  return value;
}

function all(seen: Seen[], name: string): string[] {
  return seen.filter((s) => s.name === name).map((s) => s.value ?? "");
}

function has(seen: Seen[], name: string): boolean {
  return seen.some((s) => s.name === name);
}

/** `mark read|unread ID…` or `mark read|unread --all [filters]`: ids and --all exclude each other. */
function buildMark(seen: Seen[], operands: string[]): ParsedArgs {
  const [action, ...ids] = operands;
  if (action !== "read" && action !== "unread")
    return {
      kind: "usage-error",
      message: `mark needs read or unread${action === undefined ? "" : ` (not '${action}')`}`,
    };
  const all = has(seen, "--all");
  const built = buildCommand("list", seen, "");
  if (built.kind !== "run" || built.command.name !== "list") return built;
  const { filter } = built.command;
  const filtered =
    filter.actors.length > 0 ||
    filter.tags.length > 0 ||
    ["since", "until", "query", "story"].some((k) => k in filter);
  if (all && ids.length > 0) return { kind: "usage-error", message: "mark takes ids or --all, not both" };
  if (!all && ids.length === 0)
    return { kind: "usage-error", message: `mark ${action} needs briefing ids, or --all (with filters)` };
  if (!all && filtered) return { kind: "usage-error", message: "filters apply to mark --all only" };
  if (ids.some((id) => id.trim() === "")) return { kind: "usage-error", message: "an empty briefing id" };
  return {
    kind: "run",
    global: built.global,
    command: { name: "mark", read: action === "read", ids, all, filter },
  };
}

function buildCommand(mode: ModeName, seen: Seen[], operand: string): ParsedArgs {
  const dir = last(seen, "--dir");
  if (dir !== undefined && dir === "") return { kind: "usage-error", message: "option '--dir' needs a path" };
  const config = last(seen, "--config");
  if (config !== undefined && config === "")
    return { kind: "usage-error", message: "option '--config' needs a path" };
  const global: GlobalArgs = {
    noColor: has(seen, "--no-color"),
    noMouse: has(seen, "--no-mouse"),
    noWatch: has(seen, "--no-watch"),
    noPager: has(seen, "--no-pager"),
    ...(dir !== undefined ? { dir } : {}),
    ...(config !== undefined ? { config } : {}),
  };

  let width: number | undefined;
  const widthText = last(seen, "--width");
  if (widthText !== undefined) {
    if (!/^\d+$/.test(widthText)) {
      return { kind: "usage-error", message: `option '--width' needs a whole number, not '${widthText}'` };
    }
    width = Number(widthText);
    if (width < MIN_WIDTH || width > MAX_WIDTH) {
      return {
        kind: "usage-error",
        message: `option '--width' must be between ${MIN_WIDTH} and ${MAX_WIDTH}, not ${widthText}`,
      };
    }
  }
  const withWidth = width === undefined ? {} : { width };

  const filter: FilterArgs = { actors: all(seen, "--actor"), tags: all(seen, "--tag") };
  for (const key of ["since", "until", "query", "story"] as const) {
    const value = last(seen, `--${key}`);
    if (value === undefined) continue;
    if (value.trim() === "") return { kind: "usage-error", message: `option '--${key}' needs a value` };
    filter[key] = value;
  }
  for (const key of ["actor", "tag"] as const) {
    if (all(seen, `--${key}`).some((v) => v.trim() === "")) {
      return { kind: "usage-error", message: `option '--${key}' needs a value` };
    }
  }
  const json = has(seen, "--json");

  let command: Command;
  switch (mode) {
    case "reader":
      command = { name: "reader", filter };
      break;
    case "timeline":
      command = { name: mode, filter, json, upcoming: has(seen, "--upcoming"), ...withWidth };
      break;
    case "actors":
      command = { name: mode, filter, json, ...withWidth, ...(operand.trim() ? { actor: operand } : {}) };
      break;
    case "list":
      command = {
        name: mode,
        filter,
        json,
        ...withWidth,
        unread: has(seen, "--unread"),
        isNew: has(seen, "--new"),
      };
      break;
    case "mark":
      return { kind: "usage-error", message: "mark is parsed by buildMark" };
    case "agenda":
    case "stories":
    case "glossary":
      command = { name: mode, filter, json, ...withWidth };
      break;
    case "check":
    case "keys":
    case "config":
      command = { name: mode };
      break;
    case "completion":
      command = { name: "completion", shell: operand as Shell };
      break;
    case "print": {
      const formatText = last(seen, "--format");
      if (json && formatText !== undefined && formatText !== "json") {
        return { kind: "usage-error", message: `'--json' and '--format ${formatText}' disagree` };
      }
      const format = formatText ?? (json ? "json" : "text");
      if (!(PRINT_FORMATS as readonly string[]).includes(format)) {
        return {
          kind: "usage-error",
          message: `unknown format '${format}' (expected ${PRINT_FORMATS.join(", ")})`,
        };
      }
      const sections = parseSections(last(seen, "--sections"));
      if (typeof sections === "string") return { kind: "usage-error", message: sections };
      command = { name: "print", id: operand, format: format as PrintFormat, sections, ...withWidth };
      break;
    }
  }
  return { kind: "run", global, command };
}

/** `what,why,watch` (or the canonical keys) in the order given, without repeats; a string is an error. */
function parseSections(text: string | undefined): SectionKey[] | null | string {
  if (text === undefined) return null;
  const keys: SectionKey[] = [];
  for (const raw of text.split(",")) {
    const name = raw.trim();
    const lower = name.toLowerCase();
    const key = Object.hasOwn(SECTION_SHORT, lower)
      ? SECTION_SHORT[lower]
      : SECTION_KEYS.find((k) => k.toLowerCase() === lower);
    if (!key) return `unknown section '${name}' (expected what, why, watch)`;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
