// Body loading in one place: the open briefing's text (from the story when it holds it, else read from
// its file, asynchronously), laid out for the reader's width; opening one; reading again the one whose
// text is not at hand; and reading ahead the one under a resting cursor.
import { type Dispatch, useEffect, useMemo, useRef, useState } from "react";
import type { Briefing } from "../../briefing/schema.js";
import type { StoryView } from "../../story/view.js";
import { loadBody } from "../bodies.js";
import { indexOfId, type TimelineEntry } from "../model.js";
import { cachedLayout, lineOfEvent, type ReaderLayout } from "../readerLayout.js";
import type { Action, ReaderState } from "../state.js";
import { clamp, maxScrollTop } from "../windowing.js";
import { useDwell } from "./useDwell.js";
import { BODY_CHANGED } from "./useLiveStory.js";

/**
 * How long the cursor rests on a briefing before it is read ahead: soon, so that the read and the
 * parse are over before the next press of a key repeat (30-50 ms apart) instead of in its way (a
 * parse under way holds the next key until it ends), and Enter pressed after a short look finds it.
 */
export const READ_AHEAD_MS = 15;

export interface BriefingBody {
  /** The open briefing's index in the story; -1 when none is open. */
  openIndex: number;
  openBriefing: Briefing | undefined;
  /** The open briefing laid out for the reader's width; null until its text is at hand. */
  layout: ReaderLayout | null;
  /** Opens the briefing at `index`, at the event when one is given. The latest open wins. */
  open: (index: number, event?: TimelineEntry) => void;
  /** Reads the open briefing's file again (it was edited), keeping the place in it. */
  refresh: () => void;
}

interface Opened {
  briefing: Briefing;
  /** The story it was read for; null: its file was edited here since. */
  story: StoryView | null;
}

export interface BodyOptions {
  story: StoryView;
  reader: ReaderState | null;
  /** Columns the text is wrapped to. */
  width: number;
  /** Rows of text on screen (for scrolling to an event). */
  textRows: number;
  /** The briefing under a resting cursor, read ahead; undefined when nothing rests. */
  resting: number | undefined;
  dispatch: Dispatch<Action>;
}

export function useBriefingBody({
  story,
  reader,
  width,
  textRows,
  resting,
  dispatch,
}: BodyOptions): BriefingBody {
  // The body held was read for one story: once another replaces it (a live update) or its file was
  // edited here (`refresh`), it is read again, and the one held is shown meanwhile and keeps taking
  // keys, so the reader neither blinks back to the list (where a key pressed would act on nothing)
  // nor keeps stale text.
  const [opened, setOpened] = useState<Opened | null>(null);
  const held = reader !== null && opened?.briefing.id === reader.briefingId ? opened : null;
  // An edit made here is said by its own notice, not as a change on disk.
  const edited = held !== null && held.story === null;
  const openIndex = reader ? indexOfId(story, reader.briefingId) : -1;
  const openBriefing = reader ? (held ? held.briefing : story.body?.(openIndex)) : undefined;
  const layout = useMemo(
    () => (openBriefing ? cachedLayout(openBriefing, width, story.termsOf(openIndex)) : null),
    [openBriefing, openIndex, width, story],
  );

  // The latest open wins: a slow file must not open over a later choice.
  const opening = useRef(0);
  const show = (b: Briefing, index: number, event?: TimelineEntry) => {
    const l = cachedLayout(b, width, story.termsOf(index));
    const mark = event ? lineOfEvent(l, event.line, event.text) : null;
    const scroll = mark === null ? 0 : clamp(mark - 2, 0, maxScrollTop(l.lines.length, textRows));
    setOpened({ briefing: b, story });
    dispatch({ type: "open", briefingId: b.id, scroll, mark });
  };
  const open = (index: number, event?: TimelineEntry) => {
    const ticket = ++opening.current;
    const body = loadBody(story, index);
    if (body instanceof Promise) {
      void body.then((b) => {
        if (ticket === opening.current) show(b, index, event);
      });
    } else if (body) show(body, index, event);
  };

  // A reader whose briefing is not at hand (the screen was too small for a while), was read for a
  // story since replaced or was edited reads it again; the new text keeps the place in it (moved onto
  // the new lines, or at the end after a G pressed meanwhile), with a word that it changed.
  const missing = reader !== null && openIndex >= 0 && held?.story !== story ? openIndex : -1;
  const shown = useRef({ held, layout, width, textRows, waiting: reader?.waiting });
  shown.current = { held, layout, width, textRows, waiting: reader?.waiting };
  useEffect(() => {
    if (missing < 0) return;
    let live = true;
    const was = shown.current.held;
    const take = (b: Briefing) => {
      if (!live) return;
      const now = shown.current;
      // No text was on screen (a place restored at the start): the moves made while it was being
      // read are made on it, before it is shown.
      if (now.waiting && now.waiting.length > 0 && (!was || was.briefing.id !== b.id))
        dispatch({
          type: "readerText",
          briefingId: b.id,
          before: null,
          after: cachedLayout(b, now.width, story.termsOf(missing)).lines,
          page: now.textRows,
        });
      setOpened({ briefing: b, story });
      if (!was || was.briefing.id !== b.id || JSON.stringify(was.briefing) === JSON.stringify(b)) return;
      const after = cachedLayout(b, now.width, story.termsOf(missing));
      if (now.layout)
        dispatch({
          type: "readerText",
          briefingId: b.id,
          before: now.layout.lines,
          after: after.lines,
          page: now.textRows,
        });
      if (!edited) dispatch({ type: "notice", text: BODY_CHANGED });
    };
    const body = loadBody(story, missing);
    if (body instanceof Promise) void body.then(take);
    else if (body) take(body);
    return () => {
      live = false;
    };
  }, [missing, story, edited, dispatch]);

  // Read-ahead: once the cursor rests, the briefing under it is read and parsed, so Enter shows it
  // without waiting for the file (only a story from a snapshot reads files; see bodies.ts).
  useDwell(story.body ? undefined : resting, READ_AHEAD_MS, (i) => void loadBody(story, i));

  // After an edit: the open briefing is read again (the story swapped in after it reads it again too),
  // shown as it was until then.
  const refresh = () => {
    if (!reader || openIndex < 0) return;
    setOpened((o) => (o ? { ...o, story: null } : o));
  };

  return { openIndex, openBriefing, layout, open, refresh };
}
