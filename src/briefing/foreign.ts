// Other markup languages saved as `.md` or `.txt` (Org, AsciiDoc, a wiki's source, reStructuredText,
// Typst, BBCode, Jira's wiki markup, Discord's spoilers), each written as the Markdown it means before marked reads the body. Each reader
// looks first for what only its language writes (a cheap test), and writes one line for each line, so
// paragraphs keep their line numbers. What is read, in docs/format.md.
import { asciidocMarkdown } from "./asciidoc.js";
import { bbcodeMarkdown } from "./bbcode.js";
import { jiraMarkdown } from "./jira.js";
import { mediawikiMarkdown } from "./mediawiki.js";
import { memoBody } from "./memo.js";
import { orgMarkdown } from "./org.js";
import { rstMarkdown } from "./rst.js";
import { spoilers } from "./spoilers.js";
import { typstMarkdown } from "./typst.js";

/** The body as Markdown, when it is written in another markup language; else the body as it is. */
export function foreignMarkdown(body: string): string {
  return mediawikiMarkdown(
    asciidocMarkdown(
      orgMarkdown(rstMarkdown(typstMarkdown(bbcodeMarkdown(jiraMarkdown(memoBody(spoilers(body))))))),
    ),
  );
}

/**
 * A plain-text body written in one of the markup languages the Markdown reader knows (rST, Typst,
 * BBCode, Org, AsciiDoc, a wiki's source): read as Markdown, not as pasted prose. Jira's markup and a
 * memo's headers in a `.txt` stay the plain-text reader's.
 */
export function isForeignMarkup(body: string): boolean {
  return (
    mediawikiMarkdown(asciidocMarkdown(orgMarkdown(rstMarkdown(typstMarkdown(bbcodeMarkdown(body)))))) !==
    body
  );
}
