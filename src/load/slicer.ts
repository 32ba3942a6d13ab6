// Work that shares the reader's thread gives way every few milliseconds, so keys and redraws never
// wait behind a load.

/**
 * A gate to call between units of synchronous work: once `sliceMs` have been used since the last
 * turn of the event loop it returns a promise for the next turn (shared by every caller waiting),
 * otherwise undefined, so a caller with time left does not even await.
 */
export function timeSlicer(sliceMs: number): () => Promise<void> | undefined {
  let start = performance.now();
  let turn: Promise<void> | null = null;
  const wait = async () => {
    while (performance.now() - start > sliceMs) {
      turn ??= new Promise<void>((resolve) =>
        setImmediate(() => {
          turn = null;
          start = performance.now();
          resolve();
        }),
      );
      await turn;
    }
  };
  return () => (performance.now() - start > sliceMs ? wait() : undefined);
}
