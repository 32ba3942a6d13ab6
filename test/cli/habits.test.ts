// The command line as people used to git and less expect it: records for pipes, a pager, ids found
// by a piece of them, a config file, the keys listed, completion, and --help naming every option.
import { execFile } from "node:child_process";
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN, REPO } from "../e2e/harness.js";
import { type Built, makeFolder, runCli } from "./helpers.js";

// The bundle `npm test` built (the e2e global setup rebuilds it when it is older than the sources).
const built: Built = { root: REPO, bin: BIN };
let story: string;
let scratch: string;

beforeAll(async () => {
  story = await makeFolder();
  scratch = await mkdtemp(join(tmpdir(), "signaldesk-habits-"));
});
afterAll(async () => {
  await rm(story, { recursive: true, force: true });
  await rm(scratch, { recursive: true, force: true });
});

const readme = await readFile(join(REPO, "README.md"), "utf8");

describe("output for pipes", () => {
  it("writes whole records, tab-separated, one a line, when stdout is not a terminal", async () => {
    const listed = JSON.parse((await runCli(built, ["--dir", story, "list", "--json"])).stdout) as {
      id: string;
      title: string;
      date: string | null;
    }[];
    const r = await runCli(built, ["--dir", story, "list"]);
    expect(r.code).toBe(0);
    const rows = r.stdout.trimEnd().split("\n");
    expect(rows).toHaveLength(listed.length);
    for (const row of rows) {
      const fields = row.split("\t");
      expect(fields).toHaveLength(4);
      const b = listed.find((x) => x.id === fields[1]);
      expect(b?.title).toBe(fields[2]);
    }
    // A title longer than any terminal is kept whole.
    const long = `${"A very long title ".repeat(12)}end`;
    const dir = await makeFolder({
      "long.md": `---\ntitle: ${long}\ndate: 2026-01-02\n---\nWhat happened: x.\n`,
    });
    const one = (await runCli(built, ["--dir", dir, "list"])).stdout;
    expect(one.split("\n").find((l) => l.includes("\tlong\t"))).toContain(long);
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps the table when --width is given", async () => {
    const r = await runCli(built, ["--dir", story, "list", "--width", "60"]);
    expect(r.stdout).not.toContain("\t");
    for (const line of r.stdout.trimEnd().split("\n")) expect(line.length).toBeLessThanOrEqual(60);
  });

  it("gives timeline, actors and glossary as records too", async () => {
    for (const [command, fields] of [
      ["timeline", 4],
      ["actors", 4],
      ["glossary", 3],
    ] as const) {
      const r = await runCli(built, ["--dir", story, command]);
      expect(r.code, command).toBe(0);
      const rows = r.stdout.replace(/\n$/, "").split("\n");
      expect(rows.length, command).toBeGreaterThan(0);
      for (const row of rows) expect(row.split("\t"), `${command}: ${row}`).toHaveLength(fields);
    }
  });
});

describe("print", () => {
  it("finds a briefing by a unique piece of its id or title, and suggests ids when nothing matches", async () => {
    const ids = (await runCli(built, ["--dir", story, "list"])).stdout
      .trimEnd()
      .split("\n")
      .map((l) => l.split("\t")[1]!);
    const id = ids.find((i) => i.includes("-"))!;
    const tail = id.slice(id.indexOf("-") + 1);
    const unique = ids.filter((i) => i.includes(tail)).length === 1;
    expect(unique).toBe(true);
    const found = await runCli(built, ["--dir", story, "print", tail, "--json"]);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout).id).toBe(id);
    const typo = `${tail.slice(0, -2)}${tail.slice(-1)}${tail.slice(-2, -1)}`;
    const missing = await runCli(built, ["--dir", story, "print", typo]);
    expect(missing.code).toBe(66);
    expect(missing.stderr).toContain("did you mean");
    expect(missing.stderr).toContain(id);
  });
});

