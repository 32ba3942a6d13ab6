// The one sanitiser: every string that came from a file passes through here before it reaches a
// terminal. Nothing is dropped silently; anything a terminal would act on is turned into visible text.
//
// What happens to each class (output is always plain text; running it twice changes nothing):
//   ESC (0x1B)                 -> "^["; the bytes after it stay as ordinary text, so "\x1b[31m" shows as
//                                 "^[[31m" and an OSC 52 payload is visible instead of reaching the clipboard
//   other C0 controls          -> caret notation: NUL "^@", BEL "^G", BS "^H", ... (tab and newline kept)
//   CR                         -> CRLF becomes "\n"; a bare CR becomes "^M"
//   DEL (0x7F)                 -> "^?"
//   C1 controls U+0080-U+009F  -> "<U+009B>" (the code point, not the 7-bit "^[[" spelling, so a reader
//                                 can tell the 8-bit CSI from the two-byte one)
//   bidi controls              -> "<U+202E>" (embeddings/overrides U+202A-202E, isolates U+2066-2069,
//                                 marks U+200E, U+200F, U+061C): they could reorder or hide text
//   U+2028, U+2029             -> "\n" (they are line breaks; some terminals would not break)
//   zero-width/invisible       -> "<U+200B>" for U+200B, U+2060-U+2064, U+206A-U+206F, U+FEFF (a BOM that is
//                                 not at the start of a file was already stripped by the reader) and the
//                                 interlinear annotation marks U+FFF9-U+FFFB: they hide text from the eye
//   ZWNJ U+200C, ZWJ U+200D    -> kept: they join emoji sequences and letters in Arabic, Persian and
//                                 Indic scripts, and have no width of their own to hide anything behind
//   lone surrogates            -> U+FFFD
//
// Caret and <U+XXXX> forms are ASCII, so they pass through a second run unchanged (idempotence).

const UNSAFE =
  /\r\n|[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]/gu;
const UNSAFE_OR_LAYOUT =
  /\r\n|[\x00-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]/gu;
// Non-global copies for the fast path: `test` on a global regex would carry lastIndex between calls.
const HAS_UNSAFE = new RegExp(UNSAFE.source, "u");
const HAS_UNSAFE_OR_LAYOUT = new RegExp(UNSAFE_OR_LAYOUT.source, "u");

function codePointTag(code: number): string {
  return `<U+${code.toString(16).toUpperCase().padStart(4, "0")}>`;
}

/** Visible replacement for one matched unsafe character (or CRLF). */
function replace(match: string): string {
  if (match === "\r\n") return "\n";
  const code = match.charCodeAt(0);
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return "^?";
  if (code === 0x2028 || code === 0x2029) return "\n";
  if (code >= 0xd800 && code <= 0xdfff) return "\ufffd";
  return codePointTag(code);
}

function replaceInLine(match: string): string {
  if (match === "\n" || match === "\t" || match === "\r\n") return " ";
  const out = replace(match);
  return out === "\n" ? " " : out;
}

/**
 * Makes untrusted text safe to write to a terminal. Keeps tab and newline; every other control,
 * escape sequence introducer, bidi control and invisible formatting character is shown as text.
 */
export function sanitize(s: string): string {
  if (!HAS_UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, replace);
}

/** Like `sanitize`, and also turns newlines and tabs into spaces: for one-line cells and titles. */
export function sanitizeLine(s: string): string {
  if (!HAS_UNSAFE_OR_LAYOUT.test(s)) return s;
  return s.replace(UNSAFE_OR_LAYOUT, replaceInLine);
}
