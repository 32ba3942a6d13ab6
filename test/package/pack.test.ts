// What `npm pack` ships installs and runs on a machine with nothing but Node and npm: the tarball
// is installed into an empty folder and its `signaldesk` run from there.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { builtinModules } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { REPO } from "../e2e/harness.js";

function run(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    execFile(
      file,
      args,
      { cwd, env, encoding: "utf8", maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") reject(error);
        else resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

const pkg = JSON.parse(await readFile(join(REPO, "package.json"), "utf8")) as {
  version: string;
  dependencies?: Record<string, string>;
};
let scratch: string;
let packed: { files: { path: string }[] }[];
let app: string;

// Packing and installing are a few seconds on an idle machine; a loaded one may take many times that.
beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "signaldesk-pack-"));
  // dist/ is what `npm test` (or the e2e global setup) just built; packing must not rebuild it under
  // the other tests, hence --ignore-scripts.
  const pack = await run("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", scratch], REPO);
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  packed = JSON.parse(pack.stdout);
  const [tarball] = (await readdir(scratch)).filter((f) => f.endsWith(".tgz"));
  app = join(scratch, "app");
  await mkdir(app);
  await writeFile(
    join(app, "package.json"),
    '{ "name": "try-signaldesk", "version": "1.0.0", "private": true }\n',
  );
  // better-sqlite3 is a native addon: with no prebuilt binary to fetch (no network to GitHub here) an
  // install compiles it from source, minutes on this machine. The addon this checkout built is put in
  // place first, as an earlier install would have left it; npm keeps a package already there that
  // satisfies the tarball's pinned version, and installs everything else from the tarball.
  for (const name of ["better-sqlite3", "bindings", "file-uri-to-path"])
    await cp(join(REPO, "node_modules", name), join(app, "node_modules", name), { recursive: true });
  const install = await run(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", join(scratch, tarball!)],
    app,
    { ...process.env, npm_config_cache: join(scratch, "npm-cache") },
  );
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
}, 300_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe("the package", () => {
  it("installs from its tarball and runs: --version, and list on the bundled story", async () => {
    const bin = join(app, "node_modules", ".bin", "signaldesk");
    const env = { PATH: process.env.PATH ?? "", HOME: scratch, XDG_CONFIG_HOME: join(scratch, "config") };
    const version = await run(bin, ["--version"], app, { ...env, SIGNALDESK_NO_CACHE: "1" });
    expect(version).toMatchObject({ code: 0, stdout: `signaldesk ${pkg.version}\n` });
    const list = await run(bin, ["list"], app, { ...env, SIGNALDESK_NO_CACHE: "1" });
    expect(list.code).toBe(0);
    expect(list.stdout.trimEnd().split("\n").length).toBeGreaterThanOrEqual(5);
    for (const row of list.stdout.trimEnd().split("\n")) expect(row.split("\t")).toHaveLength(4);
  }, 120_000);

  it("ships the man page and the bundled story, and no sources or tests", () => {
    const files = packed[0]!.files.map((f) => f.path);
    expect(files).toContain("dist/signaldesk.1");
    expect(files).toContain("dist/signaldesk.js");
    expect(files.some((f) => f.startsWith("briefings/"))).toBe(true);
    expect(files.filter((f) => f.startsWith("src/") || f.startsWith("test/"))).toEqual([]);
  });

  it("declares as runtime dependencies exactly the packages the bundle loads rather than contains", async () => {
    const external = new Set<string>();
    const dist = join(REPO, "dist");
    for (const entry of await readdir(dist, { recursive: true })) {
      if (!entry.endsWith(".js")) continue;
      const code = await readFile(join(dist, entry), "utf8");
      // `resolve(`: better-sqlite3's JavaScript is bundled, its addon found in the package at run time.
      for (const m of code.matchAll(
        /(?:from\s*|import\(\s*|require\(\s*|resolve\(\s*)["']([^"'./][^"']*)["']/g,
      )) {
        const spec = m[1]!;
        if (spec.startsWith("node:") || builtinModules.includes(spec)) continue;
        external.add(spec.startsWith("@") ? spec.split("/").slice(0, 2).join("/") : spec.split("/")[0]!);
      }
    }
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual([...external].sort());
  });
});
