// Runs the built command as a user would. The bundle is built into a private copy of the project:
// `npm test` builds dist/ once before vitest, and the reader's end-to-end tests run that dist/ at the
// same time, so rebuilding dist/ from here could pull it away from under them.
import { execFile, spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = fileURLToPath(new URL("../..", import.meta.url));
export const STORY_FIXTURES = join(REPO, "test/fixtures/cli/story");

export interface Built {
  root: string;
  bin: string;
}

function execFileResult(
  file: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv },
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    execFile(
      file,
      args,
      { ...opts, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== "number") {
          reject(error);
          return;
        }
        resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
      },
    );
  });
}

/** Copies what the build reads, links the rest, and runs the project's own build script there. */
export async function buildCli(): Promise<Built> {
  const root = await mkdtemp(join(tmpdir(), "signaldesk-cli-build-"));
  for (const entry of ["src", "scripts", "package.json", "tsconfig.json"]) {
    await cp(join(REPO, entry), join(root, entry), { recursive: true });
  }
  await symlink(join(REPO, "node_modules"), join(root, "node_modules"), "dir");
  await symlink(join(REPO, "briefings"), join(root, "briefings"), "dir");
  const built = await execFileResult(process.execPath, [join(root, "scripts/build.mjs")], { cwd: root });
  if (built.code !== 0) throw new Error(`build failed:\n${built.stderr}${built.stdout}`);
  return { root, bin: join(root, "dist/signaldesk.js") };
}

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** An environment without the variables that change the output, plus `extra`. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: process.env.HOME ?? "/tmp",
    // Never the config of whoever runs the tests.
    XDG_CONFIG_HOME: join(tmpdir(), "signaldesk-tests-without-config"),
    // Nor their read state: tests that look at read state give a folder of their own.
    XDG_STATE_HOME: join(tmpdir(), "signaldesk-tests-state"),
  };
  return { ...env, TERM: "xterm-256color", ...extra };
}

export function runCli(
  built: Built,
  args: string[],
  opts: { env?: Record<string, string>; cwd?: string } = {},
): Promise<RunResult> {
  return execFileResult(process.execPath, [built.bin, ...args], {
    cwd: opts.cwd ?? built.root,
    env: cleanEnv(opts.env),
  });
}

/**
 * Starts the command, reads the first chunk of stdout and then closes the pipe, the way `| head -1`
 * does. Resolves with the exit code and everything written to stderr.
 */
export function runAndCloseEarly(
  built: Built,
  args: string[],
): Promise<{ code: number | null; signal: string | null; stderr: string; firstChunk: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [built.bin, ...args], {
      cwd: built.root,
      env: cleanEnv(),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let firstChunk = "";
    child.stderr.setEncoding("utf8").on("data", (s: string) => {
      stderr += s;
    });
    child.stdout.once("data", (chunk: Buffer) => {
      firstChunk = chunk.toString("utf8");
      child.stdout.destroy();
    });
    child.on("error", reject);
    child.on("close", (code, signal) => resolve({ code, signal, stderr, firstChunk }));
  });
}

/** A fresh folder with the story fixtures and any `extra` files (path inside -> content). */
export async function makeFolder(
  extra: Record<string, string | Buffer> = {},
  withStory = true,
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "signaldesk-cli-"));
  if (withStory) {
    for (const name of await readdir(STORY_FIXTURES)) await cp(join(STORY_FIXTURES, name), join(dir, name));
  }
  for (const [path, content] of Object.entries(extra)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

export async function removeAll(paths: string[]): Promise<void> {
  await Promise.all(paths.map((p) => rm(p, { recursive: true, force: true })));
}
