// Typst source saved as a `.md` or `.txt` file, written as the Markdown it means before marked reads it.
// Its headings (`== What happened`), set rules (`#set page(…)`) and links (`#link("…")[text]`) are no
// Markdown: read as Markdown, a section's heading runs into its first paragraph and the setup shows as
// text. Only a body holding a Typst-only line (`#set`, `#let`, `#import`, `#show` at a line's start) or
// call (`#link("`) is Typst. Every line becomes one line, so a paragraph keeps its line number. What is
// read, in docs/format.md.

const TYPST = /^#(?:set|let|import|show)\b|#link\(/m;
/** The cheap test first: what every Typst-only line or call holds. */
const CALLS = ["#set", "#let", "#import", "#show", "#link("];
const HEADING = /^(=+)[ \t]+(.*?)(?:[ \t]*<[\w:.-]+>)?[ \t]*$/;
/** A string argument of a call: `title: "…"`. */
const arg = (call: string, name: string) =>
  new RegExp(`\\b${name}:[ \\t]*"((?:[^"\\\\]|\\\\.)*)"`).exec(call)?.[1]?.replace(/\\(.)/g, "$1");

/** The body as Markdown, when it is Typst; else the body as it is. */
export function typstMarkdown(body: string): string {
  if (!CALLS.some((c) => body.includes(c)) || !TYPST.test(body)) return body;
  const lines = body.split("\n");
  const hasTitle = lines.some((l) => /^=[ \t]+\S/.test(l));
  let fence: string | null = null;
  let comment = false;
  return lines
    .map((line) => {
      if (fence !== null) {
        if (line.trimEnd() === fence) fence = null;
        return line;
      }
      const f = /^[ \t]*(`{3,})/.exec(line);
      if (f) {
        fence = f[1]!;
        return line;
      }
      if (comment) {
        if (line.includes("*/")) comment = false;
        return "";
      }
      if (/^[ \t]*\/\*/.test(line) && !line.includes("*/")) {
        comment = true;
        return "";
      }
      if (/^[ \t]*\/\//.test(line)) return "";
      // Set and show rules, imports and bindings style the page: no words of it, but the document's
      // title and author, which Typst writes into the PDF's metadata.
      const rule = /^#(set|let|import|show|include)\b(.*)$/.exec(line);
      if (rule) {
        if (rule[1] !== "set" || !/^[ \t]*document\(/.test(rule[2]!)) return "";
        const title = arg(rule[2]!, "title");
        const author = arg(rule[2]!, "author");
        return [!hasTitle && title ? `# ${title}` : "", author ? `Author: ${author}` : ""]
          .filter(Boolean)
          .join(" · ");
      }
      const h = HEADING.exec(line);
      if (h) return `${"#".repeat(Math.min(6, h[1]!.length))} ${inline(h[2]!)}`;
      // A term list's item (`/ Term: definition`) is a glossary line.
      const term = /^([ \t]*)\/[ \t]+([^:\n]+):[ \t]*(.*)$/.exec(line);
      if (term) return `${term[1]}- ${inline(term[2]!.trim())}: ${inline(term[3]!)}`;
      // A numbered item (`+ item`) is Markdown's `1.`.
      return inline(line.replace(/^([ \t]*)\+(?=[ \t])/, "$11."));
    })
    .join("\n");
}

/** A line's Typst markup (strong, emphasis, links, images, labels) as Markdown writes it. */
function inline(line: string): string {
  if (!/[*_#<@]/.test(line)) return line;
  return (
    line
      .replace(/#link\("([^"\n]+)"\)(?:\[([^\]\n]*)\])?/g, (_, url: string, text?: string) =>
        text ? `[${text}](<${url}>)` : `<${url}>`,
      )
      .replace(
        /#image\("([^"\n]+)"[^)\n]*\)/g,
        (m, src: string) => `![${/alt:[ \t]*"([^"]*)"/.exec(m)?.[1] ?? ""}](<${src}>)`,
      )
      .replace(/#strong\[([^\]\n]*)\]/g, "**$1**")
      .replace(/#emph\[([^\]\n]*)\]/g, "*$1*")
      // Strong is `*text*` in Typst, Markdown's emphasis: doubled, as the strong it is.
      .replace(/(^|[^\w*\\])\*(?=\S)([^*\n]*?\S)\*(?![\w*])/g, "$1**$2**")
      // A label (`<intro>`) names a place to refer to: nothing of the text.
      .replace(/[ \t]*<[\w:.-]+>(?=[ \t]*$)/, "")
  );
}
