// When standard output cannot take what a command writes: the disk is full (ENOSPC, `> /dev/full`),
// the terminal is gone (EIO), or there is no standard output at all (EBADF, `>&-`). The command ends
// with one line on stderr and EX_IOERR, never a stack trace; a reader that went away (EPIPE,
// `| head -1`) is no error at all.
import { fstatSync, readFileSync, statSync } from "node:fs";

/** EX_IOERR from sysexits.h. */
export const EX_IOERR = 74;

const WHY: Record<string, string> = {
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EFBIG: "file too large",
  EIO: "input/output error (the terminal or device is gone)",
  EBADF: "standard output is closed",
  ENXIO: "the device is gone",
};

function codeOf(error: unknown): string {
  return typeof error === "object" && error !== null && "code" in error ? String(error.code) : "";
}

/** The line to print when `error` means the output cannot be written, or null when it is not that. */
export function outputFailure(error: unknown): string | null {
  const code = codeOf(error);
  const why = WHY[code];
  return why === undefined ? null : `signaldesk: cannot write the output: ${why} (${code})`;
}

/**
 * True when standard output was closed when the program started. Node reopens a closed stdout on
 * /dev/null (read-write) before any JavaScript runs, so writes would vanish with exit 0; a shell's
 * `> /dev/null` opens it write-only, which is how the two are told apart (Linux: /proc/self/fdinfo).
 */
export function stdoutWasClosed(): boolean {
  try {
    const out = fstatSync(1);
    if (!out.isCharacterDevice()) return false;
    if (out.rdev !== statSync("/dev/null").rdev) return false;
    const flags = /^flags:\s*([0-7]+)$/m.exec(readFileSync("/proc/self/fdinfo/1", "utf8"));
    // O_ACCMODE 3, O_RDWR 2.
    return flags !== null && (Number.parseInt(flags[1]!, 8) & 3) === 2;
  } catch {
    return false;
  }
}
