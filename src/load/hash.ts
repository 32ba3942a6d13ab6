// A file's content hash as the store records it: its own module, so that checking a folder's stamps
// (sync.ts, load-one.ts) does not load the parser with parse-file.ts.
import * as crypto from "node:crypto";

// The one-shot `hash` (Node 20.12 and later) skips the Hash object a parse worker made per file; the
// same digest either way, and Node 20 before 20.12 (the package says >= 20) keeps `createHash`.
const oneShot = typeof crypto.hash === "function" ? crypto.hash : null;

export function contentHash(text: string): string {
  return oneShot ? oneShot("sha1", text, "base64") : crypto.createHash("sha1").update(text).digest("base64");
}
