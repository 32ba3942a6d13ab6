// A cold load's store work alone, for one or more checkouts side by side in interleaved rounds: the
// records a parse gives (parsed once by the first checkout and kept in a file, v8-serialized) are
// written into a new database as a cold sync writes them (Store.write in transactions of 250 files),
// then the conflict step and the term uses, each phase timed in CPU (process.cpuUsage) and wall, in a
// fresh process per round and checkout. At the end, a SHA-1 over each checkout's database as the
// program reads it (files' summaries, digests, events with partners, term uses, the FTS index's
// answers to a few queries) tells whether two checkouts stored the same thing.
//   node bench/store-write.mjs DIR RECORDS ROUNDS ROOT [ROOT...] [--prof DIR]
// RECORDS: a file of the parsed records (made from DIR on the first run, reused after).
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deserialize, serialize } from "node:v8";
import { filesOf } from "./checkouts.mjs";

const here = dirname(fileURLToPath(import.meta.url));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function parseAll(bundle, dir, out) {
  const m = await import(pathToFileURL(bundle).href);
  const registryFile = join(dir, "actors.yaml");
  const registry = existsSync(registryFile)
    ? m.parseRegistry(readFileSync(registryFile, "utf8"), "actors.yaml").registry
    : [];
  const entries = filesOf(dir).map((f) => ({ ...f, displayPath: f.path, openPath: f.path }));
  const records = [];
  for (let i = 0; i < entries.length; i++) {
    const o = await m.parseFile(entries[i], i, { registry, sync: true });
    if (o.record) records.push(o.record);
  }
  writeFileSync(out, serialize(records));
}

/** What the program reads of a store, hashed (the rows in a fixed order; the index's answers). */
function storeDigest(db) {
  const h = createHash("sha1");
  const all = (sql) => {
    for (const row of db.prepare(sql).raw().iterate()) h.update(`${JSON.stringify(row)}\n`);
  };
  all("SELECT id, rel_path, size, hash, bid, date, title, actors, tags, story, ssum FROM files ORDER BY id");
  all("SELECT file_id, body, sum FROM digests ORDER BY file_id");
  all("SELECT file_id, registry, sum FROM briefings ORDER BY file_id");
  all("SELECT file_id, sum FROM actor_inputs ORDER BY file_id");
  all("SELECT file_id, body FROM glossaries ORDER BY file_id");
  all("SELECT key, file_id FROM terms ORDER BY key, file_id");
  all("SELECT key, file_id FROM term_uses ORDER BY key, file_id");
  all("SELECT file_id, path, line, message, severity FROM problems ORDER BY file_id, rowid");
  all(
    "SELECT file_id, seq, sort_key, bdate, rel_path, date, code, precision, text, line, flags, day, partners FROM events ORDER BY sort_key, bdate IS NULL, bdate, rel_path, seq",
  );
  for (const q of ['"minist"*', "council", "ban OR order", "s*", "exp*", '"the council"'])
    all(`SELECT rowid FROM search WHERE search MATCH '${q.replace(/'/g, "''")}' ORDER BY rowid`);
  return h.digest("hex");
}

async function child(bundle, recordsFile, dir, dbDir) {
  const m = await import(pathToFileURL(bundle).href);
  const records = deserialize(readFileSync(recordsFile));
  const t = {};
  const file = join(dbDir, "s.sqlite");
  const store = m.Store.open({ file, real: dir, warn: (w) => console.error(w) });
  const time = (name, fn) => {
    const c = cpu();
    const w = performance.now();
    fn();
    t[name] = cpu() - c;
    t[`${name} wall`] = (performance.now() - w) / 1000;
  };
  time("write", () => {
    for (let k = 0; k < records.length; k += 250) store.write(records.slice(k, k + 250), [], "r");
    m.finishWrites?.(store);
  });
  time("conflicts", () => {
    m.updateConflicts(store.db, null);
    store.markTimelineFresh();
  });
  time("uses", () => {
    store.updateUses(null, [], [], store.termKeys(), m.termMatch);
  });
  const digest = storeDigest(store.db);
  store.db.close();
  process.stdout.write(`${JSON.stringify({ records: records.length, t, digest })}\n`);
}

