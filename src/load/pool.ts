// Where a load's files are read and parsed: in worker threads when the folder is big enough to pay
// for starting them (about a tenth of a second) and the built worker is there, else on the reader's
// own thread in time slices. Either way the results are the same values (parse-file.ts), so a worker
// that dies, or cannot start (memory, threads), only moves its unfinished files back to this thread.
// Workers only read and parse: the database is written by the calling thread alone.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { RegistryActor } from "../briefing/schema.js";
import { type CachedModule, runCached } from "../store/code-cache.js";
import { keptMatchers } from "../store/matchers.js";
import { cacheDirFrom } from "../store/open.js";
import type { Store } from "../store/store.js";
import { builtEntry } from "./built.js";
import type { FileOutcome } from "./parse-file.js";
import { type FileEntry, plainEntry } from "./read.js";
import { timeSlicer } from "./slicer.js";
import { json, type StoredRegistry } from "./stored-scan.js";

export interface DigestJob {
  index: number;
  entry: FileEntry;
}

export type ToWorker = { kind: "digest"; batch: number; jobs: DigestJob[] };

export type WorkerReply = { kind: "digested"; batch: number; outcomes: FileOutcome[] };

export interface ParsePool {
  /** Reads and parses every job's file; `each` gets the outcomes as they come, in any order. */
  digest(jobs: readonly DigestJob[], each: (o: FileOutcome) => void): Promise<void>;
  /** Stops the workers. */
  close(): void;
  /** How many workers it started (0: this thread does the work). */
  readonly workers: number;
  /**
   * After `digest` on this thread: whether its parser took `images` as the registry's matchers
   * (false: not given, or not those); undefined when workers parsed (they build their own).
   */
  readonly tookImages: boolean | undefined;
}

export interface PoolOptions {
  registry: RegistryActor[];
  /** The registry's matchers as the store keeps them (sync.ts), for this thread's parser to use. */
  images?: readonly Int32Array[] | null;
  /** Files in the folder: below `MIN_FILES_FOR_WORKERS` no worker is started. */
  files: number;
  /** The built worker; default: worker.js beside the bundle. Tests point it at dist/. */
  workerFile?: string | null;
  /** Default: SIGNALDESK_WORKERS, else up to 3 as the machine's CPUs allow. */
  workers?: number;
  /** Longest stretch this thread works before letting keys through, when it does the work itself. */
  sliceMs?: number;
  /**
   * This thread takes batches too, beside the workers: a thread that is otherwise only waiting for
   * their results (the loader) does a worker's share without a heap of its own to pay for.
   */
  joinIn?: boolean;
}

/** Fewer files parse on this thread in less time than two workers take to start. */
export const MIN_FILES_FOR_WORKERS = 400;
const BATCH = 64;
/** Batches sent ahead to each worker, so it never waits for the next one. */
const AHEAD = 2;
/**
 * A parse worker's heap ceiling: far above what the parser and one file need, because reaching it
 * can abort the whole process rather than just the worker (nodejs/node#47224). A worker that does
 * die has its files parsed on the calling thread instead.
 */
const WORKER_HEAP_MB = 192;
/** Files read at once on this thread. */
const CONCURRENCY = 64;

function workerCount(opts: PoolOptions): number {
  const env = Number(process.env.SIGNALDESK_WORKERS);
  const wanted =
    opts.workers ?? (Number.isInteger(env) && env >= 0 ? env : Math.min(3, availableParallelism()));
  return opts.files < MIN_FILES_FOR_WORKERS ? 0 : Math.max(0, wanted);
}

export function startPool(opts: PoolOptions): ParsePool {
  const file = opts.workerFile === undefined ? builtEntry("worker.js") : opts.workerFile;
  const count = file === null ? 0 : workerCount(opts);
  return count === 0 ? threadPool(opts) : workerPool(opts, file!, count);
}

function threadPool(opts: PoolOptions): ParsePool {
  const slice = timeSlicer(opts.sliceMs ?? 8);
  const run = async <T>(items: readonly T[], fn: (item: T) => Promise<void>) => {
    let next = 0;
    const lane = async () => {
      while (next < items.length) {
        const item = items[next++] as T;
        const wait = slice();
        if (wait) await wait;
        await fn(item);
      }
    };
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, lane));
  };
  // The parser is loaded here only when this thread parses: with workers it never is.
  let took: boolean | undefined;
  return {
    workers: 0,
    get tookImages() {
      return took;
    },
    async digest(jobs, each) {
      const parser = await threadParser();
      took ??= opts.images ? parser.exports.keepIndex(opts.registry, opts.images) : false;
      const parse = { registry: opts.registry, sync: false };
      await run(jobs, async (job) => each(await parser.exports.parseFile(job.entry, job.index, parse)));
      parser.save();
    },
    close() {},
  };
}

export type Parser = CachedModule<typeof import("./parser-entry.js")>;
let parserOfThread: Promise<Parser> | undefined;

/**
 * The parser for this thread, loaded once whoever asks first (the sync's parse of a changed file,
 * the reader's open of a briefing): the built dist/parser.cjs with its code cache (code-cache.ts),
 * else (running the source, or that file unusable) the modules the bundle imports.
 */
export function threadParser(): Promise<Parser> {
  parserOfThread ??= (async () => {
    const file = builtEntry("parser.cjs");
    if (file !== null) {
      try {
        return runCached<Parser["exports"]>(file, cacheDirFrom(process.env));
      } catch {
        // Unreadable or broken: the bundle's own modules do the same.
      }
    }
    return { exports: await import("./parser-entry.js"), fromCache: false, save() {} };
  })();
  return parserOfThread;
}

