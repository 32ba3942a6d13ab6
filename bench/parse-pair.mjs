// Issue 11's parse cost, measured apart from the store: two checkouts' parse of the same files, side by
// side, in interleaved rounds, as CPU time (user + sys) of a fresh process per round and checkout:
//   - parse: `parseBriefing` of every file of DIR (texts read beforehand, the folder's actors.yaml as
//     the registry), a first pass (cold JIT, what a parse worker's batch resembles) and a second, warm;
//   - file: what a parse worker does per file, read included (2676056: `digestFile` with cache frames,
//     as its cold load ran it; later: `parseFile` of src/load/parse-file.ts), one pass over every file;
//   - with --cold and a built bundle per root, also a cold `list --json` of DIR by each build under
//     /usr/bin/time (fresh cache), so that the parse and the whole cold load come from one run.
//   node bench/parse-pair.mjs DIR ROUNDS BASE_ROOT NEW_ROOT [ROOT...] [--cold BUNDLE...]
// (`--file-only` first: the worker's per-file work alone, each round in half the time.)
// (one bundle per root, in the same order; ratios are to the first root). A ROOT is a checkout's root:
// its sources are bundled with esbuild, with its own node_modules or, failing that, this checkout's.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { bundleCheckout, filesOf, loadAt, median, registryOf, run } from "./checkouts.mjs";

const here = dirname(fileURLToPath(import.meta.url));

const cpuSeconds = (u) => (u.user + u.system) / 1e6;

/** In a child: one pass (or two) over DIR with the bundle, printing one JSON line. */
async function child(bundle, dir, mode) {
  const m = await import(pathToFileURL(bundle).href);
  const registry = registryOf(m, dir);
  const files = filesOf(dir);
  const out = { files: files.length };
  if (mode === "parse") {
    const texts = files.map((f) => ({ ...f, text: readFileSync(f.path, "utf8") }));
    for (const pass of ["first", "warm"]) {
      const start = process.cpuUsage();
      let parsed = 0;
      for (const f of texts) if ("briefing" in m.parseBriefing(f, registry)) parsed++;
      out[pass] = cpuSeconds(process.cpuUsage(start));
      out.parsed = parsed;
    }
  } else {
    const entries = files.map((f) => ({ ...f, displayPath: f.path, openPath: f.path }));
    const start = process.cpuUsage();
    let kept = 0;
    for (let i = 0; i < entries.length; i++) if (await m.perFile(entries[i], i, registry)) kept++;
    out.first = cpuSeconds(process.cpuUsage(start));
    out.parsed = kept;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

/** A bundle of ROOT's parse entry and its worker's per-file function. */
function bundleOf(root, outDir) {
  const later = existsSync(join(root, "src/load/parse-file.ts"));
  const perFile = later
    ? `import { parseFile } from "./src/load/parse-file.ts";
       export const perFile = async (entry, index, registry) =>
         (await parseFile(entry, index, { registry, sync: true })).record?.briefing != null;`
    : `import { digestFile } from "./src/briefing/digest.ts";
       export const perFile = async (entry, index, registry) =>
         (await digestFile(entry, index, { registry, frames: true, sync: true })).digest !== null;`;
  return bundleCheckout(
    root,
    `export { parseBriefing } from "./src/briefing/parse.ts";
      export { parseRegistry } from "./src/briefing/registry.ts";
      ${perFile}`,
    join(outDir, "parse.mjs"),
  );
}

/** A cold `list --json` of DIR by BUNDLE with a fresh cache: CPU seconds (user + sys) and wall. */
async function coldList(bundle, dir) {
  const scratch = mkdtempSync(join(tmpdir(), "parse-pair-cold-"));
  try {
    const timeFile = join(scratch, "time");
    await run(
      "/usr/bin/time",
      ["-f", "%e %U %S", "-o", timeFile, process.execPath, bundle, "--dir", dir, "list", "--json"],
      { ...process.env, XDG_CACHE_HOME: join(scratch, "cache"), XDG_STATE_HOME: join(scratch, "state") },
    );
    const [wall, user, sys] = readFileSync(timeFile, "utf8").trim().split(/\s+/).slice(-3).map(Number);
    return { cpu: user + sys, wall };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

async function main(argv) {
  mkdirSync(join(here, "out"), { recursive: true });
  const fileOnly = argv[0] === "--file-only";
  if (fileOnly) argv = argv.slice(1);
  const coldAt = argv.indexOf("--cold");
  const [dirArg, rounds, ...roots] = coldAt === -1 ? argv : argv.slice(0, coldAt);
  const cold = coldAt === -1 ? null : argv.slice(coldAt + 1).map((b) => resolve(b));
  if (!dirArg || !(Number(rounds) > 0) || roots.length < 2 || (cold && cold.length !== roots.length))
    throw new Error("usage: parse-pair.mjs DIR ROUNDS BASE_ROOT NEW_ROOT [ROOT...] [--cold BUNDLE...]");
  const dir = resolve(dirArg);
  // Inside this checkout, where an external (better-sqlite3) resolves.
  const scratch = mkdtempSync(join(here, "out", "parse-pair-"));
  const bundles = [];
  for (const [i, root] of roots.entries()) bundles.push(await bundleOf(root, join(scratch, String(i))));
  const self = fileURLToPath(import.meta.url);
  const load = [loadAt()];
  const rows = roots.map(() => []);
  for (let r = 0; r < Number(rounds); r++) {
    // Each round starts one further along, so no checkout always runs first or last.
    for (let k = 0; k < roots.length; k++) {
      const which = (r + k) % roots.length;
      const parse = fileOnly
        ? null
        : JSON.parse(await run(process.execPath, [self, "--child", bundles[which], dir, "parse"]));
      const file = JSON.parse(await run(process.execPath, [self, "--child", bundles[which], dir, "file"]));
      const list = cold ? await coldList(cold[which], dir) : null;
      rows[which].push({ parse, file, list });
      console.log(
        `round ${r + 1} ${roots[which]}: ${file.files} files (${file.parsed} parsed); ` +
          (parse
            ? `parseBriefing first pass ${parse.first.toFixed(2)} s CPU, warm ${parse.warm.toFixed(2)} s; `
            : "") +
          `worker's per-file work ${file.first.toFixed(2)} s` +
          (list ? `; cold list --json ${list.cpu.toFixed(2)} s CPU (${list.wall.toFixed(1)} s wall)` : "") +
          ` [load ${loadAt()}]`,
      );
    }
  }
  load.push(loadAt());
  rmSync(scratch, { recursive: true, force: true });
  const measures = [
    ...(fileOnly
      ? []
      : [
          ["parseBriefing, first pass", (x) => x.parse.first],
          ["parseBriefing, warm pass", (x) => x.parse.warm],
        ]),
    ["worker's per-file work", (x) => x.file.first],
    ...(cold ? [["cold list --json", (x) => x.list.cpu]] : []),
  ];
  for (const [name, f] of measures) {
    const base = median(rows[0].map(f));
    const each = rows.map((t, i) => {
      const m = median(t.map(f));
      return `${roots[i]} ${m.toFixed(2)} s${i === 0 ? "" : ` = ${(m / base).toFixed(3)}×`}`;
    });
    console.log(`${name} (median CPU): ${each.join("; ")}`);
  }
  console.log(`load average at start ${load[0]}, at end ${load[1]}`);
}

const argv = process.argv.slice(2);
if (argv[0] === "--child") await child(argv[1], argv[2], argv[3]);
else await main(argv);
