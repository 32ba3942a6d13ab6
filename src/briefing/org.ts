// Org-mode (Emacs) pasted into a `.md` file, written as the Markdown it means before marked reads it.
// Org's headlines (`* What happened`) are Markdown's bullets and its keyword lines (`#+TITLE:`) a
// paragraph, so read as Markdown the page is one list under a line of keywords. Only a body that
// opens with a keyword line, or holds an Org block (`#+BEGIN_SRC`), is Org; every line becomes one
// line, so a paragraph keeps its line number. What is read, in docs/format.md.

/** A file line that opens Org's keywords (`#+TITLE:`) or its blocks (`#+BEGIN_QUOTE`). */
const ORG = /^\s*#\+[A-Za-z_]+:|^[ \t]*#\+begin_/im;
const KEYWORD = /^[ \t]*#\+([A-Za-z_]+):[ \t]*(.*)$/;
const BLOCK = /^[ \t]*#\+(begin|end)_([A-Za-z]+)[ \t]*(\S*)/i;
const HEADLINE = /^(\*+)[ \t]+(.*?)(?:[ \t]+:[\w@#%:]+:)?[ \t]*$/;
const DRAWER = /^[ \t]*:([A-Z_]+):[ \t]*$/;
const PLANNING = /^[ \t]*(DEADLINE|SCHEDULED|CLOSED):[ \t]*/;
/** `<2027-03-16 Tue>`, `[2027-03-16 Tue 10:00]`, with a repeater (`+1w`) or not: the day (and time). */
const TIMESTAMP =
  /[<[](\d{4}-\d{2}-\d{2})(?:[ \t]+[^\d\s>\]]+)?(?:[ \t]+(\d{1,2}:\d{2}(?:-\d{1,2}:\d{2})?))?(?:[ \t]+[.+-]{1,2}\d+[hdwmy])*[>\]]/g;
/** Org's emphasis: a marker after a space or opening punctuation, closed before a space or closing one. */
const EMPHASIS = /(^|[\s({'"-])([*/=~+])(?=\S)((?:(?!\2).)*?\S)\2(?=$|[\s.,:;!?'")}\]-])/g;
const MARKDOWN: Record<string, [string, string]> = {
  "*": ["**", "**"],
  "/": ["*", "*"],
  "=": ["`", "`"],
  "~": ["`", "`"],
  "+": ["~~", "~~"],
};

/** The page's properties a keyword gives, as the property lines under a title read. */
const PROPERTY: Record<string, string> = {
  date: "Date",
  author: "Author",
  email: "Email",
  subtitle: "Subtitle",
};

/** The body as Markdown, when it is Org; else the body as it is. */
export function orgMarkdown(body: string): string {
  if (!body.includes("#+") || !ORG.test(body)) return body;
  const first = /^\s*(\S.*)/.exec(body)?.[1] ?? "";
  if (!KEYWORD.test(first) && !BLOCK.test(first) && !/^[ \t]*#\+begin_(?:src|quote|example)/im.test(body))
    return body;
  let block: { kind: string } | null = null;
  let drawer = false;
  return body
    .split("\n")
    .map((line) => {
      const b = BLOCK.exec(line);
      if (block) {
        if (b && b[1]!.toLowerCase() === "end" && b[2]!.toLowerCase() === block.kind) {
          const kind = block.kind;
          block = null;
          return kind === "src" || kind === "example" ? "```" : "";
        }
        if (block.kind === "src" || block.kind === "example") return line;
        if (block.kind === "quote" || block.kind === "verse") return `> ${inline(line.trim())}`;
        return inline(line);
      }
      if (b && b[1]!.toLowerCase() === "begin") {
        block = { kind: b[2]!.toLowerCase() };
        return block.kind === "src" ? `\`\`\`${b[3] ?? ""}` : block.kind === "example" ? "```" : "";
      }
      // A drawer (`:PROPERTIES:` … `:END:`) is folded out of sight in Org: it shows nothing.
      if (drawer) {
        if (DRAWER.exec(line)?.[1] === "END") drawer = false;
        return "";
      }
      const d = DRAWER.exec(line);
      if (d && d[1] !== "END") {
        drawer = true;
        return "";
      }
      const k = KEYWORD.exec(line);
      if (k) return keyword(k[1]!.toLowerCase(), k[2]!.trim());
      // A comment line (`# note`), which Markdown would read as a title.
      if (/^#(?:[ \t]|$)/.test(line)) return "";
      const h = HEADLINE.exec(line);
      if (h)
        return `${"#".repeat(Math.min(6, h[1]!.length + 1))} ${inline(h[2]!.replace(/\[#[A-C]\][ \t]*/, ""))}`;
      const p = PLANNING.exec(line);
      if (p) {
        const rest = line.slice(p[0].length).replace(/[ \t]+(?=(?:DEADLINE|SCHEDULED|CLOSED):)/g, "; ");
        return inline(`${p[1]!.charAt(0)}${p[1]!.slice(1).toLowerCase()}: ${rest}`);
      }
      // A table's rule under its header (`|---+---|`) is GFM's delimiter row.
      if (/^[ \t]*\|[-+:| \t]+\|?[ \t]*$/.test(line) && line.includes("-")) return line.replace(/\+/g, "|");
      // A description list's `- Term :: definition`, a glossary's line.
      return inline(
        line.replace(/^([ \t]*(?:[-+]|\d+[.)])[ \t]+(?:\[[ xX-]\][ \t]+)?)(.*?)[ \t]+::[ \t]+/, "$1$2: "),
      );
    })
    .join("\n");
}

function keyword(name: string, value: string): string {
  if (name === "title") return `# ${inline(value)}`;
  if (name === "filetags" || name === "tags")
    return `Tags: ${value
      .split(/[:\s]+/)
      .filter((t) => t !== "")
      .join(", ")}`;
  const property = PROPERTY[name];
  // Other keywords (`#+OPTIONS:`, `#+STARTUP:`) set up Emacs' export: no words of the page.
  return property && value !== "" ? `${property}: ${inline(value)}` : "";
}

/** A line's Org links, timestamps, emphasis and footnotes as Markdown writes them. */
function inline(line: string): string {
  if (!/[[<*/=~+]/.test(line)) return line;
  return line
    .replace(/\[\[([^\]\n]+)\](?:\[([^\]\n]+)\])?\]/g, (_, target: string, text?: string) =>
      /^(?:https?|mailto|ftp):/i.test(target)
        ? `[${text ?? target}](<${target}>)`
        : (text ?? target.replace(/^(?:file:|\*|#)/, "")),
    )
    .replace(/^\[fn:([\w-]+)\][ \t]*/, "[^$1]: ")
    .replace(/\[fn:([\w-]+)\]/g, "[^$1]")
    .replace(TIMESTAMP, (_, day: string, time?: string) => (time ? `${day} ${time}` : day))
    .replace(EMPHASIS, (m, pre: string, mark: string, text: string) => {
      const md = MARKDOWN[mark];
      return md ? `${pre}${md[0]}${text}${md[1]}` : m;
    });
}
