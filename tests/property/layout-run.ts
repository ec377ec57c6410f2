/**
 * One random case through the library, in-process: generate() renders each document, and the
 * check installed for every test (tests/support/check-every-pdf.ts) reads each PDF back with
 * pdf.js and checks it against the very document model it was laid out from (every glyph in the
 * printable area, no text over text, all the model's text there in order). A case passes when
 * every document was made and checked; anything thrown fails it.
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect } from "vitest";
import { generate } from "../../src/index.js";
import type { LayoutCase } from "./layout-cases.js";

interface Counts {
  checked: number;
  withModel: number;
}
const counts = (): Counts => ({
  ...((globalThis as { __pdfChecks?: Counts }).__pdfChecks ?? { checked: 0, withModel: 0 }),
});

export interface CaseStats {
  cases: number;
  documents: number;
  pages: number;
  templates: number;
  systemFonts: number;
  rtl: number;
  multiPageBlocks: number;
}

export function newStats(): CaseStats {
  return { cases: 0, documents: 0, pages: 0, templates: 0, systemFonts: 0, rtl: 0, multiPageBlocks: 0 };
}

export async function runCase(c: LayoutCase, stats: CaseStats): Promise<void> {
  let dir: string | undefined;
  try {
    if (c.template) {
      dir = await mkdtemp(join(tmpdir(), "sim-cancel-prop-"));
      await writeFile(join(dir, `checklist.${c.lang}.md.hbs`), c.template);
    }
    const before = counts();
    const documents = await generate(c.input, {
      lang: c.lang,
      paper: c.paper,
      translation: c.translation,
      today: "2026-11-24",
      fonts: c.fonts,
      ...(dir ? { templatesDir: dir } : {}),
    });
    const after = counts();
    // Every document went through the check, with its model (text conservation included).
    expect(after.withModel - before.withModel).toBe(documents.length);
    expect(documents.length).toBe(c.input.channel === "proxy" ? 3 : 2);
    for (const doc of documents) {
      expect(doc.pages).toBeGreaterThan(0);
      for (const notice of doc.notices) expect(notice.code).toBe("font.systemFallback");
    }
    stats.cases++;
    stats.documents += documents.length;
    stats.pages += documents.reduce((n, d) => n + d.pages, 0);
    if (c.template) stats.templates++;
    if (c.template && documents[0]!.pages > 2) stats.multiPageBlocks++;
    if (documents.some((d) => d.notices.length > 0)) stats.systemFonts++;
    if (c.fonts.length > 0) stats.rtl++;
  } finally {
    if (dir) await rm(dir, { recursive: true, force: true });
  }
}
