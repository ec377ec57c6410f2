/**
 * How the command line ends: exit codes and error reports, shared by every command.
 * Exit codes: 0 done, 1 runtime failure, 2 bad input.
 */
import { InputError, PackError, TemplateError, TemplateMarkupError } from "../errors.js";
import { WriteError } from "./write.js";

export const EXIT_RUNTIME = 1;
export const EXIT_INPUT = 2;

/** Prints what went wrong (as JSON with --json) and returns the exit code. */
export function reportFailure(error: unknown, json: boolean): number {
  const cancelled = error instanceof Error && error.name === "ExitPromptError";
  // A broken pack or template is the user's input too (--pack, --templates): fix it and run again.
  const input = cancelled || error instanceof InputError || error instanceof PackError || error instanceof TemplateError ||
    error instanceof TemplateMarkupError || (error instanceof WriteError && error.isInputProblem);
  const problems = error instanceof InputError || error instanceof PackError ? error.problems : [cancelled ? "cancelled; nothing was written" : (error as Error)?.message ?? String(error)];
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: false, errors: problems }, null, 2)}\n`);
  } else {
    process.stderr.write(`sim-cancel: ${input ? "cannot make the documents" : "failed"}:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
  }
  return input ? EXIT_INPUT : EXIT_RUNTIME;
}

export function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}
