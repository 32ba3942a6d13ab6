// Suspending the reader, as less and vim do: Ctrl-Z (a key in raw mode, so the terminal sends no
// signal) or a SIGTSTP from outside gives the terminal back as the shell expects it (the caller's
// `release`: main screen, cooked mode, cursor shown) and stops the process; SIGCONT (`fg`) takes it
// back (`retake`: raw mode, alternate screen) and draws the whole screen again (`redraw`).
//
// The stop is SIGSTOP to this process: with a SIGTSTP listener installed SIGTSTP no longer stops it,
// and a process group with no parent shell in it (an orphaned group, as under a terminal emulator's
// direct child) ignores SIGTSTP, never SIGSTOP. A job control shell sees either as its job stopping.

export interface TerminalHandover {
  /** Gives the terminal back: main screen, cooked mode, cursor shown. */
  release(): void;
  /** Takes it again: raw mode, the alternate screen. */
  retake(): void;
  /** Draws everything again on the (cleared) alternate screen. */
  redraw(): void;
}

export interface Suspension {
  /** Ctrl-Z: hand the terminal over and stop until SIGCONT. */
  suspend(): void;
  /** Stops listening for SIGTSTP and SIGCONT (the session is over). */
  dispose(): void;
}

export function suspension(terminal: TerminalHandover): Suspension {
  const suspend = () => {
    terminal.release();
    process.kill(process.pid, "SIGSTOP");
  };
  // Also after a stop this process did not ask for (SIGSTOP from outside): whatever ran in the
  // terminal meanwhile may have changed its modes and drawn over the screen.
  const resume = () => {
    terminal.retake();
    terminal.redraw();
  };
  process.on("SIGTSTP", suspend);
  process.on("SIGCONT", resume);
  return {
    suspend,
    dispose() {
      process.off("SIGTSTP", suspend);
      process.off("SIGCONT", resume);
    },
  };
}
