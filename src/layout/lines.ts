/**
 * Breaks a paragraph's inline content into lines of a given width: UAX #14 break opportunities,
 * tailored by the tables in break-rules.ts, filled greedily. Each line comes out as runs of text
 * in a single face with their x offsets, plus fill-in lines to draw. No line is ever wider than
 * the width asked for: fill-in blanks wrap with their words (fills.ts), a word longer than a line
 * is cut, and right-to-left runs are set in visual order (bidi.ts).
 */
import LineBreaker from "linebreak";
import type { Inline } from "../model/doc-model.js";
import type { FontFace } from "../fonts/faces.js";
import { type FontChain, splitByFace } from "../fonts/chain.js";
import { formatCodePoint } from "../show.js";
import { GLUE, GLUED_SPACES, NO_LINE_END, NO_LINE_START } from "./break-rules.js";
import { drawnWidth, leadingOverhang, unitWidth } from "./measure.js";
import {
  embeddingLevels,
  isArabicNumber,
  isStrongRtl,
  joinsPrevious,
  mirrored,
  needsBidi,
  rtlScript,
  visualOrder,
} from "./bidi.js";
import { fillMinWidth, fillWidths } from "./fills.js";
import { lineFits } from "./guard.js";

export interface LineRun {
  x: number;
  text: string;
  face: FontFace;
  width: number;
  /** The text is the user's (see Inline): kept apart from the template's in its own runs. */
  user?: boolean;
  /** Set right to left: a run of right-to-left letters at an odd bidi level (see rtlPieces). */
  rtl?: boolean;
  /** What a reader copies, when it is not the text drawn: the typed bracket a mirrored one stands for. */
  copyAs?: string;
}

export interface LineFill {
  x: number;
  width: number;
}

export interface Line {
  runs: LineRun[];
  fills: LineFill[];
  width: number;
}

export interface LineOptions {
  size: number;
  width: number;
  fonts: FontChain;
  /** Draw everything bold (headings, titles). */
  bold?: boolean;
}

/** One character, fill-in blank or forced break, with its style. */
interface Atom {
  char: string;
  bold: boolean;
  /** From a user's value (Inline's `user`). */
  user: boolean;
  fillEm?: number;
  /** Bidi embedding level: odd is right to left; 0 throughout a line with no right-to-left text. */
  level: number;
}

const OBJECT = "\ufffc";
/** What takes no room at the end of a line: spaces (ASCII and ideographic) and forced breaks. */
const TRAILING = new Set([" ", "\u3000", "\n"]);
/** Within this many points of the limit, a line is measured as drawn rather than estimated. */
const EXACT_BELOW = 1;

function toAtoms(inlines: readonly Inline[], allBold: boolean): Atom[] {
  const atoms: Atom[] = [];
  for (const inline of inlines) {
    if (inline.kind === "text") {
      const bold = allBold || !!inline.bold;
      const user = !!inline.user;
      for (const char of inline.text) atoms.push({ char, bold, user, level: 0 });
    } else if (inline.kind === "fill") {
      atoms.push({ char: OBJECT, bold: allBold, user: false, fillEm: inline.widthEm, level: 0 });
    } else {
      atoms.push({ char: "\n", bold: allBold, user: false, level: 0 });
    }
  }
  // Levels of the whole paragraph (UAX #9 resolves them before lines are broken); the tables are
  // only built for a paragraph with right-to-left text.
  if (inlines.some((inline) => inline.kind === "text" && needsBidi(inline.text))) {
    const levels = embeddingLevels(atoms.map((atom) => atom.char).join(""));
    let offset = 0;
    for (const atom of atoms) {
      atom.level = levels[offset]!;
      offset += atom.char.length;
    }
  }
  return atoms;
}

/**
 * Indexes of atoms before which a line may break, and those before which it must.
 * `linebreak` reports positions in UTF-16 units, so atoms are mapped by their offsets.
 */
