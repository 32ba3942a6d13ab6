// The one way the reader's story is brought up to date with the folder after the start: the folder
// watch (load/watch.ts), `r` and the editor all end in source.ts `refreshStory` (the store's sync of
// the paths named, then the story built again when a row changed). `serialChecks` runs one check at a
// time, however many changes arrive while one runs: they wait, merged, and start one more check when
// it ends, so a burst never queues a check per file and keys are never held up.
export interface Checks {
  /** Asks for a check of `paths` (none: everything); runs now, or once the running one ends. */
  request(paths: readonly string[]): void;
  /** Resolves once no check runs and none waits. */
  idle(): Promise<void>;
}

/**
 * Runs `check` one at a time; requests made meanwhile are merged into the next run. `first`, when
 * given, is a check already running (the start's load): requests wait for it too.
 */
export function serialChecks(
  check: (paths: readonly string[]) => Promise<void>,
  first?: Promise<void>,
): Checks {
  let running: Promise<void> | null = null;
  /** Paths waiting for the next run; null when no request waits. "all" after a request of everything. */
  let waiting: Set<string> | "all" | null = null;

  const follow = (work: Promise<void>) => {
    // `check` reports its own failures; a rejection here must not stop the checks after it.
    running = work
      .catch(() => {})
      .then(() => {
        const next = waiting;
        waiting = null;
        running = null;
        if (next !== null) run(next === "all" ? [] : [...next].sort());
      });
  };
  const run = (paths: readonly string[]) => follow(check(paths));
  if (first) follow(first);

  return {
    request(paths) {
      if (running === null) {
        run(paths);
        return;
      }
      if (paths.length === 0 || waiting === "all") waiting = "all";
      else {
        waiting ??= new Set();
        for (const p of paths) waiting.add(p);
      }
    },
    async idle() {
      while (running !== null) await running;
    },
  };
}
