// Times text search over a folder's store, the query alone (no start, no sync): each query turned
// into its FTS5 expression by the program's own rule (src/story/search.ts ftsQuery, bundled here) and
// run as the store runs it (src/store/store.ts `search`), read-only, K times; prints each query's
// median and worst time and how many briefings matched. With --folder, also the program's whole
// answer to the query as `--query` and the reader's `/` get it (load/text-index.ts over the folder's
// rows, read once), and a test of every briefing against it (what the list's filter and the reader's
// match count do); the database is then opened as the program opens it (writable: it must be one
// this build made, or it is rebuilt).
//
//   node bench/search.mjs DATABASE [--times K] [--folder DIR] [QUERY...]
//
// DATABASE: the folder's .sqlite in $XDG_CACHE_HOME/signaldesk (made by any command on the folder).
import Database from "better-sqlite3";
import { build } from "esbuild";

const args = process.argv.slice(2);
const file = args.shift();
if (!file) {
  console.error("usage: node bench/search.mjs DATABASE [--times K] [QUERY...]");
  process.exit(2);
}
let times = 9;
let folder = null;
const queries = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--times") times = Number(args[++i]);
  else if (args[i] === "--folder") folder = args[++i];
  else queries.push(args[i]);
}
if (queries.length === 0)
  queries.push(
    "export",
    "exp",
    "e",
    "rail",
    "harbour authority",
    '"harbour authority"',
    "commission vote",
    "zzzz",
  );

const bundled = await build({
  entryPoints: [new URL("../src/story/search.ts", import.meta.url).pathname],
  bundle: true,
  write: false,
  format: "esm",
  platform: "node",
});
const { ftsQuery } = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`
);

const db = new Database(file, { readonly: true, fileMustExist: true });
const search = db.prepare("SELECT rowid FROM search WHERE search MATCH ?").pluck();
const program = folder === null ? null : await programAnswer(file, folder);
console.log(`${db.prepare("SELECT count(*) FROM files").pluck().get()} files; ${times} runs a query`);
/** Runs `fn` `times` times; its median wall and CPU (this thread's: SQLite runs on it) in ms, and its last value. */
function timed(fn) {
  const wall = [];
  const cpu = [];
  let value;
  for (let k = 0; k < times; k++) {
    const c = process.cpuUsage();
    const t = process.hrtime.bigint();
    value = fn();
    wall.push(Number(process.hrtime.bigint() - t) / 1e6);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1e3);
  }
  const med = (a) => a.sort((x, y) => x - y)[Math.floor(a.length / 2)];
  return { wall: med(wall), cpu: med(cpu), worst: wall.at(-1), value };
}
const ms = (t) => `${t.wall.toFixed(1).padStart(6)} / ${t.cpu.toFixed(1).padStart(6)}`;

console.log("median ms, wall / CPU; worst wall");
for (const q of queries) {
  const match = ftsQuery(q);
  if (match === null) continue;
  const alone = timed(() => search.all(match).length);
  console.log(
    `${JSON.stringify(q).padEnd(22)} ${match.padEnd(30)} query ${ms(alone)} (worst ${alone.worst.toFixed(0)})  ${alone.value} matched`,
  );
  if (program !== null) {
    const answer = timed(() => program.load.text.query(q));
    const ids = answer.value;
    const tested = timed(() => {
      let found = 0;
      for (const s of program.load.summaries) if (ids.has(s.id)) found++;
      return found;
    });
    console.log(
      `${"".padEnd(53)} answer ${ms(answer)}, each briefing tested ${ms(tested)}  ${tested.value} found`,
    );
  }
}
db.close();
program?.store.close();

/** The folder's rows read as the program reads them, with the code of this worktree's sources. */
async function programAnswer(file, dir) {
  const { realpathSync } = await import("node:fs");
  const { readFileSync } = await import("node:fs");
  const peek = new Database(file, { readonly: true });
  const stamp = peek.prepare("SELECT value FROM meta WHERE key = 'program'").pluck().get();
  const version = peek.pragma("user_version", { simple: true });
  peek.close();
  const schema = readFileSync(new URL("../src/store/schema.ts", import.meta.url), "utf8");
  if (Number(/SCHEMA_VERSION = (\d+)/.exec(schema)?.[1]) !== version) {
    // Opened as the program opens it, a database of another schema would be dropped and made again.
    console.error(`${file}: schema ${version}, not these sources'; --folder needs a database they made`);
    process.exit(2);
  }
  const entry = await build({
    stdin: {
      contents:
        'export { readFolder } from "./src/load/folder.ts"; export { Store } from "./src/store/store.ts";',
      resolveDir: new URL("..", import.meta.url).pathname,
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    platform: "node",
    external: ["better-sqlite3"],
    // The database's own parser stamp: the bundle must take it as its own, or it would rebuild it.
    define: { __SIGNALDESK_PARSER__: JSON.stringify(String(stamp).split("+")[1] ?? "") },
  });
  const at = new URL(`./.search-bundle-${process.pid}.mjs`, import.meta.url);
  const { writeFileSync, rmSync } = await import("node:fs");
  writeFileSync(at, entry.outputFiles[0].text);
  try {
    const { readFolder, Store } = await import(at.href);
    const real = realpathSync(dir);
    const store = Store.open({ file, real, warn: (m) => console.error(m) });
    const t = process.hrtime.bigint();
    const load = readFolder(dir, store);
    console.log(`the folder's rows read in ${(Number(process.hrtime.bigint() - t) / 1e6).toFixed(0)} ms`);
    return { load, store };
  } finally {
    rmSync(at, { force: true });
  }
}
