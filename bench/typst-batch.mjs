#!/usr/bin/env node
/**
 * Typst's side of the batch measure:
 *   node bench/typst-batch.mjs FILE.csv OUT_DIR [WORKERS] [ROWS_PER_WORKER]
 * reads the rows with our batch reader (dist/batch) and renders each row's pair in a pool of
 * worker threads (bench/typst-batch-worker.mjs; default one per core, as `sim-cancel batch`),
 * two rows in flight each. Prints { rendered, failed, prepMs, renderMs, workers, ... } as JSON.
 * No validation pass or summary file as ours has: only what it takes to render every row.
 *
 * Why each worker is replaced after ROWS_PER_WORKER rows (default 100): the compiler package
 * (0.7.0) keeps about 1.2 MB of native memory per document it has compiled, whatever
 * evictCache() is asked, and a new compiler in the same thread does not give it back; the end
 * of the thread does. Without that, 5,000 rows would take some 6 GB. A new worker costs a
 * start-up (some 0.2-0.4 s: modules, fonts, the compiler's scan of the system's font folders).
 */
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const root = fileURLToPath(new URL("..", import.meta.url));
const [file, out, workersArg, perWorkerArg] = process.argv.slice(2);
if (!file || !out) throw new Error("usage: typst-batch.mjs FILE.csv OUT_DIR [WORKERS] [ROWS_PER_WORKER]");
const { readRows } = await import(join(root, "dist", "batch", "index.js"));
const size = Number(workersArg || availableParallelism());
const perWorker = Number(perWorkerArg || 100);
const IN_FLIGHT = 2;

const totals = {
  rendered: 0,
  failed: 0,
  prepMs: 0,
  renderMs: 0,
  errors: [],
  workers: size,
  rowsPerWorker: perWorker,
  started: 0,
};
const live = new Set();
let wake = null;
const poke = () => wake?.();

function start() {
  const slot = {
    worker: new Worker(new URL("./typst-batch-worker.mjs", import.meta.url), { workerData: { out } }),
    ready: false,
    sent: 0,
    pending: 0,
  };
  totals.started++;
  live.add(slot);
  slot.worker.on("message", (reply) => {
    if (reply.ready) slot.ready = true;
    else {
      slot.pending--;
      if (reply.ok) {
        totals.rendered++;
        totals.prepMs += reply.prepMs;
        totals.renderMs += reply.renderMs;
      } else {
        totals.failed++;
        if (totals.errors.length < 3) totals.errors.push(`row ${reply.row}: ${reply.error}`);
      }
    }
    poke();
  });
  slot.worker.on("error", (error) => {
    console.error(error);
    process.exit(1);
  });
  slot.worker.on("exit", (code) => {
    live.delete(slot);
    if (code !== 0 || slot.pending > 0) {
      console.error(`a Typst batch worker ended with ${code}, ${slot.pending} rows unfinished`);
      process.exit(1);
    }
    poke();
  });
  return slot;
}

/** A worker that can take a row now, starting or replacing workers as needed. */
async function slotForRow() {
  for (;;) {
    const open = [...live].filter((s) => s.sent < perWorker);
    while (open.length < size) open.push(start());
    const free = open.filter((s) => s.ready && s.pending < IN_FLIGHT).sort((a, b) => a.pending - b.pending)[0];
    if (free) return free;
    await new Promise((resolve) => (wake = resolve));
  }
}

for await (const row of readRows(file)) {
  if (!row.input || row.problems.length > 0) {
    totals.failed++;
    continue;
  }
  const slot = await slotForRow();
  slot.sent++;
  slot.pending++;
  slot.worker.postMessage({ row: row.row, input: row.input });
  if (slot.sent === perWorker) slot.worker.postMessage({ end: true });
}
for (const slot of live) if (slot.sent < perWorker) slot.worker.postMessage({ end: true });
while (live.size > 0) await new Promise((resolve) => (wake = resolve));
process.stdout.write(`${JSON.stringify(totals)}\n`);
