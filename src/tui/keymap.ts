// The one keymap. Handlers, the footer, the `?` overlay, `signaldesk keys`, the config's rebinding
// and the README all read these entries, so a key is written down exactly once: as its name here
// (or in the user's config), turned into a test by `parseKey`.
import type { Key } from "ink";

/**
 * Where a command applies. The App decides what has focus (focus.ts) and every key handler answers
 * only the scopes FOCUS_SCOPES makes live for it. Keys typed into a prompt reach only the prompt: `q` there is a letter.
 */
export type Scope =
  | "always"
  | "suspend"
  | "exit"
  | "global"
  | "move"
  | "browse"
  | "list"
  | "timeline"
  | "actor"
  | "reader"
  | "help"
  | "prompt"
  | "picker"
  | "problems"
  | "confirm";

export interface KeySpec {
  /** How the key is shown in the footer and the help overlay; also its name in the config. */
  label: string;
  test: (input: string, key: Key) => boolean;
}

export type CommandId =
  | "quit.force"
  | "suspend"
  | "quit"
  | "view.timeline"
  | "view.briefings"
  | "view.glossary"
  | "view.next"
  | "view.prev"
  | "back"
  | "filter.actor"
  | "filter.tag"
  | "filter.text"
  | "filter.date"
  | "filter.clear"
  | "help.open"
  | "move.down"
  | "move.up"
  | "move.top"
  | "move.bottom"
  | "move.pageDown"
  | "move.pageUp"
  | "move.halfDown"
  | "move.halfUp"
  | "search.start"
  | "search.next"
  | "search.prev"
  | "open"
  | "link.open"
  | "help.close"
  | "prompt.submit"
  | "prompt.cancel"
  | "prompt.erase"
  | "picker.down"
  | "picker.up"
  | "timeline.conflict"
  | "timeline.upcoming"
  | "view.agenda"
  | "view.actors"
  | "story.pick"
  | "actor.filter"
  | "picker.toggle"
  | "problems.open"
  | "problems.show"
  | "problems.close"
  | "problems.edit"
  | "edit"
  | "unread.next"
  | "unread.prev"
  | "read.toggle"
  | "read.all"
  | "filter.unread"
  | "filter.new"
  | "confirm.yes"
  | "confirm.no"
  | "refresh";

export interface Command {
  id: CommandId;
  scope: Scope;
  keys: KeySpec[];
  /** One line for the help overlay. */
  help: string;
  /** A word or two for the footer. */
  short: string;
}

interface CommandDef {
  id: CommandId;
  scope: Scope;
  keys: string[];
  help: string;
  short: string;
}

