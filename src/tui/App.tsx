// The reader: lays out header, body and footer for the terminal's size and composes the parts, each
// holding one concern: focus (focus.ts, the one table every key handler reads), the App's own keys
// (useAppKeys), what the lists show (useViewModel), the open briefing's text (useBriefingBody), search
// (useSearch), links, the mouse, and the body and footer for the state (Main, Bottom).
import { Box } from "ink";
import type React from "react";
import { type Dispatch, useMemo, useReducer } from "react";
import type { ReadState } from "../store/state.js";
import type { Filter } from "../story/filter.js";
import { describeFilter } from "../story/filter.js";
import type { StoryView } from "../story/view.js";
import { sanitizeLine } from "../text/sanitize.js";
import { wrap } from "../text/width.js";
import { Bottom } from "./components/Bottom.js";
import { Header } from "./components/Header.js";
import { Line } from "./components/Line.js";
import { promptHeight } from "./components/PromptLine.js";
import { FocusContext, focusOf } from "./focus.js";
import { useAppKeys, useQuitKeys } from "./hooks/useAppKeys.js";
import { useAppMouse } from "./hooks/useAppMouse.js";
import { useBriefingBody } from "./hooks/useBriefingBody.js";
import { useDwell } from "./hooks/useDwell.js";
import { useEditKey } from "./hooks/useEditKey.js";
import { KeymapContext } from "./hooks/useKeymap.js";
import { useLinks } from "./hooks/useLinks.js";
import { useLiveStory } from "./hooks/useLiveStory.js";
import { usePlace } from "./hooks/usePlace.js";
import { usePrepare } from "./hooks/usePrepare.js";
import { type Reading, useReading } from "./hooks/useReading.js";
import { useReadingKeys } from "./hooks/useReadingKeys.js";
import { useSearch } from "./hooks/useSearch.js";
import { useTerminalSize } from "./hooks/useTerminalSize.js";
import { ThemeContext } from "./hooks/useTheme.js";
import { useViewModel } from "./hooks/useViewModel.js";
import { DEFAULT_KEYMAP, type Keymap } from "./keymap.js";
import { bodyHeight, frameHeight, MIN_COLUMNS, MIN_ROWS } from "./layout.js";
import { failedText } from "./lines/header.js";
import { detailHeight as timelineDetailHeight } from "./lines/timeline.js";
import { indexOfId } from "./model.js";
import type { MouseEvents } from "./mouse.js";
import { problemRows } from "./problems.js";
import { READ_AFTER_MS, readingText, rowMark, visitDay } from "./reading.js";
import { type Action, initialState, reducer, type State } from "./state.js";
import { pickTheme } from "./theme.js";
import { mainView } from "./views/Main.js";

export { MIN_COLUMNS, MIN_ROWS } from "./layout.js";

export interface AppProps {
  story: StoryView;
  /** Shown at the right of the header while the story is checked against the files, and the like. */
  note?: string;
  initialFilter: Filter;
  today: Date;
  color: boolean;
  /** The keys in effect (the config's rebinding); the defaults when not given. */
  keymap?: Keymap;
  /** Mouse events, when mouse reporting is on. */
  mouse?: MouseEvents;
  /** The reading measure: a briefing is wrapped to at most this many columns. */
  measure?: number;
  /** $BROWSER, for `o`; null or absent: the platform's opener. */
  browser?: string | null;
  /** `e`: the editor run on a file with the terminal handed over (run.ts); why it failed, or null. */
  edit?: (file: string) => Promise<string | null>;
  /** The folder's read state (marks, last visit, last place); null or absent: none is kept. */
  readState?: ReadState | null;
  /** Why the read state is not saved, shown once at the start. */
  stateWarning?: string;
  /** `r`: check the folder for changes now (run.ts). */
  onRefresh?: () => void;
  /** A footer notice from outside (live updates off); each new object is shown once. */
  message?: { text: string; seq: number };
}

export function App(props: AppProps): React.JSX.Element {
  const { columns, rows } = useTerminalSize();
  const theme = useMemo(() => pickTheme(props.color), [props.color]);
  const tooSmall = columns < MIN_COLUMNS || rows < MIN_ROWS;
  // State lives above the too-small switch so that shrinking the terminal and growing it back returns
  // to the same view, briefing and filters.
  const [state, dispatch] = useReducer(reducer, props.initialFilter, (filter) => {
    const first = initialState(filter);
    return props.stateWarning ? { ...first, notice: sanitizeLine(props.stateWarning) } : first;
  });
  const reading = useReading(props.story, props.readState ?? null);
  useLiveStory({ story: props.story, state, dispatch, today: props.today, message: props.message });
  usePrepare(props.story, props.note === undefined, state);
  return (
    <KeymapContext.Provider value={props.keymap ?? DEFAULT_KEYMAP}>
      <ThemeContext.Provider value={theme}>
        <FocusContext.Provider value={focusOf(state, tooSmall)}>
          <QuitKeys />
          {tooSmall ? (
            <TooSmall columns={columns} rows={rows} />
          ) : (
            <Screen
              {...props}
              columns={columns}
              rows={rows}
              state={state}
              dispatch={dispatch}
              reading={reading}
            />
          )}
        </FocusContext.Provider>
      </ThemeContext.Provider>
    </KeymapContext.Provider>
  );
}