function breakOpportunities(atoms: readonly Atom[]): { allowed: Set<number>; required: Set<number> } {
  const text = atoms.map((a) => a.char).join("");
  const atomAt = new Map<number, number>();
  const offsets: number[] = [];
  let offset = 0;
  atoms.forEach((atom, index) => {
    atomAt.set(offset, index);
    offsets.push(offset);
    offset += atom.char.length;
  });
  atomAt.set(offset, atoms.length);
  const allowed = new Set<number>();
  const required = new Set<number>();
  const breaker = new LineBreaker(text);
  for (let found = breaker.nextBreak(); found; found = breaker.nextBreak()) {
    const index = atomAt.get(found.position);
    if (index === undefined || index === 0 || index >= atoms.length) continue;
    if (found.required || atoms[index - 1]!.char === "\n") {
      required.add(index);
      continue;
    }
    const before = atoms[index - 1]!.char;
    const after = atoms[index]!.char;
    if (NO_LINE_START.has(after) || NO_LINE_END.has(before) || GLUE.has(before) || GLUE.has(after)) continue;
    if (before === " " && isGluedSpace(text, offsets[index - 1]!)) continue;
    allowed.add(index);
  }
  return { allowed, required };
}

/** Whether the space at `offset` is glue by the rules of GLUED_SPACES (a short look around suffices). */
function isGluedSpace(text: string, offset: number): boolean {
  const before = text.slice(Math.max(0, offset - 12), offset);
  const after = text.slice(offset + 1, offset + 13);
  return GLUED_SPACES.some((rule) => rule.before.test(before) && rule.after.test(after));
}

/** Width of atoms drawn as runs, at `size`, summed group by group: the line breaker's estimate. */
function measureAtoms(atoms: readonly Atom[], options: LineOptions): number {
  let width = 0;
  for (const group of groupRuns(atoms)) {
    if (group.fillEm !== undefined) width += fillMinWidth(group.fillEm, options.size, options.width);
    else
      for (const run of faceRuns(group.text, group.bold, options))
        width += unitWidth(run.face, run.text, group.level % 2 === 1 ? "rtl" : "ltr") * options.size;
  }
  return width;
}

interface Group {
  text: string;
  bold: boolean;
  user: boolean;
  fillEm?: number;
  /** Bidi embedding level (0 on a line with no right-to-left text). */
  level: number;
}

/**
 * Consecutive atoms of the same weight, level and origin (the user's or the template's) merged
 * into text; each fill stays on its own.
 */
function groupRuns(atoms: readonly Atom[]): Group[] {
  const groups: Group[] = [];
  for (const atom of atoms) {
    if (atom.char === "\n") continue;
    const last = groups.at(-1);
    if (atom.fillEm !== undefined)
      groups.push({ text: "", bold: atom.bold, user: false, fillEm: atom.fillEm, level: atom.level });
    else if (
      last &&
      last.fillEm === undefined &&
      last.bold === atom.bold &&
      last.user === atom.user &&
      last.level === atom.level
    )
      last.text += atom.char;
    else groups.push({ text: atom.char, bold: atom.bold, user: atom.user, level: atom.level });
  }
  return groups;
}

function faceRuns(text: string, bold: boolean, options: LineOptions): { text: string; face: FontFace }[] {
  return splitByFace(text, bold ? options.fonts.bold : options.fonts.regular).map((run) => {
    if (!run.face) {
      // The coverage check runs before layout; reaching this is a bug, not bad input.
      throw new Error(`no font has a glyph for ${formatCodePoint(run.text.codePointAt(0)!)}`);
    }
    return { text: run.text, face: run.face };
  });
}

/** The atoms without trailing spaces and breaks, which take no room at a line's end. */
function trimEnd(atoms: readonly Atom[]): Atom[] {
  let end = atoms.length;
  while (end > 0 && TRAILING.has(atoms[end - 1]!.char)) end--;
  return end === atoms.length ? (atoms as Atom[]) : atoms.slice(0, end);
}

