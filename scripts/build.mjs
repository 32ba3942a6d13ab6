// Bundles the CLI into dist/. The TUI is a separate chunk reached only by dynamic import,
// so `print`, `list --json` and friends never parse Ink or React.
import { mkdir, readFile, rm } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// yoga-layout's emscripten loader probes global `fetch` before using its inlined wasm. On Node 20 that
// first touch of `fetch` loads undici (tens of ms at startup) for nothing; the probe is pinned to
// "no fetch" so the inlined bytes are used directly.
const yogaWithoutFetch = {
  name: "yoga-without-fetch",
  setup(b) {
    b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const patched = source.replaceAll('"function"!=typeof fetch', "!0");
      if (patched === source) throw new Error("yoga-layout changed: the fetch probe was not found");
      return { contents: patched, loader: "js" };
    });
  },
};

const root = fileURLToPath(new URL("..", import.meta.url));
await rm(`${root}/dist`, { recursive: true, force: true });
await mkdir(`${root}/dist`, { recursive: true });

await build({
  absWorkingDir: root,
  entryPoints: { signaldesk: "src/cli/main.ts" },
  outdir: "dist",
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: true,
  sourcemap: false,
  legalComments: "none",
  chunkNames: "chunks/[name]-[hash]",
  define: { "process.env.NODE_ENV": '"production"' },
  // Ink imports react-devtools-core only when DEV is set; the stub keeps it out of the bundle.
  // is-in-ci makes Ink draw nothing when CI is set; a person running the reader with CI=1 must still see it.
  alias: {
    "react-devtools-core": "./scripts/stubs/react-devtools-core.js",
    "is-in-ci": "./scripts/stubs/is-in-ci.js",
  },
  banner: {
    js: [
      "#!/usr/bin/env node",
      'import { createRequire as __sdCreateRequire } from "node:module";',
      "const require = __sdCreateRequire(import.meta.url);",
    ].join("\n"),
  },
  plugins: [yogaWithoutFetch],
  logLevel: "warning",
});
