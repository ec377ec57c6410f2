/**
 * Mixed-direction text through the whole generator: a name, an address and a reason made of
 * Hebrew, Arabic, Latin and Chinese words, digits of three kinds, neutral signs and brackets,
 * in every checklist language. Every PDF made here is read back by pdf.js as it is rendered
 * (tests/support/check-every-pdf.ts): each of the user's values must be in its text as typed, in
 * reading order, and every glyph on its page. The generic property test met such text about once
 * in a thousand runs (an Arabic-script digit after a Latin word: fontkit, guessing each piece's
 * direction from its script, reversed it); here every run has it.
 *
 * The visual order of such lines is checked against GNU FriBidi in tests/layout/bidi-order.test.ts.
 */
import { existsSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { mixedDirectionLines } from "../support/bidi-words.js";

/** Words joined by nothing, a space or a no-break space (a separator inside a number, class CS). */
const line = mixedDirectionLines(["", " ", "\u00a0"]);
const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const RUNS = Math.max(1, Math.round(Number(process.env["PROPERTY_RUNS"] ?? 2000) / 16));
if (!existsSync(DEJAVU)) console.log(`skipping the mixed-direction property: ${DEJAVU} is not installed`);

describe.skipIf(!existsSync(DEJAVU))("generate() on mixed-direction details", () => {
  it(`prints every value as typed, in reading order (${RUNS} runs)`, async () => {
    await fc.assert(
      fc.asyncProperty(
        line,
        line,
        line,
        fc.constantFrom("zh-Hans", "zh-Hant", "fr", "en"),
        async (name, address, reason, lang) => {
          const documents = await generate(
            { name, phone: "76 12 34", address, reason, channel: "proxy", proxyName: name },
            { today: "2026-11-24", lang, fonts: [DEJAVU] },
          );
          expect(documents.length).toBe(3);
        },
      ),
      { numRuns: RUNS },
    );
  }, 600_000);
});
