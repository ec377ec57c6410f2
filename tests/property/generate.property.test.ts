/**
 * Random details thrown at the whole generator: every run ends in valid PDFs or a clear input
 * error (an InputError with messages), never a crash.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate, InputError } from "../../src/index.js";

const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 1500);

/** Mostly plausible details with arbitrary Unicode in the free-text fields. */
const details = fc.record(
  {
    name: fc.oneof(fc.string({ unit: "grapheme", maxLength: 90 }), fc.string({ unit: "binary", maxLength: 30 }), fc.constantFrom("Xiaoming WANG", "王小明")),
    phone: fc.oneof(fc.constantFrom("76 12 34", "+687 51 22 33", "26 12 34", "88 00 00"), fc.string({ maxLength: 15 })),
    address: fc.string({ unit: "grapheme", maxLength: 200 }),
    customerNumber: fc.string({ maxLength: 35 }),
    email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 })),
    plan: fc.constantFrom("prepaid", "postpaid", "monthly", undefined),
    channel: fc.constantFrom("in-person", "post", "proxy", "fax", undefined),
    reason: fc.string({ unit: "grapheme", maxLength: 320 }),
    effectiveDate: fc.oneof(fc.constantFrom("2026-12-31", "2026-02-30", "2025-01-01", "31/12/2026"), fc.string({ maxLength: 12 })),
    proxyName: fc.string({ unit: "grapheme", maxLength: 40 }),
    iban: fc.constantFrom("FR14 2004 1010 0505 0001 3M02 606", "FR14 2004 1010 0505 0001 3M02 607", ""),
  },
  { requiredKeys: [] },
);

describe("generate() on random details", () => {
  it(`ends in PDFs or a clear input error (${RUNS} runs)`, async () => {
    let documents = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(details, async (input) => {
        try {
          const result = await generate(input, { today: "2026-11-24" });
          expect(result.length).toBeGreaterThanOrEqual(2);
          for (const doc of result) {
            const bytes = Buffer.from(doc.bytes);
            expect(bytes.subarray(0, 8).toString("latin1")).toBe("%PDF-1.7");
            expect(bytes.subarray(-6).toString("latin1")).toContain("%%EOF");
            expect(doc.pages).toBeGreaterThan(0);
          }
          documents++;
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          expect(error.problems.length).toBeGreaterThan(0);
          for (const problem of error.problems) expect(problem).toMatch(/^(--[a-z-]+|[a-zA-Z]+): ./);
          refused++;
        }
      }),
      { numRuns: RUNS },
    );
    // Both outcomes were exercised.
    expect(documents).toBeGreaterThan(RUNS / 20);
    expect(refused).toBeGreaterThan(RUNS / 20);
  }, 600_000);
});
