// The folder's store as the reader holds it for a session, opened before the first frame: this
// module, and what it imports, is all of the loading code the first frame waits for (the sync and
// the reads of the whole story, source.ts, load after it).
import { openFolderStore } from "../load/folder-store.js";
import type { Store } from "../store/store.js";

/** The header's note while the files are checked against the store. */
export const CHECKING_NOTE = "checking files…";

/** The folder's store, open for the session (null: the folder is missing; the load says why). */
export interface StorePlace {
  dir: string;
  store: Store | null;
}

export function storePlace(dir: string): StorePlace {
  try {
    return { dir, store: openFolderStore(dir) };
  } catch {
    return { dir, store: null };
  }
}
