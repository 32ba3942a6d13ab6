import { describe, expect, it } from "vitest";
import { oneWritePerFrame, SYNC_BEGIN, SYNC_END } from "../../src/tui/frameWrite.js";

/** A terminal that records each write it gets, as the system calls a real one would see. */
function terminal() {
  const writes: string[] = [];
  const stream = {
    write(chunk: string, ...rest: unknown[]) {
      writes.push(chunk);
      const done = rest.find((r) => typeof r === "function") as (() => void) | undefined;
      done?.();
      return true;
    },
  } as unknown as NodeJS.WriteStream;
  return { stream, writes };
}

describe("oneWritePerFrame", () => {
  it("writes a synchronized frame, written by Ink in three parts, in one write", () => {
    const { stream, writes } = terminal();
    oneWritePerFrame(stream);
    stream.write(SYNC_BEGIN);
    stream.write("\x1b[2A\x1b[1G› row\x1b[K\r\n");
    stream.write(SYNC_END);
    expect(writes).toEqual([`${SYNC_BEGIN}\x1b[2A\x1b[1G› row\x1b[K\r\n${SYNC_END}`]);
  });

  it("passes other writes straight through, in order", () => {
    const { stream, writes } = terminal();
    oneWritePerFrame(stream);
    stream.write("\x1b[?1049h");
    stream.write(SYNC_BEGIN);
    stream.write("frame");
    stream.write(SYNC_END);
    stream.write("\x1b[?1049l");
    expect(writes).toEqual(["\x1b[?1049h", `${SYNC_BEGIN}frame${SYNC_END}`, "\x1b[?1049l"]);
  });

  it("writes what a frame holds before a write with a callback, which keeps its callback", () => {
    const { stream, writes } = terminal();
    oneWritePerFrame(stream);
    let called = false;
    stream.write(SYNC_BEGIN);
    stream.write("half a frame");
    stream.write("bye", () => {
      called = true;
    });
    expect(writes).toEqual([`${SYNC_BEGIN}half a frame`, "bye"]);
    expect(called).toBe(true);
  });

  it("still writes a frame whose closing never comes (Ink threw while writing it)", async () => {
    const { stream, writes } = terminal();
    oneWritePerFrame(stream);
    stream.write(SYNC_BEGIN);
    stream.write("frame");
    expect(writes).toEqual([]);
    await Promise.resolve();
    expect(writes).toEqual([`${SYNC_BEGIN}frame`]);
  });

  it("is taken off again, leaving the stream's own write", () => {
    const { stream, writes } = terminal();
    const own = stream.write;
    const undo = oneWritePerFrame(stream);
    stream.write(SYNC_BEGIN);
    undo();
    expect(stream.write).toBe(own);
    expect(writes).toEqual([SYNC_BEGIN]);
  });
});
