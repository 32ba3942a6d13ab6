// Registry names and aliases found in text, in time linear in the text (times the longest name) and
// in the registry's size. It replaces one alternation regex of every name, which V8 tries name by
// name at every position: 25,000 actors over 1,000 briefings ran for more than ten minutes.
//
// The matches are exactly the regex's: `(?<![\p{L}\p{N}])(?:name1|name2|...)(?![\p{L}\p{N}])` with
// the names longest first, each space run in a name matching any run of white space, scanned left to
// right without overlaps, case-insensitive (the regex's `iu`: simple case folding) or not. At a
// position where several names match, the regex takes the first alternative that does, so the
// longest name (then the first given); the tests check both against generated text.
//
// A trie over code points (case-folded when asked), all its edges in one hash table keyed by
// (node, code point): a Map per node cost 100 MB for 25,000 actors, and one Map keyed by
// node × 0x110001 + code point made most keys heap numbers past a thousand nodes, hashed and
// allocated at every step of a walk (the walk was a tenth of a parse worker's time).
/** The edge a run of white space takes (code points are shifted by one to leave it room). */
const SPACE = 0;
/** Table rows of ASCII children per matcher (512 bytes each): 2 MiB at most. */
const MAX_ROWS = 4096;

/** Trie edges (node, edge) → child, open addressing over typed arrays; a child is never 0 (the root). */
class Edges {
  private mask = 1023;
  private from = new Int32Array(1024);
  private via = new Int32Array(1024);
  private to = new Int32Array(1024);
  private size = 0;

  private slot(node: number, edge: number): number {
    let h = Math.imul(node ^ Math.imul(edge, 0x85ebca6b), 0x9e3779b1);
    h ^= h >>> 15;
    let i = h & this.mask;
    while (this.to[i] !== 0 && (this.from[i] !== node || this.via[i] !== edge)) i = (i + 1) & this.mask;
    return i;
  }

  /** The child along `edge`, or 0 when there is none. */
  get(node: number, edge: number): number {
    return this.to[this.slot(node, edge)] as number;
  }

  set(node: number, edge: number, child: number): void {
    if (2 * (this.size + 1) > this.mask + 1) this.grow();
    const i = this.slot(node, edge);
    if (this.to[i] === 0) this.size++;
    this.from[i] = node;
    this.via[i] = edge;
    this.to[i] = child;
  }

  /** Calls `fn` with each edge, in no particular order. */
  each(fn: (node: number, edge: number, child: number) => void): void {
    const { from, via, to } = this;
    for (let i = 0; i < to.length; i++)
      if (to[i] !== 0) fn(from[i] as number, via[i] as number, to[i] as number);
  }

  /** The table as numbers: [mask, size, ...from, ...via, ...to]. */
  image(): Int32Array[] {
    return [Int32Array.of(this.mask, this.size), this.from, this.via, this.to];
  }

  /** The table `image` gave, or null when `at` does not hold one whose children are below `nodes`. */
  static fromImage(image: Int32Array, at: number, nodes: number): { edges: Edges; end: number } | null {
    const mask = image[at] as number;
    const size = image[at + 1] as number;
    const cap = mask + 1;
    if (cap < 1024 || (cap & mask) !== 0 || at + 2 + 3 * cap > image.length) return null;
    const edges = new Edges();
    edges.mask = mask;
    edges.size = size;
    edges.from = image.slice(at + 2, at + 2 + cap);
    edges.via = image.slice(at + 2 + cap, at + 2 + 2 * cap);
    edges.to = image.slice(at + 2 + 2 * cap, at + 2 + 3 * cap);
    let used = 0;
    for (let i = 0; i < cap; i++) {
      const to = edges.to[i] as number;
      if (to === 0) continue;
      used++;
      const from = edges.from[i] as number;
      if (to < 0 || to >= nodes || from < 0 || from >= nodes || (edges.via[i] as number) < 0) return null;
    }
    // Open addressing needs a free slot to end every probe: at most half full, as `set` keeps it.
    return used === size && 2 * size <= cap ? { edges, end: at + 2 + 3 * cap } : null;
  }

  private grow(): void {
    const { from, via, to } = this;
    const cap = 2 * (this.mask + 1);
    this.mask = cap - 1;
    this.from = new Int32Array(cap);
    this.via = new Int32Array(cap);
    this.to = new Int32Array(cap);
    this.size = 0;
    for (let i = 0; i < to.length; i++) if (to[i] !== 0) this.set(from[i]!, via[i]!, to[i]!);
  }
}

