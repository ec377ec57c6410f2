/**
 * Private-use markers that helpers write into the Markdown for things Markdown has no syntax for.
 * Validation refuses private-use characters in user input, so these only come from helpers.
 */

/** A fill-in line: FILL_OPEN, the width in em (0 = to the end of the line), FILL_CLOSE. */
export const FILL_OPEN = "\ue002";
export const FILL_CLOSE = "\ue003";
export const FILL_PATTERN = /\ue002(\d+)\ue003/g;

export function fillMarker(widthEm = 0): string {
  return `${FILL_OPEN}${Math.max(0, Math.round(widthEm))}${FILL_CLOSE}`;
}