const DEFAULTS: readonly CommandDef[] = [
  { id: "quit.force", scope: "always", keys: ["Ctrl-c"], help: "Quit from anywhere", short: "quit" },
  // Handled above the views, with Ctrl-C (mount.tsx); its own scope, as "always" means quit.
  {
    id: "suspend",
    scope: "suspend",
    keys: ["Ctrl-z"],
    help: "Suspend to the shell (fg comes back)",
    short: "suspend",
  },
  { id: "quit", scope: "exit", keys: ["q"], help: "Quit", short: "quit" },
  { id: "view.timeline", scope: "global", keys: ["1"], help: "Timeline view", short: "timeline" },
  { id: "view.briefings", scope: "global", keys: ["2"], help: "Briefings view", short: "briefings" },
  { id: "view.glossary", scope: "global", keys: ["3"], help: "Glossary view", short: "glossary" },
  { id: "view.next", scope: "global", keys: ["Tab"], help: "Next view", short: "next view" },
  { id: "view.prev", scope: "global", keys: ["Shift-Tab"], help: "Previous view", short: "prev view" },
  {
    id: "back",
    scope: "global",
    keys: ["Esc", "Backspace", "h", "←"],
    help: "Back (close the briefing, leave a term's list)",
    short: "back",
  },
  {
    id: "filter.actor",
    scope: "global",
    keys: ["a"],
    help: "Filter by actor (Tab adds or removes one; Enter opens its page)",
    short: "actor",
  },
  {
    id: "filter.tag",
    scope: "global",
    keys: ["t"],
    help: "Filter by tag (Enter on a ticked one removes it)",
    short: "tag",
  },
  {
    id: "filter.text",
    scope: "global",
    keys: ["&"],
    help: "Filter by text (as less's &; empty removes it)",
    short: "text",
  },
  {
    id: "filter.date",
    scope: "global",
    keys: ["d"],
    help: "Filter by date (2026-06, 2026-06-01..2026-06-30, ..2026-06-15, 7d; empty removes it)",
    short: "date",
  },
  { id: "filter.clear", scope: "global", keys: ["c"], help: "Clear all filters", short: "clear" },
  { id: "help.open", scope: "global", keys: ["?"], help: "Show this help", short: "help" },
  { id: "move.down", scope: "move", keys: ["j", "↓"], help: "Move down", short: "move" },
  { id: "move.up", scope: "move", keys: ["k", "↑"], help: "Move up", short: "move" },
  { id: "move.top", scope: "move", keys: ["g", "Home"], help: "Go to the top", short: "top" },
  { id: "move.bottom", scope: "move", keys: ["G", "End"], help: "Go to the bottom", short: "bottom" },
  {
    id: "move.pageDown",
    scope: "move",
    keys: ["Space", "PgDn", "f", "Ctrl-f"],
    help: "Page down",
    short: "page",
  },
  { id: "move.pageUp", scope: "move", keys: ["b", "PgUp", "Ctrl-b"], help: "Page up", short: "page" },
  { id: "move.halfDown", scope: "move", keys: ["Ctrl-d"], help: "Half a page down", short: "half page" },
  { id: "move.halfUp", scope: "move", keys: ["Ctrl-u"], help: "Half a page up", short: "half page" },
  {
    id: "search.start",
    scope: "browse",
    keys: ["/"],
    help: "Search (type to jump, Enter keeps it)",
    short: "search",
  },
  { id: "search.next", scope: "browse", keys: ["n"], help: "Next match", short: "match" },
  { id: "search.prev", scope: "browse", keys: ["N"], help: "Previous match", short: "match" },
  { id: "open", scope: "list", keys: ["Enter", "l", "→"], help: "Open", short: "open" },
  {
    id: "link.open",
    scope: "reader",
    keys: ["o"],
    help: "Open a link of the briefing in the browser",
    short: "link",
  },
  { id: "help.close", scope: "help", keys: ["Esc", "?"], help: "Close the help", short: "close" },
  { id: "prompt.submit", scope: "prompt", keys: ["Enter"], help: "Accept the entry", short: "accept" },
  { id: "prompt.cancel", scope: "prompt", keys: ["Esc"], help: "Cancel", short: "cancel" },
  { id: "prompt.erase", scope: "prompt", keys: ["Backspace"], help: "Delete a character", short: "erase" },
  { id: "picker.down", scope: "picker", keys: ["↓", "Ctrl-n"], help: "Next item", short: "move" },
  { id: "picker.up", scope: "picker", keys: ["↑", "Ctrl-p"], help: "Previous item", short: "move" },
  // The story across briefings.
  {
    id: "timeline.conflict",
    scope: "timeline",
    keys: ["x"],
    help: "Jump to the report this one conflicts with",
    short: "other report",
  },
  {
    id: "timeline.upcoming",
    scope: "timeline",
    keys: ["u"],
    help: "Only what is dated today or later (again: everything)",
    short: "upcoming",
  },
  { id: "view.agenda", scope: "global", keys: ["4"], help: "Agenda view (what to watch)", short: "agenda" },
  { id: "view.actors", scope: "global", keys: ["5"], help: "Actors view", short: "actors" },
  { id: "story.pick", scope: "global", keys: ["s"], help: "Pick a story (or all of them)", short: "story" },
  {
    id: "actor.filter",
    scope: "actor",
    keys: ["+"],
    help: "Filter by this actor (again: take it out of the filter)",
    short: "filter",
  },
  {
    id: "picker.toggle",
    scope: "picker",
    keys: ["Tab"],
    help: "Actor picker: add the actor to the filter, or take it out (Enter opens its page)",
    short: "filter",
  },
  // Files that did not load, and warnings.
  {
    id: "problems.open",
    scope: "global",
    keys: ["!"],
    help: "Problems: the files that failed to load, and warnings",
    short: "problems",
  },
  {
    id: "problems.show",
    scope: "problems",
    keys: ["Enter", "l", "→"],
    help: "Show the lines of the file around the problem",
    short: "show",
  },
  {
    id: "problems.close",
    scope: "problems",
    keys: ["Esc", "Backspace", "h", "←", "!"],
    help: "Back to the list of problems, or close it",
    short: "back",
  },
  {
    id: "problems.edit",
    scope: "problems",
    keys: ["e"],
    help: "Edit the problem's file in $VISUAL, $EDITOR or vi",
    short: "edit",
  },
  {
    id: "edit",
    scope: "global",
    keys: ["e"],
    help: "Edit the briefing under the cursor (or the open one) in $VISUAL, $EDITOR or vi",
    short: "edit",
  },
  // Read state (a briefing open for 2 s becomes read).
  {
    id: "unread.next",
    scope: "global",
    keys: ["]"],
    help: "Next unread or updated briefing (in a briefing: open it)",
    short: "next unread",
  },
  {
    id: "unread.prev",
    scope: "global",
    keys: ["["],
    help: "Previous unread or updated briefing",
    short: "prev unread",
  },
  {
    id: "read.toggle",
    scope: "global",
    keys: ["m"],
    help: "Mark this briefing read or unread",
    short: "read",
  },
  {
    id: "read.all",
    scope: "global",
    keys: ["M"],
    help: "Mark every briefing the filters show read (asks first)",
    short: "all read",
  },
  {
    id: "filter.unread",
    scope: "global",
    keys: ["U"],
    help: "Only unread and updated briefings (again: all)",
    short: "unread",
  },
  {
    id: "filter.new",
    scope: "global",
    keys: ["w"],
    help: "Only what is new since the last visit (again: all)",
    short: "new",
  },
  { id: "confirm.yes", scope: "confirm", keys: ["y", "Enter"], help: "Yes, do it", short: "yes" },
  { id: "confirm.no", scope: "confirm", keys: ["n", "Esc"], help: "No, leave it", short: "no" },
  {
    id: "refresh",
    scope: "global",
    keys: ["r"],
    help: "Check the folder for changes now (changes show by themselves while it is watched)",
    short: "refresh",
  },
];

