/**
 * Layout that never loses a word, part 1 of 2 (two files, so the cases run on two cores):
 * random details and templates (layout-cases.ts) through generate(), every PDF checked from the
 * PDF itself (layout-run.ts). PROPERTY_RUNS sets the total over both parts (default 2,000).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { layoutCase } from "./layout-cases.js";
import { newStats, runCase } from "./layout-run.js";

const RUNS = Math.ceil(Number(process.env["PROPERTY_RUNS"] ?? 2000) / 2);

describe("layout on random details and templates, part 1", () => {
  it(`lays out every document whole and inside its pages (${RUNS} cases)`, async () => {
    const stats = newStats();
    await fc.assert(
      fc.asyncProperty(layoutCase, (c) => runCase(c, stats)),
      { numRuns: RUNS, seed: 1 * 7919 + Number(process.env["PROPERTY_SEED"] ?? 0), endOnFailure: true },
    );
    console.log(`part 1: ${JSON.stringify(stats)}`);
    expect(stats.cases).toBe(RUNS);
    // The cases reached what they are for: user templates, blocks over several pages, other scripts.
    expect(stats.templates).toBeGreaterThan(RUNS / 8);
    expect(stats.multiPageBlocks).toBeGreaterThan(RUNS / 40);
  }, 1_800_000);
});