/** A piece of a line drawn on its own: text in one face, or a blank. */
type Piece = { level: number } & (
  | {
      text: string;
      face: FontFace;
      /** The room the piece takes: its advances, and the overhang of its first glyph (lead). */
      width: number;
      user: boolean;
      rtl: boolean;
      copyAs?: string;
      /** Room left before the glyphs for a mark that hangs out of them (see leadingOverhang). */
      lead?: number;
    }
  | { fillEm: number; width: number }
);

/**
 * Text at a right-to-left level, cut into what is drawn right: runs of strong right-to-left
 * characters with their marks, set right to left (fontkit reverses and joins them), and single
 * other characters, mirrored ("(" shows as ")"). See bidi.ts.
 */
function rtlPieces(text: string, face: FontFace, level: number, size: number, user: boolean): Piece[] {
  const texts: { text: string; rtl: boolean; script?: string; copyAs?: string }[] = [];
  let letters = false;
  for (const char of text) {
    const joins = joinsPrevious(char);
    const rtl = !joins && isStrongRtl(char);
    const last = texts.at(-1);
    const script = rtl ? rtlScript(char) : undefined;
    if (last && (joins || (rtl && letters && (!script || !last.script || script === last.script)))) {
      last.text += char;
      if (last.copyAs !== undefined) last.copyAs += char;
      last.script ??= script;
    } else if (rtl) texts.push({ text: char, rtl, ...(script ? { script } : {}) });
    else {
      // A bracket is drawn mirrored and copies as typed.
      const shown = mirrored(char);
      texts.push(shown === char ? { text: char, rtl } : { text: shown, rtl, copyAs: char });
    }
    if (!joins) letters = rtl;
  }
  return texts.map(({ text: piece, rtl, copyAs }) => {
    const lead = rtl ? leadingOverhang(face, piece) * size : 0;
    return {
      text: piece,
      rtl,
      ...(copyAs === undefined ? {} : { copyAs }),
      ...(lead > 0 ? { lead } : {}),
      face,
      level,
      user,
      width: drawnWidth(face, piece, rtl ? "rtl" : "ltr") * size + lead,
    };
  });
}

/**
 * Text at a left-to-right level inside right-to-left text (a number), cut where Arabic-Indic
 * digits (bidi class AN) begin and end: "٣،12" is drawn as "٣", "،" and "12". It looks the same;
 * it reads right. A reader such as pdf.js applies the algorithm again to each piece it reads,
 * without the line around it: in "٣،" it found an Arabic number followed by a separator ending a
 * right-to-left text, and gave "،٣". A piece of such digits alone, or of none, reads as drawn.
 */
function arabicNumberParts(text: string): string[] {
  const parts: string[] = [];
  let previous: boolean | undefined;
  for (const char of text) {
    const digit = isArabicNumber(char);
    if (digit === previous && parts.length > 0) parts[parts.length - 1] += char;
    else parts.push(char);
    previous = digit;
  }
  return parts;
}

function lineRun(
  x: number,
  piece: { text: string; face: FontFace; width: number; user: boolean; rtl?: boolean; copyAs?: string; lead?: number },
): LineRun {
  const lead = piece.lead ?? 0;
  const run: LineRun = { x: x + lead, text: piece.text, face: piece.face, width: piece.width - lead };
  if (piece.user) run.user = true;
  if (piece.rtl) run.rtl = true;
  if (piece.copyAs !== undefined) run.copyAs = piece.copyAs;
  return run;
}

/**
 * Positions the atoms of one line. Runs come out in logical order (the order a reader copies
 * them in) with their visual x; a line without right-to-left text reads and draws left to right.
 */
