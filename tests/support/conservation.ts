/**
 * Text conservation: everything the document model says (template text and user fields) is in
 * the PDF's text, in full and in order. The model is what the layout received; the PDF's text is
 * what pdf.js reads back. Spaces and line breaks are left out of the comparison (the layout
 * chooses where lines end), and so are invisible format characters. A bracket a right-to-left
 * run shows mirrored (UAX #9: a typed "(" shows as ")") must copy as typed.
 *
 * It walks the model's blocks itself, on purpose, rather than calling src/compose/texts.ts (the
 * glyph check's walk, which looks the same): a block kind that walk forgot would then be
 * forgotten here too, and the check could not see the text it drops.
 */
import type { Block, DocModel, Inline } from "../../src/model/doc-model.js";
import type { PdfProblem } from "./pdf-check.js";

/**
 * Combining marks of right-to-left scripts (Hebrew points, Arabic vowels) are compared apart from
 * their letters. A reader places each glyph it reads by its position, and a mark that hangs before
 * the run it belongs to (a vowel under the last letter of an Arabic word, which is drawn first)
 * is read in front of the word by pdf.js (and dropped by pdftotext): the page is right, the order
 * read back is the reader's. The letters are compared in order; the marks, every one, by count.
 */
const RTL_MARK = /\p{M}/gu;
const RTL_SCRIPT = /^[\p{scx=Arabic}\p{scx=Hebrew}\p{scx=Syriac}\p{scx=Thaana}\p{scx=Nko}]$/u;

function isRtlMark(mark: string): boolean {
  return RTL_SCRIPT.test(mark);
}

/** The text as compared: no whitespace, no format characters, no right-to-left marks. */
export function comparable(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\s\p{Cf}]+/gu, "")
    .replace(RTL_MARK, (mark) => (isRtlMark(mark) ? "" : mark));
}

/** How many of each right-to-left mark the text has, as "U+05B4 x2, U+064E x1". */
function rtlMarks(text: string): string {
  const counts = new Map<string, number>();
  for (const mark of text.normalize("NFC").match(RTL_MARK) ?? [])
    if (isRtlMark(mark)) counts.set(mark, (counts.get(mark) ?? 0) + 1);
  return [...counts]
    .sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!)
    .map(([mark, n]) => `U+${mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} x${n}`)
    .join(", ");
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

/** Each block's whole text, before comparable(). */
function modelBlockTexts(model: DocModel): string[] {
  return model.sections.flatMap((section) => section.blocks.map(blockText));
}

/** Each block's text in reading order, with where it is, as compared. */
export function modelTexts(model: DocModel): { where: string; text: string }[] {
  return model.sections.flatMap((section, s) =>
    section.blocks
      .map((block, b) => ({ where: `section ${s}, block ${b} (${block.kind})`, text: comparable(blockText(block)) }))
      .filter((t) => t.text !== ""),
  );
}

/**
 * Problems of the PDF's body text against its model: each block found after the one before, and
 * every right-to-left mark there (see RTL_MARK).
 */
export function conservationProblems(bodyText: string, model: DocModel): PdfProblem[] {
  const body = comparable(bodyText);
  const problems: PdfProblem[] = [];
  const marksRead = rtlMarks(bodyText);
  const marksTyped = rtlMarks(modelBlockTexts(model).join(""));
  if (marksRead !== marksTyped)
    problems.push({
      code: "text.marksLost",
      detail: `right-to-left marks: ${marksTyped} in the model, ${marksRead} read`,
    });
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
