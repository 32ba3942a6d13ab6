// `&`: the text filter. Every view keeps only the briefings containing every word typed; an empty
// entry removes the text from the filter, leaving actors, tags and dates as they are.
import type { ReactNode } from "react";
import { PromptLine } from "../components/PromptLine.js";
import { useLineInput } from "../hooks/useLineInput.js";

export interface TextPromptProps {
  width: number;
  text: string;
  active: boolean;
  onChange: (text: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

export function TextPrompt({
  width,
  text,
  active,
  onChange,
  onSubmit,
  onCancel,
}: TextPromptProps): ReactNode {
  useLineInput(active, { text, onChange, onSubmit, onCancel });
  return (
    <PromptLine
      width={width}
      label="Filter text: "
      text={text}
      placeholder="words every briefing shown must contain; empty removes it"
    />
  );
}
