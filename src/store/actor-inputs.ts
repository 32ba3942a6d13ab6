// What each file's actors were resolved from (briefing/actors.ts ActorInputs), kept per file, and the
// step that resolves them again when `actors.yaml` changes: the names, the summary's actor column,
// the digest's actors and what it learnt of unknown ones, and the file's row of the text index (which
// holds the actors' names) are rewritten from these alone, no file read and no Markdown parsed.
//
// A file's inputs are one blob: its distinct strings once (the texts names are looked for in, the
// texts read for unknown actors and the searchable lines around the actors mostly repeat each other),
// the lists as indexes into them, as UTF-8 JSON. Not compressed: a cold load writes one per file, and
// deflate's set-up for each (its window, zeroed) was 5-7% of a parse worker's time, to save 1.5 KB a
// file (the store is some 20 KB a file).
import { type ActorInputs, resolveActors } from "../briefing/actors.js";
import type { BriefingDigest } from "../briefing/digest.js";
import type { RegistryActor } from "../briefing/schema.js";
import { textAround } from "../story/search.js";
import type { Store, SummaryColumnsRead } from "./store.js";
import { SEP, sum, summarySum } from "./store.js";

/** What a file's actor columns are made of: the inputs and the searchable lines around its actors. */
export interface ActorRecord {
  inputs: ActorInputs;
  text: { before: readonly string[]; after: readonly string[] };
}

interface Packed {
  /** The distinct strings. */
  s: string[];
  d: number[];
  t: number[];
  a: number[];
  b: number[];
  z: number[];
}

// One for every record: an encoder keeps no state between calls.
const ENCODER = new TextEncoder();

export function encodeActorRecord(r: ActorRecord): Uint8Array {
  const pool = new Map<string, number>();
  const refs = (list: readonly string[]) =>
    list.map((text) => {
      let at = pool.get(text);
      if (at === undefined) {
        at = pool.size;
        pool.set(text, at);
      }
      return at;
    });
  const packed: Omit<Packed, "s"> = {
    d: refs(r.inputs.declared),
    t: refs(r.inputs.texts),
    a: refs(r.inputs.about),
    b: refs(r.text.before),
    z: refs(r.text.after),
  };
  const json = JSON.stringify({ s: [...pool.keys()], ...packed });
  // Its own buffer: a worker posts it, and a view of a pooled buffer would take the whole pool along.
  return ENCODER.encode(json);
}

/** The record in `blob`; null when it is not one (a damaged row). */
export function decodeActorRecord(blob: Uint8Array): ActorRecord | null {
  try {
    const p = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(blob)) as Packed;
    const at = (refs: number[]) =>
      refs.map((i) => {
        const s = p.s[i];
        if (typeof s !== "string") throw new Error("no such string");
        return s;
      });
    return {
      inputs: { declared: at(p.d), texts: at(p.t), about: at(p.a) },
      text: { before: at(p.b), after: at(p.z) },
    };
  } catch {
    return null;
  }
}

/** The text index's columns for a briefing's searchable text (story/search.ts briefingText). */
export function searchColumns(text: string): { title: string; body: string } {
  const cut = text.indexOf("\n");
  return cut < 0 ? { title: text, body: "" } : { title: text.slice(0, cut), body: text.slice(cut + 1) };
}

/**
 * Files resolved per transaction, and held at once; the thread is let go between batches, so a
 * reader resolving a new registry of 100k files still answers its keys.
 */
const BATCH = 250;

/** A file's summary columns, then its digest and actor inputs with their checksums (none: null). */
type Row = [
  ...summary: SummaryColumnsRead,
  digest: string,
  digestSum: string,
  inputs: Uint8Array | null,
  inputsSum: string | null,
];

/**
 * Resolves the actors of every stored briefing but those of `skip` (paths) again under `registry`
 * and rewrites the rows whose actors or learnt details changed. Returns the ids of the files changed,
 * and the paths of those whose rows are damaged or have no inputs: their files must be read again.
 */
export async function resolveStoredActors(
  store: Store,
  registry: readonly RegistryActor[],
  skip: ReadonlySet<string>,
): Promise<{ changed: number[]; damaged: string[] }> {
  const db = store.db;
  const page = db
    .prepare(
      `SELECT f.id, f.rel_path, f.bid, f.date, f.title, f.actors, f.tags, f.story, f.ssum, d.body, d.sum, a.body, a.sum
       FROM files f JOIN digests d ON d.file_id = f.id LEFT JOIN actor_inputs a ON a.file_id = f.id
       WHERE f.bid IS NOT NULL AND f.id > ? ORDER BY f.id LIMIT ?`,
    )
    .raw();
  const setFile = db.prepare("UPDATE files SET actors = ?, ssum = ? WHERE id = ?");
  const setDigest = db.prepare("UPDATE digests SET body = ?, sum = ? WHERE file_id = ?");
  const unindex = db.prepare("DELETE FROM search WHERE rowid = ?");
  const index = db.prepare("INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)");
  const changed: number[] = [];
  const damaged: string[] = [];
  for (let after = 0; ; await new Promise((resolve) => setImmediate(resolve))) {
    const rows = page.all(after, BATCH) as Row[];
    if (rows.length === 0) break;
    after = rows[rows.length - 1]![0];
    const writes: (() => void)[] = [];
    for (const [
      id,
      rel,
      bid,
      date,
      title,
      actors,
      tags,
      story,
      ssumWas,
      body,
      bodySum,
      blob,
      blobSumWas,
    ] of rows) {
      if (skip.has(rel)) continue;
      const record = blob !== null && sum(blob) === blobSumWas ? decodeActorRecord(blob) : null;
      let digest: BriefingDigest | null = null;
      if (sum(body) === bodySum) {
        try {
          digest = JSON.parse(body) as BriefingDigest;
        } catch {}
      }
      const intact = ssumWas === summarySum(bid, date, title, actors, tags, story);
      if (record === null || digest === null || !intact) {
        damaged.push(rel);
        continue;
      }
      const now = resolveActors(record.inputs, registry);
      const joined = now.actors.join(SEP);
      if (joined === actors && JSON.stringify(now.learnt) === JSON.stringify(digest.learnt)) continue;
      changed.push(id);
      const newBody = JSON.stringify({ ...digest, actors: now.actors, learnt: now.learnt });
      const columns = searchColumns(textAround(record.text, now.actors));
      const ssum = summarySum(bid, date, title, joined, tags, story);
      writes.push(() => {
        setFile.run(joined, ssum, id);
        setDigest.run(newBody, sum(newBody), id);
        unindex.run(id);
        index.run(id, columns.title, columns.body);
      });
    }
    if (writes.length > 0)
      db.transaction(() => {
        for (const w of writes) w();
      }).immediate();
  }
  return { changed, damaged };
}
