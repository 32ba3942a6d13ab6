// What the end-to-end tests expect to see, read from the program's own documented JSON output for the
// same folder, so the tests follow the briefings rather than copies of their text.
import { execFileSync } from "node:child_process";
import { BIN } from "./harness.js";

export interface ListedBriefing {
  id: string;
  title: string;
  date: string | null;
  actors: string[];
  sections: Record<"whatHappened" | "whyItMatters" | "whatToWatch", unknown[]>;
  glossary: { term: string }[];
  tags: string[];
}

export function cliJson<T>(dir: string, ...args: string[]): T {
  const out = execFileSync(process.execPath, [BIN, ...args, "--json", "--dir", dir], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return JSON.parse(out) as T;
}

/** The order of the briefings view: newest first, then by title. */
export function newestFirst(list: ListedBriefing[]): ListedBriefing[] {
  return [...list].sort((a, b) => {
    if (a.date === b.date) return a.title.localeCompare(b.title);
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? 1 : -1;
  });
}
