/**
 * Places laid-out blocks on pages. Every row (a line, mostly) is placed, always: the rules (keep
 * with next, keep together, no single line left behind) only choose where a page ends, among the
 * row boundaries of the page being filled, and give way when nothing else fits. Pure: boxes in,
 * pages out.
 */
import type { Drawable, PageContent } from "./page-layout.js";
import { type BlockBox, type Row, shiftX, shiftY } from "./blocks.js";
import { checkInside } from "./guard.js";

export interface Frame {
  left: number;
  /** Right edge of the text area (for the guard). */
  right: number;
  top: number;
  bottom: number;
}

/** A box, or an instruction to start a new page. */
export type Placeable = BlockBox | "pageBreak";

/** How much a page break before a row is disliked; the paginator breaks where it is least. */
const FINE = 0;
/** It leaves a single line (or table row) of a block on a page. */
const LONELY = 1;
/** It splits what should stay together: a heading from what follows, a kept-together block. */
const SPLITS_KEPT = 2;

/** One row of one box, in reading order. */
interface Entry {
  box: BlockBox;
  /** The box's index among the boxes given (for the guard's errors). */
  boxIndex: number;
  row: number;
  /** Space above it when it is not the first on its page: the gaps between boxes before it. */
  gap: number;
  /** A page must end before it (an explicit page break). */
  forced: boolean;
  /** Dislike of a page break just before it. */
  penalty: number;
}

function height(rows: readonly Row[]): number {
  return rows.reduce((sum, row) => sum + row.height, 0);
}

/** What the penalties of a box's inner boundaries depend on, worked out once per box. */
interface BoxShape {
  /** The unit (row, or group of rows) of each row. */
  unit: number[];
  /** Units that start before each row (index 0 .. rows). */
  unitsBefore: number[];
  units: number;
  fitsPage: boolean;
  /** Height and row count of each group. */
  groups: Map<number, { height: number; rows: number }>;
}

function shape(box: BlockBox, pageHeight: number): BoxShape {
  const unit = box.groups ?? box.rows.map((_, index) => index);
  const unitsBefore = [0];
  const groups = new Map<number, { height: number; rows: number }>();
  box.rows.forEach((row, i) => {
    unitsBefore.push(unitsBefore[i]! + (i === 0 || unit[i] !== unit[i - 1] ? 1 : 0));
    const group = groups.get(unit[i]!) ?? { height: 0, rows: 0 };
    group.height += row.height;
    group.rows++;
    groups.set(unit[i]!, group);
  });
  return { unit, unitsBefore, units: unitsBefore.at(-1)!, fitsPage: height(box.rows) <= pageHeight, groups };
}

/** Dislike of a break between rows `row - 1` and `row` of a box. */
function innerPenalty(box: BlockBox, row: number, s: BoxShape, pageHeight: number, rowInGroup: number): number {
  if (s.unit[row] === s.unit[row - 1]) {
    // Inside a group (a table row's lines): apart only when the group is taller than a page.
    const group = s.groups.get(s.unit[row]!)!;
    if (group.height <= pageHeight) return SPLITS_KEPT;
    return Math.min(rowInGroup, group.rows - rowInGroup) < 2 ? LONELY : FINE;
  }
  if (box.keepTogether && s.fitsPage) return SPLITS_KEPT;
  const before = s.unitsBefore[row]!;
  const after = s.units - before;
  // A kept-together block taller than a page splits like a paragraph: no single line left behind.
  const min = box.keepTogether ? Math.max(2, box.minRowsAtBreak) : box.minRowsAtBreak;
  return before < min || after < min ? LONELY : FINE;
}

