// Jira's and Confluence's wiki markup (a ticket's description copied out) saved as `.md`, written as the
// Markdown it means before marked reads it. Its headings (`h2. What happened`), tables (`||a||b||`),
// macros (`{code}`, `{quote}`, `{panel}`) and links (`[text|url]`) are no Markdown: read as Markdown,
// a table runs into one line and the macros show raw. Only a body with two `hN.` headings, or one beside
// a block macro or a header row, is Jira's. Every line becomes one line. What is read, in docs/format.md.

const HEADING = /^h([1-6])\.[ \t]+(.*)$/;
const MACRO = /^\{(code|noformat|quote|panel|info|note|warning|tip)(?::([^}]*))?\}/i;
const SIGNS = /^\{(?:code|noformat|quote|panel|info|note|warning|tip)\b|^\|\|.*\|\|[ \t]*$|^bq\.[ \t]/m;

/** The body as Markdown, when it is Jira's wiki markup; else the body as it is. */
export function jiraMarkdown(body: string): string {
  if (!(body.startsWith("h") || body.includes("\nh")) || !/^h[1-6]\.[ \t]/m.test(body)) return body;
  const headings = body.match(/^h[1-6]\.[ \t]/gm)?.length ?? 0;
  if (headings < 2 && !SIGNS.test(body)) return body;
  // A Markdown page with one `h3.` line pasted into it (a wiki's heading) stays Markdown.
  if (headings < 2 && /^#{1,6}[ \t]|^```|^[ \t]*[-*][ \t]+\[[ xX]\]/m.test(body)) return body;
  const lines = body.split("\n");
  const out = lines.slice();
  let block: { kind: string; verbatim: boolean } | null = null;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    if (block?.verbatim) {
      const end = line.search(new RegExp(`\\{${block.kind}\\}`, "i"));
      if (end === -1) continue;
      out[i] = `${line.slice(0, end)}${end > 0 ? "\n" : ""}\`\`\``;
      block = null;
      continue;
    }
    const m = MACRO.exec(line.trimStart());
    if (m) {
      const kind = m[1]!.toLowerCase();
      const rest = line.trimStart().slice(m[0].length);
      if (kind === "code" || kind === "noformat") {
        const lang = kind === "code" ? (m[2] ?? "").split("|")[0]!.replace(/^language=/, "") : "";
        const close = rest.search(new RegExp(`\\{${kind}\\}`, "i"));
        if (close !== -1) {
          out[i] = `\`${rest.slice(0, close)}\`${rest.slice(close + kind.length + 2)}`;
          continue;
        }
        out[i] = `\`\`\`${/^[\w+-]+$/.test(lang) ? lang : ""}${rest.trim() ? `\n${rest}` : ""}`;
        block = { kind, verbatim: true };
        continue;
      }
      const title = /title=([^|}]*)/.exec(m[2] ?? "")?.[1]?.trim();
      const head = kind === "quote" ? "" : `**${title || kind.charAt(0).toUpperCase() + kind.slice(1)}** `;
      const close = rest.search(new RegExp(`\\{${kind}\\}`, "i"));
      if (close !== -1) {
        out[i] = `> ${head}${inline(rest.slice(0, close))}${inline(rest.slice(close + kind.length + 2))}`;
        continue;
      }
      block = { kind, verbatim: false };
      out[i] = `> ${head}${inline(rest)}`.trimEnd();
      continue;
    }
    if (block) {
      const close = line.search(new RegExp(`\\{${block.kind}\\}`, "i"));
      if (close !== -1) {
        out[i] =
          `> ${inline(line.slice(0, close))}`.trimEnd() + inline(line.slice(close + block.kind.length + 2));
        block = null;
      } else out[i] = `> ${inline(line)}`.trimEnd();
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      out[i] = `${"#".repeat(Number(h[1]))} ${inline(h[2]!)}`;
      continue;
    }
    if (/^bq\.[ \t]/.test(line)) {
      out[i] = `> ${inline(line.slice(3).trim())}`;
      continue;
    }
    // A header row `||a||b||`: GFM's header with its delimiter row under it. The header moves up to
    // the second of two blank lines before it, so the rows keep their lines; else the lines after it
    // move down one.
    if (/^\|\|.*\|\|[ \t]*$/.test(line.trim())) {
      const cells = line.trim().slice(2, -2).split("||");
      const header = `| ${cells.map(inline).join(" | ")} |`;
      const rule = `|${" --- |".repeat(cells.length)}`;
      if (i > 1 && lines[i - 1]!.trim() === "" && lines[i - 2]!.trim() === "") {
        out[i - 1] = header;
        out[i] = rule;
      } else out[i] = `${header}\n${rule}`;
      continue;
    }
    // Lists: `*`, `#` and their nesting (`**`, `#*`), as Markdown indents them.
    const list = /^([*#-]+)[ \t]+(.*)$/.exec(line);
    if (list && !/^-{4,}/.test(line) && !(list[1]!.length > 1 && list[1]!.startsWith("-"))) {
      const marks = list[1]!;
      const indent = [...marks.slice(0, -1)].map((c) => (c === "#" ? "   " : "  ")).join("");
      line = `${indent}${marks.endsWith("#") ? "1." : "-"} ${list[2]!}`;
    } else if (/^-{4,}[ \t]*$/.test(line)) line = "---";
    out[i] = inline(line);
  }
  return out.join("\n");
}

/** A line's Jira links, emphasis, monospace, colours and images as Markdown writes them. */
function inline(line: string): string {
  if (!/[[*_{!+~-]/.test(line)) return line;
  return line
    .replace(/\{\{([^}\n]+)\}\}/g, "`$1`")
    .replace(
      /\[([^|\]\n]+)\|((?:https?|mailto):[^\]\s]+)\]/g,
      (_, text: string, url: string) => `[${text}](<${url}>)`,
    )
    .replace(/\[((?:https?|mailto):[^\]\s|]+)\]/g, "<$1>")
    .replace(/\[~([\w.-]+)\]/g, "@$1")
    .replace(/\{color(?::[^}]*)?\}/gi, "")
    .replace(/!([^!\s|]+\.(?:png|jpe?g|gif|svg|webp))(?:\|[^!]*)?!/gi, "![image](<$1>)")
    .replace(/(^|[\s(])\*(?=\S)([^*\n]*?\S)\*(?=$|[\s.,;:!?)])/g, "$1**$2**")
    .replace(/(^|[\s(])-(?=\S)([^-\n]*?\S)-(?=$|[\s.,;:!?)])/g, "$1~~$2~~")
    .replace(/(^|[\s(])\+(?=\S)([^+\n]*?\S)\+(?=$|[\s.,;:!?)])/g, "$1*$2*");
}
