// A one-line text entry as drawn: label, the text (its tail when it is too long), a cursor block and,
// when there is room, the prompt's keys on the right.
import { Box } from "ink";
import type { ReactNode } from "react";
import { displayWidth, truncate } from "../../text/width.js";
import { useKeymap } from "../hooks/useKeymap.js";
import { footerItems } from "../keymap.js";
import { Line, type Segment, spread } from "./Line.js";

export interface PromptLineProps {
  width: number;
  label: string;
  text: string;
  /** Shown after the cursor while nothing has been typed. */
  placeholder?: string;
  /** Shown above the entry line, e.g. why a date was refused. */
  error?: string | null;
  /** Extra status on the right, e.g. "3 matches". */
  status?: string;
}

/** The end of `text` that fits in `width` columns, so the cursor stays visible. */
function tail(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const chars = Array.from(text);
  let out = "";
  for (let i = chars.length - 1; i >= 0; i--) {
    const next = chars[i] + out;
    if (displayWidth(next) > width) break;
    out = next;
  }
  return out;
}

export function promptHeight(error: string | null | undefined): number {
  return error ? 2 : 1;
}

export function PromptLine({ width, label, text, placeholder, error, status }: PromptLineProps): ReactNode {
  const keymap = useKeymap();
  const hint = footerItems("prompt", keymap)
    .map((i) => `${i.keys} ${i.label}`)
    .join(" · ");
  const right: Segment[] = [{ text: `${status ? `${status} · ` : ""}${hint} `, token: "muted" }];
  const labelText = ` ${label}`;
  const room = Math.max(1, width - displayWidth(labelText) - 1);
  const left: Segment[] = [
    { text: labelText, token: "accent" },
    { text: tail(text, room) },
    { text: " ", token: "selection" },
  ];
  if (text === "" && placeholder) left.push({ text: ` ${placeholder}`, token: "muted" });
  return (
    <Box flexDirection="column" height={promptHeight(error)} width={width}>
      {error ? (
        <Line segments={[{ text: ` ${truncate(error, width - 1)}`, token: "error" }]} width={width} />
      ) : null}
      <Line segments={spread(left, right, width)} width={width} />
    </Box>
  );
}
