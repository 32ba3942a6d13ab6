// The three sections' keys and names, without zod: the CLI's print path needs them and must start
// without evaluating any schema. schema.ts builds its SectionKey enum from SECTION_KEYS.

export const SECTION_KEYS = ["whatHappened", "whyItMatters", "whatToWatch"] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const SECTION_TITLES: Record<SectionKey, string> = {
  whatHappened: "What happened",
  whyItMatters: "Why it matters",
  whatToWatch: "What to watch",
};

/** Short names used by `print --sections what,why,watch`. */
export const SECTION_SHORT: Record<string, SectionKey> = {
  what: "whatHappened",
  why: "whyItMatters",
  watch: "whatToWatch",
};
