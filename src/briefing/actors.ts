// Actors: names found in briefing text, folded through the registry (registry.ts). Pure.
//
// Rules (documented in docs/format.md):
// - Registry names and aliases are found in text on word boundaries; acronyms (no lowercase letters,
//   e.g. "BIS", "AWS") case-sensitively, other names case-insensitively.
// - `Full Name (ACRONYM)` defines an actor when the acronym's letters are the initials of the name
//   (connectors such as "of"/"and" may or may not count: BIS, DOC and DoD all work); the acronym
//   becomes an alias.
// - Organisation names: capitalised phrases built around Department, Bureau, Administration, Agency,
//   Commission, Ministry, Corporation, Inc., Corp., Ltd., LLC ("US Department of Commerce", "the
//   Trump Administration" -> "Trump Administration").
// - People introduced by a role: "Secretary Howard Lutnick", "chief executive Jensen Huang",
//   "co-founder Tom Brown", and "Francesco Bailo, deputy director of ...". A surname alone folds into
//   a full name found in the same briefing; otherwise a title is kept ("President Trump").
// - Every name passes through the registry: an alias becomes its canonical name.

import { ActorMatcher } from "./actor-matcher.js";
import type { RegistryIndex } from "./actor-names.js";
import { actorKey, guessKind, indexOf, isAcronym, registryEntry, tidy } from "./actor-names.js";
import type { ActorKind, Briefing, RegistryActor } from "./schema.js";

// --- tokens ------------------------------------------------------------------------------------

interface Token {
  /** The word without trailing sentence punctuation or possessive. */
  w: string;
  /** w in lowercase. */
  lw: string;
  start: number;
  end: number;
  /** Capitalised (or an acronym). */
  cap: boolean;
  possessive: boolean;
  /** Punctuation directly after the word (",", ".", ")" ...), which ends a name. */
  stop: boolean;
  punct: boolean;
}

