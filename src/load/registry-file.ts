// `actors.yaml` read and checked: the one rule the store's sync and the whole load (`loadBriefings`)
// both go through, so an empty, unreadable or invalid registry is the same problem, at the same path
// and line, whichever reads it. The parser (yaml, zod) is imported only when the text must be checked.
import type { Problem, RegistryActor } from "../briefing/schema.js";
import { type FileEntry, readSource } from "./read.js";

export interface RegistryRead {
  /** The file's text; null when there is no file or it could not be read (`problems` says why). */
  text: string | null;
  actors: RegistryActor[];
  /** Each at the file's path as shown (the folder as given joined with `actors.yaml`). */
  problems: Problem[];
}

/** What an earlier check of the same text found (the store keeps it), so it is not checked again. */
export type KnownRegistry = (text: string) => Pick<RegistryRead, "actors" | "problems"> | null;

/** Reads and checks the registry `entry` (null: the folder has none); never throws. */
export async function readRegistryFile(
  entry: FileEntry | null,
  known?: KnownRegistry,
): Promise<RegistryRead> {
  if (entry === null) return { text: null, actors: [], problems: [] };
  const read = await readSource(entry);
  if ("problem" in read) return { text: null, actors: [], problems: [read.problem] };
  const text = read.file.text;
  const kept = known?.(text);
  if (kept) return { text, ...kept };
  try {
    const { parseRegistry } = await import("../briefing/registry.js");
    const parsed = parseRegistry(text, entry.relPath);
    const problems = parsed.problems.map((p) =>
      p.path === entry.relPath ? { ...p, path: entry.displayPath } : p,
    );
    return { text, actors: parsed.registry, problems };
  } catch (err) {
    const message = `internal error: ${err instanceof Error ? err.message : String(err)}`;
    return { text, actors: [], problems: [{ path: entry.displayPath, message, severity: "error" }] };
  }
}
