// `d`: a one-line date filter with the command line's forms; a bad entry says why and stays open.
import type { Dispatch, ReactNode } from "react";
import { parsePeriod } from "../../story/period.js";
import { PromptLine } from "../components/PromptLine.js";
import { useLineInput } from "../hooks/useLineInput.js";
import type { Action } from "../state.js";

export interface DatePromptProps {
  width: number;
  text: string;
  error: string | null;
  today: Date;
  active: boolean;
  dispatch: Dispatch<Action>;
}

export const DATE_PLACEHOLDER = "2026-06, 2026-06-01..2026-06-30, ..2026-06-15, 7d; empty clears";

export function DatePrompt({ width, text, error, today, active, dispatch }: DatePromptProps): ReactNode {
  useLineInput(active, {
    text,
    onChange: (t) => dispatch({ type: "promptText", text: t }),
    onSubmit: () => {
      if (text.trim() === "") {
        dispatch({ type: "setDates", since: undefined, until: undefined });
        return;
      }
      const period = parsePeriod(text, today);
      if (period.ok) dispatch({ type: "setDates", since: period.since, until: period.until });
      else dispatch({ type: "dateError", error: period.error });
    },
    onCancel: () => dispatch({ type: "promptCancel" }),
  });
  return <PromptLine width={width} label="Date: " text={text} placeholder={DATE_PLACEHOLDER} error={error} />;
}
