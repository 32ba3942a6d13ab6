import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    environment: "node",
    globalSetup: ["test/e2e/global-setup.ts"],
    // Tests never read or write the user's cache: the parser changes between runs while fixture files
    // keep their mtimes. Cache behaviour has its own tests with a cache folder of their own.
    // Nor the user's read state.
    env: { SIGNALDESK_NO_CACHE: "1", XDG_STATE_HOME: join(tmpdir(), "signaldesk-tests-state") },
    // e2e tests drive real pseudo-terminals; two cores cannot run many at once without starving them.
    maxWorkers: 2,
    // Ceilings, not expectations: every test waits for events (screens, exits, files), so a passing
    // test ends as soon as its work is done. On a loaded 2-core machine that work can take many
    // times as long as alone (a test that takes 5 s alone once needed over 20 s).
    testTimeout: 180_000,
    hookTimeout: 300_000,
  },
});
