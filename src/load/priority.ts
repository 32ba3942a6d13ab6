// Load threads yield the CPU to the reader's thread. On a machine with no more CPUs than busy load
// threads, the thread that draws frames and answers keys would otherwise wait its turn behind them;
// on Linux each thread has its own nice value, and setting it "for this process" from a thread sets
// that thread's alone. Where that cannot be done, the load simply runs at the reader's priority.
import { setPriority } from "node:os";

/** Nice value of a load thread: below the reader's, above nothing else on the machine. */
const LOAD_NICE = 10;

export function yieldToReader(): void {
  try {
    setPriority(0, LOAD_NICE);
  } catch {
    // Not permitted or not supported: same priority as the reader.
  }
}
