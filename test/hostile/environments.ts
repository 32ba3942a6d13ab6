// The corpus of hostile environments: what a person or another program can put where signaldesk
// expects a file it reads (actors.yaml, a cache file, a config), and text terminals disagree on.
// Used by test/load/safe-open.test.ts, test/e2e/registry.test.ts, test/cli/hostile-cache.test.ts and
// test/e2e/wide.test.ts; the environments of the process itself (a full disk, a terminal gone,
// ulimit -v, Ctrl-Z) are in test/cli/output-errors.test.ts, test/e2e/limits.test.ts and
// test/e2e/suspend.test.ts.
import { execFileSync } from "node:child_process";
import { symlinkSync, truncateSync, writeFileSync } from "node:fs";

export interface Replacement {
  name: string;
  /** Puts it at `path` (which does not exist yet). */
  make(path: string): void;
  /** How a scan of the folder reports it, when it sits in a briefings folder. */
  problem: RegExp;
}

/** Things that are not a regular file, each of which once hung, flooded or blocked a read. */
export const REPLACEMENTS: Replacement[] = [
  {
    name: "a link to /dev/zero",
    make: (p) => symlinkSync("/dev/zero", p),
    problem: /outside the briefings folder \(\/dev\/zero\)/,
  },
  { name: "a FIFO", make: (p) => execFileSync("mkfifo", [p]), problem: /not a regular file \(FIFO\)/ },
  {
    name: "a link to /dev/tty",
    make: (p) => symlinkSync("/dev/tty", p),
    problem: /outside the briefings folder \(\/dev\/tty\)/,
  },
  {
    name: "a 1.9 GiB sparse file",
    make: (p) => {
      writeFileSync(p, "");
      truncateSync(p, Math.round(1.9 * 1024 ** 3));
    },
    problem: /file is 1\.9 GiB, over the 2 MiB limit/,
  },
];

const FAMILY = "👨\u200d👩\u200d👧\u200d👦";

/** Emoji sequences terminals draw at different widths (xterm.js a code point at a time, tmux mixed). */
export const WIDE_TITLES = [
  Array.from({ length: 60 }, () => FAMILY).join("\u200d"),
  `Families ${FAMILY.repeat(30)} at the border`,
  `Flags ${"🇺🇸🇬🇧🇯🇵🇩🇪".repeat(10)} signed`,
  `Skin tones ${"👍🏽👋🏿🧑🏻\u200d💻".repeat(10)} agreed`,
  `Hearts ${"\u2764\ufe0f".repeat(30)} and rainbow 🏳\ufe0f\u200d🌈 flags`,
];
export const WIDE_TERM = FAMILY.repeat(20);
