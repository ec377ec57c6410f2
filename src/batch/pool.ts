/**
 * A pool of render workers (worker_threads), one per core by default. Each row goes to the
 * worker with the fewest rows waiting; a worker that dies fails only the rows it held and is
 * replaced. The caller bounds how many rows are in flight (see run.ts).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DetailsInput } from "../details/index.js";
import type { GenerateOptions } from "../generate.js";
import type { RenderJob, RenderReply, WorkerSetup } from "./protocol.js";

/** The built worker, beside this module once compiled (dist/batch/worker.js). */
export const WORKER_URL = new URL("./worker.js", import.meta.url);

/**
 * A render keeps about 25 MB alive (parsed fonts, the pack); without a limit V8 lets each
 * worker's heap grow to several times that before collecting. These limits keep the process
 * near 300 MB with two workers; a worker that still ran out would fail only its own rows.
 */
const RESOURCE_LIMITS = { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 16 };

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

  constructor(
    size: number,
    private readonly options: GenerateOptions,
    private readonly workerUrl: URL = WORKER_URL,
  ) {
    for (let i = 0; i < Math.max(1, size); i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  private spawn(): Slot {
    const setup: WorkerSetup = { options: this.options };
    const slot: Slot = { worker: new Worker(this.workerUrl, { workerData: setup, resourceLimits: RESOURCE_LIMITS }), pending: new Map() };
    slot.worker.on("message", (reply: RenderReply) => {
      const resolve = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      resolve?.(reply);
    });
    const fail = (message: string) => {
      for (const [id, resolve] of slot.pending) resolve({ id, ok: false, input: false, problems: [message] });
      slot.pending.clear();
    };
    slot.worker.on("error", (error) => fail(`the render worker stopped: ${error.message}`));
    slot.worker.on("exit", (code) => {
      fail(`the render worker exited (code ${code})`);
      const index = this.slots.indexOf(slot);
      if (!this.closing && index >= 0) this.slots[index] = this.spawn();
    });
    return slot;
  }

  /** Renders one row's details; never rejects: failures come back as a reply with ok: false. */
  render(input: DetailsInput): Promise<RenderReply> {
    if (this.closing) return Promise.reject(new Error("the render pool is closed"));
    const slot = this.slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
    const id = this.nextId++;
    return new Promise((resolve) => {
      slot.pending.set(id, resolve);
      const job: RenderJob = { id, input };
      slot.worker.postMessage(job);
    });
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
