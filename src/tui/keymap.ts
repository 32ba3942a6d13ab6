// The one keymap. Handlers, the footer and the `?` overlay all read these entries, so a key is
// written down exactly once.
import type { Key } from "ink";

/**
 * Where a command applies. The App picks the scopes that are live for what has focus:
 * see FOCUS_SCOPES. Keys typed into a prompt reach only the prompt: `q` there is a letter.
 */
export type Scope =
  | "always"
  | "exit"
  | "global"
  | "move"
  | "browse"
  | "list"
  | "timeline"
  | "actor"
  | "help"
  | "prompt"
  | "picker";

export interface KeySpec {
  /** How the key is shown in the footer and the help overlay. */
  label: string;
  test: (input: string, key: Key) => boolean;
}

export type CommandId =
  | "quit.force"
  | "quit"
  | "view.timeline"
  | "view.briefings"
  | "view.glossary"
  | "view.next"
  | "view.prev"
  | "back"
  | "filter.actor"
  | "filter.date"
  | "filter.clear"
  | "help.open"
  | "move.down"
  | "move.up"
  | "move.top"
  | "move.bottom"
  | "move.pageDown"
  | "move.pageUp"
  | "search.start"
  | "search.next"
  | "search.prev"
  | "open"
  | "help.close"
  | "prompt.submit"
  | "prompt.cancel"
  | "prompt.erase"
  | "picker.down"
  | "picker.up"
  // The story across briefings (issue 14).
  | "timeline.conflict"
  | "timeline.upcoming"
  | "view.agenda"
  | "view.actors"
  | "story.pick"
  | "actor.filter"
  | "picker.toggle";

export interface Command {
  id: CommandId;
  scope: Scope;
  keys: KeySpec[];
  /** One line for the help overlay. */
  help: string;
  /** A word or two for the footer. */
  short: string;
}

const noMods = (key: Key) => !key.ctrl && !key.meta;

/** A printable character typed without Ctrl or Alt. */
function char(c: string, label = c): KeySpec {
  return { label, test: (input, key) => input === c && noMods(key) };
}

function ctrl(c: string): KeySpec {
  return { label: `Ctrl-${c}`, test: (input, key) => key.ctrl && input === c };
}

type SpecialKey =
  | "upArrow"
  | "downArrow"
  | "pageUp"
  | "pageDown"
  | "home"
  | "end"
  | "return"
  | "escape"
  | "backspace";

function special(name: SpecialKey, label: string): KeySpec {
  return { label, test: (_input, key) => key[name] && !key.ctrl };
}

// Terminals send DEL (0x7f) for the Backspace key and Ink 6 reports that as `delete`; ^H arrives as
// `backspace`. Both mean Backspace to a reader.
const backspace: KeySpec = { label: "Backspace", test: (_input, key) => key.backspace || key.delete };
const tab: KeySpec = { label: "Tab", test: (_input, key) => key.tab && !key.shift };
const shiftTab: KeySpec = { label: "Shift-Tab", test: (_input, key) => key.tab && key.shift };
const enter = special("return", "Enter");
const esc = special("escape", "Esc");
const down = special("downArrow", "↓");
const up = special("upArrow", "↑");