// JavaScript's `\s`.
const WHITE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006,
  0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
]);

const WORD = /^[\p{L}\p{N}]$/u;
const wordCache = new Map<number, boolean>();

function isWord(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  let w = wordCache.get(cp);
  if (w === undefined) {
    w = WORD.test(String.fromCodePoint(cp));
    wordCache.set(cp, w);
  }
  return w;
}

const foldCache = new Map<number, number>();

function singleCodePoint(s: string): number | undefined {
  const cp = s.codePointAt(0);
  return cp !== undefined && s.length === (cp > 0xffff ? 2 : 1) ? cp : undefined;
}

/**
 * One code point per class of code points a `iu` regex treats as equal: the folded form, checked
 * against the regex engine itself (case mapping and simple case folding differ for ı, İ, ß, µ, ...).
 */
function fold(cp: number): number {
  if (cp < 0x80) return cp >= 0x41 && cp <= 0x5a ? cp + 0x20 : cp;
  let f = foldCache.get(cp);
  if (f !== undefined) return f;
  f = cp;
  const c = String.fromCodePoint(cp);
  for (const candidate of [
    c.toUpperCase().toLowerCase(),
    c.toLowerCase(),
    c.normalize("NFC").toUpperCase().toLowerCase(),
  ]) {
    const k = singleCodePoint(candidate);
    if (k === undefined) continue;
    // Only code points past ASCII get here: none is regex syntax.
    if (k === cp || new RegExp(`^${c}$`, "iu").test(candidate)) {
      f = k;
      break;
    }
  }
  foldCache.set(cp, f);
  return f;
}

export interface NameMatch {
  /** Where the match starts in the text (UTF-16 index). */
  index: number;
  /** The text matched, as the regex's `m[0]`. */
  text: string;
}

/** A matcher's tables as made: what its image restores without building the trie again. */
interface Made {
  edges: Edges;
  best: number[];
  asciiStart: Int32Array;
  asciiPair: Int32Array;
  rowOf: Int32Array;
  rows: Int32Array;
}

/** The layout of an image; another one is not read. */
const IMAGE_VERSION = 1;

/** Whether every number of `a` is at least `min` and below `end`. */
function within(a: ArrayLike<number>, min: number, end: number): boolean {
  for (let i = 0; i < a.length; i++) if ((a[i] as number) < min || (a[i] as number) >= end) return false;
  return true;
}

export class ActorMatcher {
  private readonly edges: Edges;
  /** Per node, the rank of the best name ending there (its place, longest first), or -1. */
  private readonly best: number[];
  /** Per ASCII character, the root's child along it (0: no name starts with it), read without hashing. */
  private readonly asciiStart: Int32Array;
  /** The node after two ASCII characters (neither white space) from the root: most walks end within two. */
  private readonly asciiPair: Int32Array;
  /**
   * The nodes two and three ASCII characters in have their ASCII children in rows of a table (up to
   * MAX_ROWS of them): per node, its row + 1, or 0 for none. A registry with a name for every common
   * beginning of a word walks most words that deep, and a hash probe per step was a tenth of a scan.
   */
  private readonly rowOf: Int32Array;
  private readonly rows: Int32Array;

  /**
   * `names` as the registry gives them; `caseless` folds case as the `i` flag does. `made`: tables
   * an image gave (`fromImage`), in place of building them from the names.
   */
  constructor(
    names: readonly string[],
    private readonly caseless: boolean,
    made?: Made,
  ) {
    const m = made ?? this.make(names);
    this.edges = m.edges;
    this.best = m.best;
    this.asciiStart = m.asciiStart;
    this.asciiPair = m.asciiPair;
    this.rowOf = m.rowOf;
    this.rows = m.rows;
  }

  /** Whether it folds case (`caseless`). */
  get folds(): boolean {
    return this.caseless;
  }

