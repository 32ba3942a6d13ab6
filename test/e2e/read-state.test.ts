// Read state in the reader, in a real pseudo-terminal: a briefing open for a moment becomes read, and
// that survives a restart and a deleted cache; the unread keys; what is new since the last visit, with
// a file added between two sessions; two readers marking at once.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BIN, REPO, type Session, start } from "./harness.js";
import { cliJson, type ListedBriefing, newestFirst } from "./story.js";

const made: string[] = [];
afterAll(() => {
  for (const p of made) rmSync(p, { recursive: true, force: true });
});

/** A folder of three briefings, and state and cache folders of its own. */
function setup() {
  const root = mkdtempSync(join(tmpdir(), "sd-read-"));
  made.push(root);
  const dir = join(root, "briefings");
  cpSync(join(REPO, "test/fixtures/cli/story"), dir, { recursive: true });
  const env = {
    XDG_STATE_HOME: join(root, "state"),
    XDG_CACHE_HOME: join(root, "cache"),
    // The cache is used here, so that deleting it is a real test.
    SIGNALDESK_NO_CACHE: undefined,
  };
  const open = (args: string[] = []) => start({ dir, env, args, cols: 110, rows: 30 });
  const cli = (...args: string[]) =>
    execFileSync(process.execPath, [BIN, "--dir", dir, ...args], {
      encoding: "utf8",
      env: { ...process.env, ...env, SIGNALDESK_NO_CACHE: "0", NO_COLOR: "1" },
    });
  const unread = () =>
    cli("list", "--unread")
      .trimEnd()
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => l.split("\t")[1]);
  const briefings = newestFirst(cliJson<ListedBriefing[]>(dir, "list"));
  /** The reader writes a read mark once its file is hashed: asks again until the store has it. */
  const unreadBecomes = async (ids: (string | undefined)[]) => {
    const want = JSON.stringify([...ids].sort());
    for (let i = 0; i < 100 && JSON.stringify(unread().sort()) !== want; i++)
      await new Promise((resolve) => setImmediate(resolve));
    expect(unread().sort()).toEqual([...ids].sort());
  };
  return { root, dir, env, open, cli, unread, unreadBecomes, briefings };
}

const header = (s: Session) => s.lines().slice(0, 2).join("\n");
const selected = (s: Session) => s.lines().find((l) => l.trimStart().startsWith("›")) ?? "";
const rowOf = (s: Session, title: string) => s.lines().find((l) => l.includes(title.slice(0, 30))) ?? "";

async function quit(s: Session) {
  s.press("q");
  expect((await s.exit).exitCode).toBe(0);
  s.close();
}