/**
 * The registry's matchers as the store keeps them (store/matchers.ts), for a parser's `keepIndex`:
 * only when `registry` is the list the store's registry holds (the images are of that one).
 */
export function storedImages(store: Store, registry: readonly RegistryActor[]): Int32Array[] | null {
  try {
    const stored = json<StoredRegistry>(store.meta("registry"));
    if (stored === null || JSON.stringify(stored.actors) !== JSON.stringify(registry)) return null;
    return keptMatchers(store, stored.hash);
  } catch {
    // A store closed or damaged: the parser builds them.
    return null;
  }
}

interface Lane {
  worker: Worker;
  /** Batches sent and not answered. */
  out: Map<number, readonly unknown[]>;
  dead: boolean;
}

function workerPool(opts: PoolOptions, file: string, count: number): ParsePool {
  const fallback = threadPool(opts);
  let lanes: Lane[] | null = null;
  // One task at a time (a digest pass, then a uses pass): replies are routed to it.
  let task: {
    onReply(lane: Lane, reply: WorkerReply): void;
    onDeath(lane: Lane): void;
  } | null = null;

  const start = (): Lane[] => {
    lanes ??= Array.from({ length: count }, () => {
      let worker: Worker;
      try {
        worker = new Worker(file, {
          workerData: { registry: opts.registry },
          // The young generation is what a parse churns through; a small one keeps each worker's
          // memory near its live set.
          resourceLimits: { maxYoungGenerationSizeMb: 8, maxOldGenerationSizeMb: WORKER_HEAP_MB },
          // Anything a worker prints would land on the reader's screen: it is read and dropped.
          stdout: true,
          stderr: true,
        });
      } catch {
        // No worker can start (threads or memory exhausted): this lane is dead from the start, and
        // its share is parsed on this thread.
        return { worker: null as unknown as Worker, out: new Map(), dead: true };
      }
      worker.stdout.resume();
      worker.stderr.resume();
      const lane: Lane = { worker, out: new Map(), dead: false };
      worker.on("message", (reply: WorkerReply) => task?.onReply(lane, reply));
      const die = () => {
        if (lane.dead) return;
        lane.dead = true;
        task?.onDeath(lane);
      };
      worker.on("error", die);
      worker.on("exit", die);
      return lane;
    });
    return lanes;
  };

  /**
   * Sends `jobs` in batches to the live workers and resolves once every batch is answered; the batches
   * of a worker that dies are done on this thread instead.
   */
  const spread = <J>(
    jobs: readonly J[],
    send: (lane: Lane, batch: number, part: J[]) => void,
    answer: (reply: WorkerReply) => void,
    rescue: (part: J[]) => Promise<void>,
  ): Promise<void> =>
    new Promise((resolve, reject) => {
      const parts: J[][] = [];
      for (let i = 0; i < jobs.length; i += BATCH) parts.push(jobs.slice(i, i + BATCH));
      if (parts.length === 0) {
        resolve();
        return;
      }
      let next = 0;
      let pending = parts.length;
      let failed = false;
      const fail = (err: unknown) => {
        if (failed) return;
        failed = true;
        task = null;
        reject(err);
      };
      const complete = () => {
        if (--pending === 0 && !failed) {
          task = null;
          resolve();
        }
      };
      const here = (part: J[]) => rescue(part).then(complete, fail);
      const live = () => (lanes ?? []).filter((l) => !l.dead);
      const feed = (lane: Lane) => {
        while (!lane.dead && lane.out.size < AHEAD && next < parts.length) {
          const batch = next++;
          lane.out.set(batch, parts[batch]!);
          send(lane, batch, parts[batch]!);
        }
      };
      // No worker left: what was not sent is done on this thread too.
      const drainHere = () => {
        while (next < parts.length) void here(parts[next++]!);
      };
      task = {
        onReply(lane, reply) {
          if (failed || !lane.out.delete(reply.batch)) return;
          try {
            answer(reply);
          } catch (err) {
            fail(err);
            return;
          }
          feed(lane);
          complete();
        },
        onDeath(lane) {
          const lost = [...lane.out.values()] as J[][];
          lane.out.clear();
          for (const part of lost) void here(part);
          for (const other of live()) feed(other);
          if (live().length === 0) drainHere();
        },
      };
      for (const lane of start()) feed(lane);
      if (live().length === 0) drainHere();
      else if (opts.joinIn) {
        // One batch at a time, each in slices (threadPool), so the replies keep being taken in.
        const own = async () => {
          while (!failed && next < parts.length) {
            await rescue(parts[next++]!);
            complete();
          }
        };
        own().catch(fail);
      }
    });

  return {
    workers: count,
    tookImages: undefined,
    digest(jobs, each) {
      return spread(
        jobs,
        (lane, batch, part) => {
          // A message copies own fields: entries from a scan keep their paths in getters.
          const sent = part.map((j) => ({ index: j.index, entry: plainEntry(j.entry) }));
          lane.worker.postMessage({ kind: "digest", batch, jobs: sent } satisfies ToWorker);
        },
        (reply) => {
          for (const o of reply.outcomes) each(o);
        },
        (part) => fallback.digest(part, each),
      );
    },
    close() {
      for (const lane of lanes ?? []) {
        if (!lane.dead || lane.worker) void lane.worker?.terminate();
        lane.dead = true;
      }
      lanes = null;
    },
  };
}
