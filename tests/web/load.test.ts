/**
 * The load test (bench/serve-load.mjs), small enough for every test run: 50 clients at once
 * against the bin's `serve`, two requests each, then it stops. Everyone waits their turn (no
 * one is refused: the queue holds 64), every answer is PDFs or a clear problem, and the server's
 * memory stays bounded. `npm run bench` runs it at 50 x 10 and prints latency and memory.
 */
import { describe, expect, it } from "vitest";
import { benchServeLoad, planned } from "../../bench/serve-load.mjs";
import { readPdf } from "../support/pdf.js";

describe("sim-cancel serve under load", () => {
  it("answers 50 clients at once with PDFs or clear problems, and no one is turned away", async () => {
    const clients = 50;
    const requests = 2;
    let seen = 0;
    const pages: number[] = [];
    const result = await benchServeLoad({
      clients,
      requests,
      // Every fifth PDF read by pdf.js, not only its header and trailer checked.
      onPdf: async (bytes) => {
        if (seen++ % 5 === 0) pages.push((await readPdf(bytes)).pages.length);
      },
    });
    const plan = Array.from({ length: clients }, (_, c) =>
      Array.from({ length: requests }, (_, i) => planned(c, i)),
    ).flat();
    expect(result.unclearExamples).toEqual([]);
    expect(result.unclear).toBe(0);
    expect(result.busy).toBe(0);
    expect(result.ok).toBe(plan.filter((p) => p === "valid").length);
    expect(result.invalid).toBe(plan.filter((p) => p !== "valid").length);
    expect(result.invalid).toBeGreaterThan(0);
    expect(pages.length).toBeGreaterThan(10);
    expect(pages.every((n) => n >= 1)).toBe(true);
    expect(result.rounds).toBe(requests);
    // Bounded: the render queue holds 64 jobs and two workers with capped heaps.
    expect(result.peakRssMb).toBeLessThan(700);
    expect(result.serverOutput).not.toMatch(/internal error|failed/);
  });
});
