/**
 * The web server's bounded render queue: a few worker threads (one per core) that return PDF
 * bytes, and a waiting line of fixed length in front of them. When 50 people press "Make my
 * documents" at once, each job waits its turn; past the line's length a job is refused at once
 * (the page says "busy, try again"), so memory stays bounded whatever the load.
 *
 * Why not the batch's RenderPool: its workers write each row's folder to disk, and the server
 * must write nothing a user typed. This pool keeps the same worker limits and replaces a worker
 * that dies, failing only the job it held.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DetailsInput } from "../details/index.js";
import type { Problem } from "../problems.js";
import { WORKER_RESOURCE_LIMITS } from "../worker-limits.js";
import type { WebDocument, WebRenderJob, WebRenderReply } from "./protocol.js";

export type RenderOutcome =
  | { ok: true; documents: WebDocument[] }
  | { ok: false; reason: "input"; problems: readonly Problem[] }
  | { ok: false; reason: "failed"; problems: readonly Problem[] }
  /** The waiting line was full, the job waited too long, or the requester went away. */
  | { ok: false; reason: "busy" | "timeout" | "cancelled" };

export interface RenderRequest {
  input: DetailsInput;
  lang: string;
  today: string;
  /** Aborted when the request that asked is gone: its job leaves the line. */
  signal?: AbortSignal;
}

export interface PoolOptions {
  workers?: number;
  /** Jobs that may wait for a worker; more are refused as "busy". */
  maxWaiting?: number;
  /** Longest wait plus render of one job, in ms. */
  timeoutMs?: number;
  workerUrl?: URL;
}

interface Waiting {
  job: WebRenderJob;
  resolve: (outcome: RenderOutcome) => void;
  timer: NodeJS.Timeout;
  cleanup: () => void;
}

interface Slot {
  worker: Worker;
  busy?: Waiting;
}

export const DEFAULT_WORKER_URL = new URL("./render-worker.js", import.meta.url);

export class WebRenderPool {
  private readonly slots: Slot[] = [];
  private readonly line: Waiting[] = [];
  private nextId = 1;
  private closed = false;
  readonly maxWaiting: number;
  private readonly timeoutMs: number;
  private readonly workerUrl: URL;
  /** Figures for the load test and the tests: jobs done, refused, highest line length seen. */
  readonly stats = { rendered: 0, refused: 0, timedOut: 0, longestLine: 0 };

  constructor(options: PoolOptions = {}) {
    this.maxWaiting = options.maxWaiting ?? 64;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.workerUrl = options.workerUrl ?? DEFAULT_WORKER_URL;
    const size = Math.max(1, options.workers ?? availableParallelism());
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  get size(): number {
    return this.slots.length;
  }

  /** Jobs waiting for a worker now. */
  get waiting(): number {
    return this.line.length;
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(this.workerUrl, { resourceLimits: WORKER_RESOURCE_LIMITS }) };
    slot.worker.on("message", (reply: WebRenderReply) => {
      const done = slot.busy;
      if (!done || done.job.id !== reply.id) return;
      slot.busy = undefined;
      this.settle(
        done,
        reply.ok
          ? { ok: true, documents: reply.documents }
          : { ok: false, reason: reply.input ? "input" : "failed", problems: reply.problems },
      );
      this.stats.rendered++;
      this.next();
    });
    const fail = (message: string) => {
      const held = slot.busy;
      slot.busy = undefined;
      if (held)
        this.settle(held, {
          ok: false,
          reason: "failed",
          problems: [{ code: "internal", params: { detail: message } }],
        });
    };
    slot.worker.on("error", (error) => fail(`the render worker stopped: ${error.message}`));
    slot.worker.on("exit", (code) => {
      fail(`the render worker exited (code ${code})`);
      const index = this.slots.indexOf(slot);
      if (!this.closed && index >= 0) {
        this.slots[index] = this.spawn();
        this.next();
      }
    });
    return slot;
  }

  private settle(waiting: Waiting, outcome: RenderOutcome): void {
    clearTimeout(waiting.timer);
    waiting.cleanup();
    waiting.resolve(outcome);
  }

  /** Gives waiting jobs to idle workers, first come first served. */
  private next(): void {
    for (const slot of this.slots) {
      if (slot.busy || this.line.length === 0) continue;
      const waiting = this.line.shift()!;
      slot.busy = waiting;
      slot.worker.postMessage(waiting.job);
    }
  }

  private leaveLine(waiting: Waiting, outcome: RenderOutcome): void {
    const index = this.line.indexOf(waiting);
    if (index >= 0) {
      this.line.splice(index, 1);
      this.settle(waiting, outcome);
      return;
    }
    // Already on a worker: a render cannot be stopped half-way; its result is dropped instead.
    for (const slot of this.slots) {
      if (slot.busy === waiting) {
        slot.busy = { ...waiting, resolve: () => {}, cleanup: () => {} };
        this.settle(waiting, outcome);
      }
    }
  }

  /** Renders one person's documents; never rejects: every failure is an outcome. */
  render(request: RenderRequest): Promise<RenderOutcome> {
    if (this.closed) return Promise.resolve({ ok: false, reason: "busy" });
    if (request.signal?.aborted) return Promise.resolve({ ok: false, reason: "cancelled" });
    if (this.line.length >= this.maxWaiting) {
      this.stats.refused++;
      return Promise.resolve({ ok: false, reason: "busy" });
    }
    return new Promise((resolve) => {
      const job: WebRenderJob = { id: this.nextId++, input: request.input, lang: request.lang, today: request.today };
      const onAbort = () => this.leaveLine(waiting, { ok: false, reason: "cancelled" });
      const waiting: Waiting = {
        job,
        resolve,
        timer: setTimeout(() => {
          this.stats.timedOut++;
          this.leaveLine(waiting, { ok: false, reason: "timeout" });
        }, this.timeoutMs),
        cleanup: () => request.signal?.removeEventListener("abort", onAbort),
      };
      request.signal?.addEventListener("abort", onAbort, { once: true });
      this.line.push(waiting);
      this.stats.longestLine = Math.max(this.stats.longestLine, this.line.length);
      this.next();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const waiting of this.line.splice(0)) this.settle(waiting, { ok: false, reason: "cancelled" });
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