function QuitKeys(): null {
  useQuitKeys();
  return null;
}

function TooSmall({ columns, rows }: { columns: number; rows: number }): React.JSX.Element {
  const lines = wrap(
    `Terminal too small (${columns}×${rows}). Needs at least ${MIN_COLUMNS}×${MIN_ROWS}.`,
    columns,
  );
  const shown = lines.slice(0, Math.max(0, rows - 1));
  return (
    <Box flexDirection="column" width={columns} height={shown.length}>
      {shown.map((l, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed slots
        <Line key={i} segments={[{ text: l }]} width={columns} />
      ))}
    </Box>
  );
}

interface ScreenProps extends AppProps {
  columns: number;
  rows: number;
  state: State;
  dispatch: Dispatch<Action>;
  reading: Reading;
}

function Screen({
  story,
  note,
  today,
  columns,
  rows,
  state,
  dispatch,
  mouse,
  measure,
  browser,
  edit,
  onRefresh,
  keymap = DEFAULT_KEYMAP,
  reading,
  readState,
  initialFilter,
}: ScreenProps) {
  const focus = focusOf(state);
  const frame = frameHeight(rows);
  const bottom = state.prompt.kind === "date" ? promptHeight(state.prompt.error) : 1;
  const body = bodyHeight(rows, bottom);
  // The open briefing is laid out for this width once; scrolling only slices it.
  const readerWidth = Math.min(columns - 2, measure ?? Number.POSITIVE_INFINITY);
  const textRows = Math.max(0, body - 1);

  const model = useViewModel(story, state, today, body, focus === "list");
  const { layout, openBriefing, openIndex, open, refresh } = useBriefingBody({
    story,
    reader: state.reader,
    width: readerWidth,
    textRows,
    resting: model.resting,
    dispatch,
  });
  const links = useLinks(openBriefing, browser ?? null, dispatch);
  const search = useSearch({ state, layout, list: model.list, listPage: body, textRows, dispatch });
  const timelinePage = body - timelineDetailHeight(body);
  useAppKeys({ story, state, model, links, timelinePage, dispatch, ...(onRefresh ? { onRefresh } : {}) });
  const problems = useMemo(() => problemRows(story.problems), [story.problems]);
  const failed = useMemo(() => failedText(story.problems), [story.problems]);
  useEditKey({ story, state, openIndex, underCursor: model.underCursor, problems, edit, refresh, dispatch });
  useReadingKeys({ story, state, model, reading, open, timelinePage, listPage: body, dispatch });
  // The rule for "read": open in the reader for READ_AFTER_MS, not a cursor passing over it.
  useDwell(state.reader?.briefingId, READ_AFTER_MS, (id) => {
    const i = indexOfId(story, id);
    if (i >= 0 && rowMark(reading.flags, i) !== "read") reading.mark([i], true);
  });
  usePlace({
    store: readState ?? null,
    story,
    state,
    model,
    initialFilter,
    pages: { timeline: timelinePage, briefings: body },
    dispatch,
  });
  useAppMouse({ mouse, state, focus, model, layout, columns, body, textRows, keymap, open, dispatch });

  // A count over every briefing's flags: once per change of the flags, not once per key.
  const readingLine = useMemo(
    () => readingText({ flags: reading.flags, lastVisit: reading.lastVisit }, today),
    [reading.flags, reading.lastVisit, today],
  );
  const { main, status } = mainView({
    story,
    state,
    focus,
    model,
    search,
    links,
    layout,
    problems,
    columns,
    keymap,
    body,
    bottom,
    open,
    dispatch,
    flags: reading.flags,
  });
  const filterText = [
    state.only
      ? state.only.kind === "new" && reading.lastVisit !== null
        ? `new since ${visitDay(reading.lastVisit, today)}`
        : `${state.only.kind} only`
      : "",
    sanitizeLine(describeFilter(state.filter, state.view === "timeline" ? "events" : "briefings")),
    state.term ? `term "${sanitizeLine(state.term.term)}"` : "",
    state.upcoming && state.view === "timeline" ? `upcoming (dated ${model.todayIso} or later)` : "",
  ]
    .filter(Boolean)
    .join(" · ");

  return (
    <Box flexDirection="column" width={columns} height={frame}>
      <Header
        width={columns}
        view={state.view}
        filters={filterText}
        matching={
          state.view === "timeline" ? model.narrowed.timelineBriefings : model.narrowed.briefings.length
        }
        total={story.briefings.length}
        failed={failed}
        {...(note ? { note } : {})}
        reading={readingLine}
      />
      {main}
      <Bottom
        width={columns}
        state={state}
        focus={focus}
        search={search}
        status={status}
        today={today}
        dispatch={dispatch}
      />
    </Box>
  );
}
