// A whole briefing as the store keeps it for `print` and `list --json`, so that they need not load the
// parser (zod, yaml, marked) to show a file the store is current for. The folder's own path is left
// out (the same folder may be named otherwise next time) and put back from the path it is read under.
import type { Briefing } from "../briefing/schema.js";

/** `briefing` as stored: its path, and each warning's path that is the file's own, left empty. */
export function storableBriefing(briefing: Briefing): string {
  const own = briefing.path;
  return JSON.stringify({
    ...briefing,
    path: "",
    warnings: briefing.warnings.map((w) => (w.path === own ? { ...w, path: "" } : w)),
  });
}

/** A stored briefing read back as the file at `filePath` (absolute); null when it is not one. */
export function storedBriefing(text: string, filePath: string): Briefing | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || !Array.isArray((value as Briefing).warnings))
    return null;
  const b = value as Briefing;
  return {
    ...b,
    path: filePath,
    warnings: b.warnings.map((w) => (w.path === "" ? { ...w, path: filePath } : w)),
  };
}
