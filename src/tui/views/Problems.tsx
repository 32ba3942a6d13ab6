// The problems view (`!`): every file that failed to load, and every warning, as `path:line: message`
// in a windowed list; Enter shows the lines of the file around one. The list is the current story's,
// so a story swapped in after a fix no longer lists the fixed file.
import { Box } from "ink";
import { type Dispatch, type ReactNode, useCallback } from "react";
import type { Problem } from "../../briefing/schema.js";
import type { StoryView } from "../../story/view.js";
import { Line, type Segment } from "../components/Line.js";
import { List } from "../components/List.js";
import { Message } from "../components/Message.js";
import { useCommands } from "../hooks/useCommands.js";
import { useKeymap } from "../hooks/useKeymap.js";
import { MOTIONS } from "../hooks/useListKeys.js";
import { useProblemContext } from "../hooks/useProblemContext.js";
import { firstKey } from "../keymap.js";
import { contextScroll, problemText, sameProblem } from "../problems.js";
import type { Action, ProblemsState } from "../state.js";
import { clamp, maxScrollTop } from "../windowing.js";

export interface ProblemsProps {
  width: number;
  height: number;
  story: StoryView;
  /** The current story's problems, in the order shown (problems.ts `problemRows`). */
  rows: readonly Problem[];
  view: ProblemsState;
  active: boolean;
  dispatch: Dispatch<Action>;
}

/** Rows above the list: its title. */
const TITLE_ROWS = 1;

export function Problems({ width, height, story, rows, view, active, dispatch }: ProblemsProps): ReactNode {
  const keymap = useKeymap();
  const context = view.context;
  const lines = useProblemContext(story, context?.problem ?? null);
  const page = Math.max(0, height - TITLE_ROWS);
  const cursor = clamp(view.pos.cursor, 0, Math.max(0, rows.length - 1));
  const total = lines && "lines" in lines ? lines.lines.length : 0;
  const scroll = context
    ? clamp(context.scroll ?? contextScroll(context.problem.line, total, page), 0, maxScrollTop(total, page))
    : 0;
  useCommands(
    ["move", "problems"],
    {
      onCommand(id) {
        const motion = MOTIONS[id];
        if (motion && context) dispatch({ type: "problemContextScroll", motion, from: scroll, total, page });
        else if (motion) dispatch({ type: "problemsMove", motion, total: rows.length, page });
        else if (id === "problems.close") dispatch({ type: "problemsBack" });
        else if (id === "problems.show" && !context) {
          const p = rows[cursor];
          if (p) dispatch({ type: "problemContext", problem: p });
        }
      },
    },
    active,
  );
  const renderRow = useCallback(
    (row: number, selected: boolean) => {
      const p = rows[row];
      if (!p) return <Line segments={[]} width={width} />;
      return (
        <Line
          segments={[
            { text: selected ? "› " : "  ", token: "accent" },
            { text: problemText(p), token: p.severity === "error" ? "error" : "warning" },
          ]}
          width={width}
          {...(selected ? { fill: "selection" as const } : {})}
        />
      );
    },
    [rows, width],
  );

  if (context) {
    const gone = !rows.some((p) => sameProblem(p, context.problem));
    // Said first, where a long path cannot push it off the line.
    const title: Segment[] = [
      { text: " " },
      ...(gone ? [{ text: "No longer reported: ", token: "muted" as const }] : []),
      {
        text: problemText(context.problem),
        token: context.problem.severity === "error" ? "error" : "warning",
      },
    ];

    let body: ReactNode;
    if (lines === null)
      body = <Message width={width} height={page} lines={[{ text: "Reading…", token: "muted" }]} />;
    else if ("error" in lines)
      body = <Message width={width} height={page} lines={[{ text: lines.error, token: "warning" }]} />;
    else {
      const numberWidth = String(lines.lines.length).length;
      const shown: ReactNode[] = [];
      for (let slot = 0; slot < page; slot++) {
        const i = scroll + slot;
        const text = lines.lines[i];
        const here = context.problem.line === i + 1;
        shown.push(
          <Line
            key={slot}
            segments={
              text === undefined
                ? []
                : [
                    { text: here ? "› " : "  ", token: "accent" },
                    { text: `${String(i + 1).padStart(numberWidth)} │ `, token: here ? "error" : "muted" },
                    { text, ...(here ? { token: "title" as const } : {}) },
                  ]
            }
            width={width}
          />,
        );
      }
      body = <Box flexDirection="column">{shown}</Box>;
    }
    return (
      <Box flexDirection="column" height={height} width={width}>
        <Line segments={title} width={width} />
        {body}
      </Box>
    );
  }

  return (
    <Box flexDirection="column" height={height} width={width}>
      <Line
        segments={[
          { text: " Problems ", token: "accent" },
          {
            text:
              rows.length === 0
                ? "none: every file loaded"
                : `${rows.length} · ${firstKey("problems.show", keymap)} shows the lines around one · ${firstKey("problems.edit", keymap)} edits the file · ${firstKey("problems.close", keymap)} closes`,
            token: "muted",
          },
        ]}
        width={width}
      />
      <List
        total={rows.length}
        cursor={cursor}
        scrollTop={view.pos.scrollTop}
        height={page}
        width={width}
        renderRow={renderRow}
      />
    </Box>
  );
}
