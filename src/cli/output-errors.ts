// When standard output cannot take what a command writes: the disk is full (ENOSPC, `> /dev/full`),
// the terminal is gone (EIO), or the descriptor is no longer open (EBADF). The command ends with one
// line on stderr and EX_IOERR, never a stack trace; a reader that went away (EPIPE, `| head -1`) is
// no error at all. A stdout closed before the start (`>&-`) cannot be seen from here: Node opens
// /dev/null in its place before any JavaScript runs, exactly as a parent that discards the output
// does (both read-write), so such a run writes into /dev/null (docs/security.md).
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
