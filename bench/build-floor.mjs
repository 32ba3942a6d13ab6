// Bundles bench/floor-ink.mjs into bench/out/floor-ink.js with the options scripts/build.mjs uses for
// dist/ (one minified ESM file, NODE_ENV=production, react-devtools-core stubbed, yoga's fetch probe
// pinned off), so the floor pays exactly the start-up costs the real bundle could pay.
import { mkdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
export const FLOOR_BUNDLE = `${root}bench/out/floor-ink.js`;

const yogaWithoutFetch = {
  name: "yoga-without-fetch",
  setup(b) {
    b.onLoad({ filter: /yoga-wasm-base64-esm\.js$/ }, (args) => {
      const source = readFileSync(args.path, "utf8");
      const patched = source.replaceAll('"function"!=typeof fetch', "!0");
      if (patched === source) throw new Error("yoga-layout changed: the fetch probe was not found");
      return { contents: patched, loader: "js" };
    });
  },
};

export async function buildFloor() {
  mkdirSync(`${root}bench/out`, { recursive: true });
  await build({
    absWorkingDir: root,
    entryPoints: ["bench/floor-ink.mjs"],
    outfile: FLOOR_BUNDLE,
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    minify: true,
    legalComments: "none",
    define: { "process.env.NODE_ENV": '"production"' },
    alias: { "react-devtools-core": "./scripts/stubs/react-devtools-core.js" },
    banner: {
      js: [
        'import { createRequire as __sdCreateRequire } from "node:module";',
        "const require = __sdCreateRequire(import.meta.url);",
      ].join("\n"),
    },
    plugins: [yogaWithoutFetch],
    logLevel: "warning",
  });
  return FLOOR_BUNDLE;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await buildFloor());
}
