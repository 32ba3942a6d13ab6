// What this thread needs to parse files (pool.ts): built apart as dist/parser.cjs, one CommonJS file
// that code-cache.ts runs with V8's code cache, so a start that parses a file or two does not compile
// the parser (marked, yaml, zod and the briefing modules) from source each time. Its functions take
// and give plain values only, so that this second copy of the modules beside the bundle's is harmless;
// the actor index is module state, handed to this copy with `keepIndex`. The reader opens briefings
// with its `parseBriefing` too (tui/bodies.ts): one parser per process, whichever needs it first.
export { keepIndex } from "../briefing/actor-names.js";
export { parseBriefing } from "../briefing/parse.js";
export { parseFile } from "./parse-file.js";
