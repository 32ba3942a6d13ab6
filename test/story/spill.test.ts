// The timeline's set-aside sentences: every text appended to a TextSpill must read back byte for byte,
// wherever it ended up (the unflushed tail, the unlinked temp file, or memory when there is no file).
import { existsSync, readdirSync, readlinkSync, realpathSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { TextSpill } from "../../src/story/spill.js";
import { random } from "../random.js";

const MiB = 1 << 20;

let tmp: string;
const open: TextSpill[] = [];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), "signaldesk-spill-"));
});

afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function spill(dir: string = tmp): TextSpill {
  const s = new TextSpill(dir);
  open.push(s);
  return s;
}

// One, two, three and four UTF-8 bytes, a combining mark and a ZWJ sequence.
const PIECES = ["a", "Z", " ", "\n", "é", "ß", "Ж", "出口", "€", "\u0301", "😀", "👩‍👩‍👧", "𝔘"];

function texts(count: number, seed: number, maxPieces: number): string[] {
  const rnd = random(seed);
  return Array.from({ length: count }, () => {
    const n = Math.floor(rnd() * maxPieces);
    let s = "";
    for (let i = 0; i < n; i++) s += PIECES[Math.floor(rnd() * PIECES.length)];
    return s;
  });
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const rnd = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Appends every text, then reads them all back in a shuffled order. */
function roundTrip(s: TextSpill, all: readonly string[], seed = 7) {
  const places = all.map((t) => {
    const place = s.append(t);
    if (place[1] !== Buffer.byteLength(t)) expect.fail(`text ${place} given the wrong length`);
    return place;
  });
  for (const i of shuffled(
    all.map((_, i) => i),
    seed,
  )) {
    const [at, length] = places[i]!;
    if (s.read(at, length) !== all[i]) expect.fail(`text ${i} read back wrong`);
  }
}

const SAMPLES = ["plain ASCII text.", "Zoë's café — naïve façade", "出口管制", "🚢⚓️👩‍🚀", "", "a\nb\r\nc"];

describe("TextSpill", () => {
  it("reads back ASCII, multi-byte UTF-8, emoji and empty texts from the unflushed tail", () => {
    const s = spill();
    const places = SAMPLES.map((t) => s.append(t));
    SAMPLES.forEach((t, i) => {
      expect(s.read(...places[i]!)).toBe(t);
    });
  });

  it("reads back the same texts once they are on disk", () => {
    const s = spill();
    const places = SAMPLES.map((t) => s.append(t));
    // More than a chunk after them: they are flushed out of the tail.
    for (let i = 0; i < 3; i++) s.append("x".repeat(MiB - 5));
    const late = s.append("still in the tail 🐚");
    SAMPLES.forEach((t, i) => {
      expect(s.read(...places[i]!)).toBe(t);
    });
    expect(s.read(...late)).toBe("still in the tail 🐚");
  });

  it("reads texts that straddle the 1 MiB mark, in the tail and then on disk", () => {
    const s = spill();
    const lead = "é".repeat((MiB - 4) / 2);
    // 3 bytes short of a chunk, then texts of mixed widths that cannot fit in what is left.
    const first = s.append(`${lead}a`);
    const across = ["€uro", "😀😀", "出", "ab", "x"].map((t) => [t, s.append(t)] as const);
    expect(s.read(...first)).toBe(`${lead}a`);
    for (const [t, place] of across) expect(s.read(...place)).toBe(t);
    for (let i = 0; i < 2; i++) s.append("y".repeat(MiB));
    expect(s.read(...first)).toBe(`${lead}a`);
    for (const [t, place] of across) expect(s.read(...place)).toBe(t);
  });

  it("reads back a text bigger than a chunk", () => {
    const s = spill();
    const big = "出口🚢".repeat(250_000);
    expect(Buffer.byteLength(big)).toBeGreaterThan(2 * MiB);
    const before = s.append("before");
    const at = s.append(big);
    expect(s.read(...at)).toBe(big);
    const after = s.append("after");
    s.append("z".repeat(MiB));
    s.append("z");
    expect(s.read(...before)).toBe("before");
    expect(s.read(...at)).toBe(big);
    expect(s.read(...after)).toBe("after");
  });

  it("reads back many thousands of texts in random order", () => {
    const all = texts(20_000, 1, 120);
    const bytes = all.reduce((n, t) => n + Buffer.byteLength(t), 0);
    // Several chunks, so reads cross from disk to tail and back.
    expect(bytes).toBeGreaterThan(2 * MiB);
    roundTrip(spill(), all);
  });

  it("leaves no file in its folder: the file is unlinked as soon as it is opened", async () => {
    const dir = await mkdtemp(path.join(tmp, "folder-"));
    const s = spill(dir);
    expect(await readdir(dir)).toEqual([]);
    roundTrip(s, texts(5_000, 2, 400));
    expect(await readdir(dir)).toEqual([]);
    // Where the process's open files can be listed, the spill's is there, in this folder and deleted:
    // the text went to disk, not to memory.
    if (existsSync("/proc/self/fd")) {
      const real = realpathSync(dir);
      const targets = readdirSync("/proc/self/fd").flatMap((fd) => {
        try {
          return [readlinkSync(`/proc/self/fd/${fd}`)];
        } catch {
          return [];
        }
      });
      expect(
        targets.filter((t) => t.startsWith(`${real}${path.sep}`) && t.endsWith("(deleted)")),
      ).toHaveLength(1);
    }
  });

  it("works from memory when its folder cannot be written", () => {
    const missing = path.join(tmp, "no-such-folder", "deeper");
    const s = spill(missing);
    expect(existsSync(missing)).toBe(false);
    roundTrip(s, [...SAMPLES, ...texts(10_000, 3, 200), ...SAMPLES], 11);
    const big = "🚢".repeat(MiB);
    const at = s.append(big);
    s.append("push it out of the tail");
    s.append("w".repeat(MiB));
    expect(s.read(...at)).toBe(big);
  });

  it("does not throw when read after close()", () => {
    for (const dir of [tmp, path.join(tmp, "no-such-folder")]) {
      const s = new TextSpill(dir);
      const flushed = s.append("gone to disk");
      s.append("q".repeat(2 * MiB));
      const tail = s.append("in the tail");
      s.close();
      expect(() => s.read(...flushed)).not.toThrow();
      expect(() => s.read(...tail)).not.toThrow();
      expect(() => s.close()).not.toThrow();
    }
  });
});
