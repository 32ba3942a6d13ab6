// The read state as the commands see it: the store opened for the folder, each briefing's status, and
// marks written. A state that cannot be used is one line on stderr; the command goes on without it.
import { realpathSync } from "node:fs";
import {
  type ReadStatus,
  readStatuses,
  type Stamp,
  type StatusFile,
  statusReader,
} from "../load/read-status.js";
import type { ReadState } from "../store/state.js";
import { type CommandContext, fail } from "./context.js";

export type { ReadStatus };

export interface BriefingStates {
  state: ReadState;
  /** By briefing id. */
  status: Map<string, ReadStatus>;
}

function realDir(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

/** Opens the folder's read state; `create` only for commands that write it. */
export async function openState(ctx: CommandContext, create: boolean): Promise<ReadState> {
  const { openReadState } = await import("../store/state.js");
  return openReadState({
    stateDir: ctx.stateDir ?? null,
    folder: realDir(ctx.dir),
    warn: (message) => fail(ctx, message, 0),
    create,
  });
}

/**
 * Each briefing's read status; marks found under a new name (or with a new stamp) are written back.
 * `known`: the files' stamps as a check has just taken them (see `readStatuses`).
 */
export async function briefingStates(
  ctx: CommandContext,
  briefings: readonly StatusFile[],
  create = false,
  known?: (relPath: string) => Stamp | undefined,
): Promise<BriefingStates> {
  const state = await openState(ctx, create);
  const got = await readStatuses(briefings, state.marks(), state.lastVisit, realDir(ctx.dir), known);
  if (got.remark.length > 0) state.markRead(got.remark);
  if (got.dropped.length > 0) state.markUnread(got.dropped);
  const status = new Map(briefings.map((b, i) => [b.id, got.statuses[i]!]));
  return { state, status };
}

/**
 * `briefingStates` for briefings that come a part at a time, in order (`status` of each part, awaited
 * in turn; see `statusReader`), and `done` at the end, which writes back the marks found again.
 * `present`: whether a path is among all the briefings.
 */
export async function briefingStatesInParts(
  ctx: CommandContext,
  present: (relPath: string) => boolean,
): Promise<{
  status(parts: readonly StatusFile[], known: (relPath: string) => Stamp | undefined): Promise<ReadStatus[]>;
  done(): void;
}> {
  const state = await openState(ctx, false);
  const reader = statusReader(state.marks(), state.lastVisit, present, realDir(ctx.dir));
  return {
    status: (part, known) => reader.read(part, known),
    done() {
      if (reader.remark.length > 0) state.markRead(reader.remark);
      if (reader.dropped.length > 0) state.markUnread(reader.dropped);
      state.close();
    },
  };
}
