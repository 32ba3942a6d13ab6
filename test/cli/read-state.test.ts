// Read state from the command line: mark, list --unread / --new, the JSON's read and updated, and the
// state surviving a deleted cache and two commands marking at once.
import { appendFile, mkdtemp, rename, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Built, buildCli, makeFolder, removeAll, runCli } from "./helpers.js";

let built: Built;
const made: string[] = [];

beforeAll(async () => {
  built = await buildCli();
  made.push(built.root);
}, 300_000);
afterAll(() => removeAll(made));

async function setup() {
  const dir = await makeFolder();
  const home = await mkdtemp(join(tmpdir(), "signaldesk-state-"));
  made.push(dir, home);
  const env = { XDG_STATE_HOME: join(home, "state"), XDG_CACHE_HOME: join(home, "cache") };
  const run = (...args: string[]) => runCli(built, ["--dir", dir, ...args], { env });
  const ids = async (...args: string[]) =>
    (await run("list", ...args)).stdout
      .trimEnd()
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => l.split("\t")[1]!);
  return { dir, home, env, run, ids };
}

interface JsonState {
  id: string;
  relPath: string;
  read: boolean;
  updated: boolean;
}

describe("read state on the command line", () => {
  it("marks briefings read and unread; list --unread shows the rest; the JSON says which", async () => {
    const { run, ids, home } = await setup();
    const all = await ids();
    expect(all.length).toBeGreaterThanOrEqual(3);
    expect(await ids("--unread")).toEqual(all);

    const marked = await run("mark", "read", all[0]!, all[1]!);
    expect(marked).toMatchObject({ code: 0, stdout: "2 briefings marked read\n", stderr: "" });
    expect(await ids("--unread")).toEqual(all.slice(2));
    const json = JSON.parse((await run("list", "--json")).stdout) as JsonState[];
    expect(json.map((b) => [b.id, b.read, b.updated])).toEqual(all.map((id, i) => [id, i < 2, false]));

    expect((await run("mark", "unread", all[0]!)).code).toBe(0);
    expect(await ids("--unread")).toEqual([all[0], ...all.slice(2)]);

    // The state lives in XDG_STATE_HOME; the cache folder can go without losing it.
    await rm(join(home, "cache"), { recursive: true, force: true });
    expect(await ids("--unread")).toEqual([all[0], ...all.slice(2)]);
  });

  it("marks everything a filter matches with --all, and refuses ids with filters or none at all", async () => {
    const { run, ids } = await setup();
    const all = await ids();
    const since = (await run("list", "--json")).stdout;
    const dates = (JSON.parse(since) as { date: string | null }[])
      .map((b) => b.date)
      .filter((d) => d !== null);
    const last = dates.sort().at(-1)!;
    const later = await ids("--since", last);
    expect(later.length).toBeGreaterThan(0);
    expect(later.length).toBeLessThan(all.length);
    expect((await run("mark", "read", "--all", "--since", last)).code).toBe(0);
    expect(await ids("--unread")).toEqual(all.filter((id) => !later.includes(id)));
    expect((await run("mark", "read", "--all")).stdout).toBe(`${all.length} briefings marked read\n`);
    expect(await ids("--unread")).toEqual([]);

    expect(await run("mark", "read")).toMatchObject({ code: 64 });
    expect((await run("mark", "read")).stderr).toContain("mark read needs briefing ids, or --all");
    expect((await run("mark", "read", all[0]!, "--all")).stderr).toContain("ids or --all, not both");
    expect((await run("mark", "read", all[0]!, "--since", "2020")).stderr).toContain("--all only");
    expect((await run("mark", "sideways", all[0]!)).stderr).toContain("mark needs read or unread");
  });

  it("marks nothing when one id is unknown", async () => {
    const { run, ids } = await setup();
    const all = await ids();
    const r = await run("mark", "read", all[0]!, "no-such-briefing");
    expect(r.code).toBe(66);
    expect(r.stderr).toContain("no briefing 'no-such-briefing'");
    expect(await ids("--unread")).toEqual(all);
  });

  it("calls a briefing whose file changed after reading updated, and a touch no change", async () => {
    const { run, dir } = await setup();
    const before = JSON.parse((await run("list", "--json")).stdout) as JsonState[];
    const [first, second] = before;
    expect((await run("mark", "read", "--all")).code).toBe(0);

    // Same bytes, new mtime: still read.
    const later = new Date(Date.now() + 60_000);
    await utimes(join(dir, second!.relPath), later, later);
    await appendFile(join(dir, first!.relPath), "\nOne more line at the end of the report.\n");
    const after = JSON.parse((await run("list", "--json")).stdout) as JsonState[];
    const byId = new Map(after.map((b) => [b.id, b]));
    expect(byId.get(first!.id)).toMatchObject({ read: false, updated: true });
    expect(byId.get(second!.id)).toMatchObject({ read: true, updated: false });
    expect((await run("list", "--unread")).stdout).toContain(first!.id);
    expect((await run("print", first!.id, "--json")).stdout).toContain('"updated": true');
  });

  it("keeps a mark when its file is renamed", async () => {
    const { run, dir } = await setup();
    const before = JSON.parse((await run("list", "--json")).stdout) as JsonState[];
    const one = before[0]!;
    expect((await run("mark", "read", one.id)).code).toBe(0);
    const renamed = `renamed-${one.relPath}`;
    await rename(join(dir, one.relPath), join(dir, renamed));
    const after = JSON.parse((await run("list", "--json")).stdout) as JsonState[];
    expect(after.find((b) => b.relPath === renamed)).toMatchObject({ read: true, updated: false });
    expect(after.filter((b) => b.read)).toHaveLength(1);
  });

  it("lists what is new since the reader's last session", async () => {
    // A session is what the reader records; here one is made the way the reader's store does.
    const { run, dir, env, ids } = await setup();
    expect((await run("list", "--new")).stdout).toBe("");
    const { openReadState } = await import("../../src/store/state.js");
    const { realpath } = await import("node:fs/promises");
    const state = openReadState({
      stateDir: join(env.XDG_STATE_HOME, "signaldesk"),
      folder: await realpath(dir),
      warn: (m) => {
        throw new Error(m);
      },
      create: true,
    });
    state.beginSession();
    state.endSession();
    state.close();
    expect((await run("list", "--new")).stdout).toBe("");
    await writeFile(
      join(dir, "2030-01-02-arrived.md"),
      "# A briefing that arrived\n\nDate: 2030-01-02\n\n## What happened\n\nSomething new happened.\n",
    );
    const fresh = (await run("list", "--new")).stdout.trimEnd().split("\n");
    expect(fresh.map((l) => l.split("\t")[1])).toEqual(["2030-01-02-arrived"]);
    // Touched in place (no folder's mtime moves, the content is the same): the list's check restamps
    // it, and --new sees the stamp that check took.
    const touched = (JSON.parse((await run("list", "--json")).stdout) as JsonState[])[0]!;
    const later = new Date(Date.now() + 60_000);
    await utimes(join(dir, touched.relPath), later, later);
    expect((await ids("--new")).sort()).toEqual([touched.id, "2030-01-02-arrived"].sort());
  });

  it("loses no mark when two commands mark at once", async () => {
    const { run, ids } = await setup();
    const all = await ids();
    const results = await Promise.all(all.map((id) => run("mark", "read", id)));
    // A run that fails is named with its message: once, under heavy load, one exited 73 unexplained.
    const failed = results.filter((r) => r.code !== 0).map((r) => `exit ${r.code}: ${r.stderr.trim()}`);
    expect(failed).toEqual([]);
    expect(await ids("--unread")).toEqual([]);
  });

  it("reports a corrupt state file once and still lists", async () => {
    const { run, ids, env } = await setup();
    const { mkdir } = await import("node:fs/promises");
    await mkdir(join(env.XDG_STATE_HOME, "signaldesk"), { recursive: true });
    await writeFile(join(env.XDG_STATE_HOME, "signaldesk", "state.db"), "garbage ".repeat(600));
    const listed = await run("list", "--unread");
    expect(listed.code).toBe(0);
    expect(listed.stdout.trimEnd().split("\n")).toHaveLength((await ids()).length);
    expect(listed.stderr.trim().split("\n")).toHaveLength(1);
    expect(listed.stderr).toContain(
      "state.db: not a readable state file (corrupt?); read state is not saved",
    );
    const marked = await run("mark", "read", "--all");
    expect(marked.code).toBe(73);
  });
});
