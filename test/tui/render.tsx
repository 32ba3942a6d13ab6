// A small harness in the manner of ink-testing-library, with what that one lacks: a terminal size that
// can be set and changed (columns and rows), and awaiting the next frame instead of sleeping.
import { EventEmitter } from "node:events";
import { render as inkRender } from "ink";
import type { ReactElement } from "react";

class FakeStdout extends EventEmitter {
  columns: number;
  rows: number;
  readonly frames: string[] = [];
  isTTY = true;
  private waiters: (() => void)[] = [];
  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (frame: string): boolean => {
    this.frames.push(frame);
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
    return true;
  };
  nextWrite(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string): void => {
    this.data = data;
    this.emit("readable");
    this.emit("data", data);
  };
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  resume(): void {}
  pause(): void {}
  ref(): void {}
  unref(): void {}
}

/** Lets React run its passive effects (where Ink attaches key listeners) and Ink flush a lone Esc. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 4; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}

export const KEYS = {
  enter: "\r",
  esc: "\x1b",
  tab: "\t",
  shiftTab: "\x1b[Z",
  backspace: "\x7f",
  up: "\x1b[A",
  down: "\x1b[B",
  pageUp: "\x1b[5~",
  pageDown: "\x1b[6~",
  home: "\x1b[H",
  end: "\x1b[F",
  ctrlC: "\x03",
  ctrlD: "\x04",
  ctrlU: "\x15",
} as const;

export interface Rendered {
  stdout: FakeStdout;
  /** The last full frame written. */
  frame: () => string;
  lines: () => string[];
  /** Sends keys (each string one key press) and waits until the App has handled them. */
  press: (...keys: string[]) => Promise<void>;
  /** Sends keys back to back, with no frame between them (a fast typist), then waits. */
  burst: (...keys: string[]) => Promise<void>;
  /** Types text into whatever has focus, one key press per character. */
  type: (text: string) => Promise<void>;
  resize: (columns: number, rows: number) => Promise<void>;
  /** Renders another tree in place (new props, as run.ts does when a new story arrives), then waits. */
  rerender: (tree: ReactElement) => Promise<void>;
  /** Resolves when the app has exited (q, Ctrl-C). */
  exited: () => Promise<unknown>;
  unmount: () => void;
}

export async function render(
  tree: ReactElement,
  size: { columns?: number; rows?: number } = {},
): Promise<Rendered> {
  const stdout = new FakeStdout(size.columns ?? 100, size.rows ?? 30);
  const stdin = new FakeStdin();
  const stderr = new FakeStdout(100, 30);
  const instance = inkRender(tree, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    // Debug mode writes every frame whole, which is what a test wants to read.
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await flush();
  const frame = () => stdout.frames[stdout.frames.length - 1] ?? "";
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      stdin.write(k);
      await flush();
    }
  };
  return {
    stdout,
    burst: async (...keys) => {
      for (const k of keys) stdin.write(k);
      await flush();
    },
    frame,
    lines: () => frame().split("\n"),
    press,
    type: (text) => press(...Array.from(text)),
    resize: async (columns, rows) => {
      stdout.columns = columns;
      stdout.rows = rows;
      const next = stdout.nextWrite();
      stdout.emit("resize");
      await next;
      await flush();
    },
    rerender: async (next) => {
      instance.rerender(next);
      await flush();
    },
    exited: () => instance.waitUntilExit(),
    unmount: () => {
      instance.unmount();
      instance.cleanup();
    },
  };
}
