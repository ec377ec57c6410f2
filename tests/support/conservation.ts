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
 * their letters. A reader places each glyph it reads by its position, and a mark drawn first in
 * its run (a vowel on the last letter of an Arabic word, or on the lam of a word-final lam-alef)
 * is read in front of the word by pdf.js (pdftotext drops them): the page is right, the order
 * read back is the reader's. So the letters are compared in order, and the marks
 * block by block: every mark of a block must be read between the end of the block before and the
 * end of this one, and none other. Where in its block a mark is read is not checked.
 */
const MARK = /\p{M}/gu;
const RTL_SCRIPT = /^[\p{scx=Arabic}\p{scx=Hebrew}\p{scx=Syriac}\p{scx=Thaana}\p{scx=Nko}]$/u;

function isRtlMark(char: string): boolean {
  return /^\p{M}$/u.test(char) && RTL_SCRIPT.test(char);
}

/** The text with marks, as compared: no whitespace, no format characters. */
function withMarks(text: string): string {
  return text.normalize("NFC").replace(/[\s\p{Cf}]+/gu, "");
}

/** The text as compared: no whitespace, no format characters, no right-to-left marks. */
export function comparable(text: string): string {
  return withMarks(text).replace(MARK, (mark) => (isRtlMark(mark) ? "" : mark));
}

/** The right-to-left marks of a text (already withMarks), counted. */
function markCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mark of text.match(MARK) ?? []) if (isRtlMark(mark)) counts.set(mark, (counts.get(mark) ?? 0) + 1);
  return counts;
}

/** Mark counts as "U+05B4 x2, U+064E x1". */
function shownMarks(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .sort(([a], [b]) => a.codePointAt(0)! - b.codePointAt(0)!)
    .map(([mark, n]) => `U+${mark.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} x${n}`)
    .join(", ");
}

/**
 * The body read back, as compared (`text`: comparable()), and for each of its UTF-16 units where
 * it is in the body with marks (`full`), so a block's span can be found there.
 */
function indexedBody(bodyText: string): { text: string; full: string; at: number[] } {
  const full = withMarks(bodyText);
  let text = "";
  const at: number[] = [];
  for (let i = 0; i < full.length; ) {
    const char = String.fromCodePoint(full.codePointAt(i)!);
    if (!isRtlMark(char)) {
      text += char;
      for (let k = 0; k < char.length; k++) at.push(i + k);
    }
    i += char.length;
  }
  return { text, full, at };
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

/** Each block's text in reading order, with where it is, as compared, and its marks. */
export function modelTexts(model: DocModel): { where: string; text: string; marks: Map<string, number> }[] {
  return model.sections.flatMap((section, s) =>
    section.blocks
      .map((block, b) => {
        const whole = withMarks(blockText(block));
        return { where: `section ${s}, block ${b} (${block.kind})`, text: comparable(whole), marks: markCounts(whole) };
      })
      .filter((t) => t.text !== ""),
  );
}

/**
 * Problems of the PDF's body text against its model: each block found after the one before, and
 * its right-to-left marks read within its span (see isRtlMark).
 */
export function conservationProblems(bodyText: string, model: DocModel): PdfProblem[] {
  const body = indexedBody(bodyText);
  const problems: PdfProblem[] = [];
  let position = 0;
  // Where the last block found ends in the body with marks.
  let spanStart = 0;
  for (const { where, text, marks } of modelTexts(model)) {
    const found = body.text.indexOf(text, position);
    if (found < 0) {
      const near = body.text.indexOf(text.slice(0, 12), position);
      problems.push({
        code: "text.lost",
        detail: `${where}: ${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text)} is not in the PDF's text after what came before${near >= 0 ? `; its start is, followed by ${JSON.stringify(body.text.slice(near, near + Math.min(text.length, 60)))}` : ""}`,
      });
      continue;
    }
    position = found + text.length;
    // The block's span: from the block before's end to its last letter, and after it the marks
    // the block still lacks (the rest may be the next block's, read in front of its first word).
    let spanEnd = body.at[position - 1]! + 1;
    const read = markCounts(body.full.slice(spanStart, spanEnd));
    for (let next = String.fromCodePoint(body.full.codePointAt(spanEnd) ?? 0x20); isRtlMark(next); ) {
      if ((read.get(next) ?? 0) >= (marks.get(next) ?? 0)) break;
      read.set(next, (read.get(next) ?? 0) + 1);
      spanEnd += next.length;
      next = String.fromCodePoint(body.full.codePointAt(spanEnd) ?? 0x20);
    }
    if (shownMarks(read) !== shownMarks(marks))
      problems.push({
        code: "text.marksLost",
        detail: `${where}: right-to-left marks ${shownMarks(marks) || "none"} in the model, ${shownMarks(read) || "none"} read`,
      });
    spanStart = spanEnd;
  }
  const after = markCounts(body.full.slice(spanStart));
  if (after.size > 0)
    problems.push({
      code: "text.marksLost",
      detail: `right-to-left marks ${shownMarks(after)} read after the last block`,
    });
  return problems;
}
