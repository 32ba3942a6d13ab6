// How key presses reach Ink. Two timing problems are solved here, not in the views:
// - Ink subscribes components to keys in passive effects, which React runs a tick after a frame is
//   drawn; a key arriving in that gap reached the part that had just closed (Esc in the actor picker
//   then a quick Enter added the actor instead of opening the briefing).
// - A terminal delivers reads, not keys: a fast typist, a paste or `tmux send-keys '/mythos'` puts
//   several keys in one read, which Ink 6 hands over as one input that matches no command.
// So every read is split into single key presses, and each is handed to Ink a turn later; while more
// keys of the same read wait, the next one goes only after the screen has been redrawn (or a short
// while has passed, for a key that changes nothing), so it reaches whatever has focus by then.
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { isMouseReport, type MouseListener, parseMouse } from "./mouse.js";

const ESC = "\x1b";
/** The longest wait for a redraw before the next key of a read goes anyway. */
const FRAME_WAIT_MS = 50;

/** The length of the key press starting at `i`: an escape sequence whole, else one code point. */
function keyLength(s: string, i: number): number {
  if (s[i] !== ESC) return s.codePointAt(i)! > 0xffff ? 2 : 1;
  const next = s[i + 1];
  if (next === undefined) return 1;
  if (next === "[") {
    let j = i + 2;
    while (j < s.length && !(s.charCodeAt(j) >= 0x40 && s.charCodeAt(j) <= 0x7e)) j++;
    return Math.min(j + 1, s.length) - i;
  }
  if (next === "O") return Math.min(3, s.length - i);
  // Esc followed by a key is how terminals send Alt+key; the pair stays one press, as Ink reads it.
  return 1 + keyLength(s, i + 1);
}

export function splitKeys(s: string): string[] {
  const keys: string[] = [];
  for (let i = 0; i < s.length; ) {
    const n = keyLength(s, i);
    keys.push(s.slice(i, i + n));
    i += n;
  }
  return keys;
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** When the oldest key no frame has answered yet arrived (performance.now()), or null. */
let unanswered: number | null = null;

/**
 * Whether a key has arrived that no frame has answered yet (for at most FRAME_WAIT_MS, for a key
 * that changes nothing): work done ahead between keys (hooks/usePrepare.ts) stands aside for it.
 * Its bytes are read in the event loop's poll phase, a turn before React draws the frame: a step run
 * from a timer in between would go first.
 */
export function keyWaiting(): boolean {
  if (unanswered === null) return false;
  if (performance.now() - unanswered < FRAME_WAIT_MS) return true;
  unanswered = null;
  return false;
}

export interface KeyFeed {
  stream: NodeJS.ReadStream;
  close: () => void;
}

/**
 * A stdin for Ink that hands over `source`'s keys one at a time (see the top of this file). Mouse
 * reports go to `onMouse` instead, never to Ink.
 */
export function keyFeed(
  source: NodeJS.ReadStream,
  screen: NodeJS.WriteStream,
  onMouse?: MouseListener,
): KeyFeed {
  const proxy = new Readable({ read() {} });
  const queue: string[] = [];
  const utf8 = new StringDecoder("utf8");
  let pumping = false;
  let redrawn: (() => void) | undefined;

  const originalWrite = screen.write;
  screen.write = function (this: NodeJS.WriteStream, ...args: Parameters<typeof originalWrite>) {
    unanswered = null;
    redrawn?.();
    return originalWrite.apply(this, args);
  } as typeof originalWrite;

  const redraw = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, FRAME_WAIT_MS);
      function done() {
        clearTimeout(timer);
        redrawn = undefined;
        resolve();
      }
      redrawn = done;
    });

  async function pump() {
    pumping = true;
    while (queue.length > 0 && !proxy.destroyed) {
      await nextTurn();
      const key = queue.shift();
      if (key === undefined || proxy.destroyed) break;
      // A key of the same read whose predecessor's frame is out is waiting again.
      unanswered ??= performance.now();
      if (queue.length === 0) {
        proxy.push(key);
        break;
      }
      const frame = redraw();
      proxy.push(key);
      await frame;
      await nextTurn();
    }
    pumping = false;
  }

  const forward = (chunk: Buffer | string) => {
    for (const key of splitKeys(typeof chunk === "string" ? chunk : utf8.write(chunk))) {
      if (!isMouseReport(key)) {
        queue.push(key);
        unanswered ??= performance.now();
      } else if (onMouse) {
        const event = parseMouse(key);
        if (event) onMouse(event);
      }
    }
    if (!pumping) void pump();
  };
  source.on("data", forward);

  const tty = Object.assign(proxy, {
    isTTY: true,
    setRawMode(mode: boolean) {
      source.setRawMode(mode);
      return tty;
    },
    ref() {
      source.ref();
      return tty;
    },
    unref() {
      source.unref();
      return tty;
    },
  });
  return {
    stream: tty as unknown as NodeJS.ReadStream,
    close() {
      source.off("data", forward);
      screen.write = originalWrite;
      redrawn?.();
      proxy.destroy();
    },
  };
}
