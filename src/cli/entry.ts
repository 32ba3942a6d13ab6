// Entry point: decides the mode. A `print` goes first to the print bundle (dist/print.js, one file,
// built apart: scripts/build.mjs), which answers an exact id from the store in a fraction of the
// modules; every other command, and a `print` it hands back, runs the whole command line (main.ts).
import { fileURLToPath } from "node:url";

// Resolved here, in the entry module, because only this file is sure to stay in dist/signaldesk.js:
// code shared with the reader may move to dist/chunks/, one folder deeper.
const BUNDLED_BRIEFINGS = fileURLToPath(new URL("../briefings/", import.meta.url));

const argv = process.argv.slice(2);
// A word `print` anywhere (even as a flag's value) only costs that bundle's load before main runs.
const printed =
  argv.includes("print") &&
  (await (await import("./print-fast.js")).printFromStore(argv, process.env, BUNDLED_BRIEFINGS));
if (!printed) await (await import("./main.js")).runMain(argv, process.env, BUNDLED_BRIEFINGS);
