/**
 * The layout's own guarantee broken: a line wider than its box, or a box outside the printable
 * area. Never bad input (every input must lay out), so it is a FailureError: the command line
 * says the tool failed (exit code 1) and writes nothing; a PDF that lost text is never made.
 * Problems as data: "layout.overflow" (params: document, section, block, detail) or
 * "layout.furnitureOverflow" for a header or footer (document, page, detail).
 */
import { FailureError } from "../errors.js";

export class LayoutError extends FailureError {
  override readonly name = "LayoutError";
}
