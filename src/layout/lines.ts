/**
 * Breaks a paragraph's inline content into lines of a given width: UAX #14 break opportunities,
 * tailored by the tables in break-rules.ts, filled greedily. Each line comes out as runs of text
 * in a single face with their x offsets, plus fill-in lines to draw.
 */
import LineBreaker from "linebreak";
import type { Inline } from "../model/doc-model.js";
import type { FontFace } from "../fonts/faces.js";
import { type FontChain, splitByFace } from "../fonts/chain.js";
import { formatCodePoint } from "../fonts/coverage.js";
import { GLUE, GLUED_SPACES, NO_LINE_END, NO_LINE_START } from "./break-rules.js";
import { drawnWidth, unitWidth } from "./measure.js";

export interface LineRun {
  x: number;
  text: string;
  face: FontFace;
  width: number;
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
  fillEm?: number;
}

const OBJECT = "\ufffc";
const SPACE = /^[ \u3000]$/;
/** A fill-in line narrower than this is pushed to the next line rather than squeezed. */
const MIN_FILL_EM = 4;

function toAtoms(inlines: readonly Inline[], allBold: boolean): Atom[] {
  const atoms: Atom[] = [];
  for (const inline of inlines) {
    if (inline.kind === "text") {
      for (const char of inline.text) atoms.push({ char, bold: allBold || !!inline.bold });
    } else if (inline.kind === "fill") {
      atoms.push({ char: OBJECT, bold: allBold, fillEm: inline.widthEm });
    } else {
      atoms.push({ char: "\n", bold: allBold });
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

/** Width of atoms drawn as runs, at `size`. Fill atoms count their nominal width. */
function measureAtoms(atoms: readonly Atom[], options: LineOptions): number {
  let width = 0;
  for (const group of groupRuns(atoms)) {
    if (group.fillEm !== undefined) width += Math.max(group.fillEm, MIN_FILL_EM) * options.size;
    else for (const run of faceRuns(group.text, group.bold, options)) width += unitWidth(run.face, run.text) * options.size;
  }
  return width;
}

/** Consecutive atoms of the same weight merged into text; each fill stays on its own. */
function groupRuns(atoms: readonly Atom[]): { text: string; bold: boolean; fillEm?: number }[] {
  const groups: { text: string; bold: boolean; fillEm?: number }[] = [];
  for (const atom of atoms) {
    if (atom.char === "\n") continue;
    const last = groups.at(-1);
    if (atom.fillEm !== undefined) groups.push({ text: "", bold: atom.bold, fillEm: atom.fillEm });
    else if (last && last.fillEm === undefined && last.bold === atom.bold) last.text += atom.char;
    else groups.push({ text: atom.char, bold: atom.bold });
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
  while (end > 0 && (SPACE.test(atoms[end - 1]!.char) || atoms[end - 1]!.char === "\n")) end--;
  return atoms.slice(0, end);
}

/** Positions the atoms of one line. */
function placeLine(atoms: Atom[], options: LineOptions): Line {
  const line: Line = { runs: [], fills: [], width: 0 };
  let x = 0;
  for (const group of groupRuns(trimEnd(atoms))) {
    if (group.fillEm !== undefined) {
      // A fill of width 0 stretches to the end of the line: "write here" until the margin.
      const nominal = Math.max(group.fillEm, MIN_FILL_EM) * options.size;
      const width = group.fillEm <= 0 ? Math.max(nominal, options.width - x) : Math.min(nominal, options.width - x);
      line.fills.push({ x, width });
      x += width;
      continue;
    }
    for (const run of faceRuns(group.text, group.bold, options)) {
      const width = drawnWidth(run.face, run.text) * options.size;
      line.runs.push({ x, text: run.text, face: run.face, width });
      x += width;
    }
  }
  line.width = x;
  return line;
}

/** Splits an over-long segment (a long e-mail or IBAN) wherever it must, one atom at a time. */
function forceSplit(segment: Atom[], options: LineOptions): Atom[][] {
  const pieces: Atom[][] = [];
  let piece: Atom[] = [];
  for (const atom of segment) {
    if (piece.length > 0 && measureAtoms([...piece, atom], options) > options.width) {
      pieces.push(piece);
      piece = [];
    }
    piece.push(atom);
  }
  if (piece.length > 0) pieces.push(piece);
  return pieces;
}

export function breakLines(inlines: readonly Inline[], options: LineOptions): Line[] {
  const atoms = toAtoms(inlines, !!options.bold);
  if (atoms.length === 0) return [];
  const { allowed, required } = breakOpportunities(atoms);

  const segments: { atoms: Atom[]; forced: boolean }[] = [];
  let current: Atom[] = [];
  atoms.forEach((atom, index) => {
    if (index > 0 && (allowed.has(index) || required.has(index))) {
      segments.push({ atoms: current, forced: required.has(index) });
      current = [];
    }
    current.push(atom);
  });
  segments.push({ atoms: current, forced: false });

  // Segments are measured one by one (cached), so a line costs one measurement per segment;
  // kerning across a segment boundary is ignored, which only ever errs by a hair.
  const lines: Atom[][] = [];
  let line: Atom[] = [];
  let lineWidth = 0;
  for (const segment of segments) {
    const trimmed = trimEnd(segment.atoms);
    const trimmedWidth = measureAtoms(trimmed, options);
    if (line.length > 0 && lineWidth + trimmedWidth > options.width) {
      lines.push(line);
      line = [];
      lineWidth = 0;
    }
    if (line.length === 0 && trimmedWidth > options.width) {
      const pieces = forceSplit(segment.atoms, options);
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
  return lines.map((atomsOfLine) => placeLine(atomsOfLine, options));
}
