// How a command's run ends the process, for the whole command line and the print bundle alike: its
// exit code, output that cannot be written, and a bug said as one.
import { sanitize } from "../text/sanitize.js";
import { EXIT } from "./context.js";
import { EX_IOERR, outputFailure } from "./output-errors.js";

/** Output that cannot be written ends the command: one line, EX_IOERR. */
function outputFailed(line: string): never {
  try {
    process.stderr.write(`${line}\n`);
  } catch {
    // No stderr either: the exit code is all that is left.
  }
  process.exit(EX_IOERR);
}

/** Runs `command` and sets the exit code it answers. */
export async function runToExit(command: () => Promise<number>): Promise<void> {
  // `signaldesk list | head -1`: the reader went away, which is not an error worth a word.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(EXIT.ok);
    const line = outputFailure(error);
    if (line !== null) outputFailed(line);
    throw error;
  });
  process.stderr.on("error", () => {});
  try {
    process.exitCode = await command();
  } catch (error) {
    // A write to a file or device throws where it is made (a pipe or terminal reports it as an event).
    const line = outputFailure(error);
    if (line !== null) outputFailed(line);
    // A bug, not bad input (bad input is a Problem value): say what it was and use EX_SOFTWARE.
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`signaldesk: internal error: ${sanitize(message)}\n`);
    process.exitCode = 70;
  }
}