  /**
   * The matcher as numbers, which `fromImage` makes again: building the trie and its tables is most
   * of a start's first parse (the registry's index), and a store keeps this for its registry instead.
   */
  image(): Int32Array {
    const parts = [
      Int32Array.of(IMAGE_VERSION, this.caseless ? 1 : 0, this.best.length, this.rows.length / 0x80),
      Int32Array.from(this.best),
      ...this.edges.image(),
      this.asciiStart,
      this.asciiPair,
      this.rowOf,
      this.rows,
    ];
    const image = new Int32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      image.set(p, at);
      at += p.length;
    }
    return image;
  }

  /**
   * The matcher `image()` gave, or null when `image` is not one (another layout, or numbers out of
   * range: every node and row it names must exist, so a damaged image can never walk off its tables).
   */
  static fromImage(image: Int32Array): ActorMatcher | null {
    if (image.length < 4 || image[0] !== IMAGE_VERSION) return null;
    const caseless = image[1] === 1;
    const nodes = image[2] as number;
    const rowCount = image[3] as number;
    if ((image[1] as number) > 1 || nodes < 1 || rowCount < 0 || rowCount > MAX_ROWS) return null;
    let at = 4;
    const take = (n: number, min: number, end: number): Int32Array | null => {
      if (at + n > image.length) return null;
      const part = image.slice(at, at + n);
      at += n;
      return within(part, min, end) ? part : null;
    };
    const best = take(nodes, -1, Number.MAX_SAFE_INTEGER);
    if (best === null) return null;
    const edges = Edges.fromImage(image, at, nodes);
    if (edges === null) return null;
    at = edges.end;
    const asciiStart = take(0x80, 0, nodes);
    const asciiPair = take(0x80 * 0x80, 0, nodes);
    const rowOf = take(nodes, 0, rowCount + 1);
    const rows = take(rowCount * 0x80, 0, nodes);
    if (asciiStart === null || asciiPair === null || rowOf === null || rows === null) return null;
    if (at !== image.length) return null;
    return new ActorMatcher([], caseless, {
      edges: edges.edges,
      best: Array.from(best),
      asciiStart,
      asciiPair,
      rowOf,
      rows,
    });
  }

  private make(names: readonly string[]): Made {
    const m = {
      edges: new Edges(),
      best: [-1],
      asciiStart: new Int32Array(0x80),
      asciiPair: new Int32Array(0x80 * 0x80),
    };
    const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
    sorted.forEach((name, rank) => {
      this.add(m.edges, m.best, name, rank);
    });
    // The tables hold `edges.get(node, key(c))` for each ASCII c, filled from the edges there are in
    // a few passes over them: probing all 128 characters of every tabled node was most of the
    // matcher's making, which a start's first parse waits for.
    for (let c = 0; c < 0x80; c++) m.asciiStart[c] = m.edges.get(0, this.key(c));
    const firsts = new Map<number, number[]>();
    m.asciiStart.forEach((node, a) => {
      if (node !== 0) firsts.set(node, [...(firsts.get(node) ?? []), a]);
    });
    m.edges.each((node, edge, child) => {
      const from = firsts.get(node);
      if (from !== undefined)
        this.asciiOf(edge, (c) => {
          for (const a of from) m.asciiPair[a * 0x80 + c] = child;
        });
    });
    const rowOf = new Int32Array(m.best.length);
    const rowed: number[] = [];
    const table = (node: number) => {
      if (rowed.length >= MAX_ROWS || rowOf[node] !== 0) return;
      rowed.push(node);
      rowOf[node] = rowed.length;
    };
    for (const node of new Set(m.asciiPair)) if (node !== 0) table(node);
    // The nodes three ASCII characters in: children of those two in (taken before any is tabled).
    const third: number[] = [];
    m.edges.each((node, edge, child) => {
      if (rowOf[node] !== 0) this.asciiOf(edge, () => third.push(child));
    });
    for (const node of third) table(node);
    const rows = new Int32Array(rowed.length * 0x80);
    m.edges.each((node, edge, child) => {
      const row = rowOf[node] as number;
      if (row !== 0)
        this.asciiOf(edge, (c) => {
          rows[(row - 1) * 0x80 + c] = child;
        });
    });
    return { ...m, rowOf, rows };
  }

  /** Calls `fn` with each ASCII character whose `key` is `edge`. */
  private asciiOf(edge: number, fn: (c: number) => void): void {
    const c = edge - 1;
    if (edge === SPACE || c >= 0x80) return;
    if (!this.caseless) fn(c);
    else if (c >= 0x61 && c <= 0x7a) {
      fn(c - 0x20);
      fn(c);
    } else if (c < 0x41 || c > 0x5a) fn(c);
    // A capital is no caseless key (fold lowercases it): no character has it.
  }

  private key(cp: number): number {
    return this.caseless ? fold(cp) + 1 : cp + 1;
  }

  private add(edges: Edges, best: number[], name: string, rank: number) {
    let node = 0;
    let i = 0;
    while (i < name.length) {
      const cp = name.codePointAt(i) as number;
      let edge: number;
      if (WHITE.has(cp)) {
        edge = SPACE;
        while (i < name.length && WHITE.has(name.charCodeAt(i))) i++;
      } else {
        edge = this.key(cp);
        i += cp > 0xffff ? 2 : 1;
      }
      let child = edges.get(node, edge);
      if (child === 0) {
        child = best.length;
        best.push(-1);
        edges.set(node, edge, child);
      }
      node = child;
    }
    const was = best[node] as number;
    if (was === -1 || rank < was) best[node] = rank;
  }

  /** Every match in `text`, left to right, none overlapping. */
  find(text: string): NameMatch[] {
    return ActorMatcher.findEach([this], text)[0] as NameMatch[];
  }

  /**
   * Each matcher's `find(text)`, in one pass over the text: where a name can start (a boundary before
   * it) depends on the text alone, so one scan serves them all; each skips the text its own last
   * match covers.
   */
  static findEach(matchers: readonly ActorMatcher[], text: string): NameMatch[][] {
    const out: NameMatch[][] = matchers.map(() => []);
    // Per matcher, where its last match ended: no match of its own starts before that.
    const free = matchers.map(() => 0);
    const n = text.length;
    // Whether the code point before `i` is a letter or digit: kept as the scan moves, not looked up.
    let prevWord = false;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (!prevWord) {
          // The next character when it is ASCII and no white space (else 0): with it, the tables
          // tell at once that most words begin no name, without a walk.
          const d = i + 1 < n ? text.charCodeAt(i + 1) : 0x80;
          const pair = d < 0x80 && d !== 0x20 && (d < 0x09 || d > 0x0d) ? c * 0x80 + d : -1;
          for (let k = 0; k < matchers.length; k++) {
            const m = matchers[k] as ActorMatcher;
            const node = m.asciiStart[c] as number;
            if (node === 0 || i < (free[k] as number)) continue;
            if (pair !== -1 && m.asciiPair[pair] === 0 && m.best[node] === -1) continue;
            m.matchAt(text, i, out[k] as NameMatch[], free, k);
          }
        }
        prevWord = (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a);
        i++;
        continue;
      }
      const cp = text.codePointAt(i) as number;
      // Only where a name can start (a boundary before it, and a first character some name has: never
      // white space, as names are trimmed) is the trie walked.
      if (!prevWord)
        for (let k = 0; k < matchers.length; k++) {
          const m = matchers[k] as ActorMatcher;
          if (i >= (free[k] as number) && m.edges.get(0, m.key(cp)) !== 0)
            m.matchAt(text, i, out[k] as NameMatch[], free, k);
        }
      prevWord = isWord(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    return out;
  }

  /** The best name at `i`, if any, added to `out`, and `free[k]` moved past it. */
  private matchAt(text: string, i: number, out: NameMatch[], free: number[], k: number): void {
    const end = this.longestAt(text, i);
    if (end > i) {
      out.push({ index: i, text: text.slice(i, end) });
      free[k] = end;
    }
  }

  /** The end of the best name matching at `start` (with a boundary after it), or -1. */
  private longestAt(text: string, start: number): number {
    const n = text.length;
    let node = 0;
    let j = start;
    let bestRank = Number.POSITIVE_INFINITY;
    let bestEnd = -1;
    const first = text.charCodeAt(start);
    for (;;) {
      const rank = this.best[node] as number;
      if (rank !== -1 && rank < bestRank && (j >= n || !isWord(text.codePointAt(j) as number))) {
        bestRank = rank;
        bestEnd = j;
      }
      if (j >= n) break;
      const c = text.charCodeAt(j);
      let child: number;
      if (c < 0x80 && c !== 0x20 && (c < 0x09 || c > 0x0d)) {
        // ASCII other than white space, most of any text: the first two steps read tables, none calls fold.
        const row = this.rowOf[node] as number;
        child =
          node === 0
            ? (this.asciiStart[c] as number)
            : j === start + 1 && first < 0x80
              ? (this.asciiPair[first * 0x80 + c] as number)
              : row !== 0
                ? (this.rows[(row - 1) * 0x80 + c] as number)
                : this.edges.get(node, (this.caseless && c >= 0x41 && c <= 0x5a ? c + 0x20 : c) + 1);
        if (child === 0) break;
        j++;
      } else {
        const cp = text.codePointAt(j) as number;
        if (WHITE.has(cp)) {
          child = this.edges.get(node, SPACE);
          if (child === 0) break;
          while (j < n && WHITE.has(text.charCodeAt(j))) j++;
        } else {
          child = this.edges.get(node, this.key(cp));
          if (child === 0) break;
          j += cp > 0xffff ? 2 : 1;
        }
      }
      node = child;
    }
    return bestEnd;
  }
}
