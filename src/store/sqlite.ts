// better-sqlite3, as every database here is opened. Its JavaScript is bundled with the program
// (scripts/build.mjs): required from node_modules at run time it cost each `print` Node's CommonJS
// loader over a dozen files and, imported from an ES module, the export lexer (about a third of what
// `print ID` adds to a bare `node`). Only its compiled addon is loaded from the installed package.
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";

export type Db = Database.Database;
export type DbOptions = Omit<Database.Options, "nativeBinding">;

const load = createRequire(import.meta.url);
let addon: string | object | undefined;

/**
 * The addon: its file when it is where npm's prebuilt or a Release build puts it (no search at all),
 * else what the package's own search finds (its `bindings` dependency, rooted at the package: bundled,
 * that search would look beside this program instead).
 */
function findAddon(): string | object {
  try {
    const file = load.resolve("better-sqlite3/build/Release/better_sqlite3.node");
    if (existsSync(file)) return file;
  } catch {}
  const pkg = load.resolve("better-sqlite3/package.json");
  const bindings = createRequire(pkg)("bindings") as (opts: object) => object;
  return bindings({ bindings: "better_sqlite3.node", module_root: path.dirname(pkg) });
}

/** The database at `file` (":memory:" for one in memory). */
export function openSqlite(file: string, options: DbOptions = {}): Db {
  addon ??= findAddon();
  return new Database(file, { ...options, nativeBinding: addon as string });
}
