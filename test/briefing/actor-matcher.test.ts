// The registry matcher finds exactly what the alternation regex it replaced found: same places, same
// matched text, over generated names and text full of what makes matching subtle (case folding that
// differs from case mapping, white space runs, letters outside the BMP, marks, punctuation at the
// edges of names, names that are prefixes of others).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ActorMatcher, type NameMatch } from "../../src/briefing/actor-matcher.js";

const SEED = Number(process.env.SIGNALDESK_FC_SEED ?? 20261123);
const RUNS = process.env.SIGNALDESK_FC_RUNS ? Number(process.env.SIGNALDESK_FC_RUNS) : 300;

/** The matcher the registry used before: one alternation of every name, longest first. */
function regexMatches(names: string[], caseless: boolean, text: string): NameMatch[] {
  const escapeName = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length);
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${sorted.map(escapeName).join("|")})(?![\\p{L}\\p{N}])`,
    caseless ? "giu" : "gu",
  );
  const out: NameMatch[] = [];
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push({ index: m.index, text: m[0] });
  return out;
}

const PIECES = [
  "a",
  "b",
  "c",
  "A",
  "B",
  "C",
  "ab",
  "Ab",
  "AB",
  "1",
  "2",
  " ",
  "  ",
  "\t",
  "\n",
  "\u00a0",
  "\u3000",
  ".",
  "&",
  "-",
  "(",
  ")",
  "'",
  "’",
  "$",
  "*",
  "+",
  "?",
  "|",
  "\\",
  "[",
  "]",
  "σ",
  "ς",
  "Σ",
  "k",
  "K",
  "\u212a",
  "s",
  "ſ",
  "S",
  "ß",
  "ẞ",
  "ı",
  "I",
  "i",
  "İ",
  "µ",
  "μ",
  "Μ",
  "é",
  "É",
  "e\u0301",
  "Ǆ",
  "ǅ",
  "ǆ",
  "Ꭰ",
  "ꭰ",
  "𝐀",
  "𐐀",
  "𐐨",
  "😀",
  "\u0301",
  "\ud800",
  "ΐ",
  "ΐ",
];
const piece = fc.constantFrom(...PIECES);
const name = fc
  .array(piece, { minLength: 1, maxLength: 5 })
  .map((p) => p.join("").trim())
  .filter((n) => n !== "");
const names = fc.array(name, { minLength: 1, maxLength: 8 });

/** Text made of pieces and of the names themselves (in another case, half the time). */
const textFor = (ns: string[]) =>
  fc
    .array(
      fc.oneof(
        piece,
        fc.constantFrom(...ns),
        fc.constantFrom(...ns).map((n) => n.toUpperCase()),
        fc.constantFrom(...ns).map((n) => n.toLowerCase().replace(/ /g, " \t ")),
      ),
      { maxLength: 30 },
    )
    .map((p) => p.join(""));

describe("ActorMatcher finds what the alternation regex found", () => {
  for (const caseless of [true, false]) {
    it(`${caseless ? "ignoring case (iu)" : "with case (u)"}, on generated names and text`, () => {
      fc.assert(
        fc.property(
          names.chain((ns) => fc.tuple(fc.constant(ns), textFor(ns))),
          ([ns, text]) => {
            expect(new ActorMatcher(ns, caseless).find(text)).toEqual(regexMatches(ns, caseless, text));
          },
        ),
        { seed: SEED, numRuns: RUNS },
      );
    });
  }

  it("takes the longest name where several match, and needs a boundary on both sides", () => {
    const m = new ActorMatcher(["Bureau", "Bureau of Industry", "BIS"], true);
    expect(m.find("The Bureau of  Industry and bureau; Bureaus, xbis BIS.")).toEqual([
      { index: 4, text: "Bureau of  Industry" },
      { index: 28, text: "bureau" },
      { index: 50, text: "BIS" },
    ]);
  });
});

describe("ActorMatcher.findEach, one scan for several matchers", () => {
  it("finds for each matcher what its own regex finds, however their matches overlap", () => {
    fc.assert(
      fc.property(
        fc
          .tuple(names, names)
          .chain(([a, b]) => fc.tuple(fc.constant(a), fc.constant(b), textFor([...a, ...b]))),
        ([a, b, text]) => {
          const found = ActorMatcher.findEach([new ActorMatcher(a, true), new ActorMatcher(b, false)], text);
          expect(found).toEqual([regexMatches(a, true, text), regexMatches(b, false, text)]);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("lets one matcher's name start inside another's match", () => {
    const [words, acronyms] = ActorMatcher.findEach(
      [new ActorMatcher(["Bureau of Industry"], true), new ActorMatcher(["Industry", "BIS"], false)],
      "The Bureau of Industry (BIS)",
    );
    expect(words).toEqual([{ index: 4, text: "Bureau of Industry" }]);
    expect(acronyms).toEqual([
      { index: 14, text: "Industry" },
      { index: 24, text: "BIS" },
    ]);
  });
});

describe("a matcher made again from its image", () => {
  it("finds what the alternation regex finds, as the matcher it was taken from does", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        names.chain((ns) => fc.tuple(fc.constant(ns), textFor(ns))),
        (caseless, [ns, text]) => {
          const again = ActorMatcher.fromImage(new ActorMatcher(ns, caseless).image());
          expect(again?.find(text)).toEqual(regexMatches(ns, caseless, text));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("is refused when the image is cut short, of another layout, or names a node it lacks", () => {
    const image = new ActorMatcher(["Bureau of Industry", "Valley Rail"], true).image();
    expect(ActorMatcher.fromImage(image.subarray(0, image.length - 1))).toBeNull();
    expect(ActorMatcher.fromImage(Int32Array.from([...image, 0]))).toBeNull();
    const other = image.slice();
    other[0] = 2;
    expect(ActorMatcher.fromImage(other)).toBeNull();
    // The last number is the last table row's last child: a node past the trie's end.
    const beyond = image.slice();
    beyond[beyond.length - 1] = image[2]!;
    expect(ActorMatcher.fromImage(beyond)).toBeNull();
  });

  it("whatever one number of the image is changed to, is refused or finds without failing", () => {
    const ns = ["Bureau of Industry", "Bureau", "ΣΊΣΥΦΟΣ", "Valley Rail"];
    const image = new ActorMatcher(ns, true).image();
    const text = "The Bureau of Industry and valley rail met σίσυφος; the bureau said so.";
    fc.assert(
      fc.property(fc.nat(image.length - 1), fc.integer({ min: -2, max: 1 << 20 }), (at, value) => {
        const damaged = image.slice();
        damaged[at] = value;
        const found = ActorMatcher.fromImage(damaged)?.find(text) ?? "refused";
        expect(found === "refused" || Array.isArray(found)).toBe(true);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
