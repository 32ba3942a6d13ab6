// Deterministic generator of benchmark archives: N synthetic briefings in the mixed shapes the loader
// reads, an actors.yaml, the same items as one RSS 2.0 file, and a newsboat config that reads that file
// offline. Output: bench/archives/N/{briefings/, feed.xml, newsboat/, generator.json}.
//
//   node bench/generate.mjs 1000 10000        generate (or reuse) those sizes
//   node bench/generate.mjs --force 1000      regenerate even if cached
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as W from "./words.mjs";

/** The generator's own source is part of the version: any edit to it rebuilds cached archives. */
export const GENERATOR_VERSION = `4-${createHash("sha256")
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .update(readFileSync(new URL("./words.mjs", import.meta.url)))
  .digest("hex")
  .slice(0, 12)}`;
const SEED = 0x5d5e_2026;

const here = dirname(fileURLToPath(import.meta.url));
export const ARCHIVES = join(here, "archives");

// --- seeded PRNG (mulberry32): small, fast, and good enough for text shuffling ---
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function makeRng(seed) {
  const next = mulberry32(seed);
  const int = (n) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: (list) => list[int(list.length)],
    chance: (p) => next() < p,
  };
}

// --- the fixed actor pool (~200) and glossary pool, built once from the word lists ---
function acronymOf(name) {
  return name
    .split(/\s+/)
    .filter((w) => /^[A-Z]/.test(w))
    .map((w) => w[0])
    .join("");
}

function buildActors() {
  const rng = makeRng(SEED ^ 0xac7);
  const actors = [];
  const taken = new Set();
  const add = (actor) => {
    const keys = [actor.name, ...actor.aliases];
    if (keys.some((k) => taken.has(k))) return;
    for (const k of keys) taken.add(k);
    actors.push(actor);
  };
  for (const first of W.FIRST_NAMES) {
    for (let k = 0; k < 3; k++) {
      const last = W.SURNAMES[(W.FIRST_NAMES.indexOf(first) * 7 + k * 11) % W.SURNAMES.length];
      add({ name: `${first} ${last}`, kind: "person", aliases: [], role: rng.pick(W.PERSON_ROLES) });
    }
  }
  for (const domain of W.AGENCY_DOMAINS) {
    for (const form of [rng.pick(W.AGENCY_FORMS), rng.pick(W.AGENCY_FORMS)]) {
      const name = form.replace("{}", domain);
      const acronym = acronymOf(name);
      if (acronym.length < 3 || taken.has(acronym)) continue;
      add({ name, kind: "agency", aliases: [acronym] });
    }
  }
  for (const stem of W.COMPANY_STEMS) {
    for (let k = 0; k < 2; k++) {
      const short = `${stem} ${W.COMPANY_KINDS[(W.COMPANY_STEMS.indexOf(stem) + k * 3) % W.COMPANY_KINDS.length]}`;
      add({ name: `${short} ${rng.chance(0.5) ? "Inc." : "Corp."}`, kind: "company", aliases: [short] });
    }
  }
  for (const country of W.COUNTRIES) {
    add({
      name: W.GOVERNMENT_FORMS[country.length % 4].replace("{}", country),
      kind: "government",
      aliases: [],
    });
  }
  return actors;
}

function buildGlossary() {
  const rng = makeRng(SEED ^ 0x9105);
  const terms = [];
  for (const adj of W.TERM_ADJECTIVES) {
    for (const noun of W.TERM_NOUNS) {
      if (!rng.chance(0.4)) continue;
      const term = `${adj[0].toUpperCase()}${adj.slice(1)} ${noun}`;
      const definition = `${rng.pick(W.DEFINITION_OPENERS)} ${rng.pick(W.DEFINITION_VERBS)} ${rng.pick(W.DEFINITION_OBJECTS)}.`;
      terms.push({ term, definition: definition[0].toUpperCase() + definition.slice(1) });
    }
  }
  return terms;
}

export const ACTORS = buildActors();
export const GLOSSARY = buildGlossary();

