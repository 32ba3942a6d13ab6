// Bundles the CLI into dist/. The TUI is a separate chunk reached only by dynamic import,
// so `print`, `list --json` and friends never parse Ink or React.
import { createHash } from "node:crypto";
import { mkdir, readdir, readFile, realpath, rm, writeFile } from "node:fs/promises";
import path from "node:path";
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

// Ink measures and tokenises every line of every frame from scratch (its caches live one frame). A
// cursor move changes two rows of thirty, so the caches are kept across frames, bounded so that a
// long session scrolling through 100k rows does not grow them without end.
const inkCachesAcrossFrames = {
  name: "ink-caches-across-frames",
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]output\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const cached = source.replace("caches = new OutputCaches();", "caches = sharedOutputCaches();");
      if (cached === source) throw new Error("ink changed: Output's per-frame caches were not found");
      const patched = cached.replace(
        "    get() {\n",
        "    get() {\n        const sdRows = sdRowsOnly(this);\n        if (sdRows) return sdRows;\n",
      );
      if (patched === cached) throw new Error("ink changed: Output's get() was not found");
      const rows = await readFile(`${root}/scripts/patches/ink-output-rows.js`, "utf8");
      const shared = [
        "let sdSharedCaches;",
        "function sharedOutputCaches() {",
        "  const c = sdSharedCaches;",
        "  if (c === undefined || c.styledChars.size > 4000 || c.widths.size > 20000 || c.blockWidths.size > 4000)",
        "    sdSharedCaches = new OutputCaches();",
        "  return sdSharedCaches;",
        "}",
      ].join("\n");
      return { contents: `${patched}\n${shared}\n${rows}\n`, loader: "js" };
    });
  },
};

// string-width 7 (src/text/width.ts) builds an Intl.Segmenter as it loads, and the first one loads
// ICU's break data: 13 ms of a `print`. It is built on first need instead, and one code unit (the
// width of a single character, all width.ts asks of it for plain text) needs none.
const stringWidthLazySegmenter = {
  name: "string-width-lazy-segmenter",
  setup(b) {
    b.onLoad({ filter: /node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      // Only the copy the project depends on; Ink's own copies (version 8) load with Ink.
      const own = await realpath(path.join(root, "node_modules/string-width/index.js"));
      if ((await realpath(args.path)) !== own) return undefined;
      const source = await readFile(args.path, "utf8");
      const lazy = source.replace("const segmenter = new Intl.Segmenter();", "let segmenter;");
      const patched = lazy.replace(
        "of segmenter.segment(string))",
        "of (string.length === 1 ? [{segment: string}] : (segmenter ??= new Intl.Segmenter()).segment(string)))",
      );
      if (lazy === source || patched === lazy)
        throw new Error("string-width changed: its segmenter was not found");
      return { contents: patched, loader: "js" };
    });
  },
};

// Ink measures every text node with widest-line on every frame, outside its own measure cache.
const widestLineCached = {
  name: "widest-line-cached",
  setup(b) {
    b.onLoad({ filter: /widest-line[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const patched = source.replace("export default function widestLine(", "function widestLineUncached(");
      if (patched === source) throw new Error("widest-line changed: its export was not found");
      const cached = [
        "const sdWidths = new Map();",
        "export default function widestLine(text) {",
        "  let w = sdWidths.get(text);",
        "  if (w === undefined) {",
        "    w = widestLineUncached(text);",
        "    if (sdWidths.size >= 8000) sdWidths.clear();",
        "    sdWidths.set(text, w);",
        "  }",
        "  return w;",
        "}",
      ].join("\n");
      return { contents: `${patched}\n${cached}\n`, loader: "js" };
    });
  },
};

// Ink 6.8's incremental renderer (rewrite only the lines that changed) moves the cursor up one line too
// few when the previous frame ended in a newline, which every frame shorter than the terminal does:
// each frame then lands a line lower. Fixed here by counting that newline; Ink 7 fixed it upstream.
const inkIncrementalCursor = {
  name: "ink-incremental-cursor",
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]log-update\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const wrong = "buffer.push(ansiEscapes.cursorUp(previousVisible - 1));";
      const right =
        "buffer.push(ansiEscapes.cursorUp(previousVisible - (previousOutput.endsWith('\\n') ? 0 : 1)));";
      if (!source.includes(wrong)) throw new Error("ink changed: the incremental cursor move was not found");
      return { contents: source.replace(wrong, right), loader: "js" };
    });
  },
};

