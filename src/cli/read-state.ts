// The read state as the commands see it: the store opened for the folder, each briefing's status, and
// marks written. A state that cannot be used is one line on stderr; the command goes on without it.
import { realpathSync } from "node:fs";
import { type ReadStatus, readStatuses, type Stamp, type StatusFile } from "../load/read-status.js";
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