// --- dates ---
const START = Date.UTC(2021, 0, 1);
const END = Date.UTC(2026, 5, 30);
const DAY = 86_400_000;
const pad = (n, w = 2) => String(n).padStart(w, "0");
const iso = (d) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const longDate = (d) => `${W.MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
const RFC822_DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const rfc822 = (d) =>
  `${RFC822_DAYS[d.getUTCDay()]}, ${pad(d.getUTCDate())} ${W.MONTHS[d.getUTCMonth()].slice(0, 3)} ${d.getUTCFullYear()} 09:00:00 +0000`;

// --- one briefing ---
function slugOf(title) {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .split("-")
    .slice(0, 4)
    .join("-");
}

/** A phrase naming an actor as a writer would on first mention. */
function mention(actor, first) {
  if (actor.kind === "person") return first ? `${actor.role} ${actor.name}` : actor.name.split(" ")[1];
  if (actor.kind === "agency") return first ? `${actor.name} (${actor.aliases[0]})` : actor.aliases[0];
  if (actor.kind === "company") return first ? actor.name : actor.aliases[0];
  return actor.name;
}

function makeWriter(rng, date, cast) {
  const seen = new Set();
  const who = () => {
    const actor = rng.pick(cast);
    const text = mention(actor, !seen.has(actor.name));
    seen.add(actor.name);
    return text;
  };
  // Explicit dates relative to the briefing's own date, in the forms the loader turns into events.
  const when = () => {
    const offset = rng.int(40) - 20;
    const d = new Date(date.getTime() + offset * DAY);
    switch (rng.int(5)) {
      case 0:
        return `on ${longDate(d)}`;
      case 1:
        return `on ${W.MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
      case 2:
        return `in ${W.MONTHS[d.getUTCMonth()]}`;
      case 3:
        return `in ${d.getUTCFullYear() - rng.int(2)}`;
      default:
        return "";
    }
  };
  const event = () => {
    const at = when();
    const s = `${who()} ${rng.pick(W.VERBS_PAST)} ${rng.pick(W.OBJECTS)} ${rng.pick(W.PLACES)}${at ? ` ${at}` : ""}.`;
    return s[0].toUpperCase() + s.slice(1);
  };
  const reaction = () => {
    const s = `${who()} ${rng.pick(["said", "told reporters", "wrote"])} the step was ${rng.pick(["overdue", "premature", "a compromise", "unworkable", "a first move"])}.`;
    return s[0].toUpperCase() + s.slice(1);
  };
  const paragraph = (kind) => {
    const n = 2 + rng.int(3);
    const out = [];
    for (let k = 0; k < n; k++) {
      if (kind === "why")
        out.push(
          k === 0 ? rng.pick(W.SIGNIFICANCE) : rng.chance(0.5) ? reaction() : rng.pick(W.SIGNIFICANCE),
        );
      else if (kind === "watch")
        out.push(k === 0 ? rng.pick(W.OUTLOOK) : rng.chance(0.5) ? event() : rng.pick(W.OUTLOOK));
      else out.push(rng.chance(0.7) ? event() : reaction());
    }
    return out.join(" ");
  };
  return { paragraph, event, who };
}

const SHAPES = ["structured", "prose", "headings", "bullets"];