// Ink answers a resize by drawing at once, before the app has seen the new size, so that frame is laid
// out for the old width; and it clears first only when the terminal got narrower, with cursor moves
// relative to where its last frame ended. The terminal has by then reflowed that frame (rows wrap or
// unwrap, the cursor moves with them), so later frames land on the wrong rows and stale lines stay.
// The reader owns the whole alternate screen from its top-left corner: after a resize, once the app
// has rendered for the new size (the same turn of the loop), the screen is cleared and drawn whole,
// and once more when resizing has been still for 150 ms, in case a frame of a busy machine's
// backlog landed over it.
const inkResizeRepaint = {
  name: "ink-resize-repaint",
  setup(b) {
    b.onLoad({ filter: /ink[\\/]build[\\/]ink\.js$/ }, async (args) => {
      const source = await readFile(args.path, "utf8");
      const start = source.indexOf("    resized = () => {");
      const end = source.indexOf("    resolveExitPromise = ");
      const body = source.slice(start, end);
      if (start < 0 || end < start || !body.includes("this.lastTerminalWidth = currentWidth;"))
        throw new Error("ink changed: the resize handler was not found");
      const repaint = [
        "    resized = () => {",
        "        this.lastTerminalWidth = this.getTerminalWidth();",
        "        const repaint = () => {",
        "            if (this.isUnmounted) return;",
        "            this.options.stdout.write('\\x1b[H\\x1b[2J');",
        "            this.log.clear();",
        "            this.lastOutput = '';",
        "            this.lastOutputToRender = '';",
        "            this.lastOutputHeight = 0;",
        "            this.calculateLayout();",
        "            this.onRender();",
        "        };",
        "        if (!this.sdRepaint)",
        "            this.sdRepaint = setImmediate(() => {",
        "                this.sdRepaint = undefined;",
        "                repaint();",
        "            });",
        "        clearTimeout(this.sdSettle);",
        "        this.sdSettle = setTimeout(repaint, 150);",
        "        this.sdSettle.unref?.();",
        "    };",
        "",
      ].join("\n");
      return { contents: source.slice(0, start) + repaint + source.slice(end), loader: "js" };
    });
  },
};

const PATCHES = [
  yogaWithoutFetch,
  inkCachesAcrossFrames,
  widestLineCached,
  stringWidthLazySegmenter,
  inkIncrementalCursor,
  inkResizeRepaint,
];
const applied = new Set();
/** The patch, recording that it ran on its target. */
function checked(plugin) {
  return {
    name: plugin.name,
    setup(b) {
      plugin.setup({
        onLoad: (opts, fn) =>
          b.onLoad(opts, async (args) => {
            const result = await fn(args);
            applied.add(plugin.name);
            return result;
          }),
      });
    },
  };
}

const root = fileURLToPath(new URL("..", import.meta.url));

const SHEBANG = "#!/usr/bin/env node";
// Bundled CommonJS (React, better-sqlite3's JavaScript) calls `require`, which an ES module lacks.
const REQUIRE_BANNER = [
  'import { createRequire as __sdCreateRequire } from "node:module";',
  "const require = __sdCreateRequire(import.meta.url);",
];

/**
 * A hash of the code that turns a file into what the store keeps (the parser, the story's pieces a
 * digest holds, the loading and the store): a store written by another build is rebuilt, whatever
 * the files' timestamps say (fixed in reproducible builds).
 */
async function parserHash() {
  const hash = createHash("sha256");
  for (const folder of ["src/briefing", "src/story", "src/load", "src/store"]) {
    const names = (await readdir(`${root}/${folder}`)).filter((n) => n.endsWith(".ts")).sort();
    for (const name of names)
      hash.update(`${folder}/${name}\0`).update(await readFile(`${root}/${folder}/${name}`));
  }
  return hash.digest("hex").slice(0, 16);
}
await rm(`${root}/dist`, { recursive: true, force: true });
await mkdir(`${root}/dist`, { recursive: true });

const shared = {
  absWorkingDir: root,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minify: process.env.SIGNALDESK_BUILD_DEBUG !== "1",
  sourcemap: false,
  legalComments: "none",
  define: {
    "process.env.NODE_ENV": '"production"',
    __SIGNALDESK_PARSER__: JSON.stringify(await parserHash()),
  },
  // better-sqlite3's JavaScript is bundled; its native addon is loaded from node_modules at run time
  // (src/store/sqlite.ts).
  // Ink imports react-devtools-core only when DEV is set; the stub keeps it out of the bundle.
  // is-in-ci makes Ink draw nothing when CI is set; a person running the reader with CI=1 must still see it.
  alias: {
    "react-devtools-core": "./scripts/stubs/react-devtools-core.js",
    "is-in-ci": "./scripts/stubs/is-in-ci.js",
    bindings: "./scripts/stubs/bindings.cjs",
  },
  banner: { js: [SHEBANG, ...REQUIRE_BANNER].join("\n") },
  plugins: PATCHES.map(checked),
  logLevel: "warning",
};