const noMods = (key: Key) => !key.ctrl && !key.meta;

type SpecialKey =
  | "upArrow"
  | "downArrow"
  | "leftArrow"
  | "rightArrow"
  | "pageUp"
  | "pageDown"
  | "home"
  | "end"
  | "return"
  | "escape";

const special = (name: SpecialKey) => (_input: string, key: Key) => key[name] && !key.ctrl;

/** Named keys: canonical label, other accepted spellings (lowercase), and the test. */
const NAMED: { label: string; aliases: string[]; test: KeySpec["test"] }[] = [
  { label: "Enter", aliases: ["return"], test: special("return") },
  { label: "Esc", aliases: ["escape"], test: special("escape") },
  { label: "Tab", aliases: [], test: (_i, key) => key.tab && !key.shift },
  { label: "Shift-Tab", aliases: ["backtab"], test: (_i, key) => key.tab && key.shift },
  // Terminals send DEL (0x7f) for the Backspace key and Ink 6 reports that as `delete`; ^H arrives
  // as `backspace`. Both mean Backspace to a reader.
  { label: "Backspace", aliases: ["bs"], test: (_i, key) => key.backspace || key.delete },
  { label: "Space", aliases: [" "], test: (input, key) => input === " " && noMods(key) },
  { label: "↑", aliases: ["up"], test: special("upArrow") },
  { label: "↓", aliases: ["down"], test: special("downArrow") },
  { label: "←", aliases: ["left"], test: special("leftArrow") },
  { label: "→", aliases: ["right"], test: special("rightArrow") },
  { label: "PgUp", aliases: ["pageup"], test: special("pageUp") },
  { label: "PgDn", aliases: ["pagedown"], test: special("pageDown") },
  { label: "Home", aliases: [], test: special("home") },
  { label: "End", aliases: [], test: special("end") },
];

