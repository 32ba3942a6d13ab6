// Help texts. Kept beside each other so `--help` and the README can be compared at a glance.
import type { ModeName } from "./args.js";

const FILTERS = `Filters:
  --since D        on or after D: YYYY, YYYY-MM, YYYY-MM-DD, or 7d / 2w / 3m back from today
  --until D        on or before D (same forms; inclusive)
  --actor NAME     mentions this actor (name, alias or in the text); repeat for any of several
  --tag T          carries this tag; repeat for any of several
  --query TEXT     contains this text
  --story NAME     belongs to this story (front matter story, else its top-level folder)`;

const GLOBAL = `Global options:
  --dir PATH       briefings folder (default: $SIGNALDESK_DIR, else the config's dir, else the
                   bundled briefings)
  --config PATH    read this config file instead of
                   $XDG_CONFIG_HOME/signaldesk/config.yaml (else ~/.config/signaldesk/config.yaml)
  --no-color       no colour or bold, even on a terminal (NO_COLOR and TERM=dumb do the same)
  --no-mouse       the reader leaves the mouse to the terminal (to select text)
  --no-watch       the reader does not watch the folder for changes (r checks)
  --no-pager       print to the terminal without a pager
  -h, --help       show help (after a command: that command's help)
  -V, --version    show the version`;

const MAIN = `signaldesk - a terminal reader for news briefings

Usage:
  signaldesk [--dir PATH] [filters]     the reader; the list when not in a terminal
  signaldesk list     [filters] [--unread] [--new] [--json] [--width N]
  signaldesk mark read|unread ID...     mark briefings read or unread
  signaldesk mark read|unread --all [filters]
  signaldesk print ID [--format text|markdown|json] [--width N] [--sections what,why,watch]
  signaldesk timeline [filters] [--upcoming] [--json] [--width N]
  signaldesk agenda   [filters] [--json] [--width N]   what to watch, open or followed up
  signaldesk actors   [filters] [--json] [--width N]
  signaldesk actors NAME [--json] [--width N]          one actor's page
  signaldesk stories  [filters] [--json] [--width N]
  signaldesk glossary [filters] [--json] [--width N]
  signaldesk check                      every problem as path:line: message; exit 1 if any
  signaldesk keys                       the reader's commands: name, keys, help
  signaldesk config                     the config file's path and the settings in effect
  signaldesk completion bash|zsh|fish   a completion script for the shell

When stdout is not a terminal and --width is not given, list, timeline, actors and glossary
write tab-separated records, one a line, nothing cut:
  list      date, id, title, actors
  timeline  date, briefing id, text, conflicting reports
  actors    name, kind, number of briefings, aliases
  glossary  term, definition, briefing ids

${GLOBAL}

${FILTERS}

Environment: SIGNALDESK_DIR (the folder), SIGNALDESK_PAGER and PAGER (the pager for print,
default less -FRX), BROWSER (what o opens links with, else xdg-open or open), VISUAL and
EDITOR (what e edits a briefing with, else vi), NO_COLOR, XDG_CONFIG_HOME, XDG_CACHE_HOME,
XDG_STATE_HOME (read state: $XDG_STATE_HOME/signaldesk/state.db, else
~/.local/state/signaldesk/state.db).

Exit codes: 0 shown, 1 check found problems, 64 usage, 65 invalid briefing (print),
66 unknown id or missing folder, 73 read state not saved (mark), 130/143 interrupted
(SIGINT/SIGTERM).
`;

