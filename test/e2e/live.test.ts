// Live updates: files added, edited, renamed and removed while the reader runs show without a key,
// the cursor staying on its briefing; the open briefing follows its file; a burst of 500 files is
// taken in while keys keep being answered. Built program, real pseudo-terminal, real folder watch.
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BIN, KEYS, type Session, start, stopped } from "./harness.js";

let root: string;
let session: Session | undefined;

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run npm run build`);
  root = mkdtempSync(join(tmpdir(), "sd-live-"));
});
afterEach(() => {
  session?.close();
  session = undefined;
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function briefingText(title: string, date: string, sentence: string): string {
  return [
    "---",
    `title: ${title}`,
    `date: ${date}`,
    "---",
    `On ${date} ${sentence}`,
    "",
    "This matters because the harbour depends on it.",
    "",
    "Watch for the next council meeting.",
    "",
  ].join("\n");
}

let folders = 0;
/** A folder of three briefings: Alder (oldest), Birch, Cedar (newest). */
function folder(): string {
  const dir = join(root, `f${folders++}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "alder.md"), briefingText("Alder report", "2026-03-01", "the alder survey began."));
  writeFileSync(join(dir, "birch.md"), briefingText("Birch report", "2026-03-02", "the birch survey began."));
  writeFileSync(join(dir, "cedar.md"), briefingText("Cedar report", "2026-03-03", "the cedar survey began."));
  return dir;
}

/** The reader with the cache on (in a folder of the test's own), as a person runs it. */
function open(dir: string, opts: { cache?: boolean; args?: string[] } = {}): Session {
  const env: Record<string, string | undefined> =
    opts.cache === false
      ? {}
      : { XDG_CACHE_HOME: join(root, `cache-${folders}`), SIGNALDESK_NO_CACHE: undefined };
  session = start({ cols: 100, rows: 30, dir, env, ...(opts.args ? { args: opts.args } : {}) });
  return session;
}

const selected = (s: Session) => s.lines().find((l) => l.startsWith("›")) ?? "";
/** No note of work going on behind the story (checking, reloading, saving). */
const calm = (s: Session) => !/checking|reloading|saving|finding/.test(s.lines().slice(0, 2).join("\n"));

async function briefingsList(s: Session, count: number): Promise<void> {
  await s.waitFor(
    (screen) => screen.includes("[2 Briefings]") && screen.includes(`${count} briefings`),
    "list",
  );
}

/** The reader on `dir` (three briefings), moved to the Briefings view once it shows. */
async function openAtBriefings(dir: string, opts: Parameters<typeof open>[1] = {}): Promise<Session> {
  const s = open(dir, opts);
  await s.waitForText("[1 Timeline]");
  s.press("2");
  await briefingsList(s, 3);
  return s;
}

/**
 * Writes a file the way an editor saves: a temporary copy renamed over it. A hidden name, as vim's
 * and most editors' are; the watch must not take the copy for a briefing.
 */
function save(path: string, text: string) {
  const tmp = join(path, "..", `.${path.split("/").pop()}.swp`);
  writeFileSync(tmp, text);
  renameSync(tmp, path);
}

