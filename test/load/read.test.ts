import { execFileSync, spawnSync } from "node:child_process";
import { chmod, mkdir, mkdtemp, realpath, rm, symlink, truncate, unlink, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type FileEntry, FolderError, readSource, scanFolder } from "../../src/load/read.js";

let dir: string;
const servers: net.Server[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "signaldesk-read-"));
});

afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  await rm(dir, { recursive: true, force: true });
});

function entry(rel: string): FileEntry {
  const abs = path.join(dir, rel);
  return { path: abs, relPath: rel, displayPath: abs, openPath: abs };
}

async function read(rel: string, content: string | Uint8Array) {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
  return readSource(entry(rel));
}

function listen(socketPath: string): Promise<void> {
  const server = net.createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen(socketPath, resolve));
}

describe("readSource: content", () => {
  it("reads UTF-8 text", async () => {
    const r = await read("a.md", "# Title\n\nBody é 出口\n");
    expect(r).toMatchObject({ file: { relPath: "a.md", text: "# Title\n\nBody é 出口\n", size: 24 } });
  });

  it("reports an empty file and a file of blank lines", async () => {
    expect(await read("e.md", "")).toMatchObject({ problem: { message: "empty file", severity: "error" } });
    expect(await read("b.md", "\n  \n\t\n")).toMatchObject({ problem: { message: /^empty file/ } });
  });

  it("reports a NUL byte as a binary file with its line", async () => {
    const r = await read("bin.md", Buffer.from("line one\nline two\nthree\0four"));
    expect(r).toMatchObject({ problem: { line: 3, message: "binary file (NUL byte)" } });
  });

  it("reports invalid UTF-8 (Latin-1) with the line it is on", async () => {
    const bytes = Buffer.concat([
      Buffer.from("# Title\n\nok line\nCaf"),
      Buffer.from([0xe9]),
      Buffer.from("\n"),
    ]);
    const r = await read("latin1.md", bytes);
    expect(r).toMatchObject({
      problem: { line: 4, message: expect.stringMatching(/^invalid UTF-8 \(byte 0xE9\)/) },
    });
  });

  it("refuses overlong encodings and encoded surrogates", async () => {
    const overlong = await read("o.md", Buffer.from([0x61, 0x0a, 0xc0, 0xaf]));
    expect(overlong).toMatchObject({ problem: { line: 2, message: /invalid UTF-8 \(byte 0xC0\)/ } });
    const surrogate = await read("s.md", Buffer.from([0x61, 0xed, 0xa0, 0x80]));
    expect(surrogate).toMatchObject({ problem: { line: 1, message: /invalid UTF-8 \(byte 0xED\)/ } });
  });

  it("strips a UTF-8 BOM", async () => {
    const r = await read("bom.md", Buffer.from("\ufeff# Title\n", "utf8"));
    expect(r).toMatchObject({ file: { text: "# Title\n" } });
  });

  it("decodes UTF-16 with a byte order mark, both byte orders", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("# Ti\u00e9tle\r\nBody", "utf16le")]);
    expect(await read("le.md", le)).toMatchObject({ file: { text: "# Tiétle\nBody" } });
    const be = Buffer.from("# Title\nBody", "utf16le").swap16();
    expect(await read("be.md", Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toMatchObject({
      file: { text: "# Title\nBody" },
    });
  });

  it("reports UTF-16 with an odd number of bytes", async () => {
    const r = await read("odd.md", Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]));
    expect(r).toMatchObject({ problem: { message: /^invalid UTF-16LE/ } });
  });

  it("hints at UTF-16 without a BOM", async () => {
    const r = await read("nobom.md", Buffer.from("Title", "utf16le"));
    expect(r).toMatchObject({ problem: { line: 1, message: /UTF-16 without a byte order mark/ } });
  });

  it("normalises CRLF and lone CR line endings", async () => {
    expect(await read("crlf.md", "a\r\nb\r\n")).toMatchObject({ file: { text: "a\nb\n" } });
    expect(await read("cr.md", "a\rb\r\nc\n")).toMatchObject({ file: { text: "a\nb\nc\n" } });
  });
});