function placeLine(atoms: Atom[], options: LineOptions): Line {
  const groups = groupRuns(trimEnd(atoms));
  // The common line: left to right, no blank. Runs placed one after the other.
  if (!groups.some((g) => g.fillEm !== undefined || g.level > 0)) {
    const line: Line = { runs: [], fills: [], width: 0 };
    let x = 0;
    for (const group of groups) {
      for (const run of faceRuns(group.text, group.bold, options)) {
        const width = drawnWidth(run.face, run.text) * options.size;
        line.runs.push(lineRun(x, { text: run.text, face: run.face, width, user: group.user }));
        x += width;
      }
    }
    line.width = x;
    return line;
  }
  const pieces: Piece[] = [];
  for (const group of groups) {
    if (group.fillEm !== undefined) {
      pieces.push({ fillEm: group.fillEm, width: 0, level: group.level });
      continue;
    }
    for (const run of faceRuns(group.text, group.bold, options)) {
      if (group.level % 2 === 1) pieces.push(...rtlPieces(run.text, run.face, group.level, options.size, group.user));
      else
        for (const text of group.level > 0 ? arabicNumberParts(run.text) : [run.text])
          pieces.push({
            text,
            face: run.face,
            level: group.level,
            user: group.user,
            rtl: false,
            width: drawnWidth(run.face, text) * options.size,
          });
    }
  }
  const fills = fillWidths(
    pieces.map((p) => ("fillEm" in p ? { fillEm: p.fillEm } : { width: p.width })),
    options.size,
    options.width,
  );
  let fill = 0;
  for (const piece of pieces) if ("fillEm" in piece) piece.width = fills[fill++]!;

  // Visual order (UAX #9 rule L2) when the line has right-to-left text; reading order otherwise.
  const order = pieces.some((p) => p.level > 0) ? visualOrder(pieces.map((p) => p.level)) : pieces.map((_, i) => i);
  const xs = new Array<number>(pieces.length);
  let x = 0;
  for (const index of order) {
    xs[index] = x;
    x += pieces[index]!.width;
  }
  const line: Line = { runs: [], fills: [], width: x };
  pieces.forEach((piece, index) => {
    if ("fillEm" in piece) line.fills.push({ x: xs[index]!, width: piece.width });
    else line.runs.push(lineRun(xs[index]!, piece));
  });
  return line;
}

/**
 * Whether `segment` fits after `line` (of estimated width `lineWidth`). The estimate sums the
 * segments' own widths; near the limit the line is placed as it will be drawn, so a kerning pair
 * across a segment boundary can never push a line past its box.
 */
function fitsAfter(
  line: readonly Atom[],
  lineWidth: number,
  segment: readonly Atom[],
  segmentWidth: number,
  options: LineOptions,
  exact: boolean,
): boolean {
  const estimate = lineWidth + segmentWidth;
  if (!exact) {
    if (estimate > options.width) return false;
    if (estimate < options.width - EXACT_BELOW) return true;
  }
  return placeLine([...line, ...segment], options).width <= options.width;
}

