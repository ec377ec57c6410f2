/**
 * The layout's own guarantee broken: a line wider than its box, or a box outside the printable
 * area. Never bad input (every input must lay out), so a front end reports it as an internal
 * failure (the command line: exit 1) and writes nothing: a PDF that lost text is never made.
 * Problems as data: code "layout.overflow", with the document, section and block in `params`.
 */
import type { Problem } from "../problems.js";

export class LayoutError extends Error {
  override readonly name = "LayoutError";

  constructor(readonly problems: Problem[]) {
    super(problems.map(describeLayoutProblem).join("\n"));
  }
}

/** An English sentence for logs and for front ends that have no catalogue entry yet. */
export function describeLayoutProblem(problem: Problem): string {
  const p = problem.params ?? {};
  const where = [p["document"] !== undefined ? `the ${p["document"]}` : "a document", p["section"] !== undefined ? `section ${p["section"]}` : "",
    p["block"] !== undefined ? `block ${p["block"]}` : "", p["page"] !== undefined ? `page ${p["page"]}` : ""].filter(Boolean).join(", ");
  return `internal error (${problem.code}) in ${where}: ${String(p["detail"] ?? "")}; this is a bug in sim-cancel, no file was written`;
}
