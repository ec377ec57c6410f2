/**
 * Fill-in blanks inside a line of text ("demeurant ________, titulaire de ..."). A blank is a
 * minimum width that wraps with the words around it: the line breaker counts it at that width, so
 * a blank that does not fit moves to the next line; a blank of width 0 ("to the end of the line")
 * then takes only what the rest of its line leaves, never the room of the words after it.
 */

/** A blank narrower than this is pushed to the next line rather than squeezed. */
export const MIN_FILL_EM = 4;
/**
 * A blank that stretches to the end of its line takes at least this much: room to write an
 * address by hand, not a stub squeezed in before the words that follow it.
 */
export const MIN_STRETCH_EM = 10;

/** The room a blank takes when lines are broken: its nominal width, never more than a whole line. */
export function fillMinWidth(widthEm: number, size: number, lineWidth: number): number {
  return Math.min((widthEm > 0 ? Math.max(widthEm, MIN_FILL_EM) : MIN_STRETCH_EM) * size, lineWidth);
}

/** A piece of a line in logical order: text of a known width, or a blank of `fillEm` em (0 stretches). */
export type LinePiece = { width: number } | { fillEm: number };

/**
 * The widths the blanks of one line are drawn at, in order. Blanks of a given width keep it; those
 * that stretch share what the line leaves once everything else is counted at its breaking width.
 */
export function fillWidths(pieces: readonly LinePiece[], size: number, lineWidth: number): number[] {
  let fixed = 0;
  let stretching = 0;
  for (const piece of pieces) {
    if ("width" in piece) fixed += piece.width;
    else if (piece.fillEm > 0) fixed += fillMinWidth(piece.fillEm, size, lineWidth);
    else stretching++;
  }
  const share = stretching > 0 ? (lineWidth - fixed) / stretching : 0;
  return pieces.flatMap((piece) => {
    if ("width" in piece) return [];
    if (piece.fillEm > 0) return [fillMinWidth(piece.fillEm, size, lineWidth)];
    return [Math.max(share, fillMinWidth(0, size, lineWidth))];
  });
}
