// A problem's file, read again (asynchronously, through the safe-open path) for the lines around it;
// read again whenever the story is swapped, so a fixed file shows its fixed lines.
import { useEffect, useState } from "react";
import type { Problem } from "../../briefing/schema.js";
import type { StoryView } from "../../story/view.js";
import { type ProblemContext, readContext } from "../problems.js";

/** The lines of the problem's file, or why there are none; null while they are read. */
export function useProblemContext(story: StoryView, problem: Problem | null): ProblemContext | null {
  const [read, setRead] = useState<{ for: Problem; story: StoryView; context: ProblemContext } | null>(null);
  useEffect(() => {
    if (!problem) return;
    let live = true;
    void readContext(story.dir, problem).then((context) => {
      if (live) setRead({ for: problem, story, context });
    });
    return () => {
      live = false;
    };
  }, [story, problem]);
  return problem && read?.for === problem ? read.context : null;
}
