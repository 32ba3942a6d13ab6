// `/`: the search entry. What typing does (jump in a list, highlight in the reader) is the App's.
import type { ReactNode } from "react";
import { PromptLine } from "../components/PromptLine.js";
import { useLineInput } from "../hooks/useLineInput.js";

export interface SearchPromptProps {
  width: number;
  text: string;
  /** "3 matches", "no match". */
  status: string;
  active: boolean;
  onChange: (text: string) => void;
  onSubmit: () => void;
  onCancel: () => void;
}

export function SearchPrompt({
  width,
  text,
  status,
  active,
  onChange,
  onSubmit,
  onCancel,
}: SearchPromptProps): ReactNode {
  useLineInput(active, { text, onChange, onSubmit, onCancel });
  return <PromptLine width={width} label="/" text={text} status={status} />;
}