const COMMAND_HELP: Record<ModeName, string> = {
  reader: MAIN,
  list: `Usage: signaldesk list [filters] [--unread] [--new] [--json] [--width N]

One row per briefing: date, id, title, actors; oldest first, undated last.
Files that failed to load are reported on stderr; the list still exits 0.

  --unread         only briefings not read: never read, or updated (changed since read)
  --new            only briefings that arrived or changed since the reader's last session on
                   this folder ended
  --json           an array of briefings as JSON (see README), each with read and updated
  --width N        table width (default: the terminal's, 80 when piped)

${FILTERS}
`,
  print: `Usage: signaldesk print ID [--format text|markdown|json] [--width N] [--sections what,why,watch]

Shows one briefing. ID is a briefing id, a unique prefix of one, a path to its file, or else a
piece of one id or title that no other has. On a terminal the text goes through a pager
($SIGNALDESK_PAGER, else $PAGER, else less -FRX; the config's pager; --no-pager for none).

  --format F       text (default), markdown (a briefing file that loads back the same) or json
  --json           same as --format json
  --width N        wrap text to N columns (default: the terminal's, 80 when piped)
  --sections LIST  only these of what, why, watch (comma-separated); text and markdown only

Exit 65 when the file exists but does not load (its problems are printed), 66 when no briefing
matches, 64 when a prefix matches several.
`,
  mark: `Usage: signaldesk mark read|unread ID...
       signaldesk mark read|unread --all [filters]

Marks briefings read or unread, as the reader does (its r, and a briefing open for 2 s). ID is
what print takes. With --all, every briefing the filters match (all of them without filters).
Every ID is resolved first: one unknown ID marks nothing. Read state is kept per folder in
$XDG_STATE_HOME/signaldesk/state.db (else ~/.local/state/signaldesk/state.db), apart from the
cache. Exit 66 for an unknown ID, 73 when the state could not be saved.

  --all            every briefing matching the filters

${FILTERS}
`,
  timeline: `Usage: signaldesk timeline [filters] [--upcoming] [--json] [--width N]

Every dated briefing and event, in date order, grouped by month, dates shown at their precision.
A briefing is an entry on its own date; an event dated after its briefing is expected; a date
without a year in an undated briefing is kept under "Year unknown". Reports that disagree on a
date are marked as conflicting. Dates filter the events by their own dates.

  --upcoming       only what is dated today or later
  --json           [{date, precision, text, briefingId, conflict, conflictWith, line, kind,
                   expected, yearUnknown}]
  --width N        wrap to N columns

${FILTERS}
`,
  agenda: `Usage: signaldesk agenda [filters] [--json] [--width N]

Every item of every briefing's What to watch, newest first, with the later briefings that followed
it up (front matter follows: [id], or a later briefing sharing an actor or term whose report has
the item's words). Filters choose the items' briefings.

  --json           [{briefingId, date, text, status: "open"|"followed", followedBy: [id]}]
  --width N        wrap to N columns

${FILTERS}
`,
  stories: `Usage: signaldesk stories [filters] [--json] [--width N]

The stories of the folder (front matter story, else the top-level subfolder), each with its number
of briefings and the dates they span; briefings of no story last.

  --json           [{name, briefings, first, last, briefingIds}]
  --width N        table width

${FILTERS}
`,
  actors: `Usage: signaldesk actors [filters] [--json] [--width N]
       signaldesk actors NAME [filters] [--json] [--width N]

People and organisations across the briefings: name, kind, number of briefings, aliases.
With NAME (a name or alias), that actor's page: kind, aliases, its briefings, its events in date
order, the actors it appears with most, and the glossary terms of its briefings.

  --json           [{name, kind, aliases, briefingIds}]; with NAME, the page (see README)
  --width N        table width

${FILTERS}
`,
  glossary: `Usage: signaldesk glossary [filters] [--json] [--width N]

Terms defined in the briefings, merged across them.

  --json           [{term, definition, briefingIds}]
  --width N        wrap to N columns

${FILTERS}
`,
  keys: `Usage: signaldesk keys

Every command of the reader: its name (what the config's keys: rebinds), its keys and what it
does. Rebound keys are shown as the config sets them.
`,
  config: `Usage: signaldesk config

The config file's path (and whether it was found), then every setting in effect as YAML.
`,
  completion: `Usage: signaldesk completion bash|zsh|fish

A completion script: commands, options, briefing ids (print) and actor names (--actor), the last
two read from the folder in effect when completing.
  bash: source <(signaldesk completion bash)     zsh: source <(signaldesk completion zsh)
  fish: signaldesk completion fish | source
`,
  check: `Usage: signaldesk check

Loads every file and prints each problem (errors and warnings) as path:line: message on stdout,
then a summary. Exit 1 if there is any problem, 0 when the folder is clean.
`,
};

export function helpText(mode: ModeName | null): string {
  const body = COMMAND_HELP[mode ?? "reader"];
  return mode === null || mode === "reader" ? body : `${body}\n${GLOBAL}\n`;
}
