// The conflict search's passes run on a connection of their own, in a parse worker once the files are
// parsed (load/pool.ts `conflicts`): the database only read, the partners handed back to the thread
// that writes them (timeline.ts `updateConflictsBy`).
import type { DayRange } from "../story/timeline.js";
import type { Db } from "./open.js";
import { openSqlite } from "./sqlite.js";
import { namePartners } from "./timeline.js";

let opened: { file: string; db: Db } | null = null;

/** Each event's partners on the passes' days, as [id, partners, id, partners, ...]. */
export function searchPasses(file: string, passes: readonly DayRange[]): (number | string)[] {
  if (opened?.file !== file) {
    opened?.db.close();
    opened = { file, db: openSqlite(file, { readonly: true, fileMustExist: true }) };
  }
  const rows: (number | string)[] = [];
  const put = (id: number, partners: string) => {
    rows.push(id, partners);
  };
  for (const pass of passes) for (const _ of namePartners(opened.db, pass, put));
  return rows;
}