describe("--help", () => {
  it("lists every option the README lists", async () => {
    const help = (await runCli(built, ["--help"])).stdout;
    // `--opt value` is how the README writes an option in general, not an option.
    const options = new Set([...readme.matchAll(/`(--[a-z][a-z-]*)/g)].map((m) => m[1]!));
    options.delete("--opt");
    expect(options.size).toBeGreaterThan(10);
    for (const option of options) expect(help, option).toContain(option);
  });
});

describe("the config file", () => {
  it("is read from $XDG_CONFIG_HOME, reports bad lines as path:line and applies the rest", async () => {
    const home = join(scratch, "xdg");
    await makeConfig(home, `width: 5\ndir: ${story}\nkeys:\n  quit: [Q]\n`);
    const path = join(home, "signaldesk", "config.yaml");
    const r = await runCli(built, ["config"], { env: { XDG_CONFIG_HOME: home } });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`${path}:1: width:`);
    expect(r.stdout).toContain(`# ${path}`);
    expect(r.stdout).toContain(`dir: ${story}`);
    expect(r.stdout).toContain("quit: [Q]");
    const keys = await runCli(built, ["keys"], { env: { XDG_CONFIG_HOME: home } });
    expect(keys.stdout).toContain("quit\tQ\tQuit\n");
    // The configured folder is the default one.
    const listed = await runCli(built, ["list"], { env: { XDG_CONFIG_HOME: home } });
    expect(listed.stdout).toBe((await runCli(built, ["--dir", story, "list"])).stdout);
  });

  it("applies to print from a warm store, and a bad line in it is reported once", async () => {
    const cache = join(scratch, "print-cache");
    const good = join(scratch, "print-good");
    await makeConfig(good, `dir: ${story}\ncolor: always\n`);
    const env = { XDG_CONFIG_HOME: good, XDG_CACHE_HOME: cache };
    expect((await runCli(built, ["list"], { env })).code).toBe(0);
    const styled = await runCli(built, ["print", "bridge-closure"], { env });
    expect(styled.code).toBe(0);
    expect(styled.stdout).toContain("\x1b[");
    expect(styled.stdout).toContain("Tideline Bridge shut");

    const bad = join(scratch, "print-bad");
    await makeConfig(bad, `width: 5\ndir: ${story}\n`);
    const r = await runCli(built, ["print", "bridge-closure"], {
      env: { XDG_CONFIG_HOME: bad, XDG_CACHE_HOME: cache },
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Tideline Bridge shut");
    const said = r.stderr.trimEnd().split("\n");
    expect(said).toHaveLength(1);
    expect(said[0]).toContain(`${join(bad, "signaldesk", "config.yaml")}:1: width:`);
  });

  it("is another file with --config, refused when it is not a regular file or too large", async () => {
    const other = join(scratch, "other.yaml");
    await writeFile(other, "keys:\n  quit: [x]\n  open: [x]\n");
    const r = await runCli(built, ["--config", other, "keys"]);
    expect(r.stderr).toContain(`${other}:2: keys.quit: key x is bound to both quit and open`);
    expect(r.stdout).toContain("quit\tq\tQuit");
    const missing = await runCli(built, ["--config", join(scratch, "nope.yaml"), "keys"]);
    expect(missing.code).toBe(66);
    const folder = await runCli(built, ["--config", scratch, "keys"]);
    expect(folder.stderr).toContain(`${scratch}: not a regular file`);
    expect(folder.code).toBe(0);
    const big = join(scratch, "big.yaml");
    await writeFile(big, `# ${"x".repeat(70_000)}\n`);
    expect((await runCli(built, ["--config", big, "keys"])).stderr).toMatch(/over the 64 KiB limit/);
  });
});

describe("signaldesk keys", () => {
  it("lists every command with its name, keys and help", async () => {
    const r = await runCli(built, ["keys"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("move.pageDown\tSpace PgDn f Ctrl-f\tPage down\n");
    expect(r.stdout).toContain("link.open\to\t");
  });
});

describe("completion", () => {
  it("completes commands, options, briefing ids and actor names from the folder in effect (bash)", async () => {
    const bin = join(scratch, "bin");
    await mkdir(bin, { recursive: true });
    const shim = join(bin, "signaldesk");
    await writeFile(shim, `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    await chmod(shim, 0o755);
    const complete = async (...words: string[]) => {
      const script = (await runCli(built, ["completion", "bash"])).stdout;
      const line = words.map((w) => `'${w}'`).join(" ");
      const out = await bash(
        `${script}\nCOMP_WORDS=(signaldesk ${line}); COMP_CWORD=${words.length}; _signaldesk; printf '%s\\n' "\${COMPREPLY[@]}"`,
        { PATH: `${bin}:${process.env.PATH}`, HOME: scratch, XDG_CONFIG_HOME: join(scratch, "none") },
      );
      return out.trim().split("\n");
    };
    expect(await complete("pr")).toEqual(["print"]);
    expect(await complete("list", "--sin")).toEqual(["--since"]);
    const ids = (await runCli(built, ["--dir", story, "list"])).stdout
      .trimEnd()
      .split("\n")
      .map((l) => l.split("\t")[1]!);
    expect((await complete("--dir", story, "print", "")).sort()).toEqual([...ids].sort());
    expect(await complete("mark", "")).toEqual(["read", "unread"]);
    expect((await complete("--dir", story, "mark", "read", "")).sort()).toEqual([...ids].sort());
    expect(await complete("list", "--unr")).toEqual(["--unread"]);
    const actor = (await runCli(built, ["--dir", story, "actors"])).stdout.split("\t")[0]!;
    expect(await complete("--dir", story, "list", "--actor", actor.slice(0, 4))).toContain(actor);
    for (const shell of ["zsh", "fish"]) {
      const script = (await runCli(built, ["completion", shell])).stdout;
      expect(script, shell).toContain(
        "list print timeline agenda actors stories glossary check keys config completion",
      );
      expect(script, shell).toContain("list 2>/dev/null | cut -f2");
    }
    expect((await runCli(built, ["completion", "tcsh"])).code).toBe(64);
  });
});

describe("the man page", () => {
  it("is built from the help text and shipped", async () => {
    const man = await readFile(join(REPO, "dist", "signaldesk.1"), "utf8");
    expect(man).toMatch(/^\.TH SIGNALDESK 1/m);
    const help = (await runCli(built, ["--help"])).stdout;
    for (const option of ["--width", "--no-pager", "--config", "--no-mouse", "--sections"]) {
      expect(help).toContain(option);
      expect(man).toContain(option.replaceAll("-", "\\-"));
    }
    const pkg = JSON.parse(await readFile(join(REPO, "package.json"), "utf8"));
    expect(pkg.man).toEqual(["dist/signaldesk.1"]);
  });
});

async function makeConfig(home: string, text: string) {
  await mkdir(join(home, "signaldesk"), { recursive: true });
  await writeFile(join(home, "signaldesk", "config.yaml"), text);
}

function bash(script: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile("bash", ["-c", script], { env, encoding: "utf8" }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}