const TOKEN_RE = /([\p{L}\p{Nd}][\p{L}\p{Nd}\p{M}'’.&-]*)|[^\s\p{L}\p{N}]/gu;
const KEEP_DOT = /^(?:Inc|Corp|Ltd|Co|Jr|Sr|St|Dr|Mr|Mrs|Ms|Gen|Gov|Sen|Rep|Prof)\.$|^(?:\p{Lu}\.)+$/u;

function isTrailer(c: string | undefined): boolean {
  return c === "'" || c === "’" || c === "-";
}

// Hot: runs over every word of every briefing, so character tests instead of regexes.
function tokenize(text: string): Token[] {
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(text); m !== null; m = TOKEN_RE.exec(text)) {
    let w = m[0];
    const start = m.index;
    if (m[1] === undefined) {
      out.push({
        w,
        lw: w,
        start,
        end: start + w.length,
        cap: false,
        possessive: false,
        stop: true,
        punct: true,
      });
      continue;
    }
    let stop = false;
    if (w.endsWith(".") && !KEEP_DOT.test(w)) {
      w = w.replace(/\.+$/, "");
      stop = true;
    }
    const n = w.length;
    const possessive = n > 2 && (w[n - 2] === "'" || w[n - 2] === "’") && w[n - 1] === "s";
    if (possessive) w = w.slice(0, -2);
    if (!stop && isTrailer(w[w.length - 1])) w = w.replace(/['’-]+$/, "");
    const c = w[0] ?? "";
    const cap = c !== c.toLowerCase();
    out.push({
      w,
      lw: w.toLowerCase(),
      start,
      end: start + m[0].length,
      cap,
      possessive,
      stop,
      punct: false,
    });
  }
  return out;
}

// Capitalised words that start sentences or qualify names without being part of them.
const NOT_NAME = new Set(
  `The A An This That These Those Its Their His Her Our My Your When While After Before Since If Under And But Or
  Both Yesterday Today Tomorrow Meanwhile However Initially Earlier Later Now Last Next On In At By For From With
  Without Also Then Still As Although Though Because Even Only Instead Officials Former Acting Senior New Several
  Many Some Other Each Every All Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March
  April May June July August September October November December Why What How Who Where Which It He She They We
  I Such Most More Further Furthermore Prior Following According Despite Amid Unlike Like Until Through During
  Over Into Per Not No Yes Here There So Thus Hence Indeed Moreover Now Draft Proposed Revised`.split(/\s+/),
);

const ORG_AFTER = new Set([
  "Department",
  "Bureau",
  "Administration",
  "Agency",
  "Commission",
  "Ministry",
  "Corporation",
  "Parliament",
  "Council",
  "Court",
  "Office",
  "Senate",
  "House",
  "Union",
  "Institute",
  "University",
  "Foundation",
  "Authority",
  "Group",
  "Labs",
  "Platforms",
  // A government's bodies by their other names: Japan's AI Strategy Headquarters, the UN's AI
  // Secretariat, the Federal Reserve Board.
  "Headquarters",
  "Secretariat",
  "Directorate",
  "Taskforce",
  "Board",
  "Committee",
]);
/**
 * Words that end a company's name and take one capitalised word before them ("Mistral AI"), unless
 * that word is an adjective of the trade ("Generative AI" names nothing).
 */
const ORG_TAIL = new Set(["AI"]);
const NOT_BEFORE_TAIL = new Set([
  "Generative",
  "Agentic",
  "Responsible",
  "Open",
  "General",
  "Artificial",
  "Frontier",
  "Conversational",
  "Trustworthy",
  "Sovereign",
  "Safe",
  "Physical",
  "Applied",
  "Enterprise",
  "Consumer",
  "Military",
  "Medical",
  "Ethical",
  "Embodied",
  // A newsletter's name or a title's first word: "Weekly AI policy roundup", "Daily AI brief".
  "Daily",
  "Weekly",
  "Monthly",
  "Quarterly",
  "Annual",
  "Latest",
  "New",
  "Next",
  "This",
  // Where it comes from: "Saudi AI partnership", "European AI champions".
  "American",
  "British",
  "Chinese",
  "Emirati",
  "European",
  "French",
  "German",
  "Indian",
  "Japanese",
  "Korean",
  "Saudi",
  "Global",
  "National",
  "Federal",
  "State",
  "Public",
  "Local",
  "Regional",
  // Where it is: "Japan AI guidelines", "California AI bills".
  ...`Japan China India Korea Europe Africa Asia Canada Brazil Israel Singapore Australia Germany France
  Britain England Italy Spain Taiwan Mexico Kenya Nigeria Texas California Colorado Florida Illinois
  Washington Brussels London Paris Beijing Tokyo`.split(/\s+/),
]);
/** Lower-case words inside a person's name: "Ursula von der Leyen", "Mohammed bin Salman". */
const PARTICLES = new Set([
  "von",
  "van",
  "der",
  "den",
  "de",
  "del",
  "della",
  "di",
  "da",
  "das",
  "dos",
  "du",
  "la",
  "le",
  "bin",
  "bint",
  "ibn",
  "al",
  "el",
  "ten",
  "ter",
  "zu",
]);
/** Words before a role that stay part of it: "Executive Vice-President", "deputy director". */
const ROLE_MODIFIERS = new Set([
  "executive",
  "deputy",
  "senior",
  "assistant",
  "associate",
  "acting",
  "former",
  "first",
  "interim",
  "managing",
  "general",
  "vice",
]);
const ORG_SUFFIX = new Set([
  "Inc.",
  "Corp.",
  "Ltd.",
  "LLC",
  "LLP",
  "PLC",
  "GmbH",
  "Inc",
  "Corp",
  "Ltd",
  "Co.",
]);
/**
 * Words that end the name of a law, not of an actor (never a given name or surname, as Bill, Code and
 * Law can be): "the Digital Services Act (DSA)" defines no
 * actor, and "the AI Act Council" is the Council.
 */
const LAW = new Set([
  "Act",
  "Acts",
  "Directive",
  "Regulation",
  "Treaty",
  "Convention",
  "Charter",
  "Amendment",
  "Ordinance",
  "Recommendation",
  "Guidelines",
]);
const CONNECTOR = new Set(["of", "and", "for", "on", "&"]);
/** French, German and Spanish articles: "La Commission nationale …" is no "La Commission". */
const ARTICLES = new Set(["La", "Le", "Les", "Der", "Die", "Das", "El", "Los", "Las", "Il", "Lo"]);

/** More words than any name of at most 100 characters can hold (each word and its space take two). */
const MAX_NAME_TOKENS = 60;

function isNameWord(t: Token | undefined): boolean {
  return t !== undefined && !t.punct && t.cap && !NOT_NAME.has(t.w);
}

// --- roles -------------------------------------------------------------------------------------

/** Role words before a name, as lowercase token sequences; longest first. */
const ROLES = [
  "chief executive officer",
  "chief executive",
  "chief technology officer",
  "chief operating officer",
  "vice president",
  "vice-president",
  "vice-chair",
  "vice-chancellor",
  "prime minister",
  "attorney general",
  "crown prince",
  "prince",
  "princess",
  "king",
  "queen",
  "sheikh",
  "emir",
  "secretary",
  "president",
  "senator",
  "sen.",
  "representative",
  "rep.",
  "governor",
  "gov.",
  "minister",
  "chancellor",
  "ceo",
  "cto",
  "chairman",
  "chairwoman",
  "chair",
  "commissioner",
  "administrator",
  "director",
  "ambassador",
  "judge",
  "justice",
  "spokesperson",
  "spokesman",
  "spokeswoman",
  "founder",
  "co-founder",
  "cofounder",
  "mayor",
  "dr.",
  "mr.",
  "mrs.",
  "ms.",
  "prof.",
  "professor",
  "gen.",
  "general",
  "researcher",
  "analyst",
  "lawmaker",
  "legislator",
  "congressman",
  "congresswoman",
  // Members of the European and national parliaments: "MEP Axel Voss", "MP Chi Onwurah".
  "mep",
  "mp",
  "rapporteur",
  "councillor",
  "councilor",
  "councilman",
  "councilwoman",
  "councilmember",
  "alderman",
  "alderwoman",
  // "EU digital chief Henna Virkkunen", "chief science officer Jared Kaplan": the words before are
  // the role's field, never the name.
  "chief",
  "officer",
].map((r) => r.split(" "));
/** Titles kept with a lone surname ("President Trump"). */
const TITLES = new Set([
  "secretary",
  "president",
  "senator",
  "sen.",
  "governor",
  "gov.",
  "minister",
  "judge",
  "justice",
]);
// `McGrath`, `MacKenzie`, `DeSantis`, `O'Brien` are one name word too.
const PERSON_WORD_RE =
  /^(?:Mc|Mac|De|Di|La|Le|O['’])?\p{Lu}[\p{Ll}\p{M}]+(?:-\p{L}[\p{Ll}\p{M}]+)?$|^\p{Lu}\.$/u;

const ROLES_BY_FIRST = new Map<string, string[][]>();
for (const role of ROLES) {
  const list = ROLES_BY_FIRST.get(role[0]!);
  if (list) list.push(role);
  else ROLES_BY_FIRST.set(role[0]!, [role]);
}

/** How many tokens a role starting at i spans, modifiers included (0: none). */
function roleAt(tokens: Token[], i: number): number {
  let m = 0;
  while (m < 3 && i + m < tokens.length && ROLE_MODIFIERS.has(tokens[i + m]!.lw) && !tokens[i + m]!.stop) {
    const base = baseRoleAt(tokens, i + m + 1);
    if (base > 0) return m + 1 + base;
    m++;
  }
  return baseRoleAt(tokens, i);
}

function baseRoleAt(tokens: Token[], i: number): number {
  const first = tokens[i];
  if (!first || first.punct) return 0;
  const roles = ROLES_BY_FIRST.get(first.lw);
  if (!roles) return 0;
  for (const role of roles) {
    let ok = true;
    for (let k = 1; k < role.length && ok; k++) {
      const prev = tokens[i + k - 1]!;
      const t = tokens[i + k];
      ok = t !== undefined && !t.punct && !prev.stop && !prev.possessive && t.lw === role[k];
    }
    if (ok) return role.length;
  }
  return 0;
}

/** "Luiz Inácio Lula da Silva": five words. */
const MAX_PERSON_WORDS = 6;

/** A person's name starting at k: capitalised words, with particles between them; [] when none. */
function personAfter(tokens: Token[], k: number): Token[] {
  const names: Token[] = [];
  for (; k < tokens.length && names.length < MAX_PERSON_WORDS; k++) {
    const t = tokens[k]!;
    if (PARTICLES.has(t.w) && names.length > 0 && !names[names.length - 1]!.stop) {
      // A particle counts only with a name word after it ("von der Leyen"), never at the end.
      let j = k;
      while (j < tokens.length && PARTICLES.has(tokens[j]!.w) && !tokens[j]!.stop) j++;
      if (j - k > 3 || !isPersonWord(tokens[j])) break;
      for (; k < j; k++) names.push(tokens[k]!);
      k--;
      continue;
    }
    if (!isPersonWord(t)) break;
    names.push(t);
    if (t.stop || t.possessive) break;
  }
  return names;
}

/**
 * Words that name a body's part, never a person: "Head of Research Policy Unit" introduces no
 * "Policy Unit".
 */
const BODY_PART = new Set(
  `Unit Team Division Program Programme Policy Lab Centre Center Network Initiative Service Services Fund
  Project Strategy Safety Sector Branch Section Desk Hub Mission Council Operations Governance Regulation`.split(
    /\s+/,
  ),
);

/**
 * A person named after a role of an organisation: "Head of the Israel Innovation Authority Ziv
 * Katzir", "Minister of Digital Affairs Audrey Tang", "President of the European Commission Ursula
 * von der Leyen". The organisation runs up to the person's two (or, with particles, more) last words.
 */
function peopleAfterOrg(tokens: Token[], out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const len = roleAt(tokens, i) || (t.lw === "head" && !t.stop ? 1 : 0);
    if (len === 0 || tokens[i + len - 1]!.stop || tokens[i + len]?.w !== "of") continue;
    let k = i + len + 1;
    if (tokens[k]?.w === "the") k++;
    let end = k;
    while (end - k < 12) {
      const w = tokens[end];
      if (isNameWord(w)) {
        end++;
        if (w!.stop) break;
      } else if (CONNECTOR.has(w?.w ?? "") && isNameWord(tokens[end + 1])) end++;
      else break;
    }
    for (const s of [end - 2, end - 1]) {
      if (s <= k || CONNECTOR.has(tokens[s - 1]!.w) || tokens[s - 1]!.stop) continue;
      const person = personAfter(tokens, s);
      if (person.length < 2 || s + person.length < end) continue;
      if (person.some((p) => BODY_PART.has(p.w) || PORTFOLIO.has(p.w))) continue;
      out.push({ pos: person[0]!.start, name: joinWords(person, 0, person.length), kind: "person" });
      i = s + person.length - 1;
      break;
    }
  }
}

/** A party and state after a legislator's name: `[R-MO]`, `(D-CT)`, `[R-TX-21]`, `(I)`. */
const PARTY = /^[RDI](?:-[A-Z]{2}(?:-\d{1,2})?)?$/;

/**
 * The given name in `Surname, Given [R-MO]` at `k` (the comma), as a legislature lists its members.
 * Only with the party after it: `Sen. Hawley, Blumenthal and Lummis` is a list of surnames.
 */
function invertedGiven(tokens: Token[], k: number): Token[] | null {
  const given = tokens[k + 1];
  if (tokens[k]?.w !== "," || !isPersonWord(given) || given!.stop) return null;
  // A middle initial after it: `Lummis, Cynthia M. [R-WY]`.
  const names = /^\p{Lu}\.$/u.test(tokens[k + 2]?.w ?? "") ? [given!, tokens[k + 2]!] : [given!];
  const open = tokens[k + 1 + names.length]?.w;
  if (open !== "[" && open !== "(") return null;
  return PARTY.test(tokens[k + 2 + names.length]?.w ?? "") ? names : null;
}

function isPersonWord(t: Token | undefined): boolean {
  return (
    t !== undefined &&
    !t.punct &&
    PERSON_WORD_RE.test(t.w) &&
    !NOT_NAME.has(t.w) &&
    !ORG_AFTER.has(t.w) &&
    !LAW.has(t.w)
  );
}

// --- extraction --------------------------------------------------------------------------------

interface Candidate {
  pos: number;
  name: string;
  kind: ActorKind | null;
  alias?: string;
  surnameOnly?: { title: string | null; surname: string };
}

function acronymMatches(acronym: string, words: string[]): boolean {
  const letters = acronym.replace(/[^\p{L}]/gu, "").toUpperCase();
  // Connectors may or may not contribute a letter (BIS skips "of"/"and"; DOC keeps "of"). Each
  // (letter, word) pair is decided once: "Of of of ... (OOOOOOOOOO)" would otherwise try every subset.
  const failed = new Set<number>();
  const go = (li: number, wi: number): boolean => {
    if (wi === words.length) return li === letters.length;
    const memo = li * (words.length + 1) + wi;
    if (failed.has(memo)) return false;
    const w = words[wi]!;
    const optional = CONNECTOR.has(w) || w === "the";
    if (optional && go(li, wi + 1)) return true;
    if (li < letters.length && w[0]!.toUpperCase() === letters[li] && go(li + 1, wi + 1)) return true;
    failed.add(memo);
    return false;
  };
  return go(0, 0);
}

const ACRONYM_DEF_RE = /\((\p{Lu}[\p{L}&]{1,9})\)/gu;

function acronymDefinitions(text: string, tokens: Token[], out: Candidate[]): void {
  ACRONYM_DEF_RE.lastIndex = 0;
  let at = 0;
  for (let m = ACRONYM_DEF_RE.exec(text); m !== null; m = ACRONYM_DEF_RE.exec(text)) {
    const acronym = m[1]!;
    if ((acronym.match(/\p{Lu}/gu) ?? []).length < 2) continue;
    // Words directly before "(": capitalised words and connectors, nearest first.
    // Matches come in text order, so the token at "(" is found by moving forward, never searching
    // from the start again (a line of "(AB) (AB) ..." would otherwise cost its length squared).
    while (at < tokens.length && tokens[at]!.start < m.index) at++;
    if (tokens[at]?.start !== m.index) continue;
    let k = at - 1;
    if (k < 0) continue;
    const run: Token[] = [];
    for (; k >= 0 && run.length < MAX_NAME_TOKENS; k--) {
      const t = tokens[k]!;
      if (t.punct || t.possessive) break;
      if (t.stop && run.length > 0) break;
      if (!(t.cap || CONNECTOR.has(t.w) || t.w === "the")) break;
      run.unshift(t);
    }
    // The shortest tail of the run, starting on a capitalised word, whose initials spell the acronym.
    for (let s = run.length - 1; s >= 0; s--) {
      if (!run[s]!.cap || CONNECTOR.has(run[s]!.w)) continue;
      const words = run.slice(s).map((t) => t.w);
      if (acronymMatches(acronym, words) && (words.length > 1 || !isAcronym(words[0]!))) {
        if (LAW.has(words[words.length - 1]!)) break;
        // A quoted phrase ('Know Your Customer' (KYC)) is a term being defined, not an actor.
        const around = text.slice(Math.max(0, run[s]!.start - 1), m.index);
        if (/^["'“‘]|["'”’]\s*$/.test(around)) break;
        const name = words.join(" ");
        out.push({ pos: run[s]!.start, name, kind: null, alias: acronym });
        break;
      }
    }
  }
}

function organisations(tokens: Token[], registry: RegistryIndex, out: Candidate[]): void {
  for (let k = 0; k < tokens.length; k++) {
    const key = tokens[k]!;
    if (ORG_TAIL.has(key.w)) {
      const before = tokens[k - 1];
      if (tailNamed(tokens, k)) {
        const name = `${before!.w} ${key.w}`;
        out.push({ pos: before!.start, name, kind: "company" });
      }
      continue;
    }
    const suffix = ORG_SUFFIX.has(key.w);
    if (key.punct || !(suffix || ORG_AFTER.has(key.w))) continue;
    // Left: capitalised words, and connectors flanked by capitalised words ("Food and Drug").
    let left = k;
    let j = k - 1;
    if (suffix && tokens[j]?.w === ",") j--;
    while (j >= 0) {
      // A name this long is refused anyway (over 100 characters); walking further back would make a
      // line of "Department Department ..." cost its length squared.
      if (k - j > MAX_NAME_TOKENS) {
        left = -1;
        break;
      }
      const t = tokens[j]!;
      const prev = tokens[j - 1];
      // "Food and Drug Administration", "Port of Rotterdam Authority"; a company suffix takes `&`
      // ("Procter & Gamble Co.") but no "and" ("Nvidia and Acme Inc.").
      if (
        (t.w === "&" || (!suffix && (t.w === "and" || (t.w === "of" && left === j + 1)))) &&
        isNameWord(prev) &&
        !prev!.stop &&
        !ORG_SUFFIX.has(prev!.w)
      ) {
        j--;
        continue;
      }
      // A firm's partners before its suffix: "Skadden, Arps, Slate, Meagher & Flom LLP" (only where
      // an `&` names the last partner, so "Nvidia, Acme LLC" stays one company).
      if (suffix && t.w === "," && j < k - 1 && partners(tokens, j + 1, k) && isPersonWord(prev)) {
        j--;
        continue;
      }
      // Another organisation word ends the name before this one ("Meta Platforms and Anthropic Labs"),
      // but `AI` naming no company of its own opens this one ("the AI Security Institute").
      if (t.stop || t.possessive || ORG_SUFFIX.has(t.w) || (endsOrg(t) && !aloneTail(tokens, j))) break;
      if (LAW.has(t.w) || (j === k - 1 && ARTICLES.has(t.w))) break;
      if (isNameWord(t)) {
        left = j;
        j--;
        continue;
      }
      break;
    }
    if (left === -1) continue;
    if (left === k && suffix) continue;
    // Right: "of/for/on (the) Capitalised ... (and Capitalised)" for keyword-first names.
    let right = k;
    if (!suffix && !key.stop && !key.possessive) {
      let r = k + 1;
      const conn = tokens[r];
      if (conn && !conn.punct && (conn.w === "of" || conn.w === "for" || conn.w === "on")) {
        r++;
        if (tokens[r]?.w === "the") r++;
        while (isNameWord(tokens[r])) {
          // "Council of Europe Framework Convention" names a treaty, not the Council.
          if (LAW.has(tokens[r]!.w)) {
            right = -1;
            break;
          }
          const next = tokens[r + 1];
          const after = tokens[r + 2];
          // `AI` before a lower-case word qualifies it: "the Council of Europe AI convention".
          if (ORG_TAIL.has(tokens[r]!.w) && next && !next.punct && !next.cap) break;
          right = r;
          if (tokens[r]!.stop || tokens[r]!.possessive) break;
          if (next?.w === "," && PORTFOLIO.has(tokens[r]!.w)) {
            right = portfolios(tokens, r + 1, right);
            break;
          }
          if (next && (next.w === "and" || next.w === "&") && isNameWord(after)) {
            if (registry.byKey.has(actorKey(after!.w)) || startsOrg(tokens, r + 2)) break;
            r += 2;
            continue;
          }
          r++;
        }
      }
    }
    if (right === -1) continue;
    right = campus(tokens, k, right);
    // A keyword alone ("the Department") names nothing.
    if (left === k && right === k) continue;
    const text = tokenText(tokens, left, right);
    out.push({ pos: tokens[left]!.start, name: text, kind: guessKind(text) });
    k = right;
  }
}

/** What a ministry is of: "Ministry of Trade, Industry and Energy" lists them with commas. */
const PORTFOLIO = new Set(
  `Trade Industry Energy Economy Health Education Welfare Science Technology Innovation Research Culture Sport
  Sports Tourism Agriculture Food Fisheries Forestry Environment Climate Transport Housing Labour Labor
  Employment Finance Justice Interior Defence Defense Communications Digital Arts Youth Infrastructure Water
  Planning Development Security Affairs Heritage Media Family Women Children Land Resources Mines Mining
  Commerce Enterprise Skills Work Pensions Transformation Transportation Information Broadcasting
  Telecommunications Communication Posts Ecology Economic Foreign`.split(/\s+/),
);

/**
 * The last word of the portfolios listed after a ministry's first one, from the comma at `at`: one or
 * two words each, each ending in a portfolio ("Rural Affairs"), the last after `and` or `&` ("Ministry of Trade,
 * Industry and Energy", "Department of Health, Education, and Welfare"); else `right` as it was, so
 * "the Department of Commerce, Nvidia and AMD" stays a list.
 */
function portfolios(tokens: Token[], at: number, right: number): number {
  let i = at;
  for (let n = 0; n < 6; n++) {
    if (tokens[i]?.w === ",") i++;
    const and = tokens[i]?.w === "and" || tokens[i]?.w === "&";
    if (and) i++;
    // "Ministry of Information, Communications and the Digital Economy".
    if (and && tokens[i]?.w === "the") i++;
    let end = i;
    while (end < i + 2 && isNameWord(tokens[end])) {
      end++;
      if (tokens[end - 1]!.stop || tokens[end - 1]!.possessive) break;
    }
    if (end === i || !PORTFOLIO.has(tokens[end - 1]!.w)) return right;
    if (and) return end - 1;
    if (tokens[end]?.w === "and" || tokens[end]?.w === "&") {
      i = end;
      continue;
    }
    if (tokens[end]?.w !== "," || tokens[end - 1]!.stop) return right;
    i = end;
  }
  return right;
}

/** Whether the words from `from` to the suffix at `to` hold an `&` with a partner after it. */
function partners(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i < to - 1; i++) if (tokens[i]!.w === "&") return true;
  return false;
}

/**
 * "University of California, Berkeley": a campus after a comma is part of a university's name, when
 * one or two capitalised words stand there and the sentence goes on in lower case ("…, Berkeley
 * published") or ends; a list ("University of Oxford, Google and Meta") takes none.
 */
function campus(tokens: Token[], k: number, right: number): number {
  if (tokens[k]!.w !== "University" || right === k || tokens[right + 1]?.w !== ",") return right;
  let r = right + 2;
  while (r < right + 4 && isNameWord(tokens[r]) && !tokens[r]!.stop && !tokens[r]!.possessive) r++;
  const last = tokens[r - 1]!;
  const after = tokens[r];
  if (r === right + 2) return isNameWord(tokens[r]) && tokens[r]!.stop ? r : right;
  if (last === tokens[right + 1]) return right;
  const goesOn =
    after === undefined || (!after.punct && !after.cap && !CONNECTOR.has(after.w) && after.w !== "or");
  return goesOn ? r - 1 : right;
}

/**
 * Whether `AI` at k names a company with the word before it ("Mistral AI", not "Saudi AI"). Not after
 * a word of origin or a participle by its ending ("Canadian AI rules", "Counting AI incidents"), nor
 * when a capitalised word goes on after it: then `AI` is inside a longer name ("State AI Laws
 * Tracker", "Public AI Incident Register"), never the end of a company's.
 */
function tailNamed(tokens: Token[], k: number): boolean {
  const before = tokens[k - 1];
  const after = tokens[k + 1];
  return (
    isNameWord(before) &&
    !before!.stop &&
    !before!.possessive &&
    !isAcronym(before!.w) &&
    !NOT_BEFORE_TAIL.has(before!.w) &&
    !/(?:ian|ese|ing)$/.test(before!.w) &&
    // A compound adjective: "High-impact AI", "General-purpose AI".
    !/-\p{Ll}/u.test(before!.w) &&
    // The end of a body's name: "the Council of Europe AI convention" is no company "Europe AI".
    !(tokens[k - 2]?.w === "of" && ORG_AFTER.has(tokens[k - 3]?.w ?? "")) &&
    !(after && !tokens[k]!.stop && !tokens[k]!.possessive && isNameWord(after) && !isAcronym(after.w))
  );
}

/** `AI` at k that names no company with the word before it. */
function aloneTail(tokens: Token[], k: number): boolean {
  return ORG_TAIL.has(tokens[k]!.w) && !tailNamed(tokens, k);
}

/** A word that ends an organisation's name. */
function endsOrg(t: Token): boolean {
  return !t.punct && (ORG_AFTER.has(t.w) || ORG_TAIL.has(t.w));
}

/** Capitalised words from k up to an organisation word: a name of its own ("and Mistral AI"). */
function startsOrg(tokens: Token[], k: number): boolean {
  for (let j = k; j < tokens.length && j < k + 6 && isNameWord(tokens[j]); j++) {
    if (j > k && (endsOrg(tokens[j]!) || ORG_SUFFIX.has(tokens[j]!.w))) return true;
    if (tokens[j]!.stop) return false;
  }
  return false;
}

/** The name as written, but for the comma before a company suffix ("Acme Holdings, LLC"). */
function tokenText(tokens: Token[], from: number, to: number): string {
  let out = "";
  for (let i = from; i <= to; i++) {
    const w = tokens[i]!.w;
    if (w !== ",") out += out === "" ? w : ` ${w}`;
    else if (!ORG_SUFFIX.has(tokens[i + 1]?.w ?? "")) out += ",";
  }
  return out;
}

/**
 * The words of `tokens[from..to)`, joined by spaces. A loop, not slice, map and join: their arrays'
 * V8 elements kinds made people compile again and again.
 */
function joinWords(tokens: readonly Token[], from: number, to: number): string {
  let s = "";
  for (let k = from; k < to; k++) s += k === from ? tokens[k]!.w : ` ${tokens[k]!.w}`;
  return s;
}

function people(tokens: Token[], out: Candidate[]): void {
  for (let i = 0; i < tokens.length; i++) {
    const len = roleAt(tokens, i);
    if (len > 0) {
      const roleEnd = tokens[i + len - 1]!;
      if (roleEnd.possessive || roleEnd.stop) continue;
      const names = personAfter(tokens, i + len);
      // A job title, not a name: "Chief Information Officer"; a name after it is the person's
      // ("Chief Science Officer Jared Kaplan").
      const inner = names.findIndex((_, m) => baseRoleAt(tokens, i + len + m) > 0);
      if (inner !== -1) {
        i += len + inner - 1;
        continue;
      }
      // A following organisation word means the name was an organisation ("Director Bureau ...").
      // Read only within the list: a read past its end made people compile again.
      const after = i + len + names.length;
      const next = after < tokens.length ? tokens[after] : undefined;
      // A following law word, that it was a law ("General Data Protection Regulation").
      if (
        names.length === 0 ||
        (next && !next.punct && next.cap && (ORG_AFTER.has(next.w) || LAW.has(next.w)))
      )
        continue;
      const role = joinWords(tokens, i, i + len);
      const start = names[0]!.start;
      const given = names.length === 1 ? invertedGiven(tokens, i + len + 1) : null;
      if (given) {
        // Congress.gov's sponsor line, `Sen. Hawley, Josh [R-MO]`: surname first, the person whole.
        out.push({ pos: start, name: [...given, names[0]!].map((t) => t.w).join(" "), kind: "person" });
        i += len + 1 + given.length;
        continue;
      }
      if (names.length === 1) {
        const title = TITLES.has(role.toLowerCase()) || TITLES.has(`${role.toLowerCase()}.`) ? role : null;
        const titled = title ? `${title[0]!.toUpperCase()}${title.slice(1)} ${names[0]!.w}` : names[0]!.w;
        out.push({ pos: start, name: titled, kind: "person", surnameOnly: { title, surname: names[0]!.w } });
      } else {
        out.push({ pos: start, name: joinWords(names, 0, names.length), kind: "person" });
      }
      i += len + names.length - 1;
      continue;
    }
    // Appositive: "Francesco Bailo, deputy director of ..."
    const comma = tokens[i];
    if (comma?.w !== "," || i < 2) continue;
    let r = i + 1;
    let skipped = 0;
    let roleLen = 0;
    while (r < tokens.length && skipped <= 3) {
      roleLen = roleAt(tokens, r);
      if (roleLen > 0) break;
      const t = tokens[r]!;
      if (t.punct || t.cap) break;
      r++;
      skipped++;
    }
    // A role with a name after it introduces that name ("…, chaired by Prime Minister Sanae Takaichi").
    if (roleLen === 0 || personAfter(tokens, r + roleLen).length > 0) continue;
    const names: Token[] = [];
    for (let k = i - 1; k >= 0 && names.length < MAX_PERSON_WORDS; k--) {
      const t = tokens[k]!;
      const particle = PARTICLES.has(t.w) && names.length > 0 && isPersonWord(tokens[k - 1]);
      if ((!isPersonWord(t) && !particle) || (t.stop && k !== i - 1) || t.possessive) break;
      // A role before the name is not part of it ("Executive Vice-President Henna Virkkunen, ...").
      if (baseRoleAt(tokens, k) > 0 || ROLE_MODIFIERS.has(t.lw)) break;
      names.unshift(t);
    }
    if (names.length >= 2)
      out.push({ pos: names[0]!.start, name: names.map((t) => t.w).join(" "), kind: "person" });
  }
}

function registryMentions(
  text: string,
  registry: RegistryIndex,
  out: Candidate[],
  keyOf: (name: string) => string,
): void {
  for (const matches of ActorMatcher.findEach(registry.matchers, text))
    for (const m of matches) {
      const actor = registry.byKey.get(keyOf(m.text));
      if (actor) out.push({ pos: m.index, name: actor.name, kind: actor.kind });
    }
}

function eitherCase(word: string): string {
  const w = word.replace(/\.$/, "").replace(/[.-]/g, "\\$&");
  return /^[a-z]/.test(w) ? `[${w[0]!.toUpperCase()}${w[0]}]${w.slice(1)}` : w;
}
const ROLE_WORDS = [...new Set(ROLES.map((r) => r[r.length - 1]!))].map(eitherCase).join("|");
const ORG_WORDS = [...ORG_AFTER, ...ORG_SUFFIX, ...ORG_TAIL].map((w) => w.replace(/\.$/, "")).join("|");
// Where a name can start: an organisation word, a role before a capitalised word, a role after a
// comma ("Francesco Bailo, deputy director"), or "(" before an acronym. Case-sensitive on purpose:
// "the administration" introduces no name, and running text without these is never tokenised.
const TRIGGER_RE = new RegExp(
  `\\b(?:${ORG_WORDS})\\b|\\b(?:${ROLE_WORDS}|[Hh]ead)\\.?\\s+(?:of\\s+(?:the\\s+)?)?[A-Z]|,\\s+(?:[a-z]+\\s+){0,3}(?:${ROLE_WORDS})\\b|\\([A-Z]`,
  "g",
);
const WINDOW = 100;

/** Stretches of text around words that can introduce a name, merged where they overlap. */
function triggerWindows(text: string): [number, number][] {
  const out: [number, number][] = [];
  TRIGGER_RE.lastIndex = 0;
  for (let m = TRIGGER_RE.exec(text); m !== null; m = TRIGGER_RE.exec(text)) {
    let from = Math.max(0, m.index - WINDOW);
    let to = Math.min(text.length, m.index + m[0].length + WINDOW);
    // Never start or end inside a word.
    while (from > 0 && !/\s/.test(text[from - 1]!)) from--;
    while (to < text.length && !/\s/.test(text[to]!)) to++;
    const last = out[out.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

export interface FoundActor {
  name: string;
  /** From the registry, or guessed from how the name was found; null when nothing says. */
  kind: ActorKind | null;
  /** Acronyms defined in the text for this actor. */
  aliases: string[];
}

/** Actors with what was learnt about them: declared first, then in order of first appearance. */
export function extractActorDetails(
  texts: readonly string[],
  registry: readonly RegistryActor[],
  declared: readonly string[],
): FoundActor[] {
  const index = indexOf(registry);
  const found = new Map<string, FoundActor>();
  const localAliases = new Map<string, string>();
  // A briefing names its few actors again and again: each spelling's key is worked out once.
  const keys = new Map<string, string>();
  const keyOf = (name: string): string => {
    let key = keys.get(name);
    if (key === undefined) {
      key = actorKey(name);
      keys.set(name, key);
    }
    return key;
  };
  const add = (rawName: string, kind: ActorKind | null, alias?: string) => {
    const entry = index.byKey.get(keyOf(rawName)) ?? (alias ? index.byKey.get(keyOf(alias)) : undefined);
    let name = entry ? entry.name : tidy(rawName);
    if (!entry) name = localAliases.get(keyOf(name)) ?? name;
    if (!name || name.length > 100) return;
    const key = keyOf(name);
    let actor = found.get(key);
    if (!actor) {
      actor = { name, kind: entry ? entry.kind : kind, aliases: [] };
      found.set(key, actor);
    } else if (actor.kind === null && kind !== null) actor.kind = kind;
    if (alias && !entry) {
      if (!actor.aliases.includes(alias)) actor.aliases.push(alias);
      localAliases.set(keyOf(alias), name);
    }
  };
  for (const name of declared) if (name.trim()) add(name, null);

  const candidates: Candidate[] = [];
  texts.forEach((text, t) => {
    if (!text) return;
    const here: Candidate[] = [];
    registryMentions(text, index, here, keyOf);
    // Names are only read near a word that can introduce one; the rest of the text is never tokenised.
    for (const [from, to] of triggerWindows(text)) {
      const slice = text.slice(from, to);
      const tokens = tokenize(slice);
      const local: Candidate[] = [];
      acronymDefinitions(slice, tokens, local);
      organisations(tokens, index, local);
      people(tokens, local);
      peopleAfterOrg(tokens, local);
      // Each candidate is new, made for this text: moved in place rather than copied.
      for (const c of local) {
        c.pos += from;
        here.push(c);
      }
    }
    here.sort((a, b) => a.pos - b.pos);
    for (const c of here) {
      c.pos = t;
      candidates.push(c);
    }
  });
  // Acronym definitions first, so a bare acronym earlier in the text still folds into its full name.
  for (const c of candidates) {
    if (c.alias && !index.byKey.has(keyOf(c.name))) localAliases.set(keyOf(c.alias), tidy(c.name));
  }
  qualifiedTails(candidates, index, keyOf, localAliases);
  // A lone surname joins a full name found anywhere in the briefing; otherwise it stands on its own.
  const fullBySurname = new Map<string, string>();
  for (const c of candidates) {
    if (c.kind === "person" && !c.surnameOnly) fullBySurname.set(c.name.split(" ").at(-1)!, c.name);
  }
  for (const c of candidates) {
    const lone = c.surnameOnly;
    if (!lone) add(c.name, c.kind, c.alias);
    else if (index.byKey.has(keyOf(c.name))) add(c.name, c.kind);
    else if (index.byKey.has(keyOf(lone.surname))) add(lone.surname, c.kind);
    else add(fullBySurname.get(lone.surname) ?? c.name, c.kind);
  }
  return [...found.values()];
}

/**
 * A place's or a bloc's code before a name (`EU`, `UK`, `U.S.`, `UN`): the name's owner, not its
 * words. `AI` or `ICT` before a name is part of it, so the codes are named, not any capitals.
 */
const QUALIFIER = /^(?:EU|E\.U\.|UK|U\.K\.|US|U\.S\.|USA|UN|U\.N\.|UAE|NATO|OECD|G7|G20)$/;

/**
 * `AI Office` in a briefing that also names the `EU AI Office` is that office, as an acronym folds into
 * the name it stands for: a name of two or more words that is the tail of one found after a qualifier.
 * A tail two qualified names share (`UK AI Office`, `EU AI Office`) stays its own, and only the whole
 * tail counts (`AI Office` is not `AI Safety Office`).
 */
function qualifiedTails(
  candidates: readonly Candidate[],
  index: RegistryIndex,
  keyOf: (name: string) => string,
  localAliases: Map<string, string>,
): void {
  let tails: Map<string, string | null> | undefined;
  for (const c of candidates) {
    if (c.kind === "person" || c.surnameOnly) continue;
    const name = tidy(c.name);
    const space = name.indexOf(" ");
    // Most names have no qualifier: one test of the first word before anything else.
    if (space === -1 || !QUALIFIER.test(name.slice(0, space))) continue;
    const tail = name.slice(space + 1);
    if (!tail.includes(" ") || index.byKey.has(keyOf(tail))) continue;
    tails ??= new Map();
    const key = keyOf(tail);
    const before = tails.get(key);
    tails.set(key, before === undefined || keyOf(before ?? "") === keyOf(name) ? name : null);
  }
  if (tails === undefined) return;
  for (const [key, full] of tails) if (full !== null && !localAliases.has(key)) localAliases.set(key, full);
}

/** Canonical actor names, deduplicated, declared first, then in order of first appearance. */
export function extractActors(
  texts: readonly string[],
  registry: readonly RegistryActor[],
  declared: readonly string[],
): string[] {
  // Pushed, not mapped: a `map`'s array has other V8 elements kinds, and the briefing's readers were
  // compiled again for each.
  const names: string[] = [];
  for (const a of extractActorDetails(texts, registry, declared)) names.push(a.name);
  return names;
}

/**
 * What resolving a briefing's actors needs of it, and nothing of the registry: the parse finds these
 * once; the store keeps them, so a change of `actors.yaml` resolves every file's actors again from
 * them (`resolveActors`) without reading or parsing a file.
 */
export interface ActorInputs {
  /** The front matter's `actors`, as written. */
  declared: readonly string[];
  /** Where names are looked for: the title, headings, prose and glossary lines (parse.ts). */
  texts: readonly string[];
  /** Where what is learnt of unknown actors is read: title, key points, sections (`aboutTexts`). */
  about: readonly string[];
}

export interface ResolvedActors {
  /** Canonical names, declared first, then in order of first appearance. */
  actors: string[];
  /** See `unregisteredActors`. */
  learnt: FoundActor[];
}

/** A briefing's actors under `registry`: the one rule, for a parse and for a registry change alike. */
export function actorNames(inputs: ActorInputs, registry: readonly RegistryActor[]): string[] {
  return extractActors(inputs.texts, registry, inputs.declared);
}

/** `actorNames` and what is learnt of the unknown ones (as `unregisteredActors` finds it). */
export function resolveActors(inputs: ActorInputs, registry: readonly RegistryActor[]): ResolvedActors {
  const actors = actorNames(inputs, registry);
  return { actors, learnt: learntActors(inputs.about, actors, registry) };
}

/** The texts `unregisteredActors` reads of a briefing. */
export function aboutTexts(b: Pick<Briefing, "title" | "keyPoints" | "sections">): string[] {
  // Pushed, not spread from a `map`: an empty list's copy has another V8 elements kind, and the
  // function was compiled again for it.
  const texts = [b.title];
  for (const p of b.keyPoints) texts.push(p.text);
  for (const section of [b.sections.whatHappened, b.sections.whyItMatters, b.sections.whatToWatch]) {
    for (const p of section) texts.push(p.text);
  }
  return texts;
}

function learntActors(
  about: readonly string[],
  actors: readonly string[],
  registry: readonly RegistryActor[],
): FoundActor[] {
  const unknown = new Set<string>();
  for (const name of actors) if (!registryEntry(name, registry)) unknown.add(actorKey(name));
  if (unknown.size === 0) return [];
  return extractActorDetails(about, registry, []).filter((a) => unknown.has(actorKey(a.name)));
}

/**
 * What a briefing's text says (kind, acronyms) about those of its actors the registry does not know:
 * the actor index reads it to describe them. A worker sends it with the briefing's digest, so the
 * index can be built without holding the briefing.
 */
export function unregisteredActors(
  b: Pick<Briefing, "title" | "actors" | "keyPoints" | "sections">,
  registry: readonly RegistryActor[],
): FoundActor[] {
  return learntActors(aboutTexts(b), b.actors, registry);
}
