// The actor registry's matchers as numbers (briefing/actor-matcher.ts `image`), kept for the registry
// they were made for: a start that parses a file (an edit since the last run) makes them again from
// these in about a third of the time building them takes, which its first parse otherwise waits for.
// Checked like every other stored value: another registry's, or damaged, is not used (and is built).
import { sum } from "./reader.js";
import type { Store } from "./store.js";

const IMAGES = "matchers";
/** JSON: the registry's hash the images are of, and their checksum. */
const OF = "matchers_of";

/** Images in one blob: their count, each one's length, then their numbers. */
function pack(images: readonly Int32Array[]): Buffer {
  const all = new Int32Array(1 + images.length + images.reduce((n, i) => n + i.length, 0));
  all[0] = images.length;
  let at = 1 + images.length;
  images.forEach((image, k) => {
    all[1 + k] = image.length;
    all.set(image, at);
    at += image.length;
  });
  return Buffer.from(all.buffer);
}

function unpack(blob: Buffer): Int32Array[] | null {
  if (blob.length % 4 !== 0 || blob.length < 4) return null;
  // A copy: the blob's bytes need not start on a multiple of 4.
  const all = new Int32Array(blob.length / 4);
  new Uint8Array(all.buffer).set(blob);
  const count = all[0] as number;
  if (count < 0 || 1 + count > all.length) return null;
  const images: Int32Array[] = [];
  let at = 1 + count;
  for (let k = 0; k < count; k++) {
    const length = all[1 + k] as number;
    if (length < 0 || at + length > all.length) return null;
    images.push(all.subarray(at, at + length));
    at += length;
  }
  return at === all.length ? images : null;
}

/** The matchers' images kept for the registry of content hash `hash`; null: none, another's, damaged. */
export function keptMatchers(store: Store, hash: string): Int32Array[] | null {
  try {
    const of = JSON.parse(store.meta(OF) ?? "null") as { hash?: unknown; sum?: unknown } | null;
    if (of === null || of.hash !== hash) return null;
    const blob = store.db.prepare("SELECT value FROM meta WHERE key = ?").pluck().get(IMAGES);
    if (!Buffer.isBuffer(blob) || sum(blob) !== of.sum) return null;
    return unpack(blob);
  } catch {
    return null;
  }
}

/** Keeps `images`, the matchers of the registry of content hash `hash`. */
export function keepMatchers(store: Store, hash: string, images: readonly Int32Array[]): void {
  const blob = pack(images);
  store.db
    .transaction(() => {
      const put = store.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)");
      put.run(IMAGES, blob);
      put.run(OF, JSON.stringify({ hash, sum: sum(blob) }));
    })
    .immediate();
}
