// Briefings built in code for the reader's tests: a made-up local story (a harbour city's water
// dispute), plus one in Japanese with emoji for width checks.
import type {
  Briefing,
  DatedEvent,
  LoadResult,
  Paragraph,
  RegistryActor,
} from "../../src/briefing/schema.js";

export function para(text: string, line: number, subsection?: string): Paragraph {
  return subsection ? { text, line, subsection } : { text, line };
}

export function event(date: string, text: string, line: number): DatedEvent {
  const precision = date.length === 4 ? "year" : date.length === 7 ? "month" : "day";
  return { date, precision, text, line, yearInferred: false, yearUnknown: false, expected: false };
}

export function briefing(over: Partial<Briefing> & { id: string }): Briefing {
  return {
    path: `/briefings/${over.id}.md`,
    relPath: `${over.id}.md`,
    title: `Briefing ${over.id}`,
    date: null,
    dateInferred: false,
    dateNote: null,
    source: null,
    actors: [],
    tags: [],
    keyPoints: [],
    sections: { whatHappened: [], whyItMatters: [], whatToWatch: [] },
    glossary: [],
    events: [],
    warnings: [],
    story: null,
    follows: [],
    ...over,
  };
}

export const registry: RegistryActor[] = [
  { name: "Mara Quell", kind: "person", aliases: ["Quell"] },
  { name: "Tidewater Utility", kind: "company", aliases: ["Tidewater"] },
  { name: "Harbor City Council", kind: "government", aliases: [] },
];

export const pumpVote = briefing({
  id: "pump-vote",
  title: "Council delays vote on the north pump station",
  date: "2026-03-04",
  source: "https://example.org/harbor/pump-vote",
  actors: ["Harbor City Council", "Tidewater Utility"],
  tags: ["water"],
  keyPoints: [para("The council put off its vote on the pump station by two weeks.", 8)],
  sections: {
    whatHappened: [
      para(
        "On March 3 the council postponed the vote after Tidewater Utility asked for a new rate case.",
        12,
      ),
      para("Members said the aquifer survey was not finished.", 14, "The survey"),
    ],
    whyItMatters: [para("The pump station decides how much the aquifer is drawn down each summer.", 18)],
    whatToWatch: [para("A new vote is planned for March 17.", 22)],
  },
  glossary: [
    {
      term: "Aquifer",
      definition: "Rock and sand under the city that hold the groundwater it pumps.",
      line: 26,
    },
    { term: "Rate case", definition: "A utility's formal request to change what customers pay.", line: 27 },
  ],
  events: [
    event(
      "2026-03-03",
      "On March 3 the council postponed the vote after Tidewater Utility asked for a new rate case.",
      12,
    ),
    event("2026-03-17", "A new vote is planned for March 17.", 22),
  ],
});

export const quellLetter = briefing({
  id: "quell-letter",
  title: "Mara Quell writes to residents about water prices",
  date: "2026-04-10",
  source: "Harbor Gazette",
  actors: ["Mara Quell", "Tidewater Utility"],
  tags: ["water", "prices"],
  sections: {
    whatHappened: [
      para("Mara Quell sent a letter on April 9 saying bills would rise under the rate case.", 10),
    ],
    whyItMatters: [para("Households would pay more from the summer onwards.", 12)],
    whatToWatch: [para("Tidewater Utility is expected to answer in May 2026.", 14)],
  },
  glossary: [{ term: "Tariff", definition: "The published price list for water.", line: 18 }],
  events: [
    event(
      "2026-04-09",
      "Mara Quell sent a letter on April 9 saying bills would rise under the rate case.",
      10,
    ),
    event("2026-05", "Tidewater Utility is expected to answer in May 2026.", 14),
  ],
});

export const tokyo = briefing({
  id: "tokyo-water",
  title: "東京の水道料金が上がる 💧 広い文字のテスト",
  date: "2026-05-02",
  source: "東京新聞",
  actors: ["東京都水道局"],
  sections: {
    whatHappened: [
      para(
        "東京都水道局は五月一日に料金の改定を発表した。🚰🚰🚰 長い行の折り返しを確かめるための文章です。",
        6,
      ),
    ],
    whyItMatters: [para("家計への影響が大きい。", 8)],
    whatToWatch: [para("議会の判断を待つ。", 10)],
  },
  events: [event("2026-05-01", "東京都水道局は五月一日に料金の改定を発表した。", 6)],
});

export function loadResult(briefings: Briefing[] = [pumpVote, quellLetter, tokyo]): LoadResult {
  return { dir: "/briefings", briefings, problems: [], registry };
}

/** A made-up word for a number, so generated sentences share no words by accident. */
function word(i: number): string {
  let s = "";
  let n = i;
  do {
    s += "bcdfghjklmnpqrstvwxz"[n % 20];
    n = Math.floor(n / 20);
  } while (n > 0);
  return `${s}o`;
}

/** `n` plain briefings with one event each, spread over the years, for long lists. */
export function many(n: number): Briefing[] {
  const out: Briefing[] = [];
  for (let i = 0; i < n; i++) {
    const day = String((i % 28) + 1).padStart(2, "0");
    const month = String((Math.floor(i / 28) % 12) + 1).padStart(2, "0");
    const date = `${2000 + Math.floor(i / 336)}-${month}-${day}`;
    const sentence = `Item ${word(i)} reached ${word(i + 7919)}.`;
    out.push(
      briefing({
        id: `item-${String(i).padStart(6, "0")}`,
        title: `Item number ${i}`,
        date,
        events: [event(date, sentence, 5)],
        sections: { whatHappened: [para(sentence, 5)], whyItMatters: [], whatToWatch: [] },
      }),
    );
  }
  return out;
}
