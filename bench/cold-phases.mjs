// A cold load's CPU split by phase, for one or more checkouts side by side, in interleaved rounds (a
// fresh process per round and checkout, one thread: the phases are each checkout's own functions run
// in the order a load runs them, timed with process.cpuUsage):
//   - read: each file's stats, safe read and content hash (parse-file.ts's I/O);
//   - parse: parseBriefing (a first pass, cold JIT as a parse worker's batch);
//   - digest: digestOf and its JSON, and the digest's timeline days;
//   - stored briefing: the whole briefing's JSON (load/stored-briefing.ts);
//   - search text and actors: the text index's columns and the actor record;
//   - clone: the records through v8.serialize and back, as a worker's reply crosses to the main thread;
//   - write: Store.write in transactions of 250 files, as a cold sync writes them;
//   - conflicts: updateConflicts over every day; uses: updateUses of every term.
// The per-file phases come from each checkout's parse-file.ts, reproduced here step by step, so a
// checkout whose parse-file.ts changed may need its own list of steps (STEPS below).
//   node bench/cold-phases.mjs DIR ROUNDS ROOT [ROOT...]
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { deserialize, serialize } from "node:v8";
import { bundleCheckout, filesOf, loadAt, median, registryOf, run } from "./checkouts.mjs";

const here = dirname(fileURLToPath(import.meta.url));

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function child(bundle, dir) {
  const m = await import(pathToFileURL(bundle).href);
  const registry = registryOf(m, dir);
  const entries = filesOf(dir).map((f) => ({ ...f, displayPath: f.path, openPath: f.path }));
  const t = {};
  const add = (k, s) => {
    t[k] = (t[k] ?? 0) + s;
  };
  // Whole parseFile, as a worker runs it: the records the store writes.
  let at = cpu();
  const records = [];
  for (let i = 0; i < entries.length; i++) {
    const o = await m.parseFile(entries[i], i, { registry, sync: true });
    if (o.record) records.push(o.record);
  }
  t.parseFile = cpu() - at;
  // The same per-file work step by step, each step timed (a second pass: the JIT is warm now).
  for (const entry of entries) {
    let s = cpu();
    const before = m.statOf(entry.openPath, true);
    const read = await m.readSource(entry, m.syncIo);
    m.statOf(entry.openPath, true);
    if ("problem" in read) continue;
    m.contentHash(read.file.text);
    let n = cpu();
    add("read, stat, hash", n - s);
    s = n;
    const result = m.parseBriefing(read.file, registry);
    n = cpu();
    add("parseBriefing", n - s);
    s = n;
    if (!("briefing" in result) || before === null) continue;
    const b = result.briefing;
    const digest = m.digestOf(b, registry);
    n = cpu();
    add("digestOf", n - s);
    s = n;
    JSON.stringify(digest);
    m.digestDays(digest);
    n = cpu();
    add("digest JSON, days", n - s);
    s = n;
    m.storableBriefing(b);
    n = cpu();
    add("stored briefing JSON", n - s);
    s = n;
    const around = m.briefingTextParts(b);
    m.searchColumns(m.textAround(around, b.actors));
    m.encodeActorRecord({ inputs: result.actorInputs, text: around });
    [...new Set(b.glossary.map((g) => m.termKey(g.term)).filter(Boolean))];
    n = cpu();
    add("search text, actor record, terms", n - s);
  }
  at = cpu();
  const cloned = deserialize(serialize(records));
  t.clone = cpu() - at;
  const scratch = mkdtempSync(join(here, "out", "cold-phases-db-"));
  try {
    const store = m.Store.open({ file: join(scratch, "s.sqlite"), real: dir });
    at = cpu();
    for (let k = 0; k < cloned.length; k += 250) store.write(cloned.slice(k, k + 250), [], "r");
    t.write = cpu() - at;
    at = cpu();
    m.updateConflicts(store.db, null);
    store.markTimelineFresh();
    t.conflicts = cpu() - at;
    at = cpu();
    const keys = store.termKeys();
    store.updateUses(null, [], [], keys, m.termMatch);
    t.uses = cpu() - at;
    store.db.close();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  process.stdout.write(`${JSON.stringify({ files: entries.length, records: records.length, t })}\n`);
}

function bundleOf(root, outDir) {
  return bundleCheckout(
    root,
    `export { parseFile, statOf } from "./src/load/parse-file.ts";
        export { readSource, syncIo } from "./src/load/read.ts";
        export { contentHash } from "./src/load/hash.ts";
        export { parseBriefing } from "./src/briefing/parse.ts";
        export { parseRegistry } from "./src/briefing/registry.ts";
        export { digestOf } from "./src/briefing/digest.ts";
        export { digestDays, updateConflicts } from "./src/store/timeline.ts";
        export { storableBriefing } from "./src/load/stored-briefing.ts";
        export { briefingTextParts, textAround } from "./src/story/search.ts";
        export { searchColumns, encodeActorRecord } from "./src/store/actor-inputs.ts";
        export { termKey } from "./src/story/glossary.ts";
        export { Store } from "./src/store/store.ts";
        export { termMatch } from "./src/load/sync.ts";`,
    join(outDir, "phases.mjs"),
    { define: { __SIGNALDESK_PARSER__: '"bench"', "process.env.NODE_ENV": '"production"' } },
  );
}

async function main(argv) {
  const [dirArg, rounds, ...roots] = argv;
  if (!dirArg || !(Number(rounds) > 0) || roots.length < 1)
    throw new Error("usage: cold-phases.mjs DIR ROUNDS ROOT [ROOT...]");
  const dir = resolve(dirArg);
  mkdirSync(join(here, "out"), { recursive: true });
  const scratch = mkdtempSync(join(here, "out", "cold-phases-"));
  const bundles = [];
  for (const [i, root] of roots.entries()) bundles.push(await bundleOf(root, join(scratch, String(i))));
  const start = loadAt();
  const rows = roots.map(() => []);
  const self = fileURLToPath(import.meta.url);
  for (let r = 0; r < Number(rounds); r++)
    for (let k = 0; k < roots.length; k++) {
      const which = (r + k) % roots.length;
      const out = JSON.parse(await run(process.execPath, [self, "--child", bundles[which], dir]));
      rows[which].push(out.t);
      const parts = Object.entries(out.t).map(([name, s]) => `${name} ${s.toFixed(2)}`);
      console.log(`round ${r + 1} ${roots[which]}: ${parts.join("; ")} [load ${loadAt()}]`);
    }
  rmSync(scratch, { recursive: true, force: true });
  const names = Object.keys(rows[0][0]);
  console.log(`\n| phase, CPU s (median of ${rounds}) | ${roots.join(" | ")} |`);
  console.log(`|---|${roots.map(() => "--:").join("|")}|`);
  for (const name of names)
    console.log(
      `| ${name} | ${rows.map((t) => median(t.map((x) => x[name] ?? 0)).toFixed(2)).join(" | ")} |`,
    );
  console.log(`load average at start ${start}, at end ${loadAt()}`);
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") await child(argv[1], argv[2]);
else await main(argv);
