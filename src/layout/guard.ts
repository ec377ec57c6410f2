/**
 * The layout's guard: every line within its box, every drawn thing within its area. The line
 * breaker and the paginator are built so that this never fails; if it ever does, the document
 * stops here with a LayoutError instead of reaching the PDF with text cut off or drawn over.
 */
import type { Problem } from "../problems.js";
import type { Drawable } from "./page-layout.js";
import { LayoutError } from "./errors.js";

/** Rounding slack, in points: far below anything visible. */
const EPSILON = 0.01;

/** Where a checked piece came from, for the error. */
export interface LayoutSource {
  /** The document's name ("letter"). */
  document?: string;
  section?: number;
  block?: number;
  page?: number;
}

export interface Area {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function overflow(source: LayoutSource, detail: string): never {
  const params: Record<string, string | number> = { document: source.document ?? "document" };
  for (const [key, value] of Object.entries(source)) if (value !== undefined) params[key] = value;
  params["detail"] = detail;
  // A header or footer has a page and no block.
  const problem: Problem = {
    code: source.block === undefined && source.page !== undefined ? "layout.furnitureOverflow" : "layout.overflow",
    params,
  };
  throw new LayoutError([problem]);
}

/** Whether a line `width` wide fits a box `boxWidth` wide: what checkLineWidth demands. */
export function lineFits(width: number, boxWidth: number): boolean {
  return width <= boxWidth + EPSILON;
}

/** A line of text must fit its box. */
export function checkLineWidth(width: number, boxWidth: number, source: LayoutSource): void {
  if (!lineFits(width, boxWidth))
    overflow(source, `a line ${width.toFixed(2)} pt wide in a box ${boxWidth.toFixed(2)} pt wide`);
}

/**
 * The extent of a drawable: text by its advance and its em box (the ideographic em box, 0.88 em
 * above the baseline and 0.12 em below), shapes by their geometry.
 */
export function extent(item: Drawable): Area {
  switch (item.kind) {
    case "text":
      return {
        left: item.x,
        right: item.x + item.width,
        top: item.y - 0.88 * item.size,
        bottom: item.y + 0.12 * item.size,
      };
    case "rect":
      return { left: item.x, right: item.x + item.width, top: item.y, bottom: item.y + item.height };
    case "line":
      return {
        left: Math.min(item.x1, item.x2),
        right: Math.max(item.x1, item.x2),
        top: Math.min(item.y1, item.y2),
        bottom: Math.max(item.y1, item.y2),
      };
  }
}

/** Every item must lie inside `area`. */
export function checkInside(items: readonly Drawable[], area: Area, source: LayoutSource): void {
  const left = area.left - EPSILON;
  const right = area.right + EPSILON;
  const top = area.top - EPSILON;
  const bottom = area.bottom + EPSILON;
  for (const item of items) {
    // Inline rather than through extent(): this runs on every drawable of every page.
    const inside =
      item.kind === "text"
        ? item.x >= left &&
          item.x + item.width <= right &&
          item.y - 0.88 * item.size >= top &&
          item.y + 0.12 * item.size <= bottom
        : item.kind === "rect"
          ? item.x >= left && item.x + item.width <= right && item.y >= top && item.y + item.height <= bottom
          : Math.min(item.x1, item.x2) >= left &&
            Math.max(item.x1, item.x2) <= right &&
            Math.min(item.y1, item.y2) >= top &&
            Math.max(item.y1, item.y2) <= bottom;
    if (inside) continue;
    const box = extent(item);
    // The text itself is not quoted: it may be the user's, and messages never echo it raw.
    const what = item.kind === "text" ? `a text of ${[...item.text].length} characters` : `a ${item.kind}`;
    overflow(
      source,
      `${what} at x ${box.left.toFixed(2)}–${box.right.toFixed(2)}, y ${box.top.toFixed(2)}–${box.bottom.toFixed(2)} leaves the area x ${area.left.toFixed(2)}–${area.right.toFixed(2)}, y ${area.top.toFixed(2)}–${area.bottom.toFixed(2)}`,
    );
  }
}
