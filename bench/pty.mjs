// Drives a program in a real pseudo-terminal and reads its screen through a headless xterm.
// Times are taken with process.hrtime.bigint(): at spawn (or at the key write) and at the pty data event
// whose bytes, once parsed by xterm, made the awaited predicate true. xterm parses asynchronously, so
// every predicate is checked in the write callback, with the arrival time of that chunk.
import { readFileSync } from "node:fs";
import xtermHeadless from "@xterm/headless";
import pty from "node-pty";

const { Terminal } = xtermHeadless;
const now = () => process.hrtime.bigint();
export const ms = (fromNs, toNs) => Number(toNs - fromNs) / 1e6;

/** Resolves `value` after `t` ms without keeping the process alive for it. */
export const after = (t, value = null) => new Promise((r) => setTimeout(() => r(value), t).unref());

/** Peak resident set (VmHWM) of a live process in kB, or null once it is gone. */
export function peakRssKb(pid) {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** User + system CPU of a live process (all its threads), in ms; null once it is gone. */
export function cpuMs(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after "pid (comm) ".
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

const SYNC_BEGIN = "\x1b[?2026h";
const SYNC_END = "\x1b[?2026l";

export class Screen {
  constructor(file, args, { cols = 100, rows = 30, env = process.env, cwd = process.cwd() } = {}) {
    this.cols = cols;
    this.rows = rows;
    this.term = new Terminal({ cols, rows, allowProposedApi: true, scrollback: 0 });
    this.waiters = new Set();
    this.lastDataNs = null;
    this.lastWriteNs = null;
    this.bytes = 0;
    /** Arrival times of every chunk once parsed, for callers that study the rhythm of frames. */
    this.writeTimes = [];
    this.watchers = new Set();
    this.exit = null;
    let resolveExit;
    this.exited = new Promise((r) => {
      resolveExit = r;
    });
    this.t0 = now();
    this.proc = pty.spawn(file, args, { name: "xterm-256color", cols, rows, cwd, env });
    this.pid = this.proc.pid;
    // A frame Ink wraps in a synchronized update (DEC mode 2026) can arrive in several chunks: the
    // screen between them is half-erased, which a person never sees, so no predicate is asked then.
    let tail = "";
    let midFrame = false;
    this.proc.onData((data) => {
      const at = now();
      this.lastDataNs = at;
      this.bytes += data.length;
      tail = (tail + data).slice(-(data.length + SYNC_BEGIN.length));
      const begin = tail.lastIndexOf(SYNC_BEGIN);
      const end = tail.lastIndexOf(SYNC_END);
      if (begin !== end) midFrame = begin > end;
      const whole = !midFrame;
      this.term.write(data, () => {
        this.lastWriteNs = at;
        this.writeTimes.push(at);
        if (!whole) return;
        for (const fn of this.watchers) fn(this, at);
        this.check(at);
      });
    });
    this.proc.onExit(({ exitCode, signal }) => {
      this.exit = { exitCode, signal, atNs: now() };
      // Let xterm finish parsing what is already queued before waiters give up on the exit.
      this.term.write("", () => {
        for (const w of this.waiters) w.finish(false, "exited");
        resolveExit(this.exit);
      });
    });
  }

  check(atNs) {
    for (const w of this.waiters) if (w.pred(this)) w.finish(true, atNs);
  }

  /** Calls `fn(screen, atNs)` after every parsed chunk until the returned function is called. */
  watch(fn) {
    this.watchers.add(fn);
    return () => this.watchers.delete(fn);
  }

  /** The visible screen as trimmed text lines. */
  lines() {
    const buf = this.term.buffer.active;
    const out = [];
    for (let y = 0; y < this.rows; y++)
      out.push(buf.getLine(buf.viewportY + y)?.translateToString(true) ?? "");
    return out;
  }

  text() {
    return this.lines().join("\n");
  }

  /** Text plus the style of every cell: a selection that moves only by colour still changes this. */
  signature() {
    const buf = this.term.buffer.active;
    const cell = buf.getNullCell();
    const parts = [];
    for (let y = 0; y < this.rows; y++) {
      const line = buf.getLine(buf.viewportY + y);
      if (!line) continue;
      let row = "";
      for (let x = 0; x < this.cols; x++) {
        line.getCell(x, cell);
        row += `${cell.getChars() || " "}${cell.getFgColorMode()}.${cell.getFgColor()}.${cell.getBgColorMode()}.${cell.getBgColor()}.${cell.isInverse()}${cell.isBold()}|`;
      }
      parts.push(row);
    }
    return parts.join("\n");
  }

  /**
   * Resolves when `pred(screen)` holds: { ok: true, atNs } with the arrival time of the data that made it
   * true (or of the last data, if it already holds), or { ok: false, reason } on timeout or exit.
   */
  waitFor(pred, timeoutMs = 10_000) {
    return new Promise((resolve) => {
      const w = {
        pred,
        finish: (ok, atOrReason) => {
          if (!this.waiters.delete(w)) return;
          clearTimeout(w.timer);
          resolve(ok ? { ok: true, atNs: atOrReason } : { ok: false, reason: atOrReason });
        },
      };
      w.timer = setTimeout(() => w.finish(false, "timeout"), timeoutMs);
      this.waiters.add(w);
      if (pred(this)) w.finish(true, this.lastWriteNs ?? now());
      else if (this.exit) w.finish(false, "exited");
    });
  }

  /** Milliseconds from spawn until `pred` holds, or null (timeout or exit). */
  async timeTo(pred, timeoutMs) {
    const r = await this.waitFor(pred, timeoutMs);
    return r.ok ? ms(this.t0, r.atNs) : null;
  }

  /**
   * Writes `keys` and returns the milliseconds until the screen shows the expected change, or null.
   * `expect` gets (screen, before) where `before` is the signature just before the write; by default any
   * change of text or style counts.
   */
  async press(keys, expect = (s, before) => s.signature() !== before, timeoutMs = 5000) {
    const before = this.signature();
    const sent = now();
    const pending = this.waitFor((s) => expect(s, before), timeoutMs);
    this.proc.write(keys);
    const r = await pending;
    return r.ok ? ms(sent, r.atNs) : null;
  }

  /** Resolves once no output has arrived for `quietMs` (bounded by `maxMs`): keys then start from rest. */
  idle(quietMs = 60, maxMs = 3000) {
    const started = now();
    return new Promise((resolve) => {
      const tick = () => {
        const last = this.lastDataNs ?? this.t0;
        const quietFor = ms(last, now());
        if (this.exit || quietFor >= quietMs) return resolve(true);
        if (ms(started, now()) >= maxMs) return resolve(false);
        setTimeout(tick, Math.max(5, quietMs - quietFor));
      };
      tick();
    });
  }

  write(keys) {
    this.proc.write(keys);
  }

  /** The bytes a terminal sends for a named key, honouring application cursor mode (DECCKM). */
  key(name) {
    const app = this.term.modes.applicationCursorKeysMode;
    const cursor = { up: "A", down: "B", right: "C", left: "D", home: "H", end: "F" }[name];
    if (cursor) return `\x1b${app ? "O" : "["}${cursor}`;
    return KEYS[name] ?? name;
  }

  peakRssKb() {
    return peakRssKb(this.pid);
  }

  /** Sends `quitKeys`, then SIGTERM, then SIGKILL, each bounded: never leaves a child behind. */
  async close(quitKeys = "q", graceMs = 2000) {
    const waitExit = (t) => Promise.race([this.exited, after(t)]);
    if (this.exit) return this.exit;
    if (quitKeys) {
      this.proc.write(quitKeys);
      if (await waitExit(graceMs)) return this.exit;
    }
    for (const sig of ["SIGTERM", "SIGKILL"]) {
      try {
        this.proc.kill(sig);
      } catch {}
      if (await waitExit(graceMs)) return this.exit;
    }
    return this.exit;
  }

  dispose() {
    this.term.dispose();
  }
}

export const KEYS = {
  enter: "\r",
  esc: "\x1b",
  pgdn: "\x1b[6~",
  pgup: "\x1b[5~",
  ctrlC: "\x03",
};