/**
 * A key by its name: a printable character (`q`, `Q`, `/`), `Ctrl-x`, or a named key (`Enter`,
 * `Esc`, `Tab`, `Shift-Tab`, `Backspace`, `Space`, `Up`/`↑`, `Down`/`↓`, `Left`/`←`, `Right`/`→`,
 * `PgUp`, `PgDn`, `Home`, `End`; named keys in any case). A string is why the name is not a key.
 */
export function parseKey(name: string): KeySpec | string {
  const lower = name.toLowerCase();
  for (const n of NAMED) {
    if (lower === n.label.toLowerCase() || n.aliases.includes(lower)) return { label: n.label, test: n.test };
  }
  const ctrl = /^(?:ctrl|c|control)-(.)$/i.exec(name);
  if (ctrl) {
    const c = ctrl[1]!.toLowerCase();
    if (!/^[a-z]$/.test(c)) return `'${name}': Ctrl goes with a letter`;
    return { label: `Ctrl-${c}`, test: (input, key) => key.ctrl && input === c };
  }
  const chars = [...name];
  // Printable ASCII first: the Unicode classes' regex costs milliseconds to compile, and the default
  // keymap (built at every start, `print` included) names only ASCII keys.
  if (chars.length === 1 && (/^[\x21-\x7e]$/.test(name) || /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(name))) {
    return { label: name, test: (input, key) => input === name && noMods(key) };
  }
  return `'${name}' is not a key (a character, Ctrl-x, or one of ${NAMED.map((n) => n.label).join(", ")})`;
}

export interface Keymap {
  readonly commands: readonly Command[];
  readonly byId: ReadonlyMap<CommandId, Command>;
}

/** Every command's name, in keymap order: what `signaldesk keys` and the config use. */
export const COMMAND_IDS: readonly CommandId[] = DEFAULTS.map((d) => d.id);

export function isCommandId(name: string): name is CommandId {
  return (COMMAND_IDS as readonly string[]).includes(name);
}

function keySpecs(names: readonly string[]): KeySpec[] {
  return names.map((n) => {
    const spec = parseKey(n);
    if (typeof spec === "string") throw new Error(`keymap: ${spec}`);
    return spec;
  });
}

function makeKeymap(commands: Command[]): Keymap {
  return { commands, byId: new Map(commands.map((c) => [c.id, c])) };
}

export const DEFAULT_KEYMAP: Keymap = makeKeymap(
  DEFAULTS.map((d) => ({ id: d.id, scope: d.scope, keys: keySpecs(d.keys), help: d.help, short: d.short })),
);

/** The default keymap's commands. */
export const COMMANDS: readonly Command[] = DEFAULT_KEYMAP.commands;

/** The scopes live for each focus the App can be in. */
export type Focus = "list" | "reader" | "help" | "prompt" | "picker" | "problems" | "confirm" | "small";

