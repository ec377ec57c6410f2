/**
 * The process-wide caches (shaped and drawn runs, widths, broken paragraphs, texts checked, shared
 * font subsets) are bounded so that, full, they fit a render worker's heap beside a document: a 5,000-row batch once lost rows to
 * "JS heap out of memory" when the shaping cache's cap let it outgrow the 64 MB old space. A worker
 * with the render workers' own limits fills each cache to its cap, then renders documents.
 */
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { expect, it } from "vitest";
import { WORKER_RESOURCE_LIMITS } from "../../src/worker-limits.js";

interface Report {
  filled: Record<string, number>;
  caps: Record<string, number>;
  pages: number;
  usedMb: number;
}

function runFilledWorker(): Promise<Report> {
  const script = fileURLToPath(new URL("../support/fill-caches-worker.mjs", import.meta.url));
  const worker = new Worker(script, { resourceLimits: WORKER_RESOURCE_LIMITS });
  return new Promise((resolve, reject) => {
    let report: Report | undefined;
    worker.on("message", (message: Report) => (report = message));
    worker.on("error", reject);
    worker.on("exit", (code) =>
      report ? resolve(report) : reject(new Error(`the worker stopped (exit ${code}) before reporting`)),
    );
  });
}

it("every cache full still leaves a render worker room to render documents", async () => {
  const report = await runFilledWorker();
  // Each cache was really full when the documents were rendered...
  expect(report.filled).toEqual(report.caps);
  // ...the heap, caches full, kept a quarter of the old space to spare...
  expect(report.usedMb).toBeLessThan(WORKER_RESOURCE_LIMITS.maxOldGenerationSizeMb * 0.75);
  // ...and the documents were made beside them.
  expect(report.pages).toBe(12);
}, 120_000);
