// A generated folder of about 600 briefings holding every case the reader's load and the CLI's load
// could disagree on (test/story/load-story.test.ts, background.test.ts), and how to write one.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { MONTH_NAMES } from "../../src/briefing/calendar.js";

// --- a large folder with every case the two loads could disagree on ---

const AGENCIES = ["the agency", "the ministry", "the regulator", "the commission", "the bureau"];
const TARGETS = ["the lab", "the chipmaker", "the cloud provider", "the startup", "the consortium"];
const ACTS = [
  "ordered {t} to halt exports of model weights",
  "fined {t} for shipping accelerators abroad",
  "opened an inquiry into {t} over licence breaches",
  "granted {t} a temporary licence for allied customers",
  "lifted the ban on {t} selling inference services",
];
const MONTHS = MONTH_NAMES;
// One term in several spellings: the glossary must merge them the same way in both loads.
const EXPORT_CONTROL = ["Export Control", "Export Controls", "Export-Control", "EXPORT CONTROLS"];
const ALIASES = ["BIS", "Commerce Department", "Lutnick", "Pentagon", "EU", "AWS", "Palantir Technologies"];

const pad = (n: number) => String(n).padStart(2, "0");
const iso = (m: number, d: number) => `2026-${pad(m)}-${pad(d)}`;
const spelled = (m: number, d: number) => `${MONTHS[m - 1]} ${d}, 2026`;

/** Deterministic: the same folder on every run, so a failure can be reproduced. */
export function makeArchive(): Map<string, string> {
  const files = new Map<string, string>();
  const folders = ["", "2026/spring", "2026/summer", "wire", "desk/late"];
  for (let i = 0; i < 560; i++) {
    const m = (i % 12) + 1;
    const d = (i % 27) + 1;
    const agency = AGENCIES[i % AGENCIES.length]!;
    const target = TARGETS[(i * 7) % TARGETS.length]!;
    const act = ACTS[(i * 3) % ACTS.length]!.replace("{t}", target);
    const alias = ALIASES[i % ALIASES.length]!;
    const undated = i % 23 === 0;
    const inferred = !undated && i % 9 === 4;
    const withId = i % 41 === 5;
    const fm: string[] = [];
    if (!inferred && !undated) fm.push(`date: ${iso(m, d)}`);
    if (i % 3 !== 0) fm.push(`title: Briefing ${i} on ${agency.replace("the ", "")} and ${alias}`);
    if (i % 5 === 0) fm.push(`tags: [export-controls, t${i % 4}]`);
    if (i % 7 === 0) fm.push("actors: [Anthropic, Bureau of Industry and Security]");
    if (withId) fm.push(`id: custom-${i}`);
    if (i % 61 === 11) fm.push("author: someone"); // unknown key: a warning, not a failure
    const body: string[] = [];
    if (i % 3 === 0) body.push(`# Report ${i}: ${agency} acts`, "");
    body.push("## What happened", "");
    if (undated) {
      // No day anywhere: the briefing stays undated, but year-only events still reach the timeline.
      body.push(`Since 2025 ${agency} has watched ${target} closely, and ${alias} said so again.`, "");
    } else {
      body.push(`On ${spelled(m, d)} ${agency} ${act}.`, "");
      if (i % 4 === 0)
        body.push(`In ${MONTHS[m - 1]} 2026 ${alias} published new guidance on export controls.`, "");
      if (i % 6 === 0) body.push(`In 2025 ${target} began asking about deemed exports.`, "");
    }
    body.push("## Why it matters", "");
    body.push(`The decision tests how far export-control powers reach; ${alias} is watching.`, "");
    body.push("## What to watch", "");
    body.push(`Whether ${target} appeals before the end of ${MONTHS[(m + 1) % 12]}.`, "");
    const gloss: string[] = [];
    if (i % 4 === 1)
      gloss.push(`- ${EXPORT_CONTROL[i % EXPORT_CONTROL.length]}: A rule on moving goods abroad (${i % 3}).`);
    if (i % 10 === 2) gloss.push("- Model Weights: The learned numbers that make a model what it is.");
    // Defined only by the last briefings of the year, mentioned by earlier ones ("deemed exports").
    if (m === 12 && i % 5 === 1)
      gloss.push("- Deemed Export: Sharing controlled know-how with a foreign person at home.");
    if (gloss.length > 0) body.push(...gloss, "");
    const text = `${fm.length > 0 ? `---\n${fm.join("\n")}\n---\n` : ""}${body.join("\n")}`;
    const folder = folders[i % folders.length]!;
    const ext = i % 13 === 3 ? "txt" : "md";
    files.set(path.join(folder, `brief-${i}.${ext}`), text);
  }
  // Same file name in two folders: the later relPath loads under another id, with a warning.
  for (let k = 0; k < 12; k++) {
    for (const folder of ["wire", "desk/late"]) {
      const m = (k % 6) + 3;
      files.set(
        path.join(folder, `report-${k}.md`),
        `---\ndate: ${iso(m, 10 + k)}\n---\n# ${folder} report ${k}\n\nOn ${spelled(m, 10 + k)} ${AGENCIES[k % 5]} met ${TARGETS[k % 5]} in Brussels.\n`,
      );
    }
  }
  // A front matter id that is another file's name.
  files.set(
    "claims-brief-7.md",
    "---\nid: brief-7\ndate: 2026-03-03\n---\n# Claims an id\n\nOn March 3, 2026 a claim was made.\n",
  );
  // The same event told by two briefings one to three days apart, in different words: both flagged.
  for (let k = 0; k < 14; k++) {
    const m = (k % 6) + 1;
    const d = 5 + k;
    const gap = (k % 3) + 1;
    const who = ["the agency", "the regulator", "the bureau"][k % 3]!;
    files.set(
      path.join("conflicts", `first-${k}.md`),
      `---\ndate: ${iso(m, d)}\n---\n# First account ${k}\n\nOn ${spelled(m, d)} ${who} ordered the lab to halt exports of model weights.\n`,
    );
    files.set(
      path.join("conflicts", `second-${k}.md`),
      `---\ndate: ${iso(m, d + gap)}\n---\n# Second account ${k}\n\nOn ${spelled(m, d + gap)} ${who} ordered the lab to halt exports of the model weights.\n`,
    );
  }
  // Files that do not load, and one that loads with no date at all.
  files.set("broken/unclosed.md", "---\ntitle: never closed\ndate: 2026-01-01\n\nBody.\n");
  files.set("broken/bad-date.md", "---\ndate: 2026-02-30\n---\nOn February 3, 2026 nothing.\n");
  files.set("broken/empty.md", "");
  files.set("broken/list.md", "---\n- a\n- b\n---\nText.\n");
  files.set("plain-undated.txt", "Notes without any date\n\nThe lab said export controls would bite.\n");
  return files;
}

/** Writes `files` under `dir`, with the bundled registry (`actors.yaml` from `bundled`). */
export async function writeFolder(dir: string, files: Map<string, string>, bundled: string) {
  for (const [rel, text] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), text);
  }
  await copyFile(path.join(bundled, "actors.yaml"), path.join(dir, "actors.yaml"));
}
