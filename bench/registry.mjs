// The large-registry figure: `list` of the 1,000-briefing archive with a 25,000-actor actors.yaml
// against the same folder with none. Actor matching must stay near linear in text plus registry size
// (src/briefing/actor-matcher.ts); the target is within 3x. No cache, so every round parses.
//
//   node bench/registry.mjs [--rounds 5] [--bundle dist/signaldesk.js] [--actors 25000]
//
// Run alone it prints the figure and writes bench/out/registry.json; run.mjs runs it too and the
// report shows it.
import { cpSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ACTORS, archivePaths, ensureArchive } from "./generate.mjs";
import { Samples } from "./stats.mjs";
import { childEnv, timeToExit } from "./subjects.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
export const REGISTRY_BRIEFINGS = 1000;
export const REGISTRY_ACTORS = 25_000;

const SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tor", "vel", "zu", "bri", "dan", "el", "fo", "gri", "hal"];
const KINDS = ["Agency", "Bureau", "Council", "Holdings", "Systems", "Institute", "Ministry", "Group"];

/** `count` invented actors (people, organisations with acronyms) after the archive's own ones. */
export function registryYaml(count) {
  const out = ["# A registry far larger than any story needs, for the benchmark."];
  const word = (i, n) => {
    let w = "";
    for (let k = 0; k < n; k++)
      w += SYLLABLES[(i * (k + 3) + k * 7 + Math.floor(i / (k + 1))) % SYLLABLES.length];
    return w[0].toUpperCase() + w.slice(1);
  };
  for (const a of ACTORS) {
    out.push(`- name: "${a.name}"`, `  kind: ${a.kind}`);
    if (a.aliases.length > 0) out.push(`  aliases: [${a.aliases.map((x) => `"${x}"`).join(", ")}]`);
  }
  for (let i = 0; out.length < count * 2 + 1; i++) {
    if (i % 3 === 2) {
      const name = `${word(i, 2)} ${KINDS[i % KINDS.length]} ${i}`;
      out.push(`- name: ${name}`, `  kind: agency`, `  aliases: [X${i.toString(36).toUpperCase()}]`);
    } else out.push(`- name: ${word(i, 2)} ${word(i + 5, 3)} ${i}`, "  kind: person");
  }
  return `${out.join("\n")}\n`;
}

function parseArgs(argv) {
  const opts = { rounds: 5, bundle: "dist/signaldesk.js", actors: REGISTRY_ACTORS };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--rounds") opts.rounds = Number(argv[++i]);
    else if (a === "--bundle") opts.bundle = argv[++i];
    else if (a === "--actors") opts.actors = Number(argv[++i]);
    else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

/** Interleaved rounds of `list` without and with the large registry; medians and their ratio. */
export async function registryBench({
  rounds = 5,
  bundle = "dist/signaldesk.js",
  actors = REGISTRY_ACTORS,
  log = () => {},
} = {}) {
  ensureArchive(REGISTRY_BRIEFINGS, { log });
  const scratch = mkdtempSync(join(tmpdir(), "sd-bench-registry-"));
  try {
    const plain = join(scratch, "plain");
    const large = join(scratch, "large");
    for (const d of [plain, large])
      cpSync(archivePaths(REGISTRY_BRIEFINGS).briefings, d, { recursive: true });
    rmSync(join(plain, "actors.yaml"));
    writeFileSync(join(large, "actors.yaml"), registryYaml(actors));
    const registryBytes = statSync(join(large, "actors.yaml")).size;
    const samples = new Samples();
    const env = childEnv({ SIGNALDESK_NO_CACHE: "1" });
    const bin = resolve(root, bundle);
    for (let r = 0; r < rounds; r++) {
      for (const [key, dir] of [
        ["without", plain],
        ["with", large],
      ]) {
        const t = await timeToExit(process.execPath, [bin, "--dir", dir, "list"], {
          env,
          timeoutMs: 600_000,
        });
        samples.add(`registry.${key}`, t.ms, t.reason);
        log(
          `  registry round ${r + 1}/${rounds}: ${key} ${t.ms === null ? t.reason : `${Math.round(t.ms)} ms`}`,
        );
      }
    }
    const without = samples.stats("registry.without");
    const withIt = samples.stats("registry.with");
    return {
      briefings: REGISTRY_BRIEFINGS,
      actors,
      registryBytes,
      rounds,
      withoutMs: without?.p50 ?? null,
      withMs: withIt?.p50 ?? null,
      ratio: without?.p50 && withIt?.p50 ? withIt.p50 / without.p50 : null,
    };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The figure as report lines. */
export function registryReport(r) {
  const fmt = (v) => (v === null ? "failed" : `${(v / 1000).toFixed(2)} s`);
  const ratio = r.ratio === null ? "n/a" : `${r.ratio.toFixed(2)}×`;
  const met = r.ratio !== null && r.ratio <= 3 ? "met" : "MISSED";
  return [
    "## A large actor registry",
    "",
    `\`list\` of the ${r.briefings.toLocaleString("en")}-briefing archive, no cache (every file parsed), median of ${r.rounds} interleaved rounds:`,
    "",
    "| actors.yaml | list |",
    "| --- | --- |",
    `| none | ${fmt(r.withoutMs)} |`,
    `| ${r.actors.toLocaleString("en")} actors (${(r.registryBytes / 1024 / 1024).toFixed(1)} MB) | ${fmt(r.withMs)} |`,
    "",
    `Ratio ${ratio}; target within 3×: ${met}. Before the matcher of \`src/briefing/actor-matcher.ts\` (one`,
    "alternation regex of every name, tried at every position of every text), a 2 MB registry of about",
    "25,000 actors kept this `list` running past 600 s.",
    "",
  ];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const result = await registryBench({ ...opts, log: (m) => process.stderr.write(`${m}\n`) });
  mkdirSync(join(root, "bench/out"), { recursive: true });
  writeFileSync(join(root, "bench/out/registry.json"), `${JSON.stringify(result, null, 2)}\n`);
  process.stdout.write(`${registryReport(result).join("\n")}\n`);
}
