/**
 * Set up before every test file (vitest.config.ts): every PDF rendered in a test's process goes
 * through the independent check (pdf.ts: checkPdf), geometry and text conservation against the
 * very document model it was laid out from. A PDF that fails makes the call that rendered it
 * throw, so no test can make a PDF in-process that escapes the check; PDFs made by the command
 * line are checked by runCli (cli.ts), and any PDF a test reads by readPdf.
 */
import { vi } from "vitest";
import type { DocModel } from "../../src/model/doc-model.js";
import type { PageLayout } from "../../src/layout/page-layout.js";

const models = vi.hoisted(() => new WeakMap<object, unknown>());

vi.mock(import("../../src/layout/index.js"), async (importOriginal) => {
  const original = await importOriginal();
  return {
    ...original,
    layoutDocument: (model: DocModel, options: Parameters<typeof original.layoutDocument>[1]): PageLayout => {
      const layout = original.layoutDocument(model, options);
      models.set(layout, model);
      return layout;
    },
  };
});

vi.mock(import("../../src/render/pdf.js"), async (importOriginal) => {
  const original = await importOriginal();
  const { checkPdf } = await import("./pdf.js");
  return {
    ...original,
    renderPdf: async (input: Parameters<typeof original.renderPdf>[0]): Promise<Uint8Array> => {
      const bytes = await original.renderPdf(input);
      const model = models.get(input.layout) as DocModel | undefined;
      await checkPdf(bytes, model ? { model } : {});
      const counts = ((globalThis as { __pdfChecks?: { checked: number; withModel: number } }).__pdfChecks ??= {
        checked: 0,
        withModel: 0,
      });
      counts.checked++;
      if (model) counts.withModel++;
      return bytes;
    },
  };
});
