/**
 * Text conservation: everything the document model says (template text and user fields) is in
 * the PDF's text, in full and in order. The model is what the layout received; the PDF's text is
 * what pdf.js reads back. Spaces and line breaks are left out of the comparison (the layout
 * chooses where lines end), and so are invisible format characters; brackets compare without
 * their direction, since a right-to-left run shows "(" as ")" (UAX #9 mirroring).
 *
 * It walks the model's blocks itself, on purpose, rather than calling src/compose/texts.ts (the
 * glyph check's walk, which looks the same): a block kind that walk forgot would then be
 * forgotten here too, and the check could not see the text it drops.
 */
import type { Block, DocModel, Inline } from "../../src/model/doc-model.js";
import type { PdfProblem } from "./pdf-check.js";

const MIRRORED: Record<string, string> = {
  ")": "(",
  "]": "[",
  "}": "{",
  ">": "<",
  "»": "«",
  "›": "‹",
  "）": "（",
  "］": "［",
  "｝": "｛",
  "〉": "〈",
  "》": "《",
  "」": "「",
  "』": "『",
  "】": "【",
  "〕": "〔",
};

/** The text as compared: no whitespace, no format characters, brackets without direction. */
export function comparable(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\p{Cf}]+/gu, "")
    .replace(/./gu, (c) => MIRRORED[c] ?? c);
}

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
      return [...(block.above ?? []), ...block.lines].map(runsText).join("");
    case "pageBreak":
      return "";
    default:
      return runsText(block.runs);
  }
}

/** Each block's text in reading order, with where it is, as compared. */
export function modelTexts(model: DocModel): { where: string; text: string }[] {
  return model.sections.flatMap((section, s) =>
    section.blocks
      .map((block, b) => ({ where: `section ${s}, block ${b} (${block.kind})`, text: comparable(blockText(block)) }))
      .filter((t) => t.text !== ""),
  );
}

/** Problems of the PDF's body text against its model: each block found after the one before. */
export function conservationProblems(bodyText: string, model: DocModel): PdfProblem[] {
  const body = comparable(bodyText);
  const problems: PdfProblem[] = [];
  let position = 0;
  for (const { where, text } of modelTexts(model)) {
    const found = body.indexOf(text, position);
    if (found < 0) {
      const near = body.indexOf(text.slice(0, 12), position);
      problems.push({
        code: "text.lost",
        detail: `${where}: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)} is not in the PDF's text after what came before${near >= 0 ? `; its start is, followed by ${JSON.stringify(body.slice(near, near + Math.min(text.length, 60)))}` : ""}`,
      });
      continue;
    }
    position = found + text.length;
  }
  return problems;
}
