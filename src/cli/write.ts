/**
 * The command line's words for writing (the writing itself is src/write/, shared with the batch,
 * the web server and library callers): each file's status in the final message, what a run cleaned
 * up after an interrupted one, and a failed write for --json (its problems and the files kept).
 */
import { formatProblem } from "../messages/format.js";
import { show } from "../show.js";
import type { FileStatus, Recovery, WriteError } from "../write/index.js";
import { CLI_LABELS } from "./labels.js";
import { problemsAsJson, words } from "./report.js";

/** "written" or "replaced", in the user's language. */
export function statusWord(status: FileStatus, lang: string): string {
  return words(lang)[status === "replaced" ? "write.replaced" : "write.written"];
}

/** The final message's line for a file of an earlier set removed with the new one (WriteResult.retired). */
export function retiredLine(path: string, lang: string): string {
  return `${words(lang)["write.retired"]}  ${show(path)}  (${words(lang)["write.retiredWhy"]})`;
}

/** Lines (without "sim-cancel: ") saying what opening the folder put back after an interrupted run. */
export function describeRecovery(recovery: Recovery, dir: string, lang: string): string[] {
  const restored = recovery.restored.map((name) =>
    words(lang)["write.restored"].replace("{path}", show(`${dir}/${name}`)),
  );
  const left = recovery.left.map((l) =>
    formatProblem(
      { code: "write.restoreIncomplete", params: { path: `${dir}/${l.name}`, kept: `${dir}/${l.keptAs}` } },
      lang,
      CLI_LABELS,
    ),
  );
  return [...restored, ...left];
}

/** A failed write for --json: the problems as data and in words, and the files left as they were. */
export function writeFailureJson(error: WriteError, lang: string): object {
  return {
    ok: false,
    errors: error.problems.map((p) => formatProblem(p, lang, CLI_LABELS)),
    problems: problemsAsJson(error.problems, lang),
    kept: error.kept,
  };
}