describe("readSource: files that must not be read", () => {
  it("rejects a sparse 3 GiB file by its size without reading it", async () => {
    await writeFile(path.join(dir, "huge.md"), "");
    await truncate(path.join(dir, "huge.md"), 3 * 1024 ** 3);
    const r = await readSource(entry("huge.md"));
    expect(r).toEqual({
      problem: {
        path: path.join(dir, "huge.md"),
        message: "file is 3.0 GiB, over the 2 MiB limit",
        severity: "error",
      },
    });
  });

  it("returns at once for a FIFO that slipped past the scan", async () => {
    execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
    expect(await readSource(entry("pipe.md"))).toMatchObject({
      problem: { message: "not a regular file (FIFO)" },
    });
  });

  it("refuses a socket", async () => {
    await listen(path.join(dir, "sock.md"));
    expect(await readSource(entry("sock.md"))).toMatchObject({ problem: { message: /^not a regular file/ } });
  });

  it("reports a file deleted after the scan as vanished (a warning)", async () => {
    await writeFile(path.join(dir, "gone.md"), "x");
    const [found] = (await scanFolder(dir)).entries;
    await unlink(path.join(dir, "gone.md"));
    expect(await readSource(found!)).toMatchObject({
      problem: { message: "vanished before it could be read", severity: "warning" },
    });
  });

  it("does not follow a file swapped for a symlink after the scan", async () => {
    await writeFile(path.join(dir, "swap.md"), "x");
    const [found] = (await scanFolder(dir)).entries;
    await writeFile(path.join(dir, "..", `${path.basename(dir)}-secret`), "secret");
    await unlink(path.join(dir, "swap.md"));
    await symlink(path.join(dir, "..", `${path.basename(dir)}-secret`), path.join(dir, "swap.md"));
    try {
      expect(await readSource(found!)).toMatchObject({ problem: { message: /symbolic link/ } });
    } finally {
      await rm(path.join(dir, "..", `${path.basename(dir)}-secret`));
    }
  });

  it("reports a file it may not read as permission denied", async (ctx) => {
    await writeFile(path.join(dir, "locked.md"), "# Secret\n");
    await chmod(path.join(dir, "locked.md"), 0o000);
    if (process.getuid?.() !== 0) {
      expect(await readSource(entry("locked.md"))).toMatchObject({
        problem: { message: "permission denied" },
      });
      return;
    }
    // Root reads anything, so the check runs the real reader in a child process as `nobody`.
    await chmod(dir, 0o755);
    const bundle = path.join(dir, "reader.mjs");
    const src = fileURLToPath(new URL("../../src/load/read.ts", import.meta.url));
    await build({
      entryPoints: [src],
      bundle: true,
      platform: "node",
      format: "esm",
      outfile: bundle,
      logLevel: "silent",
    });
    await chmod(bundle, 0o644);
    const asNobody = { uid: 65534, gid: 65534, encoding: "utf8", cwd: "/" } as const;
    const probe = spawnSync(
      process.execPath,
      ["-e", `require("fs").accessSync(${JSON.stringify(bundle)})`],
      asNobody,
    );
    if (probe.status !== 0) ctx.skip("node or the temp folder is not reachable for uid 65534 here");
    const script = `import(${JSON.stringify(bundle)}).then(async (m) => {
      const p = ${JSON.stringify(path.join(dir, "locked.md"))};
      const r = await m.readSource({ path: p, relPath: "locked.md", displayPath: p, openPath: p });
      process.stdout.write(JSON.stringify(r));
    });`;
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], asNobody);
    expect(child.stderr).toBe("");
    expect(JSON.parse(child.stdout)).toMatchObject({ problem: { message: "permission denied" } });
  });
});