/** Splits an over-long segment (a long e-mail or IBAN) wherever it must, one atom at a time. */
function forceSplit(segment: Atom[], options: LineOptions, exact: boolean): Atom[][] {
  const pieces: Atom[][] = [];
  let piece: Atom[] = [];
  for (const atom of segment) {
    if (piece.length > 0 && !fitsAfter(piece, 0, [atom], measureAtoms([...piece, atom], options), options, exact)) {
      pieces.push(piece);
      piece = [];
    }
    piece.push(atom);
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

/**
 * Paragraphs already broken into lines, by their content and options. A batch's documents, and a
 * server's, share most of their paragraphs (the templates' own sentences): each is broken once per
 * process. The lines are never changed after they are made, so they can be shared. Bounded, and
 * cleared when full, like the width cache: one pair of documents breaks some 100 paragraphs, every
 * language and situation together some 450, and a batch row adds about 9 of its own; 2,000 (about
 * 3.5 KB each) keep a render worker's heap room to spare (tests/fonts/cache-bounds.e2e.test.ts).
 */
const brokenParagraphs = new Map<string, readonly Line[]>();
export const MAX_PARAGRAPHS = 2_000;

/** Paragraphs in the cache now (for the test that fills every cache to its cap). */
export function paragraphCacheSize(): number {
  return brokenParagraphs.size;
}

/** The faces of a chain, by name: chains are made per document, their faces once per process. */
function chainKey(fonts: FontChain): string {
  return `${fonts.regular.map((face) => face.name).join(",")}|${fonts.bold.map((face) => face.name).join(",")}`;
}

function paragraphKey(inlines: readonly Inline[], options: LineOptions): string {
  let key = `${options.size}|${options.width}|${options.bold ? 1 : 0}|${chainKey(options.fonts)}`;
  for (const inline of inlines) {
    if (inline.kind === "text") key += `\u0000${inline.bold ? "b" : "t"}${inline.user ? "u" : "-"}${inline.text}`;
    else if (inline.kind === "fill") key += `\u0000f${inline.widthEm}`;
    else key += "\u0000n";
  }
  return key;
}

/** The lines of a paragraph: broken once per process for each content and width (see above). */
export function breakLines(inlines: readonly Inline[], options: LineOptions): readonly Line[] {
  const key = paragraphKey(inlines, options);
  let lines = brokenParagraphs.get(key);
  if (!lines) {
    lines = breakParagraph(inlines, options);
    if (brokenParagraphs.size >= MAX_PARAGRAPHS) brokenParagraphs.clear();
    brokenParagraphs.set(key, lines);
  }
  return lines;
}

function breakParagraph(inlines: readonly Inline[], options: LineOptions): Line[] {
  const atoms = toAtoms(inlines, !!options.bold);
  if (atoms.length === 0) return [];
  const { allowed, required } = breakOpportunities(atoms);

  const segments: Segment[] = [];
  let current: Atom[] = [];
  atoms.forEach((atom, index) => {
    if (index > 0 && (allowed.has(index) || required.has(index))) {
      segments.push({ atoms: current, forced: required.has(index) });
      current = [];
    }
    current.push(atom);
  });
  segments.push({ atoms: current, forced: false });

  const lines = fillLines(segments, options, false).map((atomsOfLine) => placeLine(atomsOfLine, options));
  if (lines.every((line) => lineFits(line.width, options.width))) return lines;
  // The estimate sums segments shaped apart; shaped together they can be wider than within
  // EXACT_BELOW of it (a right-to-left piece that spans a break opportunity, many kerned pairs
  // across hyphens or slashes). Then the paragraph is broken again, every line measured as drawn.
  return fillLines(segments, options, true).map((atomsOfLine) => placeLine(atomsOfLine, options));
}

interface Segment {
  atoms: Atom[];
  /** A line must end after it. */
  forced: boolean;
}

/**
 * The segments filled greedily into lines. Segments are measured one by one (cached), so a line
 * costs one measurement per segment and near the limit fitsAfter measures the line as drawn;
 * `exact`: every line is measured as drawn, segment after segment.
 */
function fillLines(segments: readonly Segment[], options: LineOptions, exact: boolean): Atom[][] {
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let lineWidth = 0;
  for (const segment of segments) {
    const trimmed = trimEnd(segment.atoms);
    const trimmedWidth = measureAtoms(trimmed, options);
    if (line.length > 0 && !fitsAfter(line, lineWidth, trimmed, trimmedWidth, options, exact)) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    if (line.length === 0 && !fitsAfter([], 0, trimmed, trimmedWidth, options, exact)) {
      const pieces = forceSplit(segment.atoms, options, exact);
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? [];
      lineWidth = measureAtoms(line, options);
    } else {
      line.push(...segment.atoms);
      lineWidth += trimmed.length === segment.atoms.length ? trimmedWidth : measureAtoms(segment.atoms, options);
    }
    if (segment.forced) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
  }
  if (line.length > 0) lines.push(line);
  return lines;
}
