// The parser's code cache (store/code-cache.ts) is never trusted over the code: whatever state the cache
// file is in, the module runs as its source says, and a cache that is not the source's, intact, is
// written again; nothing it does may throw or leave a temporary file behind. Each run is a process of
// its own, as each start is: within one, V8 finds a script it compiled before without any cache.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildSync } from "esbuild";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cachedBytes } from "../../src/store/code-cache.js";

const here = path.dirname(fileURLToPath(import.meta.url));
let runner: string;
let runnerDir: string;

let root: string;
let file: string;
let cacheDir: string;
const cacheFile = () => path.join(cacheDir, "mod.v8cache");

function source(word: string): string {
  // Enough code for V8 to keep something worth a cache, and a function run once it is loaded.
  const helpers = Array.from({ length: 40 }, (_, i) => `function h${i}(x) { return x * ${i + 1} + ${i}; }`);
  return `"use strict";\n${helpers.join("\n")}\nexports.answer = (x) => "${word} " + h39(h1(x));\n`;
}

/** A start: the module run with the cache (or none: null), its function called with `x`, the cache saved. */
function run(dir: string | null = cacheDir, x = 2): { answer: string; fromCache: boolean } {
  return JSON.parse(
    execFileSync(process.execPath, [runner, file, dir ?? "-", String(x)], { encoding: "utf8" }),
  );
}

beforeAll(async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "sd-code-cache-runner-"));
  runnerDir = dir;
  buildSync({
    entryPoints: [path.join(here, "../../src/store/code-cache.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    outfile: path.join(dir, "code-cache.mjs"),
    logLevel: "error",
  });
  runner = path.join(dir, "run.mjs");
  writeFileSync(
    runner,
    [
      'import { runCached } from "./code-cache.mjs";',
      "const [file, dir, x] = process.argv.slice(2);",
      'const m = runCached(file, dir === "-" ? null : dir);',
      "const answer = m.exports.answer(Number(x));",
      "m.save();",
      "process.stdout.write(JSON.stringify({ answer, fromCache: m.fromCache }));",
    ].join("\n"),
  );
});

afterAll(() => {
  rmSync(runnerDir, { recursive: true, force: true });
});

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "sd-code-cache-"));
  file = path.join(root, "mod.cjs");
  cacheDir = path.join(root, "cache");
  mkdirSync(cacheDir);
  writeFileSync(file, source("seen"));
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

describe("runCached", () => {
  it("compiles from source the first time, writes the cache, and the next run uses it", () => {
    expect(run()).toEqual({ answer: "seen 239", fromCache: false });
    expect(readdirSync(cacheDir)).toEqual(["mod.v8cache"]);
    expect(run()).toEqual({ answer: "seen 239", fromCache: true });
  });

  it("runs the new source, not the cached one, once the file changed", () => {
    run();
    writeFileSync(file, source("changed"));
    expect(run()).toEqual({ answer: "changed 239", fromCache: false });
    expect(run()).toEqual({ answer: "changed 239", fromCache: true });
  });

  it("ignores a cache with a flipped bit, truncated, or empty, and writes it again", () => {
    run();
    const good = readFileSync(cacheFile());
    const flipped = Buffer.from(good);
    flipped[flipped.length - 100]! ^= 0x10;
    for (const bad of [flipped, good.subarray(0, good.length - 1), good.subarray(0, 50), Buffer.alloc(0)]) {
      writeFileSync(cacheFile(), bad);
      expect(run()).toEqual({ answer: "seen 239", fromCache: false });
      expect(run()).toEqual({ answer: "seen 239", fromCache: true });
    }
  });

  it("a cache whose checksum holds but whose bytes V8 refuses is not used, and written again", () => {
    run();
    const good = readFileSync(cacheFile());
    const header = good.subarray(0, good.indexOf("\n", good.indexOf("\n") + 1) + 1).toString("latin1");
    const junk = Buffer.alloc(4096, 7);
    const forged = Buffer.concat([
      Buffer.from(`${header}${createHash("sha1").update(junk).digest("hex")}\n`, "latin1"),
      junk,
    ]);
    expect(cachedBytes(forged, header.split("\n")[1]!)).toEqual(junk);
    writeFileSync(cacheFile(), forged);
    expect(run()).toEqual({ answer: "seen 239", fromCache: false });
    expect(run()).toEqual({ answer: "seen 239", fromCache: true });
  });

  it("runs at once without a cache when it is a FIFO, a link to a device, or a huge sparse file", () => {
    for (const make of [
      (p: string) => execFileSync("mkfifo", [p]),
      (p: string) => symlinkSync("/dev/zero", p),
      (p: string) => {
        writeFileSync(p, "");
        truncateSync(p, 1024 ** 3);
      },
    ]) {
      make(cacheFile());
      expect(run()).toEqual({ answer: "seen 239", fromCache: false });
      expect(run()).toEqual({ answer: "seen 239", fromCache: true });
      rmSync(cacheFile());
    }
  });

  it("runs without a cache when its place is a directory, and leaves nothing beside it", () => {
    mkdirSync(cacheFile());
    expect(run()).toEqual({ answer: "seen 239", fromCache: false });
    expect(run()).toEqual({ answer: "seen 239", fromCache: false });
    expect(readdirSync(cacheDir)).toEqual(["mod.v8cache"]);
  });

  it("runs without a cache when the cache folder is a file (nothing can be written)", () => {
    rmSync(cacheDir, { recursive: true });
    writeFileSync(cacheDir, "not a folder");
    expect(run()).toEqual({ answer: "seen 239", fromCache: false });
    expect(readFileSync(cacheDir, "utf8")).toBe("not a folder");
  });

  it("runs without a cache when there is no cache folder", () => {
    rmSync(cacheDir, { recursive: true });
    expect(run(null, 1)).toEqual({ answer: "seen 159", fromCache: false });
  });

  it("removes a temporary file a killed run left, and only that one", () => {
    // Pid 2^22 + 1 is above Linux's pid_max: no process has it.
    writeFileSync(path.join(cacheDir, `mod.v8cache.${2 ** 22 + 1}.tmp`), "half");
    writeFileSync(path.join(cacheDir, `mod.v8cache.${process.pid}.tmp.keep`), "not ours");
    run();
    expect(readdirSync(cacheDir).sort()).toEqual(["mod.v8cache", `mod.v8cache.${process.pid}.tmp.keep`]);
  });
});
