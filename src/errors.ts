/**
 * The pipeline's error classes. Each carries its problems as data (src/problems.ts): front ends
 * word them; the library never does. In a module of their own with no imports but a type, so code
 * that only needs to recognise an error (the CLI's report, the batch's main thread) does not load
 * the renderer, the fonts and the template engine with them.
 */
import type { Problem } from "./problems.js";

/** A developer's summary (codes and what they are about): people read the front ends' words. */
function summary(problems: readonly Problem[]): string {
  return problems
    .map((p) => [p.code, p.field ?? p.option, p.at?.file, p.at?.line].filter((x) => x !== undefined).join(" "))
    .join("; ");
}

/** Bad input: every problem found, each naming its field, option or file. Exit code 2. */
export class InputError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(summary(problems));
  }
}

/** A carrier pack or one of its templates that cannot be used (the author's input). */
export class PackError extends InputError {}

/** A template that cannot be rendered (unknown helper, missing variable), with its file and line. */
export class TemplateError extends InputError {}

/** A font file that cannot be read or used. */
export class FontError extends InputError {}

/** The tool failed (a folder it cannot write, a broken guarantee): not the user's input. Exit code 1. */
export class FailureError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(summary(problems));
  }
}

/** Problems of any error: its own, or an unexpected error's message as an internal problem. */
export function problemsOf(error: unknown): readonly Problem[] {
  if (error instanceof InputError || error instanceof FailureError) return error.problems;
  return [{ code: "internal", params: { detail: error instanceof Error ? error.message : String(error) } }];
}
