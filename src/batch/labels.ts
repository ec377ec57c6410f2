/**
 * How a batch's summary names fields in its messages when its caller gives no names of its own:
 * by the columns (or JSON keys) of the batch file, which is what the person has to fix.
 */
import type { Labels } from "../messages/format.js";

/** A value as it would be written in a cell: quoted when it has spaces, line breaks as \n. */
function cell(value: string): string {
  const text = value.replace(/\n/g, "\\n");
  return /\s/.test(text) ? `"${text}"` : text;
}

export const COLUMN_LABELS: Labels = {
  field: (name) => name,
  option: (name) => name,
  setting: (field, value) => `${field} ${cell(value)}`,
  example: (_field, value) => cell(value),
};
