// Optional front matter at the very top of a briefing: YAML between two `---` lines, or TOML between
// two `+++` lines (Hugo's), each read by its library (yaml, smol-toml); the keys are the same.
//
// The reader has already removed a BOM and turned CRLF into \n. YAML is parsed with the plain "core"
// schema (no custom tags, no timestamps, no merge keys), unique keys and a small alias budget, and the
// top-level mapping is read as a Map so keys such as `__proto__` are just unknown keys.
import { parse as parseTomlText, TomlError } from "smol-toml";
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { findFirstDate } from "./dates.js";
import { readPlainYaml } from "./plain-yaml.js";
import { FRONT_MATTER_KEYS, FrontMatter, FrontMatterDate, type Problem } from "./schema.js";

/** Front matter larger than this is refused: it is metadata, and YAML parsing cost grows with it. */
export const MAX_FRONT_MATTER_BYTES = 64 * 1024;
const MAX_ALIASES = 50;
const MAX_YAML_ERRORS = 5;

export interface FrontMatterSplit {
  ok: true;
  /** Validated front matter; `{}` when the file has none. */
  data: FrontMatter;
  /** Whether the file had a front matter block at all. */
  present: boolean;
  /** Everything after the closing `---` line (the whole text when there is no front matter). */
  body: string;
  /** 1-based line of the file on which `body` starts. */
  bodyLine: number;
  warnings: Problem[];
}

export interface FrontMatterFailure {
  ok: false;
  problems: Problem[];
}

const OPEN = /^(---|\+\+\+)[ \t]*(?:\n|$)/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
const TOML_CLOSE = /^\+\+\+[ \t]*$/;
const KNOWN = new Set<string>(FRONT_MATTER_KEYS);
const LIST_KEYS = new Set(["actors", "tags", "follows"]);
/**
 * What blog engines and note apps call our keys (Astro's `pubDate`, Ghost's `published_at`, Jekyll's
 * and Hugo's `categories`): read as ours when ours is not given.
 */
const KEY_ALIASES = new Map<string, (typeof FRONT_MATTER_KEYS)[number]>([
  ["pubDate", "date"],
  ["publishDate", "date"],
  ["published", "date"],
  ["published_at", "date"],
  ["date_published", "date"],
  ["created", "date"],
  ["categories", "tags"],
]);

function problem(
  path: string,
  message: string,
  line: number | undefined,
  severity: Problem["severity"],
): Problem {
  return { path, ...(line ? { line } : {}), message, severity };
}

/** Splits front matter from the body and validates it. `path` names the file in problems. */
export function splitFrontMatter(text: string, path: string): FrontMatterSplit | FrontMatterFailure {
  const open = OPEN.exec(text);
  if (!open) return { ok: true, data: {}, present: false, body: text, bodyLine: 1, warnings: [] };

  const error = (message: string, line?: number): FrontMatterFailure => ({
    ok: false,
    problems: [{ path, ...(line ? { line } : {}), message, severity: "error" }],
  });

  // The closing line is looked for line by line without splitting the whole file up front.
  let pos = open[0].length;
  let lineNo = 2;
  let close = -1;
  const toml = open[1] === "+++";
  const closing = toml ? TOML_CLOSE : CLOSE;
  while (pos < text.length) {
    const nl = text.indexOf("\n", pos);
    const end = nl === -1 ? text.length : nl;
    if (closing.test(text.slice(pos, end))) {
      close = pos;
      break;
    }
    if (nl === -1) break;
    pos = nl + 1;
    lineNo++;
  }
  if (close === -1) return error("front matter opened on line 1 is never closed", 1);
  const yamlText = text.slice(open[0].length, close);
  if (Buffer.byteLength(yamlText) > MAX_FRONT_MATTER_BYTES) {
    return error(`front matter is larger than ${MAX_FRONT_MATTER_BYTES / 1024} KiB`, 1);
  }

  const nl = text.indexOf("\n", close);
  const body = nl === -1 ? "" : text.slice(nl + 1);
  const parsed = toml ? parseToml(yamlText, path) : parseYaml(yamlText, path);
  if (!parsed.ok) return parsed;
  return {
    ok: true,
    data: parsed.data,
    present: true,
    body,
    bodyLine: lineNo + 1,
    warnings: parsed.warnings,
  };
}

