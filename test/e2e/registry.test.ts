// actors.yaml replaced by something that is not a file: the reader still starts, shows the story and
// answers q, at once and at every moment of the start; the text commands report the registry as a
// problem and list every briefing.
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { REPLACEMENTS } from "../hostile/environments.js";
import { BIN, BUNDLED_BRIEFINGS, type Session, start } from "./harness.js";

const READER = /signaldesk.*Timeline.*Briefings.*Glossary/;

let session: Session | undefined;
const scratch: string[] = [];
afterEach(() => {
  session?.close();
  session = undefined;
  for (const d of scratch.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** The bundled story with `make` put in place of actors.yaml, and a cache folder of its own. */
function folder(make: (p: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), "sd-e2e-registry-"));
  const cache = mkdtempSync(join(tmpdir(), "sd-e2e-registry-cache-"));
  scratch.push(dir, cache);
  cpSync(BUNDLED_BRIEFINGS, dir, { recursive: true });
  rmSync(join(dir, "actors.yaml"));
  make(join(dir, "actors.yaml"));
  return { dir, env: { XDG_CACHE_HOME: cache } };
}

describe.each(REPLACEMENTS)("actors.yaml as $name", ({ make, problem }) => {
  it("the reader shows the story and q quits", async () => {
    const { dir, env } = folder(make);
    session = start({ dir, env });
    await session.waitForText(READER);
    await session.waitForText("Anthropic");
    session.press("q");
    expect((await session.exit).exitCode).toBe(0);
    expect(session.state()).toEqual({ buffer: "normal", cursorVisible: true, cooked: true });
  });

  it("q pressed before anything is drawn ends the start", async () => {
    const { dir, env } = folder(make);
    session = start({ dir, env });
    session.press("q");
    expect((await session.exit).exitCode).toBe(0);
    expect(session.state().cooked).toBe(true);
  });

  it("list reports it by path and lists every briefing", () => {
    const { dir, env } = folder(make);
    const r = spawnSync(process.execPath, [BIN, "--dir", dir, "list"], {
      encoding: "utf8",
      env: { ...process.env, ...env },
      timeout: 60_000,
    });
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split("\n")).toHaveLength(5);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^${dir}/actors\\.yaml: .*${problem.source}`));
  });
});