export const COMMANDS: readonly Command[] = [
  { id: "quit.force", scope: "always", keys: [ctrl("c")], help: "Quit from anywhere", short: "quit" },
  { id: "quit", scope: "exit", keys: [char("q")], help: "Quit", short: "quit" },
  { id: "view.timeline", scope: "global", keys: [char("1")], help: "Timeline view", short: "timeline" },
  { id: "view.briefings", scope: "global", keys: [char("2")], help: "Briefings view", short: "briefings" },
  { id: "view.glossary", scope: "global", keys: [char("3")], help: "Glossary view", short: "glossary" },
  { id: "view.next", scope: "global", keys: [tab], help: "Next view", short: "next view" },
  { id: "view.prev", scope: "global", keys: [shiftTab], help: "Previous view", short: "prev view" },
  {
    id: "back",
    scope: "global",
    keys: [esc, backspace, char("h")],
    help: "Back (close the briefing, leave a term's list)",
    short: "back",
  },
  { id: "filter.actor", scope: "global", keys: [char("a")], help: "Filter by actor", short: "actor" },
  {
    id: "filter.date",
    scope: "global",
    keys: [char("d")],
    help: "Filter by date (2026-06, 2026-06-01..2026-06-30, ..2026-06-15, 7d)",
    short: "date",
  },
  { id: "filter.clear", scope: "global", keys: [char("c")], help: "Clear all filters", short: "clear" },
  { id: "help.open", scope: "global", keys: [char("?")], help: "Show this help", short: "help" },
  { id: "move.down", scope: "move", keys: [char("j"), down], help: "Move down", short: "move" },
  { id: "move.up", scope: "move", keys: [char("k"), up], help: "Move up", short: "move" },
  {
    id: "move.top",
    scope: "move",
    keys: [char("g"), special("home", "Home")],
    help: "Go to the top",
    short: "top",
  },
  {
    id: "move.bottom",
    scope: "move",
    keys: [char("G"), special("end", "End")],
    help: "Go to the bottom",
    short: "bottom",
  },
  {
    id: "move.pageDown",
    scope: "move",
    keys: [special("pageDown", "PgDn"), ctrl("d")],
    help: "Page down",
    short: "page",
  },
  {
    id: "move.pageUp",
    scope: "move",
    keys: [special("pageUp", "PgUp"), ctrl("u")],
    help: "Page up",
    short: "page",
  },
  {
    id: "search.start",
    scope: "browse",
    keys: [char("/")],
    help: "Search (type to jump, Enter keeps it)",
    short: "search",
  },
  { id: "search.next", scope: "browse", keys: [char("n")], help: "Next match", short: "match" },
  { id: "search.prev", scope: "browse", keys: [char("N")], help: "Previous match", short: "match" },
  { id: "open", scope: "list", keys: [enter], help: "Open", short: "open" },
  { id: "help.close", scope: "help", keys: [esc, char("?")], help: "Close the help", short: "close" },
  { id: "prompt.submit", scope: "prompt", keys: [enter], help: "Accept the entry", short: "accept" },
  { id: "prompt.cancel", scope: "prompt", keys: [esc], help: "Cancel", short: "cancel" },
  { id: "prompt.erase", scope: "prompt", keys: [backspace], help: "Delete a character", short: "erase" },
  { id: "picker.down", scope: "picker", keys: [down, ctrl("n")], help: "Next actor", short: "move" },
  { id: "picker.up", scope: "picker", keys: [up, ctrl("p")], help: "Previous actor", short: "move" },
  // The story across briefings: keys of the timeline.
  {
    id: "timeline.conflict",
    scope: "timeline",
    keys: [char("x")],
    help: "Jump to the report this one conflicts with",
    short: "other report",
  },
  {
    id: "timeline.upcoming",
    scope: "timeline",
    keys: [char("u")],
    help: "Only what is dated today or later (again: everything)",
    short: "upcoming",
  },
  {
    id: "view.agenda",
    scope: "global",
    keys: [char("4")],
    help: "Agenda view (what to watch)",
    short: "agenda",
  },
  { id: "view.actors", scope: "global", keys: [char("5")], help: "Actors view", short: "actors" },
  {
    id: "story.pick",
    scope: "global",
    keys: [char("s")],
    help: "Pick a story (or all of them)",
    short: "story",
  },
  {
    id: "actor.filter",
    scope: "actor",
    keys: [char("+")],
    help: "Filter by this actor (again: take it out of the filter)",
    short: "filter",
  },
  {
    id: "picker.toggle",
    scope: "picker",
    keys: [tab],
    help: "Add the actor to the filter, or take it out (Enter opens its page)",
    short: "filter",
  },
];

const byId = new Map(COMMANDS.map((c) => [c.id, c]));

export function command(id: CommandId): Command {
  const found = byId.get(id);
  if (!found) throw new Error(`no command ${id}`);
  return found;
}

/** The first command live in `scopes` that the key press matches. */
export function matchCommand(input: string, key: Key, scopes: readonly Scope[]): CommandId | undefined {
  for (const c of COMMANDS) {
    if (!scopes.includes(c.scope)) continue;
    for (const k of c.keys) if (k.test(input, key)) return c.id;
  }
  return undefined;
}

/** All keys of a command, as the help overlay shows them: `j / ↓`. */
export function keyLabels(id: CommandId): string {
  return command(id)
    .keys.map((k) => k.label)
    .join(" / ");
}

/** The scopes live for each focus the App can be in. */
export type Focus = "list" | "reader" | "help" | "prompt" | "picker";

export const FOCUS_SCOPES: Record<Focus, readonly Scope[]> = {
  list: ["always", "exit", "global", "move", "browse", "list"],
  reader: ["always", "exit", "global", "move", "browse"],
  help: ["always", "exit", "help", "move"],
  prompt: ["always", "prompt"],
  picker: ["always", "picker", "prompt"],
};

/** A footer item: the first key of each command, joined, then a word: `j/k move`. */
export interface FooterItem {
  keys: string;
  label: string;
}

const FOOTERS: Record<Focus, CommandId[][]> = {
  list: [
    ["move.down", "move.up"],
    ["open"],
    ["search.start"],
    ["search.next", "search.prev"],
    ["filter.actor"],
    ["filter.date"],
    ["filter.clear"],
    ["view.next"],
    ["help.open"],
    ["quit"],
  ],
  reader: [
    ["move.down", "move.up"],
    ["move.pageDown"],
    ["back"],
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
};

/** Footer entries for a focus, most useful first. */
export function footerItems(focus: Focus): FooterItem[] {
  return FOOTERS[focus].map((ids) => ({
    keys: ids.map((id) => command(id).keys[0]?.label ?? "").join("/"),
    label: command(ids[0]!).short,
  }));
}

/** Help overlay sections, in the order shown. */
export const HELP_SECTIONS: { title: string; scopes: Scope[] }[] = [
  { title: "Anywhere", scopes: ["global", "exit", "always"] },
  { title: "Moving", scopes: ["move", "list", "browse"] },
  { title: "On the timeline", scopes: ["timeline"] },
  { title: "On an actor's page", scopes: ["actor"] },
  { title: "In the help", scopes: ["help"] },
  { title: "In a prompt", scopes: ["prompt", "picker"] },
];