const PRINT_BUNDLE = "print.js";

// The whole command line, split: each module in the chunk of the entries and dynamic imports that
// reach it. The print bundle is left out of it (built next, from the same sources).
const whole = await build({
  ...shared,
  entryPoints: { signaldesk: "src/cli/entry.ts", worker: "src/load/worker.ts" },
  outdir: "dist",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  metafile: true,
  plugins: [
    ...shared.plugins,
    {
      name: "print-bundle-apart",
      setup(b) {
        b.onResolve({ filter: /^\.\/print-fast\.js$/ }, () => ({
          path: `./${PRINT_BUNDLE}`,
          external: true,
        }));
      },
    },
  ],
});

// `print ID`'s modules in one file (src/cli/print-fast.ts): split, the same path loaded 24 files, and
// Node's loader costs about 1 M instructions a file before any of its code runs. What it imports
// dynamically (a config's parser, the briefing parser, the JSON format's read state, markdown) is
// the whole command line's chunk of that module, not a second copy: those modules take and give plain
// values, never an object whose class the bundle would have twice.
const chunkOf = new Map();
for (const [out, meta] of Object.entries(whole.metafile.outputs))
  if (meta.entryPoint !== undefined)
    chunkOf.set(path.resolve(root, meta.entryPoint), path.resolve(root, out));
await build({
  ...shared,
  entryPoints: ["src/cli/print-fast.ts"],
  outfile: `dist/${PRINT_BUNDLE}`,
  plugins: [
    ...shared.plugins,
    {
      name: "dynamic-imports-from-the-whole",
      setup(b) {
        b.onResolve({ filter: /.*/ }, async (args) => {
          if (args.kind !== "dynamic-import" || args.path.startsWith("node:") || args.pluginData?.inner)
            return undefined;
          const found = await b.resolve(args.path, {
            kind: "dynamic-import",
            resolveDir: args.resolveDir,
            pluginData: { inner: true },
          });
          const chunk = chunkOf.get(found.path);
          if (chunk === undefined) throw new Error(`print bundle: ${args.path} is not a chunk of the whole`);
          return { path: `./${path.relative(`${root}/dist`, chunk)}`, external: true };
        });
      },
    },
  ],
});

// The parser this thread runs when a start has a few files to parse (src/load/parser-entry.ts): one
// CommonJS file, which src/store/code-cache.ts compiles with V8's code cache (Node 20 keeps none for
// ES modules). The store's modules it reaches (for a checksum) name `import.meta.url` at their top.
await build({
  ...shared,
  entryPoints: ["src/load/parser-entry.ts"],
  outfile: "dist/parser.cjs",
  format: "cjs",
  banner: {},
  define: { ...shared.define, "import.meta.url": "importMetaUrl" },
  inject: ["./scripts/stubs/import-meta-url.js"],
});

// Each file of the bundle is a module Node resolves, reads and links on its own, and the banner's
// createRequire costs each one a Module and its search paths: a file that never names `require` (most
// of them) does without it. `print ID` loads twenty-odd of them.
for (const name of await readdir(`${root}/dist`, { recursive: true })) {
  if (!name.endsWith(".js")) continue;
  const file = `${root}/dist/${name}`;
  const code = await readFile(file, "utf8");
  const banner = `${[SHEBANG, ...REQUIRE_BANNER].join("\n")}\n`;
  if (!code.startsWith(banner)) throw new Error(`${name} does not start with the banner`);
  const body = code.slice(banner.length);
  if (!/\brequire\b/.test(body)) await writeFile(file, `${SHEBANG}\n${body}`);
}

// A patch whose target file was never loaded (the dependency moved or renamed it) fails the build
// too, as one whose target text is gone does.
const missed = PATCHES.filter((p) => !applied.has(p.name)).map((p) => p.name);
if (missed.length > 0) throw new Error(`patches whose target file is gone: ${missed.join(", ")}`);

// The man page, from the help text of what was just built.
await import("./man.mjs");
