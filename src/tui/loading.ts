// The loading line of a start with no saved story, painted with escape sequences rather than by Ink:
// the load of a large folder lasts minutes, and Ink, React and yoga (tens of MB, a third of a second
// to load) are of no use to it. Ink is loaded once there is a story to show (run.ts).
import { paintLine } from "./paint.js";
import { pickTheme } from "./theme.js";

const SPIN = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";
/**
 * The loading line's spinner turns this often: one changed line, about a kilobyte a second. Well under
 * a tenth of a second, so a late turn or two (the load's threads share the CPUs) never reads as a
 * frozen screen.
 */
export const SPINNER_MS = 50;
// Progress arrives once per file; redrawing more often than a frame is wasted work at 100k files.
const PROGRESS_INTERVAL_MS = 16;

export function loadingText(done: number, total: number, step: string | undefined, spin: number): string {
  const progress = total > 0 ? `${done}/${total} ` : "";
  return `signaldesk — loading ${progress}briefings…${step ? ` ${step}` : ""} ${SPIN[spin % SPIN.length]}`;
}

export interface LoadingLine {
  progress(done: number, total: number, step?: string): void;
  /** Stops the spinner and the repaints; what is on screen stays. */
  stop(): void;
}

/** Paints the loading line at the top-left of a screen already entered, and keeps it turning. */
export function showLoading(stdout: NodeJS.WriteStream): LoadingLine {
  // The line holds no text from files, but goes the way every line to the terminal goes.
  const theme = pickTheme(false);
  let done = 0;
  let total = 0;
  let step: string | undefined;
  let spin = 0;
  let lastDraw = 0;
  let stopped = false;

  const width = () => stdout.columns || 80;
  const paint = (clear: boolean) => {
    if (stopped) return;
    const line = paintLine(
      { segments: [{ text: loadingText(done, total, step, spin) }] },
      width(),
      theme,
      false,
    );
    stdout.write(`${clear ? "\x1b[H\x1b[2J" : "\x1b[H"}${line}`);
  };
  // The terminal reflows or keeps what was drawn for the old width: the screen is cleared and the line
  // drawn again for the new one.
  const resized = () => paint(true);

  paint(true);
  // A load in the loader worker can go seconds between messages (a step of a large archive): the
  // spinner keeps turning meanwhile, so a screen that is alive never looks frozen.
  const spinner = setInterval(() => {
    spin++;
    paint(false);
  }, SPINNER_MS);
  spinner.unref();
  stdout.on("resize", resized);

  return {
    progress(d, t, s) {
      const now = performance.now();
      if (d < t && s === undefined && now - lastDraw < PROGRESS_INTERVAL_MS) return;
      lastDraw = now;
      done = d;
      total = t;
      step = s;
      paint(false);
    },
    stop() {
      stopped = true;
      clearInterval(spinner);
      stdout.off("resize", resized);
    },
  };
}
