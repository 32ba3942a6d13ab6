// A parse worker reads files with synchronous calls (syncIo), the reader's thread with callbacks: the
// two must give the same file or the same problem for every kind of file. Also the scan's entries,
// whose paths are getters, and the plain copies of them that are posted to workers.
import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, realpath, rm, symlink, truncate, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FileEntry,
  MAX_FILE_BYTES,
  plainEntry,
  readSource,
  scanFolder,
  syncIo,
} from "../../src/load/read.js";

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "signaldesk-read-io-"));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function entry(rel: string): FileEntry {
  const abs = path.join(dir, rel);
  return { path: abs, relPath: rel, displayPath: abs, openPath: abs };
}

async function write(rel: string, content: string | Uint8Array): Promise<FileEntry> {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
  return entry(rel);
}

/** Both reads of one entry, checked equal; the callback read is returned for further checks. */
async function bothWays(e: FileEntry) {
  const callback = await readSource(e);
  const sync = await readSource(e, syncIo);
  expect(sync).toEqual(callback);
  return callback;
}

function hasMkfifo(): boolean {
  try {
    execFileSync("mkfifo", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

describe("readSource with syncIo and with the default io", () => {
  it("read a normal file alike", async () => {
    const text = "---\ntitle: Tolls\n---\n# Tolls frozen\n\nBody é 出口 🚢\r\nsecond line\n";
    const r = await bothWays(await write("normal.md", text));
    expect(r).toMatchObject({
      file: { relPath: "normal.md", text: text.replace("\r\n", "\n"), size: Buffer.byteLength(text) },
    });
  });

  it("read a file exactly at the size limit alike", async () => {
    const text = `# Big\n\n${"long line of text\n".repeat(MAX_FILE_BYTES / 16)}`.slice(0, MAX_FILE_BYTES);
    const r = await bothWays(await write("limit.md", text));
    expect(r).toMatchObject({ file: { size: MAX_FILE_BYTES } });
    if ("file" in r) expect(r.file.text === text).toBe(true);
  });

  it("report an empty file alike", async () => {
    const r = await bothWays(await write("empty.md", ""));
    expect(r).toMatchObject({ problem: { message: "empty file", severity: "error" } });
  });

  it("report a file of blank lines alike", async () => {
    const r = await bothWays(await write("blank.md", "\n   \n\t\r\n\n"));
    expect(r).toMatchObject({ problem: { message: "empty file (only blank lines)" } });
  });

  it("report invalid UTF-8 alike, with its line", async () => {
    const bytes = Buffer.concat([
      Buffer.from("# Title\n\nfine\nCaf"),
      Buffer.from([0xe9]),
      Buffer.from("\n"),
    ]);
    const r = await bothWays(await write("latin1.md", bytes));
    expect(r).toMatchObject({ problem: { line: 4, message: expect.stringMatching(/^invalid UTF-8/) } });
  });

  it("decode UTF-16 with a byte order mark alike", async () => {
    const text = "# Title\n\nBody é 出口 😀\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    expect(await bothWays(await write("le.md", le))).toMatchObject({ file: { text } });
    be[0] = 0xfe;
    be[1] = 0xff;
    expect(await bothWays(await write("be.md", be))).toMatchObject({ file: { text } });
  });

  it("report a FIFO alike, without waiting for a writer", async (ctx) => {
    ctx.skip(!hasMkfifo(), "mkfifo is not available on this system, so no FIFO can be made");
    execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
    const r = await bothWays(entry("pipe.md"));
    expect(r).toMatchObject({ problem: { message: "not a regular file (FIFO)" } });
  });

  it("report a file over MAX_FILE_BYTES alike, by its size", async () => {
    const e = await write("huge.md", "");
    await truncate(e.openPath, MAX_FILE_BYTES + 1);
    const r = await bothWays(e);
    expect(r).toMatchObject({ problem: { message: expect.stringMatching(/over the 2 MiB limit$/) } });
  });

  it("report a missing file alike", async () => {
    const r = await bothWays(entry("missing.md"));
    expect(r).toMatchObject({
      problem: { message: "vanished before it could be read", severity: "warning" },
    });
  });

  it("report a directory alike", async () => {
    await mkdir(path.join(dir, "folder.md"));
    const r = await bothWays(entry("folder.md"));
    expect(r).toMatchObject({ problem: { message: "not a regular file (directory)" } });
  });
});

/** Where a file found through the `linked` folder really is. */
function realRel(rel: string): string {
  return rel.replace(/^linked\//, ".hidden/");
}

describe("scanFolder entries", () => {
  let root: string;
  let given: string;

  beforeAll(async () => {
    root = await mkdtemp(path.join(dir, "scan-"));
    for (const rel of ["a.md", "notes.TXT", "sub/b.md", "sub/deeper/c.txt", "é 出口/d.md", ".hidden/e.md"]) {
      await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
      await writeFile(path.join(root, rel), `# ${realRel(rel)}\n\nText.\n`);
    }
    // A hidden folder is reached only through a link to it: its files' paths are the link's, what is
    // opened is the real one.
    await symlink(".hidden", path.join(root, "linked"));
    // The folder as a user would type it, relative to where the command runs.
    given = path.relative(process.cwd(), root);
  });

  it("name every file from the folder as given, and open its real path", async () => {
    const scan = await scanFolder(given);
    const rootReal = await realpath(root);
    expect(path.isAbsolute(given)).toBe(false);
    expect(scan.entries.map((e) => e.relPath)).toEqual([
      "a.md",
      "linked/e.md",
      "notes.TXT",
      "sub/b.md",
      "sub/deeper/c.txt",
      "é 出口/d.md",
    ]);
    for (const e of scan.entries) {
      expect(e.displayPath).toBe(path.join(given, e.relPath));
      expect(e.path).toBe(path.join(path.resolve(given), e.relPath));
      expect(e.openPath).toBe(path.join(rootReal, realRel(e.relPath)));
    }
  });

  it("copy to plain objects with the same four fields, which survive structuredClone", async () => {
    const scan = await scanFolder(given);
    expect(scan.entries.length).toBeGreaterThan(0);
    for (const e of scan.entries) {
      const plain = plainEntry(e);
      expect(Object.getPrototypeOf(plain)).toBe(Object.prototype);
      expect(Object.keys(plain).sort()).toEqual(["displayPath", "openPath", "path", "relPath"]);
      expect(plain).toEqual({
        path: e.path,
        relPath: e.relPath,
        displayPath: e.displayPath,
        openPath: e.openPath,
      });
      expect(structuredClone(plain)).toStrictEqual(plain);
    }
  });

  it("read alike with syncIo and the default io, as entries and as plain copies", async () => {
    const scan = await scanFolder(given);
    for (const e of scan.entries) {
      const r = await bothWays(e);
      expect(r).toMatchObject({ file: { relPath: e.relPath, text: `# ${realRel(e.relPath)}\n\nText.\n` } });
      expect(await readSource(plainEntry(e), syncIo)).toEqual(r);
    }
  });
});