function entries(boxes: readonly Placeable[], pageHeight: number): Entry[] {
  const list: Entry[] = [];
  let gap = 0;
  let forced = false;
  let previous: BlockBox | undefined;
  boxes.forEach((box, boxIndex) => {
    if (box === "pageBreak") {
      forced = true;
      return;
    }
    gap += box.spaceBefore;
    const s = shape(box, pageHeight);
    let rowInGroup = 0;
    box.rows.forEach((_, row) => {
      const first = row === 0;
      rowInGroup = first || s.unit[row] !== s.unit[row - 1] ? 0 : rowInGroup + 1;
      list.push({
        box,
        boxIndex,
        row,
        gap: first ? gap : 0,
        forced: first && forced,
        penalty: first
          ? previous?.keepWithNext
            ? SPLITS_KEPT
            : FINE
          : innerPenalty(box, row, s, pageHeight, rowInGroup),
      });
    });
    if (box.rows.length > 0) {
      gap = 0;
      forced = false;
      previous = box;
    }
    gap += box.spaceAfter;
  });
  return list;
}

/** A framed box continued from the page before starts its part with the frame's padding. */
function continuedPad(entry: Entry): number {
  return entry.row > 0 && entry.box.frame ? entry.box.frame.padding : 0;
}

/** Room a row needs below it if the page ends after it inside a framed box: the frame's padding. */
function pendingPad(entry: Entry): number {
  return entry.box.frame && entry.row < entry.box.rows.length - 1 ? entry.box.frame.padding : 0;
}

/** Where the page starting at entry `start` ends: the index of the first entry of the next page. */
function pageEnd(list: readonly Entry[], start: number, frame: Frame): number {
  let y = frame.top + continuedPad(list[start]!);
  let end = start;
  while (end < list.length) {
    const entry = list[end]!;
    if (end > start && entry.forced) return end;
    const gap = end > start ? entry.gap : 0;
    // The first row of a page is placed whatever its height: a page can never stay empty.
    if (end > start && y + gap + entry.box.rows[entry.row]!.height + pendingPad(entry) > frame.bottom) break;
    y += gap + entry.box.rows[entry.row]!.height;
    end++;
  }
  if (end === list.length) return end;
  // The page is full before entry `end`: break at the least disliked boundary, the latest of equals.
  let best = end;
  for (let candidate = end - 1; candidate > start; candidate--) {
    if (list[candidate]!.penalty < list[best]!.penalty) best = candidate;
  }
  return best;
}

/** Places entries [start, end) on a page: each box's part with its frame, its items in drawing order. */
function placePage(list: readonly Entry[], start: number, end: number, frame: Frame): Drawable[] {
  const items: Drawable[] = [];
  let y = frame.top + continuedPad(list[start]!);
  let index = start;
  while (index < end) {
    const box = list[index]!.box;
    if (index > start) y += list[index]!.gap;
    const top = y - continuedPad(list[index]!);
    const placed: Drawable[] = [];
    const ordered = box.rows.some((row) => row.order);
    const part: { item: Drawable; order: number }[] = [];
    for (; index < end && list[index]!.box === box; index++) {
      const row = box.rows[list[index]!.row]!;
      for (let i = 0; i < row.items.length; i++) {
        const item = shiftX(shiftY(row.items[i]!, y), frame.left);
        if (ordered) part.push({ item, order: row.order?.[i] ?? part.length });
        else placed.push(item);
      }
      y += row.height;
    }
    if (ordered) placed.push(...part.sort((a, b) => a.order - b.order).map((p) => p.item));
    const last = list[index - 1]!;
    const bottom = y + pendingPad(last);
    const source = { ...box.source, block: box.source?.block ?? last.boxIndex };
    // A box's part must end on its page (only a single row taller than a page could not).
    checkInside([{ kind: "rect", x: frame.left, y: top, width: 0, height: bottom - top, lineWidth: 0 }], frame, source);
    if (box.frame)
      placed.unshift({
        kind: "rect",
        x: frame.left,
        y: top,
        width: box.frame.width,
        height: bottom - top,
        lineWidth: box.frame.lineWidth,
      });
    checkInside(placed, frame, source);
    items.push(...placed);
  }
  return items;
}

export function paginate(boxes: readonly Placeable[], frame: Frame): PageContent[] {
  const list = entries(boxes, frame.bottom - frame.top);
  const pages: PageContent[] = [];
  for (let start = 0; start < list.length; ) {
    const end = pageEnd(list, start, frame);
    pages.push({ items: placePage(list, start, end, frame) });
    start = end;
  }
  if (pages.length === 0) pages.push({ items: [] });
  return pages;
}
