/**
 * How the command line ends: exit codes and error reports, shared by every command.
 * Exit codes: 0 done, 1 the tool failed, 2 bad input. Problems are worded here, in the user's
 * language, with the flags as labels (see labels.ts).
 */
import { InputError, problemsOf } from "../errors.js";
import type { Problem } from "../problems.js";
import { CATALOGUES, resolveMessageLang } from "../messages/catalogue.js";
import { formatProblem, type Labels } from "../messages/format.js";
import { CLI_LABELS } from "./labels.js";

export const EXIT_RUNTIME = 1;
export const EXIT_INPUT = 2;

export function words(lang: string) {
  return CATALOGUES[resolveMessageLang(lang)].words;
}

/** Problems as data plus their words, for --json. */
export function problemsAsJson(problems: readonly Problem[], lang: string, labels: Labels = CLI_LABELS): object[] {
  return problems.map((problem) => ({ ...problem, message: formatProblem(problem, lang, labels) }));
}

/**
 * Prints what went wrong, in `lang` (as JSON with --json), and returns the exit code. A cancelled
 * prompt and every InputError (details, options, a pack or template, a font) are bad input.
 */
export function reportFailure(error: unknown, json: boolean, lang: string, labels: Labels = CLI_LABELS): number {
  const cancelled = error instanceof Error && error.name === "ExitPromptError";
  const input = cancelled || error instanceof InputError;
  const problems: readonly Problem[] = cancelled ? [] : problemsOf(error);
  const w = words(lang);
  const lines = cancelled ? [w["cli.cancelled"]] : problems.map((problem) => formatProblem(problem, lang, labels));
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ ok: false, errors: lines, problems: problemsAsJson(problems, lang, labels) }, null, 2)}\n`,
    );
  } else {
    process.stderr.write(
      `sim-cancel: ${input ? w["cli.cannotMake"] : w["cli.failed"]}:\n${lines.map((line) => `  - ${line}`).join("\n")}\n`,
    );
  }
  return input ? EXIT_INPUT : EXIT_RUNTIME;
}

export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
