import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, symlink, truncate, writeFile } from "node:fs/promises";
import net from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FolderError, loadBriefings } from "../../src/load/load.js";

let dir: string;
const servers: net.Server[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "signaldesk-load-"));
});

afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => s.close(r));
  await rm(dir, { recursive: true, force: true });
});

async function write(rel: string, content: string | Uint8Array) {
  await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
  await writeFile(path.join(dir, rel), content);
}

function briefing(title: string, date?: string, extra = "") {
  const fm = date === undefined ? "" : `---\ntitle: ${title}\ndate: ${date}\n${extra}---\n\n`;
  return `${fm}# ${title}\n\nThe agency issued an order.\n\n## Why it matters\n\nIt affects exports.\n`;
}

describe("loadBriefings", () => {
  it("loads the good briefings and reports every bad file by the path the user gave", async () => {
    await write("good-one.md", briefing("Good one", "2026-06-12"));
    await write("sub/good-two.txt", briefing("Good two", "2026-06-14"));
    await write("empty.md", "");
    await write("binary.md", Buffer.from("# T\n\nab\0cd\n"));
    await write(
      "latin1.md",
      Buffer.concat([Buffer.from("# T\n\nCaf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
    execFileSync("mkfifo", [path.join(dir, "pipe.md")]);
    const server = net.createServer();
    servers.push(server);
    await new Promise<void>((r) => server.listen(path.join(dir, "sock.md"), r));
    await mkdir(path.join(dir, "folder.md"));
    await write("huge.md", "");
    await truncate(path.join(dir, "huge.md"), 3 * 1024 ** 3);
    await symlink("loop.md", path.join(dir, "loop.md"));
    await symlink("/etc/hostname", path.join(dir, "out.md"));

    const given = path.relative(process.cwd(), dir);
    const result = await loadBriefings(given);

    expect(result.briefings.map((b) => b.id)).toEqual(["good-one", "good-two"]);
    const shown = result.problems.map((p) => `${p.path}${p.line ? `:${p.line}` : ""}: ${p.message}`);
    const at = (rel: string) => path.join(given, rel);
    expect(shown).toEqual([
      `${at("binary.md")}:3: binary file (NUL byte)`,
      `${at("empty.md")}: empty file`,
      `${at("folder.md")}: not a regular file (directory)`,
      `${at("huge.md")}: file is 3.0 GiB, over the 2 MiB limit`,
      `${at("latin1.md")}:3: invalid UTF-8 (byte 0xE9); is the file saved as UTF-8?`,
      `${at("loop.md")}: symbolic link loop`,
      expect.stringMatching(/out\.md: symbolic link to a file outside the briefings folder/),
      `${at("pipe.md")}: not a regular file (FIFO)`,
      `${at("sock.md")}: not a regular file (socket)`,
    ]);
    expect(result.problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("keeps the first of two equal ids and loads the later one under its path", async () => {
    await write("a/order.md", briefing("First"));
    await write("b/order.md", briefing("Second"));
    await write("c/other.md", briefing("Third", "2026-06-01", "id: order\n"));
    const result = await loadBriefings(dir);
    const ids = Object.fromEntries(result.briefings.map((b) => [b.relPath, b.id]));
    expect(ids).toEqual({ "a/order.md": "order", "b/order.md": "b/order", "c/other.md": "c/other" });
    const dupes = result.problems.filter((p) => p.message.startsWith("duplicate id"));
    expect(dupes).toEqual([
      {
        path: path.join(dir, "b/order.md"),
        message: "duplicate id 'order', also used by a/order.md; this one is 'b/order'",
        severity: "warning",
      },
      {
        path: path.join(dir, "c/other.md"),
        message: "duplicate id 'order', also used by a/order.md; this one is 'c/other'",
        severity: "warning",
      },
    ]);
  });

  it("orders briefings by date, then path, with undated ones last", async () => {
    await write("z.md", briefing("Z", "2026-06-10"));
    await write("a.md", briefing("A", "2026-06-20"));
    await write("m.md", briefing("M", "2026-06-10"));
    await write("undated.md", "# No date here\n\nJust a note with no date at all.\n");
    const result = await loadBriefings(dir);
    expect(result.briefings.map((b) => b.relPath)).toEqual(["m.md", "z.md", "a.md", "undated.md"]);
  });

  it("reads actors.yaml as the registry and reports a broken one without losing briefings", async () => {
    await write("actors.yaml", "- name: Bureau of Industry and Security\n  kind: agency\n  aliases: [BIS]\n");
    await write("a.md", briefing("A", "2026-06-12"));
    const ok = await loadBriefings(dir);
    expect(ok.registry.map((a) => a.name)).toEqual(["Bureau of Industry and Security"]);

    await write("actors.yaml", "name: [unclosed\n");
    const broken = await loadBriefings(dir);
    expect(broken.briefings.map((b) => b.id)).toEqual(["a"]);
    expect(
      broken.problems.some((p) => p.path === path.join(dir, "actors.yaml") && p.severity === "error"),
    ).toBe(true);
  });

  it("names parser problems and warnings by the path the user gave", async () => {
    await write("unclosed.md", "---\ntitle: Never closed\n\n# Body\n\nText.\n");
    await write("extra.md", briefing("Extra", "2026-06-12", "mood: sunny\n"));
    const result = await loadBriefings(dir);
    const unclosed = result.problems.filter((p) => p.path === path.join(dir, "unclosed.md"));
    const extra = result.problems.filter((p) => p.path === path.join(dir, "extra.md"));
    expect(unclosed.length).toBeGreaterThan(0);
    expect(extra.map((p) => p.severity)).toContain("warning");
    expect(result.briefings.map((b) => b.id)).toContain("extra");
  });

  it("reports progress from zero to the total", async () => {
    for (let i = 0; i < 5; i++) await write(`b${i}.md`, briefing(`B${i}`, "2026-06-12"));
    const calls: [number, number][] = [];
    await loadBriefings(dir, { onProgress: (done, total) => calls.push([done, total]) });
    expect(calls[0]).toEqual([0, 5]);
    expect(calls.at(-1)).toEqual([5, 5]);
    for (let i = 1; i < calls.length; i++) expect(calls[i]![0]).toBeGreaterThanOrEqual(calls[i - 1]![0]);
  });

  it("throws FolderError for a missing folder", async () => {
    await expect(loadBriefings(path.join(dir, "nope"))).rejects.toBeInstanceOf(FolderError);
  });
});
