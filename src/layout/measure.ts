/**
 * Text measurement with fontkit, cached. The cache is bounded: it is cleared when full, so a long
 * batch never grows memory without limit (a lesson from pdfkit's own unbounded layout caches).
 */
import type { FontFace } from "../fonts/faces.js";

const MAX_ENTRIES = 50_000;
const widths = new Map<string, number>();

/** Advance width of `text` drawn in `face` at 1 pt. */
export function unitWidth(face: FontFace, text: string): number {
  const key = `${face.name}\u0000${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    width = face.font.layout(text).advanceWidth / face.font.unitsPerEm;
    if (widths.size >= MAX_ENTRIES) widths.clear();
    widths.set(key, width);
  }
  return width;
}