describe("live updates", () => {
  it("shows files added, edited, renamed and removed, with no key, the cursor kept on its briefing", async () => {
    const dir = folder();
    const s = await openAtBriefings(dir);
    s.press("j");
    await s.waitFor(() => selected(s).includes("Birch report"), "cursor on Birch");

    writeFileSync(
      join(dir, "dogwood.md"),
      briefingText("Dogwood report", "2026-03-04", "the dogwood survey began."),
    );
    await s.waitFor((screen) => screen.includes("Dogwood report") && screen.includes("4 briefings"), "added");
    // The new briefing is the newest, above the cursor: the cursor stays on Birch, not on its row.
    expect(selected(s)).toContain("Birch report");

    save(
      join(dir, "cedar.md"),
      briefingText("Cedar report, revised", "2026-03-03", "the cedar survey ended."),
    );
    await s.waitForText("Cedar report, revised");
    expect(selected(s)).toContain("Birch report");

    s.press("1");
    await s.waitForText("[1 Timeline]");
    await s.waitForText("alder");
    renameSync(join(dir, "alder.md"), join(dir, "alder-renamed.md"));
    await s.waitFor(
      (screen) => screen.includes("alder-renamed") && screen.includes("4 briefings"),
      "renamed",
    );

    unlinkSync(join(dir, "dogwood.md"));
    await s.waitFor((screen) => !screen.includes("dogwood") && screen.includes("3 briefings"), "removed");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });

  it("re-renders the open briefing changed on disk, and goes back to the list when it is removed", async () => {
    const dir = folder();
    const s = await openAtBriefings(dir);
    s.press("j");
    await s.waitFor(() => selected(s).includes("Birch report"), "cursor on Birch");
    s.press(KEYS.Enter);
    await s.waitForText("the birch survey began");

    save(
      join(dir, "birch.md"),
      briefingText("Birch report", "2026-03-02", "the birch survey was cancelled."),
    );
    await s.waitFor(
      (screen) => screen.includes("the birch survey was cancelled") && screen.includes("changed on disk"),
      "the new text with its notice",
    );
    expect(s.screenText()).not.toContain("the birch survey began");

    unlinkSync(join(dir, "birch.md"));
    await s.waitFor(
      (screen) => screen.includes("was removed from the folder") && screen.includes("2 briefings"),
      "back to the list",
    );
    expect(s.screenText()).not.toContain("Birch report");
    expect(s.screenText()).toContain("[2 Briefings]");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });

  it("takes in 500 files added at once (no cache) while keys are answered", async () => {
    const dir = folder();
    const s = await openAtBriefings(dir, { cache: false });
    const pulled = join(root, `pulled-${folders}`);
    mkdirSync(pulled);
    for (let i = 0; i < 500; i++) {
      const day = String((i % 28) + 1).padStart(2, "0");
      writeFileSync(
        join(pulled, `p${String(i).padStart(3, "0")}.md`),
        briefingText(`Pulled ${i}`, `2025-0${(i % 9) + 1}-${day}`, `pulled item ${i} arrived.`),
      );
    }
    // As a `git pull` does: a folder of files appears at once.
    renameSync(pulled, join(dir, "pulled"));
    // A key pressed during the burst is answered: the view changes while the files are taken in.
    s.press("3");
    await s.waitForText("[3 Glossary]");
    s.press("2");
    await s.waitFor((screen) => screen.includes("[2 Briefings]") && screen.includes("503 briefings"), "503");
    await s.waitFor(() => calm(s), "the reload done");
    s.press("G");
    await s.waitFor(() => selected(s).includes("Pulled"), "the oldest, a pulled one");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });

  it("takes in a git pull of 50 files with the cache on, then an edit and a removal, each in its place", async () => {
    const dir = folder();
    const s = await openAtBriefings(dir);
    // As git writes a pull: the files one after another into the folder, one defining a term.
    for (let i = 0; i < 50; i++) {
      const date = `2026-0${4 + Math.floor(i / 25)}-${String((i % 25) + 1).padStart(2, "0")}`;
      const text = briefingText(`Pulled ${i}`, date, `pulled item ${i} arrived.`);
      writeFileSync(
        join(dir, `pull-${String(i).padStart(2, "0")}.md`),
        i === 7 ? `${text}\n## Glossary\n\n**Tidal berth**: A berth that dries at low water.\n` : text,
      );
    }
    await s.waitFor((screen) => screen.includes("53 briefings"), "the 50 pulled");
    await s.waitFor(() => calm(s), "the reload done");
    s.press("g");
    await s.waitFor(() => selected(s).includes("Pulled 49"), "the newest pulled at the top");
    s.press("G");
    await s.waitFor(() => selected(s).includes("Alder report"), "the oldest still last");

    s.press("g");
    await s.waitFor(() => selected(s).includes("Pulled 49"), "back at the top");

    // An edit that moves a briefing: Cedar's new date makes it the newest, above the cursor.
    save(join(dir, "cedar.md"), briefingText("Cedar report, moved", "2026-06-01", "the cedar survey moved."));
    await s.waitForText("Cedar report, moved");
    expect(selected(s)).toContain("Pulled 49");
    s.press("g");
    await s.waitFor(() => selected(s).includes("Cedar report, moved"), "the edited one at the top");
    s.press("3");
    await s.waitForText("Tidal berth");

    // The file defining the term goes: the briefing and its term leave.
    unlinkSync(join(dir, "pull-07.md"));
    await s.waitFor(
      (screen) => !screen.includes("Tidal berth") && screen.includes("[3 Glossary]"),
      "term gone",
    );
    s.press("2");
    await s.waitFor((screen) => screen.includes("52 briefings"), "removed");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });

  it("applies an actors.yaml written while it runs: an alias folds into its actor's name", async () => {
    const dir = folder();
    writeFileSync(
      join(dir, "quay.md"),
      [
        "---",
        "title: Quay report",
        "date: 2026-03-05",
        "actors: [QPA]",
        "---",
        "On 2026-03-05 the quay closed.",
        "",
      ].join("\n"),
    );
    const s = open(dir);
    await s.waitForText("[1 Timeline]");
    s.press("5");
    await s.waitFor(
      (screen) => screen.includes("[5 Actors]") && screen.includes("QPA"),
      "the alias as found",
    );
    expect(s.screenText()).not.toContain("Quay Port Authority");
    save(join(dir, "actors.yaml"), "- name: Quay Port Authority\n  kind: agency\n  aliases: [QPA]\n");
    await s.waitForText("Quay Port Authority");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });

  it("checks the folder on fg for what changed while it was suspended", async () => {
    const dir = folder();
    const s = await openAtBriefings(dir);
    s.press("\x1a");
    await s.waitFor(() => s.state().buffer === "normal", "the main screen while suspended");
    await stopped(s);
    writeFileSync(join(dir, "fir.md"), briefingText("Fir report", "2026-03-06", "the fir survey began."));
    s.kill("SIGCONT");
    await s.waitFor((screen) => screen.includes("Fir report") && screen.includes("4 briefings"), "after fg");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });

  it("with --no-watch, r checks the folder", async () => {
    const dir = folder();
    const s = await openAtBriefings(dir, { args: ["--no-watch"] });
    await s.waitFor(() => calm(s), "the start's check done");
    writeFileSync(join(dir, "elm.md"), briefingText("Elm report", "2026-03-05", "the elm survey began."));
    s.press("r");
    await s.waitFor((screen) => screen.includes("Elm report") && screen.includes("4 briefings"), "r");
    s.press("q");
    expect((await s.exit).exitCode).toBe(0);
  });
});
