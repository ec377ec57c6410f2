/**
 * A pool of render workers (worker_threads), one per core by default; a worker renders a row and
 * writes its folder. Each row goes to the worker with the fewest rows waiting; a worker that dies
 * fails only the rows it held and is replaced. The caller bounds how many rows are in flight
 * (see run.ts).
 */
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { GenerateOptions } from "../generate.js";
import { BUILD_ID, IN_BUNDLE, LAUNCHER, RENDER_WORKER, WORKER_ROLES } from "../paths.js";
import type { Problem } from "../problems.js";
import { WORKER_RESOURCE_LIMITS } from "../worker-limits.js";
import type { RenderJob, RenderReply, WorkerSetup } from "./protocol.js";

/** The built worker (dist/batch/worker.js). */
export const WORKER_URL = RENDER_WORKER;

/** A file's bytes in memory every thread can read: the workers share one copy, not one each. */
function readShared(file: string): SharedArrayBuffer {
  const fd = openSync(file, "r");
  try {
    const shared = new SharedArrayBuffer(fstatSync(fd).size);
    const view = new Uint8Array(shared);
    for (let at = 0; at < view.length; ) {
      const read = readSync(fd, view, at, view.length - at, at);
      if (read === 0) throw new Error(`${file} ended early`);
      at += read;
    }
    return shared;
  } finally {
    closeSync(fd);
  }
}

interface Slot {
  worker: Worker;
  pending: Map<number, (reply: RenderReply) => void>;
}

export function defaultPoolSize(rows: number): number {
  return Math.max(1, Math.min(availableParallelism(), rows));
}

export class RenderPool {
  private readonly slots: Slot[] = [];
  private nextId = 1;
  private closing = false;
  private readonly fonts: Record<string, SharedArrayBuffer>;

  /**
   * `force`: replace the files of row folders that hold something else. `fontFiles`: the fonts every row uses,
   * read once here and shared with the workers.
   */
  constructor(
    size: number,
    private readonly options: GenerateOptions,
    private readonly force: boolean,
    fontFiles: readonly string[] = [],
    private readonly workerUrl: URL = WORKER_URL,
  ) {
    this.fonts = Object.fromEntries(fontFiles.map((file) => [file, readShared(file)]));
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const setup: WorkerSetup = { options: this.options, force: this.force, fonts: this.fonts };
    // From the command line's bundle, a worker runs the same bundle with its code cache, as the
    // command line does (launch.cts, bin.ts): it starts in a fraction of the time the separate
    // modules of dist/ took to load and compile, and draws its first document sooner.
    const worker =
      IN_BUNDLE && this.workerUrl === WORKER_URL
        ? new Worker(LAUNCHER, {
            workerData: { ...setup, role: WORKER_ROLES.render, build: BUILD_ID },
            resourceLimits: WORKER_RESOURCE_LIMITS,
          })
        : new Worker(this.workerUrl, { workerData: setup, resourceLimits: WORKER_RESOURCE_LIMITS });
    const slot: Slot = { worker, pending: new Map() };
    slot.worker.on("message", (reply: RenderReply) => {
      const resolve = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      resolve?.(reply);
    });
    const fail = (problem: Problem) => {
      for (const [id, resolve] of slot.pending) resolve({ id, ok: false, input: false, problems: [problem] });
      slot.pending.clear();
    };
    slot.worker.on("error", (error) => fail({ code: "batch.workerStopped", params: { detail: error.message } }));
    slot.worker.on("exit", (code) => {
      fail({ code: "batch.workerExited", params: { code } });
      const index = this.slots.indexOf(slot);
      if (!this.closing && index >= 0) this.slots[index] = this.spawn();
    });
    return slot;
  }

  /** Renders one row into its folder; never rejects: failures come back as a reply with ok: false. */
  render(row: Omit<RenderJob, "id">): Promise<RenderReply> {
    if (this.closing) return Promise.reject(new Error("the render pool is closed"));
    const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.nextId++;
    return new Promise((resolve) => {
      slot.pending.set(id, resolve);
      const job: RenderJob = { id, ...row };
      slot.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
