// The line under the body: the prompt being typed into, else the footer (keys, or a notice, or where
// the cursor is). A picker draws its own prompt inside the body, so it has none here.
import type { Dispatch, ReactNode } from "react";
import type { Search } from "../hooks/useSearch.js";
import type { Focus } from "../keymap.js";
import type { Action, State } from "../state.js";
import { DatePrompt } from "../views/DatePrompt.js";
import { SearchPrompt } from "../views/SearchPrompt.js";
import { TextPrompt } from "../views/TextPrompt.js";
import { Footer } from "./Footer.js";

export interface BottomProps {
  width: number;
  state: State;
  focus: Focus;
  search: Search;
  /** The footer's position text for the view. */
  status: string;
  today: Date;
  dispatch: Dispatch<Action>;
}

export function Bottom({ width, state, focus, search, status, today, dispatch }: BottomProps): ReactNode {
  const prompt = state.prompt;
  switch (prompt.kind) {
    case "search":
      return (
        <SearchPrompt
          width={width}
          text={prompt.text}
          status={search.status(prompt.text)}
          active={focus === "prompt"}
          onChange={search.onChange}
          onSubmit={() => dispatch({ type: "searchKeep" })}
          onCancel={() => dispatch({ type: "promptCancel" })}
        />
      );
    case "text":
      return (
        <TextPrompt
          width={width}
          text={prompt.text}
          active={focus === "prompt"}
          onChange={(text) => dispatch({ type: "promptText", text })}
          onSubmit={() => dispatch({ type: "setQuery", text: prompt.text })}
          onCancel={() => dispatch({ type: "promptCancel" })}
        />
      );
    case "date":
      return (
        <DatePrompt
          width={width}
          text={prompt.text}
          error={prompt.error}
          today={today}
          active={focus === "prompt"}
          dispatch={dispatch}
        />
      );
    case "none":
      return (
        <Footer
          width={width}
          focus={focus}
          status={state.notice ?? (state.reader || state.help ? "" : status)}
        />
      );
    default:
      return null;
  }
}
