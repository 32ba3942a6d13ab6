// A frame reaches the terminal in one write. Ink writes each frame as three: the opening of a
// synchronized update (DEC mode 2026), the changed lines, its closing. On a terminal each write is a
// synchronous system call and may reach the terminal as a chunk of its own, which it must take in and
// hold until the closing arrives: three calls and up to three wake-ups of the terminal for every key.
// Everything Ink writes between the two brackets in the same turn of the event loop is joined and
// written at the closing bracket; anything else passes straight through.

export const SYNC_BEGIN = "\x1b[?2026h";
export const SYNC_END = "\x1b[?2026l";

/** Joins each synchronized frame written to `stream` into one write; returns the undo. */
export function oneWritePerFrame(stream: NodeJS.WriteStream): () => void {
  const inner = stream.write;
  let held: string[] | null = null;
  const flush = () => {
    if (held === null) return true;
    const frame = held.join("");
    held = null;
    return inner.call(stream, frame);
  };
  const write = function (this: NodeJS.WriteStream, ...args: Parameters<typeof inner>) {
    const [chunk] = args;
    // Only bare strings are held: a write with an encoding or a callback is someone else's.
    if (typeof chunk === "string" && args.length === 1) {
      if (held === null && chunk === SYNC_BEGIN) {
        held = [chunk];
        // A frame whose closing never comes in this turn (a throw inside Ink) is still written.
        queueMicrotask(flush);
        return true;
      }
      if (held !== null) {
        held.push(chunk);
        return chunk === SYNC_END ? flush() : true;
      }
    }
    flush();
    return inner.apply(this, args);
  } as typeof inner;
  stream.write = write;
  return () => {
    flush();
    if (stream.write === write) stream.write = inner;
  };
}
