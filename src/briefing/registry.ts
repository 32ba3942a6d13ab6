// The `actors.yaml` registry and how names compare: alias folding, keys, kinds. Pure.
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import {
  type ActorKind,
  ActorRegistryFile,
  formatZodIssues,
  type Problem,
  type RegistryActor,
} from "./schema.js";

// --- names and keys ----------------------------------------------------------------------------

const CORP_SUFFIX_RE = /,?\s+(?:inc|corp|corporation|ltd|llc|plc|co)\.?$/i;

/** True for names written without lowercase letters ("BIS", "AWS", "U.S."). */
export function isAcronym(name: string): boolean {
  return /\p{Lu}/u.test(name) && !/\p{Ll}/u.test(name);
}

export function tidy(name: string): string {
  return name
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^the\s+/i, "")
    .replace(/['’]s$/, "");
}

/** The key two spellings of one actor share: case, spacing, "the", possessive and "Inc." ignored. */
export function actorKey(name: string): string {
  const t = tidy(name).toLowerCase();
  const stripped = t.replace(CORP_SUFFIX_RE, "");
  return stripped || t;
}

// --- registry ----------------------------------------------------------------------------------

export interface RegistryIndex {
  byKey: Map<string, RegistryActor>;
  /** Case-insensitive matcher for names with lowercase letters; null when there are none. */
  wordsRe: RegExp | null;
  /** Case-sensitive matcher for acronyms. */
  acronymRe: RegExp | null;
}

const indexCache = new WeakMap<readonly RegistryActor[], RegistryIndex>();

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}

function alternation(names: string[], flags: string): RegExp | null {
  if (names.length === 0) return null;
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeRe).join("|")})(?![\\p{L}\\p{N}])`, flags);
}

export function indexOf(registry: readonly RegistryActor[]): RegistryIndex {
  const cached = indexCache.get(registry);
  if (cached) return cached;
  const byKey = new Map<string, RegistryActor>();
  const words: string[] = [];
  const acronyms: string[] = [];
  for (const actor of registry) {
    for (const name of [actor.name, ...actor.aliases]) {
      const key = actorKey(name);
      if (!key || byKey.has(key)) continue;
      byKey.set(key, actor);
      (isAcronym(name) ? acronyms : words).push(name.trim());
    }
  }
  const index = { byKey, wordsRe: alternation(words, "giu"), acronymRe: alternation(acronyms, "gu") };
  indexCache.set(registry, index);
  return index;
}

/** The registry entry a name or alias belongs to, if any. */
export function registryEntry(name: string, registry: readonly RegistryActor[]): RegistryActor | undefined {
  return indexOf(registry).byKey.get(actorKey(name));
}

/** The canonical spelling of an actor: the registry name for a name or alias, else the name tidied. */
export function canonicalActor(name: string, registry: readonly RegistryActor[]): string {
  return registryEntry(name, registry)?.name ?? tidy(name);
}

const COMPANY_WORDS = new Set(["Inc", "Corp", "Corporation", "Ltd", "LLC", "PLC", "Co"]);
const GOVERNMENT_WORDS = new Set([
  "administration",
  "government",
  "congress",
  "senate",
  "parliament",
  "pentagon",
]);
const AGENCY_WORDS = new Set([
  "Department",
  "Bureau",
  "Agency",
  "Commission",
  "Ministry",
  "Office",
  "Authority",
  "Council",
  "Committee",
]);

/** A kind guessed from the shape of a name; "other" when nothing gives it away. */
export function guessKind(name: string): ActorKind {
  const words = name.split(/[\s,]+/).map((w) => w.replace(/\.$/, ""));
  if (COMPANY_WORDS.has(words[words.length - 1] ?? "")) return "company";
  if (/white house/i.test(name) || words.some((w) => GOVERNMENT_WORDS.has(w.toLowerCase())))
    return "government";
  if (words.some((w) => AGENCY_WORDS.has(w))) return "agency";
  return "other";
}

function lineAt(counter: LineCounter, offset: number | undefined): number | undefined {
  if (offset === undefined) return undefined;
  const line = counter.linePos(offset).line;
  return line > 0 ? line : undefined;
}

/** Reads `actors.yaml`. Invalid entries become problems; valid ones survive them. Never throws. */
export function parseRegistry(
  text: string,
  relPath: string,
): { registry: RegistryActor[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const problem = (message: string, line: number | undefined, severity: Problem["severity"] = "error") => {
    problems.push(
      line === undefined ? { path: relPath, message, severity } : { path: relPath, line, message, severity },
    );
  };
  const counter = new LineCounter();
  let data: unknown;
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { uniqueKeys: true, lineCounter: counter, prettyErrors: true });
    for (const err of doc.errors) problem(err.message.split("\n")[0]!, err.linePos?.[0]?.line);
    if (doc.errors.length > 0) return { registry: [], problems };
    data = doc.toJS({ maxAliasCount: 50 });
  } catch (err) {
    problem(
      `not readable as YAML: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}`,
      undefined,
    );
    return { registry: [], problems };
  }
  if (data === null || data === undefined) return { registry: [], problems };
  if (!Array.isArray(data)) {
    problem(
      "expected a list of actors, each with name, kind and aliases",
      lineAt(counter, doc.contents?.range?.[0]),
    );
    return { registry: [], problems };
  }
  const nodes = isSeq(doc.contents) ? doc.contents.items : [];
  const registry: RegistryActor[] = [];
  const claimed = new Map<string, string>();
  data.forEach((entry, i) => {
    const node = nodes[i] as { range?: [number, number, number] } | undefined;
    const entryLine = lineAt(counter, node?.range?.[0]);
    const fieldLine = (field: unknown): number | undefined => {
      if (!isMap(node)) return entryLine;
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === field);
      const keyNode = pair?.key as { range?: [number, number, number] } | undefined;
      return lineAt(counter, keyNode?.range?.[0]) ?? entryLine;
    };
    const parsed = ActorRegistryFile.element.safeParse(entry);
    if (!parsed.success) {
      const lines = formatZodIssues(parsed.error);
      parsed.error.issues.forEach((issue, k) => {
        problem(lines[k]!, fieldLine(issue.path[0]));
      });
      return;
    }
    if (entry && typeof entry === "object") {
      for (const key of Object.keys(entry)) {
        if (key !== "name" && key !== "kind" && key !== "aliases") {
          problem(`${key}: unknown key (expected name, kind, aliases)`, fieldLine(key), "warning");
        }
      }
    }
    const actor = parsed.data;
    const aliases: string[] = [];
    for (const [field, name] of [
      ["name", actor.name] as const,
      ...actor.aliases.map((a) => ["aliases", a] as const),
    ]) {
      const key = actorKey(name);
      const owner = claimed.get(key);
      if (owner !== undefined) {
        if (owner !== actor.name || field === "name") {
          problem(`${field}: "${name}" already names ${owner}`, fieldLine(field), "warning");
        }
        if (field === "name") return;
        continue;
      }
      claimed.set(key, actor.name);
      if (field === "aliases") aliases.push(name);
    }
    registry.push({ ...actor, aliases });
  });
  return { registry, problems };
}
