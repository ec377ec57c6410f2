/**
 * What can go wrong when writing, as data (codes and parameters, see src/problems.ts); the words
 * are in the message catalogues (src/messages/, the "write." codes). A refusal made before
 * anything changed (a file or a folder in the way, a bad name) is the user's to fix: an
 * InputError (exit code 2 on the command line). Anything else is a failure: a FailureError (exit
 * code 1). Either way nothing was written, and `kept` lists the files at the output names that
 * were left exactly as they were.
 *
 *   write.exists          {paths}          files (or symlinks, even dangling) at output names
 *   write.earlierSet      {paths}          files of an earlier set that this set does not write
 *                                          (see WriteOptions.retire); removed only when forced
 *   write.isFolder        {path}           a folder at an output name: never replaced
 *   write.badName         {name}           a separator, a control character, the writer's own name
 *   write.notAFolder      {path}           the output folder cannot be made: a file is in the way
 *   write.notWritable     {path, reason}   the folder or a file cannot be written or set aside
 *   write.noSpace         {path}           the disk (or the quota) is full
 *   write.locked          {path, pid, host}  another run is writing into the folder
 *   write.restoreIncomplete {path, kept}   a set-aside file could not go back: kept under that name
 *   write.rollbackPending {path}           undoing stopped half-way; the next run finishes it
 *   write.failed          {path, reason}   any other system error
 */
import { FailureError, InputError } from "../errors.js";
import type { MessageCode, Problem, ProblemParams } from "../problems.js";

export type WriteProblemCode = Extract<MessageCode, `write.${string}`>;

const INPUT_PROBLEMS: ReadonlySet<string> = new Set([
  "write.exists",
  "write.earlierSet",
  "write.isFolder",
  "write.badName",
  "write.notAFolder",
]);

/** Refused before anything changed: something is in the way, or a name cannot be used. */
export class WriteRefused extends InputError {
  constructor(
    problems: readonly Problem[],
    /** Absolute paths of the files at output names, left exactly as they were. */
    readonly kept: readonly string[] = [],
  ) {
    super(problems);
    this.name = "WriteRefused";
  }
}

/** The write failed (a disk error, a full disk, a lock held): nothing was written, `kept` as they were. */
export class WriteFailed extends FailureError {
  constructor(
    problems: readonly Problem[],
    readonly kept: readonly string[] = [],
  ) {
    super(problems);
    this.name = "WriteFailed";
  }
}

export type WriteError = WriteRefused | WriteFailed;

/** The error for these problems: a refusal when each is the user's to fix, otherwise a failure. */
export function writeError(problems: readonly Problem[], kept: readonly string[] = []): WriteError {
  return problems.every((p) => INPUT_PROBLEMS.has(p.code))
    ? new WriteRefused(problems, kept)
    : new WriteFailed(problems, kept);
}

export function isWriteError(error: unknown): error is WriteError {
  return error instanceof WriteRefused || error instanceof WriteFailed;
}

export function writeProblem(code: WriteProblemCode, params: ProblemParams): Problem {
  return { code, params };
}

/** A system error (errno code) met while writing `path`, as a problem. */
export function problemOfSystemError(error: unknown, path: string): Problem {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOSPC" || code === "EDQUOT") return writeProblem("write.noSpace", { path });
  if (code === "EACCES" || code === "EPERM" || code === "EROFS")
    return writeProblem("write.notWritable", { path, reason: code });
  if (code === "ENOTDIR" || code === "EEXIST") return writeProblem("write.notAFolder", { path });
  return writeProblem("write.failed", { path, reason: code ?? (error as Error)?.message ?? String(error) });
}
