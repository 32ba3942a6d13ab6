// The reader under resource limits it cannot live with: whenever JavaScript still runs when the
// process must end, the terminal is given back first (main screen, cooked mode, cursor).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BIN, type Session, start } from "./harness.js";

let session: Session | undefined;
let cache: string | undefined;
afterEach(() => {
  session?.close();
  session = undefined;
  if (cache) rmSync(cache, { recursive: true, force: true });
});

describe("resource limits", () => {
  it("address space too small for the interface (ulimit -v 2G): restored, one line, exit 70", async () => {
    cache = mkdtempSync(join(tmpdir(), "sd-e2e-limits-"));
    session = start({
      env: { XDG_CACHE_HOME: cache },
      command: ["sh", "-c", `ulimit -v 2000000 && exec "${process.execPath}" "${BIN}"`],
    });
    // The interface's layout engine (WebAssembly) cannot reserve its memory: an exception, still in
    // JavaScript, so the terminal comes back before the exit.
    expect((await session.exit).exitCode).toBe(70);
    expect(session.state()).toEqual({ buffer: "normal", cursorVisible: true, cooked: true });
    expect(session.screenText()).toMatch(/signaldesk: out of memory: .*Out of memory/);
    expect(session.screenText()).not.toMatch(/\bat .*\(|node:internal/);
  });
});