/** Builds briefing number `i` of an archive of `n`: { relPath, text, title, date, id }. */
export function briefingAt(i, n) {
  const rng = makeRng((SEED ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const span = (END - START) / DAY;
  const date = new Date(START + Math.min(span, Math.floor((i * span) / n) + rng.int(3)) * DAY);
  const shape = SHAPES[i % SHAPES.length];
  const cast = Array.from({ length: 3 + rng.int(4) }, () => rng.pick(ACTORS));
  const terms = Array.from({ length: 2 + rng.int(3) }, () => rng.pick(GLOSSARY));
  const title = `${rng.pick(W.TITLE_SUBJECTS)} ${rng.pick(W.TITLE_TURNS)}`;
  const id = `${iso(date)}-${slugOf(title)}-${pad(i, 6)}`;
  const source = rng.pick(W.SOURCES);
  const w = makeWriter(rng, date, cast);
  const target = 2000 + rng.int(900);

  // Key points come first in the file, so they are written first: actors get their full name there.
  const keys = [w.event(), w.event(), w.event()];
  // Paragraph lists per section, grown until the file reaches its target size.
  const what = [w.paragraph("what")];
  const why = [w.paragraph("why")];
  const watch = [w.paragraph("watch")];
  const glossaryLines = terms.map((t) => `- ${t.term}: ${t.definition}`);
  // Terms are used in the text too, so the reader has something to highlight.
  what[0] += ` The ${terms[0].term.toLowerCase()} is at the centre of the dispute.`;

  const render = () => {
    const lines = [];
    if (shape === "structured") {
      lines.push(
        "---",
        `title: "${title}"`,
        `date: ${iso(date)}`,
        `source: ${source}`,
        "actors:",
        ...[...new Set(cast.map((a) => a.name))].map((a) => `  - ${a}`),
        `tags: [${rng.pick(W.TAGS)}]`,
        "---",
        "",
        ...keys.map((k) => `- ${k}`),
        "",
        "## What happened",
        "",
        what.join("\n\n"),
        "",
        "## Why it matters",
        "",
        why.join("\n\n"),
        "",
        "## What to watch",
        "",
        watch.join("\n\n"),
        "",
        "## Glossary",
        "",
        ...glossaryLines,
        "",
      );
    } else if (shape === "prose") {
      lines.push(
        title,
        "",
        `On ${longDate(date)}, ${what.join("\n\n")}`,
        "",
        `This matters because ${why.join("\n\n").replace(/^./, (c) => c.toLowerCase())}`,
        "",
        `Next, ${watch.join("\n\n").replace(/^./, (c) => c.toLowerCase())}`,
        "",
        `Source: ${source}`,
        "",
        ...glossaryLines,
        "",
      );
    } else if (shape === "headings") {
      lines.push(
        "---",
        `date: ${iso(date)}`,
        "---",
        "",
        `# ${title}`,
        "",
        `## The Backstory: ${rng.pick(W.SUBTITLES)}`,
        "",
        what.join("\n\n"),
        "",
        `## What Is the ${terms[0].term}?`,
        "",
        `${terms[0].term} is ${terms[0].definition[0].toLowerCase()}${terms[0].definition.slice(1)}`,
        "",
        `## Between the Lines: ${rng.pick(W.SUBTITLES)}`,
        "",
        why.join("\n\n"),
        "",
        "## Looking Ahead",
        "",
        watch.join("\n\n"),
        "",
        "### Key terms",
        "",
        ...glossaryLines,
        "",
        `Source assisted: ${source}`,
        "",
      );
    } else {
      lines.push(
        title,
        "",
        ...keys.map((k) => `• ${k}`),
        "",
        `Driving the news: ${what.join("\n\n")}`,
        "",
        `Why it matters: ${why.join("\n\n")}`,
        "",
        `What's next: ${watch.join("\n\n")}`,
        "",
        `Source: ${source}, ${longDate(date)}`,
        "",
      );
    }
    return lines.join("\n");
  };

  let text = render();
  const sections = [what, why, watch];
  const kinds = ["what", "why", "watch"];
  while (text.length < target) {
    const s = rng.int(3);
    if (sections[s].length < 3 && rng.chance(0.5)) sections[s].push(w.paragraph(kinds[s]));
    else sections[s][sections[s].length - 1] += ` ${w.event()}`;
    text = render();
  }
  const ext = shape === "prose" ? "txt" : "md";
  const relPath = `${date.getUTCFullYear()}/${pad(date.getUTCMonth() + 1)}/${id}.${ext}`;
  return { relPath, text, title, date, id, source };
}

function actorsYaml() {
  const out = ["# Invented actors for the benchmark archive."];
  for (const a of ACTORS) {
    out.push(`- name: "${a.name}"`, `  kind: ${a.kind}`);
    if (a.aliases.length > 0) out.push(`  aliases: [${a.aliases.map((x) => `"${x}"`).join(", ")}]`);
  }
  return `${out.join("\n")}\n`;
}

const xmlEscape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

function newsboatConfig() {
  // Opens the one feed at start-up, so "launch until the item list is on screen" needs no key press.
  return [
    "auto-reload no",
    "show-read-feeds yes",
    "show-read-articles yes",
    "cleanup-on-quit no",
    "confirm-exit no",
    "max-items 0",
    "run-on-startup open",
    "",
  ].join("\n");
}

/** Where archive `n` lives and what it holds. */
export function archivePaths(n) {
  const root = join(ARCHIVES, String(n));
  return {
    root,
    briefings: join(root, "briefings"),
    feed: join(root, "feed.xml"),
    newsboatDir: join(root, "newsboat"),
    newsboatUrls: join(root, "newsboat", "urls"),
    newsboatConfig: join(root, "newsboat", "config"),
    newsboatCache: join(root, "newsboat", "cache.db"),
    stamp: join(root, "generator.json"),
  };
}

function readStamp(n) {
  try {
    return JSON.parse(readFileSync(archivePaths(n).stamp, "utf8"));
  } catch {
    return null;
  }
}

/** Generates archive `n` unless a current one exists; returns its stamp (ids to use, sizes). */
export function ensureArchive(n, { force = false, log = () => {} } = {}) {
  const stamp = readStamp(n);
  if (!force && stamp && stamp.version === GENERATOR_VERSION && stamp.n === n)
    return { ...stamp, cached: true };
  const started = process.hrtime.bigint();
  const final = archivePaths(n);
  const tmp = `${final.root}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const made = new Set();
  let bytes = 0;
  const feedChunks = [];
  const ids = [];
  const feedPath = join(tmp, "feed.xml");
  mkdirSync(join(tmp, "briefings"), { recursive: true });
  mkdirSync(join(tmp, "newsboat"), { recursive: true });
  writeFileSync(
    feedPath,
    `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>\n<title>signaldesk bench ${n}</title>\n<link>https://briefings.invalid/</link>\n<description>Synthetic briefings</description>\n`,
  );
  for (let i = 0; i < n; i++) {
    const b = briefingAt(i, n);
    const dir = join(tmp, "briefings", dirname(b.relPath));
    if (!made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    writeFileSync(join(tmp, "briefings", b.relPath), b.text);
    bytes += Buffer.byteLength(b.text);
    ids.push(b.id);
    feedChunks.push(
      `<item><title>${xmlEscape(b.title)}</title><link>https://briefings.invalid/${b.id}</link><guid isPermaLink="false">${b.id}</guid><pubDate>${rfc822(b.date)}</pubDate><author>${xmlEscape(b.source)}</author><description>${xmlEscape(b.text)}</description></item>\n`,
    );
    if (feedChunks.length >= 2000) {
      writeFileSync(feedPath, feedChunks.join(""), { flag: "a" });
      feedChunks.length = 0;
    }
    if (i > 0 && i % 20000 === 0) log(`  ${n}: ${i} briefings written`);
  }
  feedChunks.push("</channel></rss>\n");
  writeFileSync(feedPath, feedChunks.join(""), { flag: "a" });
  writeFileSync(join(tmp, "briefings", "actors.yaml"), actorsYaml());
  writeFileSync(join(tmp, "newsboat", "urls"), `file://${final.feed}\n`);
  writeFileSync(join(tmp, "newsboat", "config"), newsboatConfig());
  const result = {
    version: GENERATOR_VERSION,
    n,
    bytes,
    actors: ACTORS.length,
    glossaryTerms: GLOSSARY.length,
    // Ids for `print ID`: first, middle and last by date.
    sampleIds: [ids[0], ids[Math.floor(n / 2)], ids[n - 1]],
    firstTitle: briefingAt(0, n).title,
    lastTitle: briefingAt(n - 1, n).title,
    seconds: Number(process.hrtime.bigint() - started) / 1e9,
  };
  writeFileSync(join(tmp, "generator.json"), `${JSON.stringify(result, null, 2)}\n`);
  rmSync(final.root, { recursive: true, force: true });
  mkdirSync(ARCHIVES, { recursive: true });
  renameSync(tmp, final.root);
  return { ...result, cached: false };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
  for (const n of sizes.length > 0 ? sizes : [1000]) {
    const stamp = ensureArchive(n, { force, log: (m) => console.log(m) });
    console.log(
      `${n}: ${(stamp.bytes / 1e6).toFixed(1)} MB of briefings, ${stamp.actors} actors, ${stamp.glossaryTerms} terms` +
        (stamp.cached ? " (cached)" : `, generated in ${stamp.seconds.toFixed(1)} s`),
    );
  }
}