async function bundleOf(root, outDir) {
  const { build } = await import("esbuild");
  const outfile = join(outDir, "store.mjs");
  const src = resolve(root);
  const finish = existsSync(join(src, "src/store/bulk.ts"))
    ? 'export { finishWrites } from "./src/store/bulk.ts";'
    : "";
  await build({
    stdin: {
      contents: `export { parseFile } from "./src/load/parse-file.ts";
        export { parseRegistry } from "./src/briefing/registry.ts";
        export { updateConflicts } from "./src/store/timeline.ts";
        export { Store } from "./src/store/store.ts";
        export { termMatch } from "./src/load/sync.ts";
        ${finish}`,
      resolveDir: src,
      loader: "ts",
    },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "error",
    define: { __SIGNALDESK_PARSER__: '"bench"', "process.env.NODE_ENV": '"production"' },
    nodePaths: [join(src, "node_modules"), join(here, "..", "node_modules")],
    external: ["better-sqlite3"],
    banner: {
      js: 'import { createRequire as bannerRequire } from "node:module"; const require = bannerRequire(import.meta.url);',
    },
  });
  return outfile;
}

function run(file, args) {
  return new Promise((done, fail) => {
    const p = spawn(file, args, { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d) => {
      out += d;
    });
    p.on("error", fail);
    p.on("exit", (code) => (code === 0 ? done(out) : fail(new Error(`${args.join(" ")}: exit ${code}`))));
  });
}

async function main(argv) {
  let prof = null;
  const at = argv.indexOf("--prof");
  if (at !== -1) {
    prof = resolve(argv[at + 1]);
    argv.splice(at, 2);
  }
  const [dirArg, recordsArg, rounds, ...roots] = argv;
  if (!dirArg || !recordsArg || !(Number(rounds) > 0) || roots.length < 1)
    throw new Error("usage: store-write.mjs DIR RECORDS ROUNDS ROOT [ROOT...] [--prof DIR]");
  const dir = resolve(dirArg);
  const recordsFile = resolve(recordsArg);
  mkdirSync(join(here, "out"), { recursive: true });
  const scratch = mkdtempSync(join(here, "out", "store-write-"));
  try {
    const bundles = [];
    for (const [i, root] of roots.entries()) bundles.push(await bundleOf(root, join(scratch, String(i))));
    const self = fileURLToPath(import.meta.url);
    if (!existsSync(recordsFile))
      await run(process.execPath, [self, "--parse", bundles[0], dir, recordsFile]);
    const loadAt = () =>
      loadavg()
        .map((x) => x.toFixed(2))
        .join(" ");
    const start = loadAt();
    const rows = roots.map(() => []);
    const digests = roots.map(() => new Set());
    for (let r = 0; r < Number(rounds); r++)
      for (let k = 0; k < roots.length; k++) {
        const which = (r + k) % roots.length;
        const dbDir = mkdtempSync(join(scratch, "db-"));
        const flags = prof ? ["--cpu-prof", `--cpu-prof-dir=${prof}`] : [];
        const out = JSON.parse(
          await run(process.execPath, [...flags, self, "--child", bundles[which], recordsFile, dir, dbDir]),
        );
        rmSync(dbDir, { recursive: true, force: true });
        rows[which].push(out.t);
        digests[which].add(out.digest);
        const parts = Object.entries(out.t).map(([name, s]) => `${name} ${s.toFixed(2)}`);
        console.log(`round ${r + 1} ${roots[which]}: ${parts.join("; ")} [load ${loadAt()}]`);
      }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const names = Object.keys(rows[0][0]);
    console.log(`\n| store phase, s (median of ${rounds}) | ${roots.join(" | ")} |`);
    console.log(`|---|${roots.map(() => "--:").join("|")}|`);
    for (const name of names)
      console.log(
        `| ${name} | ${rows.map((t) => median(t.map((x) => x[name] ?? 0)).toFixed(2)).join(" | ")} |`,
      );
    console.log(
      `| store digest | ${digests.map((d) => [...d].map((x) => x.slice(0, 8)).join(" ")).join(" | ")} |`,
    );
    console.log(`load average at start ${start}, at end ${loadAt()}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") await child(argv[1], argv[2], argv[3], argv[4]);
else if (argv[0] === "--parse") await parseAll(argv[1], argv[2], argv[3]);
else await main(argv);
