/**
 * Every piece of text in a document model, with where it came from, for the glyph check.
 */
import type { Block, DocModel, Inline } from "../model/doc-model.js";

function runsText(runs: readonly Inline[]): string {
  return runs.map((run) => (run.kind === "text" ? run.text : "")).join("");
}

function blockText(block: Block): string {
  switch (block.kind) {
    case "fields":
      return block.rows.map((row) => runsText(row.label) + runsText(row.value)).join("");
    case "address":
      return block.lines.map(runsText).join("");
    case "signature":
      // The mention over the room to sign is checked like any text.
      return [...(block.above ?? []), ...block.lines].map(runsText).join("");
    case "pageBreak":
      return "";
    default:
      return runsText(block.runs);
  }
}

export function documentTexts(model: DocModel, source: string): { source: string; text: string }[] {
  return [
    { source, text: model.meta.title },
    ...model.sections.flatMap((section) => [
      { source, text: section.furniture.title + section.furniture.pageNumber },
      ...section.blocks.map((block) => ({ source, text: blockText(block) })),
    ]),
  ];
}
