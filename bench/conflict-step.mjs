// Times the whole conflict step alone (store/timeline.ts `updateConflicts(db, null)`, what a cold load
// runs after the parse) on a COPY of a folder's database, with the partners cleared first, and prints
// its CPU, wall and peak RSS, and a digest of the partners it wrote (how many events are flagged and a
// SHA-1 over every event's id and partners), so two builds of the search can be checked to name the
// same partners: run it with each one's sources on copies of the same database.
//
//   node bench/conflict-step.mjs DATABASE [--src DIR] [--keep]
//
// DATABASE: a folder's .sqlite from $XDG_CACHE_HOME/signaldesk; it is copied beside itself (then
// removed, unless --keep) and never written. --src: the root of another checkout whose
// src/store/timeline.ts to bundle (default: this one's).

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import Database from "better-sqlite3";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const file = args.shift();
if (!file) {
  console.error("usage: node bench/conflict-step.mjs DATABASE [--src DIR] [--keep]");
  process.exit(2);
}
let root = new URL("..", import.meta.url).pathname;
let keep = false;
for (let i = 0; i < args.length; i++) {
  if (args[i] === "--src") root = path.resolve(args[++i]);
  else if (args[i] === "--keep") keep = true;
}

const bundled = await build({
  entryPoints: [path.join(root, "src/store/timeline.ts")],
  bundle: true,
  write: false,
  format: "esm",
  platform: "node",
  external: ["better-sqlite3"],
});
const { updateConflicts } = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`
);

const copy = `${file}.step-${process.pid}`;
copyFileSync(file, copy);
try {
  // Cleared in a process of its own: the peak RSS printed is the step's (as the program runs it: WAL).
  execFileSync(process.execPath, [
    "-e",
    `const D = require(${JSON.stringify(require.resolve("better-sqlite3"))}); const db = new D(${JSON.stringify(copy)});
     db.exec("UPDATE events SET partners = NULL WHERE partners IS NOT NULL"); db.pragma("wal_checkpoint(TRUNCATE)"); db.close();`,
  ]);
  const db = new Database(copy);
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  updateConflicts(db, null);
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const hash = createHash("sha1");
  let flagged = 0;
  for (const [id, partners] of db.prepare("SELECT id, partners FROM events ORDER BY id").raw().iterate()) {
    if (partners !== null) flagged++;
    hash.update(`${id}\t${partners ?? ""}\n`);
  }
  db.close();
  console.log(
    JSON.stringify({
      src: root,
      cpu_s: +((cpu.user + cpu.system) / 1e6).toFixed(2),
      wall_s: +wall.toFixed(2),
      peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
      flagged,
      partners_sha1: hash.digest("hex"),
    }),
  );
} finally {
  if (!keep) rmSync(copy, { force: true });
  for (const ext of ["-wal", "-shm", "-journal"]) rmSync(copy + ext, { force: true });
}
