// A file's content hash as the store records it: its own module, so that checking a folder's stamps
// (sync.ts, load-one.ts) does not load the parser with parse-file.ts.
import { createHash } from "node:crypto";

export function contentHash(text: string): string {
  return createHash("sha1").update(text).digest("base64");
}
