// The loader worker's heap ceiling, sized by the number of files. It is a guard, not a budget: a
// worker that reaches it can take the whole process down (V8 does not always stop just the worker:
// nodejs/node#47224), so it sits well above what a load holds (measured: about 20 MB at 30k
// briefings after the files are read, 35 MB once the story is built).
import { readdir } from "node:fs/promises";

// Markdown parsing (marked's token trees, briefings with blocks) needs more room while a batch is
// parsed: at 128 MB a loaded machine's load of a few thousand files could reach the ceiling.
const BASE_HEAP_MB = 160;
/** Per 1,000 files: what the load holds of each briefing, with room to spare. */
const HEAP_MB_PER_1000 = 2.5;
/**
 * A first loader is sized for this many files, so that most folders are loaded by the first one; a
 * larger folder has it count and start again with room for what it found.
 */
export const FIRST_GUESS_FILES = 20_000;

export function heapFor(files: number): number {
  return Math.ceil(BASE_HEAP_MB + (files / 1000) * HEAP_MB_PER_1000);
}

/**
 * About how many briefing files `dir` holds (symlinks not followed). Counted in the loader, never on
 * the reader's thread: at 100k files the count alone held that thread for a quarter of a second.
 */
export async function countFiles(dir: string): Promise<number> {
  try {
    const names = await readdir(dir, { recursive: true });
    let n = 0;
    for (const name of names) if (/\.(md|txt)$/i.test(name)) n++;
    return n;
  } catch {
    return 0;
  }
}
