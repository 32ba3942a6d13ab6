// What the benches that set checkouts side by side share: the briefing files of a folder, a checkout's
// sources bundled with esbuild (its own node_modules, else this one's), the folder's registry as a
// bundle parses it, a child process's output, the load average, a median.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The folder's `.md` and `.txt` files, by relPath. */
export function filesOf(dir) {
  const files = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(md|txt)$/i.test(e.name)) files.push({ path: p, relPath: relative(dir, p) });
    }
  };
  walk(dir);
  return files.sort((a, b) => (a.relPath < b.relPath ? -1 : 1));
}

/** The folder's actors.yaml as the bundle `m` (which exports parseRegistry) reads it; none: []. */
export function registryOf(m, dir) {
  const file = join(dir, "actors.yaml");
  return existsSync(file) ? m.parseRegistry(readFileSync(file, "utf8"), "actors.yaml").registry : [];
}

/** ROOT's sources named in `contents` (an entry module, paths from ROOT) as one ES module at `outfile`. */
export async function bundleCheckout(root, contents, outfile, options = {}) {
  const { build } = await import("esbuild");
  await build({
    stdin: { contents, resolveDir: resolve(root), loader: "ts" },
    bundle: true,
    platform: "node",
    format: "esm",
    outfile,
    logLevel: "error",
    nodePaths: [join(resolve(root), "node_modules"), join(here, "..", "node_modules")],
    external: ["better-sqlite3"],
    // The libraries' CommonJS needs `require` in an ES module bundle.
    banner: {
      js: 'import { createRequire as bannerRequire } from "node:module"; const require = bannerRequire(import.meta.url);',
    },
    ...options,
  });
  return outfile;
}

/** Runs `file` with `args`, resolving with its stdout; a non-zero exit rejects. */
export function run(file, args, env = process.env) {
  return new Promise((done, fail) => {
    const p = spawn(file, args, { env, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    p.stdout.on("data", (d) => {
      out += d;
    });
    p.on("error", fail);
    p.on("exit", (code) =>
      code === 0 ? done(out) : fail(new Error(`${file} ${args.join(" ")}: exit ${code}`)),
    );
  });
}

/** The load average now, as "1.20 0.90 0.70". */
export function loadAt() {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
}

export function median(xs) {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
}