/** YAML text of the front matter (which starts on file line 2) -> validated data. */
function parseYaml(
  src: string,
  path: string,
): { ok: true; data: FrontMatter; warnings: Problem[] } | FrontMatterFailure {
  const lineCounter = new LineCounter();
  const fileLine = (offset: number | undefined) =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line + 1;

  const plain = readPlainYaml(src);
  if (plain !== null)
    return validate(
      new Map(plain.map((e) => [e.key, e.value])),
      new Map(plain.map((e) => [e.key, e.line + 2])),
      [],
      path,
    );

  const doc = parseDocument(src, {
    schema: "core",
    version: "1.2",
    uniqueKeys: true,
    prettyErrors: true,
    merge: false,
    lineCounter,
  });
  if (doc.errors.length > 0) {
    // One report per distinct error and line, and only the first few: 5,000 nested brackets would
    // otherwise give one identical line per bracket the parser gave up on.
    const seen = new Set<string>();
    const problems: Problem[] = [];
    for (const e of doc.errors) {
      let message = (e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
      if (/call stack/i.test(message)) message = "nested too deeply";
      const line = fileLine(e.pos[0]);
      const key = `${line}:${message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (problems.length < MAX_YAML_ERRORS)
        problems.push(problem(path, `front matter is not valid YAML: ${message}`, line, "error"));
    }
    return { ok: false, problems };
  }
  const warnings = doc.warnings.map((w) =>
    problem(
      path,
      `front matter: ${(w.message.split("\n")[0] ?? "").replace(/ at line.*$/, "")}`,
      fileLine(w.pos[0]),
      "warning",
    ),
  );

  const contents = doc.contents;
  if (contents === null || (isScalar(contents) && contents.value === null)) {
    return { ok: true, data: {}, warnings };
  }
  if (!isMap(contents)) {
    const found = isSeq(contents)
      ? "a list"
      : isScalar(contents)
        ? `a ${typeof contents.value}`
        : "something else";
    return {
      ok: false,
      problems: [
        problem(
          path,
          `front matter must be a mapping of key: value, found ${found}`,
          fileLine(contents.range?.[0]),
          "error",
        ),
      ],
    };
  }

  let values: Map<unknown, unknown>;
  try {
    values = doc.toJS({ maxAliasCount: MAX_ALIASES, mapAsMap: true }) as Map<unknown, unknown>;
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    return { ok: false, problems: [problem(path, `front matter could not be read: ${why}`, 1, "error")] };
  }

  const keyLines = new Map<string, number | undefined>();
  for (const pair of contents.items) {
    const key = pair.key;
    const name = isScalar(key) ? String(key.value) : undefined;
    const line = fileLine(
      isScalar(key) ? key.range?.[0] : (pair.value as { range?: number[] } | null)?.range?.[0],
    );
    if (name === undefined) {
      warnings.push(problem(path, "front matter key is not a plain name; ignored", line, "warning"));
      continue;
    }
    keyLines.set(name, line);
  }
  return validate(values, keyLines, warnings, path);
}

/** TOML text of the front matter (which starts on file line 2) -> validated data. */
function parseToml(
  src: string,
  path: string,
): { ok: true; data: FrontMatter; warnings: Problem[] } | FrontMatterFailure {
  let values: Record<string, unknown>;
  try {
    values = parseTomlText(src);
  } catch (err) {
    const why = (err instanceof Error ? err.message : String(err)).split("\n")[0]!;
    const line = err instanceof TomlError ? err.line + 1 : undefined;
    const message = `front matter is not valid TOML: ${why.replace(/^Invalid TOML document: /, "")}`;
    return { ok: false, problems: [problem(path, message, line, "error")] };
  }
  // The library gives no positions: a key's line is the first line that assigns it.
  const lines = src.split("\n");
  const keyLines = new Map<string, number | undefined>();
  for (const key of Object.keys(values)) {
    const name = key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const assigns = new RegExp(`^\\s*\\[?\\s*["']?${name}["']?\\s*[=\\].]`);
    const at = lines.findIndex((l) => assigns.test(l));
    keyLines.set(key, at === -1 ? undefined : at + 2);
  }
  return validate(new Map(Object.entries(values)), keyLines, [], path);
}

/** Front matter values, whatever their syntax, -> the known keys, validated. */
function validate(
  values: Map<unknown, unknown>,
  keyLines: Map<string, number | undefined>,
  warnings: Problem[],
  path: string,
): { ok: true; data: FrontMatter; warnings: Problem[] } | FrontMatterFailure {
  // Only known keys are copied, into a fresh object: nothing from the file names a property of it.
  const candidate: Record<string, unknown> = {};
  const aliased: [string, string, unknown][] = [];
  for (const [rawKey, rawValue] of values) {
    const key = String(rawKey);
    const ours = KEY_ALIASES.get(key);
    if (ours !== undefined) {
      aliased.push([key, ours, rawValue]);
      continue;
    }
    if (!KNOWN.has(key)) {
      if (keyLines.has(key))
        warnings.push(problem(path, `unknown front matter key '${key}'`, keyLines.get(key), "warning"));
      continue;
    }
    const value = friendly(key, rawValue);
    if (value !== undefined) candidate[key] = value;
  }
  for (const [key, ours, rawValue] of aliased) {
    const value = friendly(ours, rawValue);
    if (value === undefined) continue;
    const line = keyLines.get(key);
    // Beside a `date`, an alias says something else (Obsidian's `created` is when the note was
    // made): the date given is the briefing's.
    if (candidate[ours] !== undefined && ours !== "tags") continue;
    if (ours === "date") {
      const day = typeof value === "string" ? writtenDay(value) : null;
      if (day === null)
        warnings.push(problem(path, `'${key}' is no date that can be read: not used`, line, "warning"));
      else candidate.date = day;
    } else {
      const list = Array.isArray(candidate[ours]) ? (candidate[ours] as unknown[]) : [];
      candidate[ours] = [...list, ...(Array.isArray(value) ? value : [value])];
    }
  }

  const result = FrontMatter.safeParse(candidate);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => {
      const field = issue.path.map(String).join(".");
      const top = issue.path[0] === undefined ? undefined : String(issue.path[0]);
      const message = field ? `${field}: ${issue.message}` : issue.message;
      return problem(path, message, top === undefined ? undefined : keyLines.get(top), "error");
    });
    return { ok: false, problems };
  }
  return { ok: true, data: result.data, warnings };
}

/** `2026-11-30T08:15:00Z`, or a day written out (`Nov 28 2026`, `28 November 2026`), as YYYY-MM-DD. */
function writtenDay(value: string): string | null {
  if (FrontMatterDate.safeParse(value).success) return value.trim();
  // A Unix time, as Dendron writes `created: 1796207400000` (milliseconds) or others in seconds:
  // the UTC day, the only one the file names.
  if (/^\s*(?:\d{10}|\d{13})\s*$/.test(value)) {
    const n = Number(value);
    return new Date(n < 1e12 ? n * 1000 : n).toISOString().slice(0, 10);
  }
  const found = findFirstDate([{ text: value, line: 1 }]);
  return found !== null && /^\d{4}-\d{2}-\d{2}$/.test(found) ? found : null;
}

/**
 * YAML typing is not the writer's concern: `id: 42` or `title: 2026` mean text, a single tag may be
 * written without a list, and an empty value means the key is absent.
 */
function friendly(key: string, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  // A TOML date (a Date) as written: `2027-02-14` or `2027-02-14T08:00:00.000+01:00`.
  const scalar = (v: unknown) =>
    typeof v === "number" || typeof v === "boolean" ? String(v) : v instanceof Date ? v.toISOString() : v;
  if (LIST_KEYS.has(key)) {
    if (Array.isArray(value)) return value.map(scalar);
    return typeof value === "string" ? [value] : value;
  }
  return scalar(value);
}
