// The `actors.yaml` registry: reading and checking it. How names compare is in actor-names.ts.
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { actorKey } from "./actor-names.js";
import { ActorRegistryFile, formatZodIssues, type Problem, type RegistryActor } from "./schema.js";

export {
  actorKey,
  canonicalActor,
  guessKind,
  indexOf,
  isAcronym,
  type RegistryIndex,
  registryEntry,
  tidy,
} from "./actor-names.js";

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
