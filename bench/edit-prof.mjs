// One edited start under --cpu-prof (for reading where its time goes, not part of the report): the file
// edit-pair.mjs edits gets one more new line, the bundle starts in a pty with the V8 profiler on, and
// quits once the edit is on screen; the profile lands in --prof-dir. The file is put back at the end.
//
//   node bench/edit-prof.mjs --dir /tmp/arch/briefings --cache /tmp/c --prof-dir /tmp/prof A.js
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { ms, Screen } from "./pty.mjs";
import { COLS, childEnv, option, ROWS, sdReady, sdSettled } from "./subjects.mjs";

const dir = resolve(option("--dir", ""));
const cache = option("--cache", "");
const profDir = option("--prof-dir", "/tmp/prof");
const bundle = process.argv.slice(2).find((a) => a.endsWith(".js"));
const name = readdirSync(dir, { recursive: true }).find((f) => String(f).endsWith(".md"));
const file = join(dir, String(name));
const original = readFileSync(file);
try {
  const text = original.toString("utf8").replace(/^title: (.*)$/m, "title: $1 (edited)");
  writeFileSync(file, `${text}\n${Date.now()}\n`);
  const s = new Screen(
    process.execPath,
    [
      ...(process.argv.includes("--no-prof") ? [] : ["--cpu-prof", "--cpu-prof-dir", profDir]),
      bundle,
      "--dir",
      dir,
    ],
    {
      cols: COLS,
      rows: ROWS,
      env: childEnv({ XDG_CACHE_HOME: cache }),
    },
  );
  const list = await s.waitFor(sdReady, 60_000);
  const settled = await s.waitFor(sdSettled, 60_000);
  console.log(`list ${ms(s.t0, list.atNs)} ms, settled ${ms(s.t0, settled.atNs)} ms`);
  await s.close("q", 15_000);
  s.dispose();
} finally {
  writeFileSync(file, original);
}
