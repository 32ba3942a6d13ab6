import { describe, expect, it } from "vitest";
import { serialChecks } from "../../src/tui/refresh.js";

/** A check that runs until the test lets it end, recording what it was asked. */
function controlled() {
  const runs: (readonly string[])[] = [];
  const ends: (() => void)[] = [];
  const started: (() => void)[] = [];
  const check = (paths: readonly string[]) => {
    runs.push(paths);
    for (const s of started.splice(0)) s();
    return new Promise<void>((resolve) => ends.push(resolve));
  };
  const nextStart = () => new Promise<void>((resolve) => started.push(resolve));
  const endRun = () => ends.shift()!();
  return { runs, check, nextStart, endRun };
}

describe("serial checks", () => {
  it("runs one check at a time; what arrives meanwhile is merged into one more check", async () => {
    const c = controlled();
    const checks = serialChecks(c.check);
    checks.request(["a.md"]);
    checks.request(["c.md"]);
    checks.request(["b.md", "c.md"]);
    expect(c.runs).toEqual([["a.md"]]);
    const second = c.nextStart();
    c.endRun();
    await second;
    expect(c.runs).toEqual([["a.md"], ["b.md", "c.md"]]);
    c.endRun();
    await checks.idle();
    expect(c.runs).toHaveLength(2);
  });

  it("a forced check (no paths) waiting makes the next check a check of everything", async () => {
    const c = controlled();
    const checks = serialChecks(c.check);
    checks.request(["a.md"]);
    checks.request(["b.md"]);
    checks.request([]);
    const second = c.nextStart();
    c.endRun();
    await second;
    expect(c.runs[1]).toEqual([]);
    c.endRun();
    await checks.idle();
  });

  it("waits for the start's load, and a failed check does not stop the ones after it", async () => {
    let endFirst!: () => void;
    const first = new Promise<void>((resolve) => {
      endFirst = resolve;
    });
    const runs: (readonly string[])[] = [];
    let fail = true;
    const checks = serialChecks((paths) => {
      runs.push(paths);
      if (fail) {
        fail = false;
        return Promise.reject(new Error("folder gone"));
      }
      return Promise.resolve();
    }, first);
    checks.request(["x.md"]);
    expect(runs).toEqual([]);
    endFirst();
    await checks.idle();
    expect(runs).toEqual([["x.md"]]);
    checks.request(["y.md"]);
    await checks.idle();
    expect(runs).toEqual([["x.md"], ["y.md"]]);
  });
});
