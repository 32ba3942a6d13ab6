// The second reading of a file in a load built from digests: which glossary terms its text mentions.
// The terms are only known once every file has been read, and the text is not kept from the first
// reading (at 100k briefings it would be a quarter of a gigabyte), so each file is read again, and
// only as far as its body (no dates, no names: a sixth of a full parse).
import { parseBodyParts } from "../briefing/parse.js";
import { type FileEntry, readSource, syncIo } from "../briefing/read.js";
import type { Briefing } from "../briefing/schema.js";
import { usedKeys } from "./glossary.js";
import { briefingText } from "./search.js";

/** What the first reading gave of a briefing that its text is also made of. */
export type TextHead = Pick<Briefing, "title" | "source" | "actors" | "tags">;

export interface UsesJob {
  index: number;
  entry: FileEntry;
  head: TextHead;
}

/**
 * The indexes (into the keys the pattern was made from) of the terms the file mentions or defines;
 * empty when it can no longer be read or parsed.
 */
export async function usesOfFile(
  job: UsesJob,
  re: RegExp,
  keyIndex: ReadonlyMap<string, number>,
  sync: boolean,
): Promise<number[]> {
  const read = await readSource(job.entry, sync ? syncIo : undefined);
  if ("problem" in read) return [];
  const parts = parseBodyParts(read.file);
  if (parts === null) return [];
  const out: number[] = [];
  for (const key of usedKeys(briefingText({ ...job.head, ...parts }), parts.glossary, re)) {
    const k = keyIndex.get(key);
    if (k !== undefined) out.push(k);
  }
  return out;
}
