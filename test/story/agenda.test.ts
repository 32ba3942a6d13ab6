import { describe, expect, it } from "vitest";
import {
  type AgendaSource,
  agendaSource,
  buildAgenda,
  FOLLOW_UP_CANDIDATES,
} from "../../src/story/agenda.js";
import { makeBriefing } from "./factory.js";

const WATCH = "Watch whether the harbour board approves the dredging contract for the northern channel.";
const REPORT = "The harbour board approved the dredging contract for the northern channel on Monday.";

function source(over: Partial<AgendaSource> & { id: string }): AgendaSource {
  return { date: "2031-03-01", actors: [], terms: [], watch: [], follows: [], words: [], ...over };
}

const asked = makeBriefing({ id: "asked", date: "2031-03-01", actors: ["Harbour Board"], watch: [WATCH] });

describe("agenda items", () => {
  it("lists every watch paragraph with its briefing and date, newest first, in text order", () => {
    const a = makeBriefing({ id: "a", date: "2031-03-01", watch: ["First thing.", "Second thing."] });
    const b = makeBriefing({ id: "b", date: "2031-04-01", watch: ["Later thing."] });
    const u = makeBriefing({ id: "u", date: null, watch: ["Undated thing."] });
    expect(buildAgenda([a, u, b].map(agendaSource)).map((i) => [i.briefingId, i.date, i.text])).toEqual([
      ["b", "2031-04-01", "Later thing."],
      ["a", "2031-03-01", "First thing."],
      ["a", "2031-03-01", "Second thing."],
      ["u", null, "Undated thing."],
    ]);
  });

  it("is open when nothing later takes it up", () => {
    expect(buildAgenda([agendaSource(asked)])).toEqual([
      { briefingId: "asked", date: "2031-03-01", text: WATCH, status: "open", followedBy: [] },
    ]);
  });
});

describe("follow-ups", () => {
  it("links a later briefing sharing an actor whose report has the item's words", () => {
    const answer = makeBriefing({
      id: "answer",
      date: "2031-03-09",
      actors: ["Harbour Board"],
      text: [REPORT],
    });
    expect(buildAgenda([asked, answer].map(agendaSource))[0]).toMatchObject({
      status: "followed",
      followedBy: ["answer"],
    });
  });

  it("links through a shared glossary term as well as an actor", () => {
    const a = makeBriefing({
      id: "a",
      date: "2031-03-01",
      glossary: [["Dredging", "Digging out"]],
      watch: [WATCH],
    });
    const b = makeBriefing({ id: "b", date: "2031-03-09", glossary: [["dredging", "x"]], text: [REPORT] });
    expect(buildAgenda([a, b].map(agendaSource))[0]!.followedBy).toEqual(["b"]);
  });

  it("does not link a briefing that shares no actor or term, however alike the words", () => {
    const other = makeBriefing({
      id: "other",
      date: "2031-03-09",
      actors: ["Rail Authority"],
      text: [REPORT],
    });
    expect(buildAgenda([asked, other].map(agendaSource))[0]!.status).toBe("open");
  });

  it("does not link an earlier, same-day or undated briefing", () => {
    for (const date of ["2031-02-20", "2031-03-01", null]) {
      const b = makeBriefing({ id: "b", date, actors: ["Harbour Board"], text: [REPORT] });
      expect(buildAgenda([asked, b].map(agendaSource))[0]!.status, String(date)).toBe("open");
    }
  });

  it("does not link a later briefing whose report has too few of the item's words", () => {
    const b = makeBriefing({
      id: "b",
      date: "2031-03-09",
      actors: ["Harbour Board"],
      text: ["The harbour board met about fares."],
    });
    expect(buildAgenda([asked, b].map(agendaSource))[0]!.status).toBe("open");
  });

  it("does not count the later briefing's own What to watch asking the same again", () => {
    const b = makeBriefing({ id: "b", date: "2031-03-09", actors: ["Harbour Board"], watch: [REPORT] });
    expect(buildAgenda([asked, b].map(agendaSource)).find((i) => i.briefingId === "asked")!.status).toBe(
      "open",
    );
  });

  it("links any briefing whose front matter follows the item's briefing, date or words aside", () => {
    const b = makeBriefing({ id: "b", date: null, follows: ["asked"], text: ["Nothing alike."] });
    expect(buildAgenda([asked, b].map(agendaSource))[0]).toMatchObject({
      status: "followed",
      followedBy: ["b"],
    });
  });

  it("lists several follow-ups oldest first", () => {
    const later = makeBriefing({
      id: "later",
      date: "2031-04-01",
      actors: ["Harbour Board"],
      text: [REPORT],
    });
    const sooner = makeBriefing({
      id: "sooner",
      date: "2031-03-05",
      actors: ["Harbour Board"],
      text: [REPORT],
    });
    expect(buildAgenda([later, asked, sooner].map(agendaSource))[0]!.followedBy).toEqual(["sooner", "later"]);
  });

  it("compares an item only with the nearest later briefings sharing an actor", () => {
    const words = agendaSource(makeBriefing({ id: "w", text: [REPORT] })).words;
    const far = Array.from({ length: FOLLOW_UP_CANDIDATES + 5 }, (_, i) =>
      source({
        id: `n${i}`,
        date: `2031-04-${String(1 + (i % 28)).padStart(2, "0")}`,
        actors: ["Harbour Board"],
        words: i === FOLLOW_UP_CANDIDATES + 4 ? words : ["unrelated"],
      }),
    );
    far.sort((a, b) => (a.date! < b.date! ? -1 : 1));
    const items = buildAgenda([agendaSource(asked), ...far]);
    expect(items.find((i) => i.briefingId === "asked")!.status).toBe("open");
  });
});
