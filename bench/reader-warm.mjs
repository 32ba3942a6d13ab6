// The reader's warm start on one folder, alone (not part of the report): from spawn to the first
// frame, to the list, and to the end of the check of the files and the story's build, with the peak
// RSS, in a pty as `npm run bench` takes them. The cache must be warm already (a `list` made it).
//
//   XDG_CACHE_HOME=CACHE node bench/reader-warm.mjs BUNDLE DIR [--times K]
import { ms, Screen } from "./pty.mjs";
import { COLS, childEnv, ROWS, sdReady, sdSettled, signaldeskArgs } from "./subjects.mjs";

const [bundle, dir, ...rest] = process.argv.slice(2);
if (!bundle || !dir) {
  console.error("usage: XDG_CACHE_HOME=CACHE node bench/reader-warm.mjs BUNDLE DIR [--times K]");
  process.exit(2);
}
const times = rest[0] === "--times" ? Number(rest[1]) : 1;
const nonBlank = (s) => s.lines().some((l) => l.trim() !== "");
const timeout = 600_000;
for (let k = 0; k < times; k++) {
  const s = new Screen(process.execPath, signaldeskArgs(bundle, dir), {
    cols: COLS,
    rows: ROWS,
    env: childEnv({ XDG_CACHE_HOME: process.env.XDG_CACHE_HOME }),
  });
  try {
    const first = await s.waitFor(nonBlank, timeout);
    const list = await s.waitFor(sdReady, timeout);
    const settled = await s.waitFor(sdSettled, timeout);
    const at = (r) => (r.ok ? `${(ms(s.t0, r.atNs) / 1000).toFixed(2)} s` : `failed (${r.reason})`);
    console.log(
      `first frame ${at(first)}, list ${at(list)}, settled ${at(settled)}, peak RSS ${Math.round(
        (s.peakRssKb() ?? 0) / 1024,
      )} MB`,
    );
  } finally {
    await s.close("q");
    s.dispose();
  }
}
