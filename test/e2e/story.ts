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
}

export interface IndexedActor {
  name: string;
  briefingIds: string[];
}

export function cliJson<T>(dir: string, ...args: string[]): T {
  const out = execFileSync(process.execPath, [BIN, ...args, "--json", "--dir", dir], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return JSON.parse(out) as T;
}

/** A term's first word is enough to find it on screen even when the row is cut to fit. */
export function firstWords(text: string, count: number): string {
  return text.split(/\s+/).slice(0, count).join(" ");
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
