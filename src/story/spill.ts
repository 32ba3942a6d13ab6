// Text set aside on disk while a story is built: a million timeline sentences are a hundred megabytes
// the reader never needs at once. Appended a megabyte at a time to a temp file that is deleted as soon
// as it is opened (it goes with the process, however that ends) and read back by position. When no
// temp file can be made the text stays in memory, which costs memory, not correctness.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const CHUNK = 1 << 20;
const BLOCK = 64 * 1024;
const BLOCKS_KEPT = 128;

export class TextSpill {
  private fd: number | null = null;
  /** Bytes on disk; everything after is in `tail`. */
  private flushed = 0;
  private tail = Buffer.allocUnsafe(CHUNK);
  private used = 0;
  /** Chunks kept in memory when there is no file. */
  private kept: Buffer[] = [];
  private blocks = new Map<number, Buffer>();

  constructor(dir: string = tmpdir()) {
    const file = path.join(
      dir,
      `signaldesk-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.spill`,
    );
    try {
      this.fd = openSync(file, "wx+", 0o600);
      unlinkSync(file);
    } catch {
      if (this.fd !== null) this.close();
      this.fd = null;
    }
  }

  /** Where the text went: its byte offset and length. */
  append(text: string): [number, number] {
    const bytes = Buffer.byteLength(text);
    if (this.used + bytes > this.tail.length) this.flush(bytes);
    const at = this.flushed + this.used;
    this.tail.write(text, this.used);
    this.used += bytes;
    return [at, bytes];
  }

  read(at: number, length: number): string {
    if (at >= this.flushed) {
      const from = at - this.flushed;
      return this.tail.toString("utf8", from, from + length);
    }
    if (this.fd === null) return this.fromKept(at, length);
    const first = Math.floor(at / BLOCK);
    const last = Math.floor((at + length - 1) / BLOCK);
    if (length > 0 && first === last && (first + 1) * BLOCK <= this.flushed) {
      const block = this.block(first);
      return block.toString("utf8", at - first * BLOCK, at - first * BLOCK + length);
    }
    return this.readAt(at, length).toString("utf8");
  }

  private readAt(at: number, length: number, into?: Buffer): Buffer {
    const buf = into ?? Buffer.allocUnsafe(length);
    let got = 0;
    while (got < length && this.fd !== null) {
      const n = readSync(this.fd, buf, got, length - got, at + got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  }

  /**
   * A block of the file, through a small cache: sentences are read back in date order, and files
   * are mostly read in an order close to it (folders by year and month), so most reads land in a
   * block read a moment ago. A read from the file costs a system call; from the cache, a copy.
   */
  private block(n: number): Buffer {
    let b = this.blocks.get(n);
    if (b) {
      this.blocks.delete(n);
      this.blocks.set(n, b);
      return b;
    }
    // The block read longest ago gives its buffer (reading through the file in date order evicts a
    // block every few sentences: fresh buffers would pile up outside the heap until a full collection).
    let reuse: Buffer | undefined;
    if (this.blocks.size >= BLOCKS_KEPT) {
      const oldest = this.blocks.keys().next().value!;
      const old = this.blocks.get(oldest);
      if (old?.length === BLOCK) reuse = old;
      this.blocks.delete(oldest);
    }
    b = this.readAt(n * BLOCK, BLOCK, reuse);
    this.blocks.set(n, b);
    return b;
  }

  close(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } catch {}
    }
    this.fd = null;
    this.kept = [];
    this.blocks.clear();
  }

  /** Writes the tail out and starts a new one big enough for `next` bytes. */
  private flush(next: number): void {
    const full = this.tail.subarray(0, this.used);
    if (this.fd !== null) {
      try {
        let done = 0;
        while (done < full.length)
          done += writeSync(this.fd, full, done, full.length - done, this.flushed + done);
      } catch {
        // Disk full or gone: what is on disk stays readable, the rest is kept here.
        this.keepInMemory();
        this.kept.push(Buffer.from(full));
      }
    } else this.kept.push(Buffer.from(full));
    this.flushed += this.used;
    this.used = 0;
    // The old tail is on disk (or copied) now and is written over: a new megabyte per megabyte
    // spilled would be garbage outside the heap that waits for a full collection to be freed,
    // hundreds of megabytes of it in a large load.
    if (next > this.tail.length) this.tail = Buffer.allocUnsafe(Math.max(CHUNK, next));
  }

  private keepInMemory(): void {
    if (this.fd === null) return;
    // Everything flushed so far is read back so that all text lives in one place.
    const before = Buffer.allocUnsafe(this.flushed);
    let got = 0;
    while (got < before.length) {
      const n = readSync(this.fd, before, got, before.length - got, got);
      if (n === 0) break;
      got += n;
    }
    this.close();
    this.kept = [before];
  }

  private fromKept(at: number, length: number): string {
    let base = 0;
    const out: Buffer[] = [];
    let need = length;
    let pos = at;
    for (const chunk of this.kept) {
      const end = base + chunk.length;
      if (pos < end && need > 0) {
        const take = Math.min(need, end - pos);
        out.push(chunk.subarray(pos - base, pos - base + take));
        pos += take;
        need -= take;
      }
      base = end;
    }
    return Buffer.concat(out).toString("utf8");
  }
}