describe("read state in the reader", () => {
  it("reads a briefing open for a moment, and keeps it read after a restart and a deleted cache", async () => {
    const { root, open, unread, briefings } = setup();
    const s = open();
    await s.waitForText("[1 Timeline]");
    await s.waitFor((x) => x.includes("3 unread"), "three unread in the header");
    s.press("2");
    await s.waitForText("[2 Briefings]");
    const first = briefings[0]!;
    // Every row carries the unread marker (the cursor's row its own).
    for (const b of briefings.slice(1)) expect(rowOf(s, b.title).trimStart()).toMatch(/^● /);
    s.press("Enter");
    await s.waitForText("What happened");
    await s.waitFor((x) => x.includes("2 unread"), "the open briefing counted read");
    s.press("Esc");
    await s.waitFor(() => selected(s).includes(first.title.slice(0, 30)), "the list again");
    s.press("j");
    await s.waitFor(() => selected(s).includes(briefings[1]!.title.slice(0, 30)), "the cursor moved on");
    // Read: no marker, and the last one still has its own.
    expect(rowOf(s, first.title).trimStart()).toMatch(/^\d{4}-/);
    expect(rowOf(s, briefings[2]!.title).trimStart()).toMatch(/^● /);
    await quit(s);
    expect(unread().sort()).toEqual(
      briefings
        .slice(1)
        .map((b) => b.id)
        .sort(),
    );

    rmSync(join(root, "cache"), { recursive: true, force: true });
    const again = open();
    await again.waitFor((x) => x.includes("2 unread"), "the mark kept after a restart without the cache");
    // The last place: the Briefings view, the cursor on the second briefing.
    await again.waitForText("[2 Briefings]");
    await again.waitFor(
      (x) => x.length > 0 && selected(again).includes(briefings[1]!.title.slice(0, 30)),
      "the cursor restored",
    );
    await quit(again);
  });

  it("restores an open briefing, but a filter on the command line wins over the saved one", async () => {
    const { open, briefings } = setup();
    const s = open();
    await s.waitForText("[1 Timeline]");
    s.press("2");
    await s.waitForText("[2 Briefings]");
    s.press("j", "Enter");
    const second = briefings[1]!;
    await s.waitForText("What happened");
    await quit(s);

    const again = open();
    await again.waitForText("What happened");
    expect(again.screenText()).toContain(second.title.slice(0, 30));
    await quit(again);

    const filtered = open(["--since", "2025-03-05"]);
    await filtered.waitForText("Filter:");
    expect(header(filtered)).toContain("2025-03-05");
    await quit(filtered);
  });

  it("moves to the next unread, toggles read, shows only unread, and marks all read after a yes", async () => {
    const { open, cli, unreadBecomes, briefings } = setup();
    const [a, b, c] = briefings;
    const title = (x: ListedBriefing) => x.title.slice(0, 30);
    cli("mark", "read", a!.id, b!.id);
    const s = open();
    await s.waitFor((x) => x.includes("1 unread"), "one unread");
    s.press("2");
    await s.waitFor(() => selected(s).includes(title(a!)), "the cursor on the first");
    s.press("]");
    await s.waitFor(() => selected(s).includes(title(c!)), "] on the unread one");
    // Toggle the cursor's briefing read, then unread again.
    s.press("m");
    await s.waitFor((x) => x.includes("0 unread") && x.includes("Marked read"), "m marks read");
    s.press("m");
    await s.waitFor((x) => x.includes("1 unread") && x.includes("Marked unread"), "m marks unread");
    // Only unread: the one row.
    s.press("U");
    await s.waitFor(
      (x) =>
        x.includes("unread only") &&
        x.includes(title(c!)) &&
        !x.includes(title(a!)) &&
        !x.includes(title(b!)),
      "only the unread one, the filter named in the header",
    );
    s.press("c");
    await s.waitForText("No filters");
    // M asks first; n leaves everything as it was, y marks.
    s.press("M");
    await s.waitForText("Mark the 1 briefing unread read? (y/n)");
    s.press("n");
    await s.waitFor((x) => !x.includes("(y/n)"), "the question gone");
    await unreadBecomes([c!.id]);
    s.press("M");
    await s.waitForText("(y/n)");
    s.press("y");
    await s.waitFor((x) => x.includes("0 unread") && x.includes("1 briefing marked read"), "everything read");
    await unreadBecomes([]);
    // From an open briefing, ] opens the next unread one (wrapping round to the top).
    s.press("g");
    await s.waitFor(() => selected(s).includes(title(a!)), "on the first");
    s.press("m");
    await s.waitFor((x) => x.includes("1 unread"), "the first unread");
    s.press("j");
    await s.waitFor(() => selected(s).includes(title(b!)), "on the second");
    s.press("m");
    await s.waitFor((x) => x.includes("2 unread"), "the second unread");
    s.press("Enter");
    await s.waitFor((x) => x.includes("What happened") && x.includes(title(b!)), "the second open");
    s.press("]");
    await s.waitFor((x) => x.includes("What happened") && x.includes(title(a!)), "] opened the first");
    await quit(s);
  });

  it("says what is new since the last visit, with a file added between two sessions", async () => {
    const { dir, open } = setup();
    const first = open();
    await first.waitFor((x) => x.includes("3 unread"), "the first visit");
    expect(header(first)).not.toContain("new since");
    await quit(first);

    writeFileSync(
      join(dir, "harbour-reopens.md"),
      [
        "---",
        "title: Harbour crossing reopens to foot traffic",
        "date: 2025-03-20",
        "---",
        "",
        "The harbour crossing reopened to people on foot on March 20.",
        "",
        "It matters because the ferries were full every morning.",
        "",
        "Looking ahead, the council votes in May on the ferries.",
        "",
      ].join("\n"),
    );
    const second = open();
    const day = new Date().toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
    await second.waitFor(
      (x) => x.includes(`1 new since ${day.replace(",", "")}`),
      "one new since the last visit",
    );
    expect(header(second)).toContain("4 unread");
    second.press("w");
    await second.waitFor((x) => x.includes("Filter: new since"), "only what is new");
    second.press("2");
    await second.waitForText("[2 Briefings]");
    expect(second.screenText()).toContain("Harbour crossing reopens");
    expect(second.screenText()).not.toContain("Emergency ferries");
    await quit(second);
  });

  it("keeps both readers' marks when two mark at once", async () => {
    const { open, unread, briefings } = setup();
    const [a, b, c] = briefings;
    const one = open();
    const two = open();
    for (const s of [one, two]) {
      await s.waitFor((x) => x.includes("3 unread"), "three unread");
      s.press("2");
      await s.waitForText("[2 Briefings]");
    }
    one.press("Enter");
    two.press("j");
    await two.waitFor(() => selected(two).includes(b!.title.slice(0, 30)), "the second on b");
    two.press("Enter");
    // Each sees its own mark, then the other's as it arrives.
    for (const s of [one, two]) await s.waitFor((x) => x.includes("1 unread"), "both marks seen");
    await quit(one);
    await quit(two);
    expect(unread()).toEqual([c!.id]);
    expect(a).toBeDefined();
  });
});