export const FOCUS_SCOPES: Record<Focus, readonly Scope[]> = {
  list: ["always", "suspend", "exit", "global", "move", "browse", "list", "timeline", "actor"],
  reader: ["always", "suspend", "exit", "global", "move", "browse", "reader"],
  help: ["always", "suspend", "exit", "help", "move"],
  prompt: ["always", "suspend", "prompt"],
  picker: ["always", "suspend", "picker", "prompt"],
  problems: ["always", "suspend", "exit", "move", "problems"],
  /** A question waiting for y or n. */
  confirm: ["always", "suspend", "confirm"],
  /** The terminal is too small to show the reader: only the ways out. */
  small: ["always", "suspend", "exit"],
};

export interface KeyConflict {
  key: string;
  commands: [CommandId, CommandId];
}

/** Pairs of commands that one key would reach in the same focus. */
export function keyConflicts(commands: readonly Command[]): KeyConflict[] {
  const found: KeyConflict[] = [];
  const seen = new Set<string>();
  for (const scopes of Object.values(FOCUS_SCOPES)) {
    const live = commands.filter((c) => scopes.includes(c.scope));
    for (let i = 0; i < live.length; i++) {
      for (let j = i + 1; j < live.length; j++) {
        const a = live[i]!;
        const b = live[j]!;
        for (const k of a.keys) {
          if (!b.keys.some((o) => o.label === k.label)) continue;
          const id = `${a.id} ${b.id} ${k.label}`;
          if (seen.has(id)) continue;
          seen.add(id);
          found.push({ key: k.label, commands: [a.id, b.id] });
        }
      }
    }
  }
  return found;
}

export interface Rebinding {
  keymap: Keymap;
  /** Each problem with the config entry it came from (`quit`, or the command name). */
  errors: { command: string; message: string }[];
}

/**
 * The default keymap with the user's keys for some commands. A command whose keys cannot be used
 * (an unknown key name, or a key another command already answers in the same place) keeps its
 * default keys, and the problem is reported: the rest of the rebinding still applies.
 */
export function rebind(overrides: Readonly<Record<string, readonly string[]>>): Rebinding {
  const errors: Rebinding["errors"] = [];
  const custom = new Map<CommandId, KeySpec[]>();
  for (const [name, keys] of Object.entries(overrides)) {
    if (!isCommandId(name)) {
      errors.push({ command: name, message: `no command '${name}' (signaldesk keys lists them)` });
      continue;
    }
    const specs: KeySpec[] = [];
    let bad = false;
    for (const k of keys) {
      const spec = parseKey(k);
      if (typeof spec === "string") {
        errors.push({ command: name, message: spec });
        bad = true;
      } else if (!specs.some((s) => s.label === spec.label)) specs.push(spec);
    }
    if (specs.length === 0 && !bad) errors.push({ command: name, message: "needs at least one key" });
    else if (!bad) custom.set(name, specs);
  }
  const build = () =>
    DEFAULT_KEYMAP.commands.map((c) => {
      const keys = custom.get(c.id);
      return keys ? { ...c, keys } : c;
    });
  let commands = build();
  // Each conflict involving a rebound command undoes that rebinding; conflicts are looked for again
  // until none is left (the defaults never conflict: a test holds them to it).
  for (let conflicts = keyConflicts(commands); conflicts.length > 0; conflicts = keyConflicts(commands)) {
    for (const {
      key,
      commands: [a, b],
    } of conflicts) {
      errors.push({ command: custom.has(a) ? a : b, message: `key ${key} is bound to both ${a} and ${b}` });
      custom.delete(a);
      custom.delete(b);
    }
    commands = build();
  }
  return { keymap: makeKeymap(commands), errors };
}

export function command(id: CommandId, keymap: Keymap = DEFAULT_KEYMAP): Command {
  const found = keymap.byId.get(id);
  if (!found) throw new Error(`no command ${id}`);
  return found;
}

/** The first command live in `scopes` that the key press matches. */
export function matchCommand(
  input: string,
  key: Key,
  scopes: readonly Scope[],
  keymap: Keymap = DEFAULT_KEYMAP,
): CommandId | undefined {
  for (const c of keymap.commands) {
    if (!scopes.includes(c.scope)) continue;
    for (const k of c.keys) if (k.test(input, key)) return c.id;
  }
  return undefined;
}