describe("scanFolder", () => {
  async function write(rel: string, content = "# T\n\nx\n") {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  const rels = (r: { entries: FileEntry[] }) => r.entries.map((e) => e.relPath);
  const messages = (r: { problems: { path: string; message: string }[] }) =>
    r.problems.map((p) => `${path.relative(dir, p.path)}: ${p.message}`).sort();

  it("finds .md, .markdown and .txt in any case, recursively, sorted, and skips hidden folders and node_modules", async () => {
    await write("b.md");
    await write("post.markdown");
    await write("draft.mdx");
    await write("a.TXT");
    await write("2026/06/c.Md");
    await write("notes.yaml");
    await write(".git/x.md");
    await write(".hidden.md");
    await write("node_modules/pkg/readme.md");
    const r = await scanFolder(dir);
    expect(rels(r)).toEqual(["2026/06/c.Md", "a.TXT", "b.md", "post.markdown"]);
    expect(r.problems).toEqual([]);
    expect(r.entries[0]).toMatchObject({
      path: path.join(dir, "2026/06/c.Md"),
      displayPath: path.join(dir, "2026/06/c.Md"),
    });
  });

  it("returns the top-level actors.yaml separately, not a nested one", async () => {
    await write("actors.yaml", "- name: X\n");
    await write("sub/actors.yaml", "- name: Y\n");
    await write("a.md");
    const r = await scanFolder(dir);
    expect(r.registry?.relPath).toBe("actors.yaml");
    expect(rels(r)).toEqual(["a.md"]);
  });

  it("names problems by the folder as the user gave it", async () => {
    execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
    const given = path.relative(process.cwd(), dir);
    const r = await scanFolder(given);
    expect(r.problems).toEqual([
      { path: path.join(given, "pipe.md"), message: "not a regular file (FIFO)", severity: "error" },
    ]);
  });

  it("reports a FIFO, a socket and a directory named *.md without opening them, and keeps the rest", async () => {
    await write("good.md");
    execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
    await listen(path.join(dir, "sock.md"));
    await write("folder.md/inner.md");
    execFileSync("mkfifo", [path.join(dir, "other-pipe")]);
    const r = await scanFolder(dir);
    expect(messages(r)).toEqual([
      "folder.md: not a regular file (directory)",
      "pipe.md: not a regular file (FIFO)",
      "sock.md: not a regular file (socket)",
    ]);
    expect(rels(r)).toEqual(["folder.md/inner.md", "good.md"]);
  });

  it("follows symlinks that stay inside the folder, under the link's name", async () => {
    await write("real/a.md");
    await symlink(path.join(dir, "real/a.md"), path.join(dir, "alias.md"));
    await symlink("real", path.join(dir, "linked"));
    const r = await scanFolder(dir);
    expect(rels(r)).toEqual(["alias.md", "real/a.md"]);
    expect(messages(r)).toEqual([
      "linked: symbolic link to a folder already scanned as real, not scanned twice",
    ]);
    expect(r.entries[0]?.openPath).toBe(path.join(await realpath(dir), "real/a.md"));
  });

  it("walks a linked folder that is not otherwise reachable", async () => {
    await write(".stash/x.md");
    await symlink(".stash", path.join(dir, "visible"));
    expect(rels(await scanFolder(dir))).toEqual(["visible/x.md"]);
  });

  it("reports symlinks out of the folder and does not follow them", async () => {
    const outside = await mkdtemp(path.join(tmpdir(), "signaldesk-outside-"));
    try {
      await writeFile(path.join(outside, "secret.md"), "# Secret\n");
      await symlink(path.join(outside, "secret.md"), path.join(dir, "leak.md"));
      await symlink(outside, path.join(dir, "elsewhere"));
      await symlink("/etc/hostname", path.join(dir, "host.txt"));
      await write("ok.md");
      const r = await scanFolder(dir);
      expect(rels(r)).toEqual(["ok.md"]);
      const m = messages(r);
      expect(m).toHaveLength(3);
      expect(m[0]).toMatch(
        /^elsewhere: symbolic link to a folder outside the briefings folder .*not followed$/,
      );
      expect(m[1]).toMatch(/^host.txt: symbolic link to a file outside the briefings folder/);
      expect(m[2]).toMatch(/^leak.md: symbolic link to a file outside the briefings folder/);
    } finally {
      await rm(outside, { recursive: true, force: true });
    }
  });

  it("reports symlink loops instead of hanging", async () => {
    await symlink("b.md", path.join(dir, "a.md"));
    await symlink("a.md", path.join(dir, "b.md"));
    await symlink("self.md", path.join(dir, "self.md"));
    await write("sub/ok.md");
    await symlink("..", path.join(dir, "sub/up"));
    await symlink(".", path.join(dir, "sub/here"));
    const r = await scanFolder(dir);
    expect(messages(r)).toEqual([
      "a.md: symbolic link loop",
      "b.md: symbolic link loop",
      "self.md: symbolic link loop",
      "sub/here: symbolic link loop",
      "sub/up: symbolic link loop",
    ]);
    expect(rels(r)).toEqual(["sub/ok.md"]);
  });

  it("reports a broken symlink named like a briefing", async () => {
    await symlink("nowhere.md", path.join(dir, "broken.md"));
    await symlink("nowhere", path.join(dir, "ignored"));
    expect(messages(await scanFolder(dir))).toEqual([
      "broken.md: broken symbolic link (its target does not exist)",
    ]);
  });

  it("throws FolderError for a missing folder or a file given as the folder", async () => {
    await expect(scanFolder(path.join(dir, "missing"))).rejects.toBeInstanceOf(FolderError);
    await write("file.md");
    await expect(scanFolder(path.join(dir, "file.md"))).rejects.toMatchObject({ code: "ENOTDIR" });
  });
});
