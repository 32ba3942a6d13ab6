// Two stories compared as a reader would see them: every row of every table, the typed columns as
// arrays, the glossary, actor index, problems and the terms each briefing highlights.
import { expect } from "vitest";
import type { StoryView, Table } from "../../src/story/view.js";

export function rows<T>(table: Table<T>): (T | undefined)[] {
  return Array.from({ length: table.length }, (_, i) => table.get(i));
}

export function timelineRows(story: StoryView) {
  return rows(story.timeline).map((e) =>
    e === undefined
      ? undefined
      : {
          date: e.date,
          precision: e.precision,
          text: e.text,
          line: e.line,
          briefingId: e.briefingId,
          briefing: e.briefing,
          conflict: e.conflict,
          conflictWith: e.conflictWith,
        },
  );
}

export function glossaryRows(story: StoryView) {
  return story.glossary.map((g) => ({
    term: g.term,
    definition: g.definition,
    definitionCount: g.definitionCount,
    definedIn: Array.from(g.definedIn),
    usedIn: Array.from(g.usedIn),
  }));
}

export function expectSameStory(got: StoryView, want: StoryView) {
  expect(got.dir).toBe(want.dir);
  expect(got.briefings.length).toBe(want.briefings.length);
  expect(rows(got.briefings)).toEqual(rows(want.briefings));
  expect(Array.from(got.newest)).toEqual(Array.from(want.newest));
  expect(got.timeline.length).toBe(want.timeline.length);
  expect(timelineRows(got)).toEqual(timelineRows(want));
  expect(Array.from(got.eventDate)).toEqual(Array.from(want.eventDate));
  expect(Array.from(got.eventBriefing)).toEqual(Array.from(want.eventBriefing));
  expect(glossaryRows(got)).toEqual(glossaryRows(want));
  expect(got.actors).toEqual(want.actors);
  expect(got.problems).toEqual(want.problems);
  expect(got.registry).toEqual(want.registry);
  const termsGot = Array.from({ length: want.briefings.length }, (_, i) => got.termsOf(i));
  const termsWant = Array.from({ length: want.briefings.length }, (_, i) => want.termsOf(i));
  expect(termsGot).toEqual(termsWant);
}
