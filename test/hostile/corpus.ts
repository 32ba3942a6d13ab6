// The hostile corpus, materialised once per test file into a temp folder, and the checks every test
// of it shares.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
// @ts-expect-error plain .mjs so it also runs by hand; its exports are typed below.
import * as generator from "../fixtures/hostile/generate.mjs";

type GeneratedCase =
  | "longLine"
  | "combining"
  | "frontMatter1MB"
  | "nestedBrackets"
  | "runOnDates"
  | "runOnOrganisations"
  | "runOnAcronyms"
  | "fifo"
  | "socket"
  | "directory"
  | "directoryInner"
  | "noAccess"
  | "sparse"
  | "selfLoop"
  | "dirLoop"
  | "outsideFile"
  | "outsideDir"
  | "newlineName"
  | "escapeName"
  | "invalidUtf8Name";

export const { GENERATED, CORPUS_DIR } = generator as {
  GENERATED: Record<GeneratedCase, string>;
  CORPUS_DIR: string;
};
const materialiseInto = (
  generator as { materialise(dir: string, outside: string): Promise<() => Promise<void>> }
).materialise;
export const manyFiles = (generator as { manyFiles(dir: string, n?: number): void }).manyFiles;

/**
 * Anything a terminal would act on: C0 but tab and newline, ESC, DEL, C1, line/paragraph separators,
 * bidi controls. Output that passed through the sanitiser has none of these.
 */
export const RAW_CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]/;

export interface Corpus {
  dir: string;
  cleanup(): Promise<void>;
}

/** A fresh copy of the whole corpus, generated cases included. */
export async function makeCorpus(): Promise<Corpus> {
  const root = await mkdtemp(path.join(tmpdir(), "signaldesk-hostile-"));
  const dir = path.join(root, "corpus");
  const outside = path.join(root, "outside");
  await mkdir(dir);
  await mkdir(outside);
  const close = await materialiseInto(dir, outside);
  return {
    dir,
    async cleanup() {
      await close();
      await rm(root, { recursive: true, force: true });
    },
  };
}
