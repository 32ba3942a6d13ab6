// `signaldesk check`: every problem in the folder, errors and warnings. The problems are this
// command's output, so they go to stdout (pipe them into an editor's quickfix list).
import { type CommandContext, EXIT, formatProblem, load, sortProblems } from "../context.js";
import { createStyle } from "../style.js";

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export async function checkCommand(ctx: CommandContext): Promise<number> {
  const result = await load(ctx, false);
  if (typeof result === "number") return result;
  const style = createStyle(ctx.color);

  // The loader copies each briefing's warnings into `problems`, named by the folder-joined path.
  const problems = sortProblems(result.problems);
  const errors = problems.filter((p) => p.severity === "error").length;
  const files = new Set(problems.map((p) => p.path)).size;

  const lines = problems.map((p) => {
    const text = formatProblem(p, true);
    return p.severity === "error" ? style.warning(text) : text;
  });
  const loaded = `${plural(result.summaries.length, "briefing")} loaded`;
  lines.push(
    problems.length === 0
      ? `No problems; ${loaded}.`
      : `${plural(errors, "error")} and ${plural(problems.length - errors, "warning")} in ${plural(files, "file")}; ${loaded}.`,
  );
  ctx.out.write(`${lines.join("\n")}\n`);
  return problems.length === 0 ? EXIT.ok : EXIT.problems;
}