/** All keys of a command, as the help overlay shows them: `j / ↓`. */
export function keyLabels(id: CommandId, keymap: Keymap = DEFAULT_KEYMAP): string {
  return command(id, keymap)
    .keys.map((k) => k.label)
    .join(" / ");
}

/** The first key of a command, as the footer and the header show it. */
export function firstKey(id: CommandId, keymap: Keymap = DEFAULT_KEYMAP): string {
  return command(id, keymap).keys[0]?.label ?? "";
}

/** A footer item: the first key of each command, joined, then a word: `j/k move`. */
export interface FooterItem {
  keys: string;
  label: string;
  /** Kept whatever the width (`? help`, `q quit`): everything else is dropped first. */
  essential?: boolean;
}

const ESSENTIAL: readonly CommandId[] = ["help.open", "quit"];

const FOOTERS: Record<Focus, CommandId[][]> = {
  list: [
    ["move.down", "move.up"],
    ["open"],
    ["search.start"],
    ["search.next", "search.prev"],
    ["filter.actor"],
    ["filter.tag"],
    ["filter.text"],
    ["filter.date"],
    ["filter.clear"],
    ["unread.next"],
    ["read.toggle"],
    ["view.next"],
    ["help.open"],
    ["quit"],
  ],
  reader: [
    ["move.down", "move.up"],
    ["move.pageDown"],
    ["back"],
    ["link.open"],
    ["edit"],
    ["unread.next"],
    ["search.start"],
    ["search.next", "search.prev"],
    ["filter.actor"],
    ["filter.date"],
    ["help.open"],
    ["quit"],
  ],
  help: [["move.down", "move.up"], ["help.close"]],
  prompt: [["prompt.submit"], ["prompt.cancel"]],
  picker: [["picker.down", "picker.up"], ["prompt.submit"], ["picker.toggle"], ["prompt.cancel"]],
  problems: [["move.down", "move.up"], ["problems.show"], ["problems.edit"], ["problems.close"], ["quit"]],
  confirm: [["confirm.yes"], ["confirm.no"]],
  small: [],
};

const footersOf = new WeakMap<Keymap, Map<Focus, readonly FooterItem[]>>();

/** Footer entries for a focus, most useful first; worked out once per keymap (the footer is drawn every key). */
export function footerItems(focus: Focus, keymap: Keymap = DEFAULT_KEYMAP): readonly FooterItem[] {
  let footers = footersOf.get(keymap);
  if (!footers) {
    footers = new Map();
    footersOf.set(keymap, footers);
  }
  let items = footers.get(focus);
  if (!items) {
    items = footerItemsOf(focus, keymap);
    footers.set(focus, items);
  }
  return items;
}

function footerItemsOf(focus: Focus, keymap: Keymap): FooterItem[] {
  return FOOTERS[focus].map((ids) => {
    const item: FooterItem = {
      keys: ids.map((id) => firstKey(id, keymap)).join("/"),
      label: command(ids[0]!, keymap).short,
    };
    if (ids.length === 1 && ESSENTIAL.includes(ids[0]!)) item.essential = true;
    return item;
  });
}

/** Help overlay sections, in the order shown. */
export const HELP_SECTIONS: { title: string; scopes: Scope[] }[] = [
  { title: "Anywhere", scopes: ["global", "exit", "always", "suspend"] },
  { title: "Moving", scopes: ["move", "list", "browse"] },
  { title: "On the timeline", scopes: ["timeline"] },
  { title: "On an actor's page", scopes: ["actor"] },
  { title: "In a briefing", scopes: ["reader"] },
  { title: "In the help", scopes: ["help"] },
  { title: "In the problems", scopes: ["problems"] },
  { title: "In a prompt", scopes: ["prompt", "picker"] },
  { title: "When asked", scopes: ["confirm"] },
];
