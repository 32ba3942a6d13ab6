// Times text search over a folder's store, the query alone (no start, no sync): each query turned
// into its FTS5 expression by the program's own rule (src/story/search.ts ftsQuery, bundled here) and
// run as the store runs it (src/store/store.ts `search`), read-only, K times; prints each query's
// median and worst time and how many briefings matched.
//
//   node bench/search.mjs DATABASE [--times K] [QUERY...]
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
const queries = [];
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--times") times = Number(args[++i]);
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
console.log(`${db.prepare("SELECT count(*) FROM files").pluck().get()} files; ${times} runs a query`);
for (const q of queries) {
  const match = ftsQuery(q);
  if (match === null) continue;
  const ms = [];
  let hits = 0;
  for (let k = 0; k < times; k++) {
    const t = process.hrtime.bigint();
    hits = search.all(match).length;
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const median = ms[Math.floor(ms.length / 2)];
  console.log(
    `${JSON.stringify(q).padEnd(22)} ${match.padEnd(34)} median ${median.toFixed(1).padStart(7)} ms  worst ${ms
      .at(-1)
      .toFixed(1)
      .padStart(7)} ms  ${hits} matched`,
  );
}
db.close();
