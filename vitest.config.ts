import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    globalSetup: ["test/e2e/global-setup.ts"],
    // Tests never read or write the user's cache: the parser changes between runs while fixture files
    // keep their mtimes. Cache behaviour has its own tests with a cache folder of their own.
    env: { SIGNALDESK_NO_CACHE: "1" },
    // e2e tests drive real pseudo-terminals; two cores cannot run many at once without starving them.
    maxWorkers: 2,
    // Waits are for screens and events; the timeout only stops a hang. Several engineers run suites at
    // once on two cores (load averages of 15 and more): heavy tests (a loader restarted with more heap,
    // a dozen CLI runs in one test) took over 20 s there without anything being wrong.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
