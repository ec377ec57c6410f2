/**
 * Fault injection: with the wrapping of inline blanks taken out but the layout's guard in place,
 * the library stops with a LayoutError (code "layout.overflow", naming the document and the
 * block) before any PDF is made: it never hands over a document that lost text.
 */
import { describe, expect, it, vi } from "vitest";
import { generate } from "../../src/index.js";
import { FailureError } from "../../src/errors.js";
import { LayoutError } from "../../src/layout/errors.js";
import type { LinePiece } from "../../src/layout/fills.js";

vi.mock(import("../../src/layout/fills.js"), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    // A blank takes no room when lines are broken, then the whole rest of its line and beyond.
    fillMinWidth: () => 0,
    fillWidths: (pieces: readonly LinePiece[], size: number) =>
      pieces.flatMap((p) => ("fillEm" in p ? [Math.max(p.fillEm, 40) * size] : [])),
  };
});

describe("the layout's guard, with blanks that do not wrap", () => {
  it("stops the procuration with layout.overflow, naming the document and block", async () => {
    const error = await generate(
      { name: "Mei LIN", phone: "+687 91 23 45", channel: "proxy", proxyName: "Li CHEN", date: "2026-11-24" },
      { lang: "fr" },
    ).then(
      () => undefined,
      (e: unknown) => e,
    );
    // The tool failed (exit code 1 at the command line), with the problem as data.
    expect(error).toBeInstanceOf(LayoutError);
    expect(error).toBeInstanceOf(FailureError);
    const [problem] = (error as LayoutError).problems;
    expect(problem).toMatchObject({
      code: "layout.overflow",
      params: {
        document: expect.stringMatching(/^(checklist|letter|proxy)$/),
        section: expect.any(Number),
        block: expect.any(Number),
      },
    });
  });
});
