/**
 * Problems in words, as the command line shows them in English: for tests that check what a person
 * reads as well as the codes.
 */
import type { Problem } from "../../src/problems.js";
import { formatProblem } from "../../src/messages/format.js";
import { CLI_LABELS } from "../../src/cli/labels.js";

export function english(problem: Problem): string {
  return formatProblem(problem, "en", CLI_LABELS);
}

/** Every problem of an error that carries problems (InputError, PackError, ...), in English. */
export function englishProblems(error: unknown): string[] {
  const problems = (error as { problems?: readonly Problem[] }).problems;
  if (!problems) throw error;
  return problems.map(english);
}
