/**
 * Places laid-out blocks on pages: keep-with-next, keep-together, no orphan or widow rows,
 * explicit page breaks. Pure: boxes in, pages out.
 */
import type { Drawable, PageContent } from "./page-layout.js";
import { type BlockBox, type Row, shiftX, shiftY } from "./blocks.js";

export interface Frame {
  left: number;
  top: number;
  bottom: number;
}

/** A box, or an instruction to start a new page. */
export type Placeable = BlockBox | "pageBreak";

function height(rows: readonly Row[]): number {
  return rows.reduce((sum, row) => sum + row.height, 0);
}

/** The least of a box that must fit on the page where it starts. */
function leadHeight(box: BlockBox): number {
  if (box.keepTogether) return height(box.rows);
  // A box too short to leave `minRowsAtBreak` rows on both sides cannot be split at all.
  const unsplittable = box.rows.length < 2 * box.minRowsAtBreak;
  return height(unsplittable ? box.rows : box.rows.slice(0, box.minRowsAtBreak));
}

/** Room a box needs at the foot of a page: its lead, plus the lead of what it must stay with. */
function neededHeight(boxes: readonly Placeable[], index: number): number {
  const box = boxes[index];
  if (!box || box === "pageBreak") return 0;
  if (!box.keepWithNext) return leadHeight(box);
  const next = boxes[index + 1];
  if (!next || next === "pageBreak") return height(box.rows);
  return height(box.rows) + box.spaceAfter + next.spaceBefore + neededHeight(boxes, index + 1);
}

/**
 * Where to split a splittable box that does not fit: the number of rows that go on this page,
 * or 0 to move the whole box to the next page.
 */
function splitPoint(box: BlockBox, room: number): number {
  let fit = 0;
  let used = 0;
  while (fit < box.rows.length && used + box.rows[fit]!.height <= room) used += box.rows[fit++]!.height;
  const min = box.minRowsAtBreak;
  if (fit < min) return 0;
  if (box.rows.length - fit < min) fit = box.rows.length - min;
  return fit >= min ? fit : 0;
}

export function paginate(boxes: readonly Placeable[], frame: Frame): PageContent[] {
  const pages: PageContent[] = [{ items: [] }];
  let y = frame.top;
  let pageEmpty = true;

  const newPage = () => {
    pages.push({ items: [] });
    y = frame.top;
    pageEmpty = true;
  };
  const place = (rows: readonly Row[]) => {
    for (const row of rows) {
      pages.at(-1)!.items.push(...row.items.map((item): Drawable => shiftX(shiftY(item, y), frame.left)));
      y += row.height;
    }
    if (rows.length > 0) pageEmpty = false;
  };

  boxes.forEach((box, index) => {
    if (box === "pageBreak") {
      if (!pageEmpty) newPage();
      return;
    }
    // Space before a block disappears at the top of a page.
    const before = pageEmpty ? 0 : box.spaceBefore;
    if (!pageEmpty && y + before + neededHeight(boxes, index) > frame.bottom) newPage();
    y += pageEmpty ? 0 : box.spaceBefore;

    let rows = box.rows;
    while (rows.length > 0 && y + height(rows) > frame.bottom) {
      const room = frame.bottom - y;
      const fit = box.keepTogether ? 0 : splitPoint({ ...box, rows }, room);
      if (fit === 0) {
        if (pageEmpty) {
          // Taller than a whole page: split where it must rather than loop forever.
          const forced = Math.max(1, splitPoint({ ...box, rows, minRowsAtBreak: 1 }, room));
          place(rows.slice(0, forced));
          rows = rows.slice(forced);
        }
        newPage();
        continue;
      }
      place(rows.slice(0, fit));
      rows = rows.slice(fit);
      newPage();
    }
    place(rows);
    y += box.spaceAfter;
  });
  if (pages.length > 1 && pages.at(-1)!.items.length === 0) pages.pop();
  return pages;
}
