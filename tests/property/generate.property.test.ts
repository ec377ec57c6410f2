/**
 * Random details thrown at the whole generator: every run ends in valid PDFs or a clear input
 * error (an InputError with problems as data), never a crash.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate, InputError } from "../../src/index.js";
import { en } from "../../src/messages/en.js";
import { english } from "../support/words.js";

const RUNS = Number(process.env["PROPERTY_RUNS"] ?? 2000);

/** Mostly a plausible value, sometimes anything at all. */
const mostly = <T>(plausible: fc.Arbitrary<T>, anything: fc.Arbitrary<T>) =>
  fc.oneof({ arbitrary: plausible, weight: 4 }, { arbitrary: anything, weight: 1 });

/** Details with arbitrary Unicode in the free-text fields; each optional field is often absent. */
const details = fc.record(
  {
    name: mostly(
      fc.constantFrom("Xiaoming WANG", "王小明", "Zoé N'GUYEN-LEFÈVRE"),
      fc.string({ unit: "grapheme", maxLength: 90 }),
    ),
    phone: mostly(fc.constantFrom("76 12 34", "+687 51 22 33", "76.12.34"), fc.string({ maxLength: 15 })),
    address: mostly(
      fc.constantFrom("12 rue des Fictifs\n98800 NOUMÉA", "BP 123, 98845 Nouméa Cedex", "新喀里多尼亚 努美阿"),
      fc.string({ unit: "grapheme", maxLength: 200 }),
    ),
    customerNumber: mostly(fc.stringMatching(/^[A-Z0-9-]{1,20}$/), fc.string({ maxLength: 35 })),
    email: mostly(fc.emailAddress(), fc.string({ maxLength: 20 })),
    plan: mostly(fc.constantFrom("prepaid", "postpaid"), fc.string({ maxLength: 10 })),
    channel: mostly(fc.constantFrom("in-person", "post", "proxy"), fc.string({ maxLength: 10 })),
    reason: mostly(
      fc.constantFrom("Départ définitif", "回国", "**bold** {{x}} <i>"),
      fc.string({ unit: "grapheme", maxLength: 320 }),
    ),
    effectiveDate: mostly(
      fc.constantFrom("2026-12-31", "2027-02-28"),
      fc.constantFrom("2026-02-30", "2025-01-01", "31/12/2026", ""),
    ),
    proxyName: mostly(fc.constantFrom("Li CHEN", "陈丽"), fc.string({ unit: "grapheme", maxLength: 40 })),
    iban: fc.constantFrom("FR14 2004 1010 0505 0001 3M02 606", "FR14 2004 1010 0505 0001 3M02 607"),
  },
  { requiredKeys: ["name", "phone"] },
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
          for (const problem of error.problems) {
            // Data naming what to fix, and words for it that show no raw control character.
            expect(problem.code in en.messages, problem.code).toBe(true);
            expect(problem.field ?? problem.option ?? problem.at).toBeDefined();
            expect(english(problem)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
          }
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
