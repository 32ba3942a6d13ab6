// BBCode (a forum post: phpBB, SMF, vBulletin) saved as a `.md` or `.txt` file, written as the Markdown
// it means before marked reads it. Its tags (`[b]…[/b]`, `[url=…]…[/url]`, `[list][*]…[/list]`) are no
// Markdown: read as Markdown, they show raw and a link's URL runs into its text. Only a body holding a
// closing tag BBCode knows is a forum post. Every line becomes one line, so a paragraph keeps its line
// number. What is read, in docs/format.md.

const BBCODE =
  /\[\/(?:b|i|u|s|url|quote|list|size|color|font|img|code|center|left|right|spoiler|strike|h[1-6])\]/i;

/** The body as Markdown, when it is BBCode; else the body as it is. */
export function bbcodeMarkdown(body: string): string {
  if (!body.includes("[/") || !BBCODE.test(body)) return body;
  let code = false;
  let quote = 0;
  const numbered: boolean[] = [];
  return body
    .split("\n")
    .map((raw) => {
      let line = raw;
      if (code) {
        const end = /\[\/code\]/i.exec(line);
        if (!end) return line;
        code = false;
        line = `${line.slice(0, end.index)}\n\`\`\`${line.slice(end.index + 7)}`.replace(/^\n/, "");
        return line;
      }
      // A code block on lines of its own: fenced, verbatim.
      const open = /^[ \t]*\[code(?:=([\w+-]+))?\][ \t]*(.*)$/i.exec(line);
      if (open && !/\[\/code\]/i.test(line)) {
        code = true;
        return `\`\`\`${open[1] ?? ""}${open[2] ? `\n${open[2]}` : ""}`;
      }
      // Lists: `[list]` (or `[list=1]`) opens, `[*]` is an item, `[/list]` closes; nested ones indented.
      line = line.replace(/\[list(?:=([^\]]*))?\]|\[\/list\]|\[\*\][ \t]*/gi, (tag, kind?: string) => {
        if (/^\[list/i.test(tag)) {
          numbered.push(kind !== undefined && kind !== "");
          return "";
        }
        if (/^\[\//.test(tag)) {
          numbered.pop();
          return "";
        }
        const depth = Math.max(0, numbered.length - 1);
        return `\n${"   ".repeat(depth)}${numbered[numbered.length - 1] ? "1." : "-"} `;
      });
      line = line.replace(/^\n/, "");
      // Quotes: every line between `[quote]` and `[/quote]` behind a bar, the quoted name over it.
      let depth = quote;
      line = line.replace(
        /\[quote(?:=["']?([^\]"']*)["']?[^\]]*)?\][ \t]*|[ \t]*\[\/quote\]/gi,
        (tag, who?: string) => {
          if (/^\[quote/i.test(tag)) {
            depth = Math.max(depth, ++quote);
            return who ? `**${who.trim()} wrote:** ` : "";
          }
          quote = Math.max(0, quote - 1);
          return "";
        },
      );
      if (/^[ \t]*\[hr\][ \t]*$/i.test(line)) return "---";
      return `${"> ".repeat(depth)}${inline(line)}`.trimEnd();
    })
    .join("\n");
}

/** A line's BBCode tags as Markdown writes them; tags of looks alone (size, colour, font) show nothing. */
function inline(line: string): string {
  if (!line.includes("[")) return line;
  return line
    .replace(/\[url=["']?([^\]"'\s]+)["']?\]([\s\S]*?)\[\/url\]/gi, (_, url: string, text: string) =>
      text.trim() === "" ? `<${url}>` : `[${text}](<${url}>)`,
    )
    .replace(/\[url\]([^[\s]+)\[\/url\]/gi, "<$1>")
    .replace(/\[email(?:=([^\]]+))?\]([^[]*)\[\/email\]/gi, (_, to: string | undefined, text: string) =>
      to ? `[${text}](<mailto:${to}>)` : `<${text}>`,
    )
    .replace(/\[img(?:[^\]]*)\]([^[\s]+)\[\/img\]/gi, "![image](<$1>)")
    .replace(/\[code\]([^[\n]*?)\[\/code\]/gi, "`$1`")
    .replace(
      /\[h([1-6])\]([^[\n]*?)\[\/h\1\]/gi,
      (_, n: string, text: string) => `${"#".repeat(Number(n))} ${text}`,
    )
    .replace(/\[b\]([\s\S]*?)\[\/b\]/gi, "**$1**")
    .replace(/\[(?:i|u)\]([\s\S]*?)\[\/(?:i|u)\]/gi, "*$1*")
    .replace(/\[(?:s|strike)\]([\s\S]*?)\[\/(?:s|strike)\]/gi, "~~$1~~")
    .replace(
      /\[\/?(?:size|color|colour|font|center|left|right|justify|spoiler|indent|highlight|sup|sub|hr)(?:=[^\]]*)?\]/gi,
      "",
    );
}
