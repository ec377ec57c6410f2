/**
 * Pass 1: reads every row and validates it, keeping only the counts and the problems, so the
 * user sees every bad row (with its row and line numbers) before anything is rendered.
 */
import { Worker } from "node:worker_threads";
import { validateDetails } from "../details/index.js";
import type { Problem } from "../problems.js";
import { show } from "../show.js";
import { FailureError, InputError } from "../errors.js";
import { BUILD_ID, CHECK_WORKER, IN_BUNDLE, LAUNCHER, WORKER_ROLES } from "../paths.js";
import { readRows, type SourceRow } from "./rows.js";
import { withDefaults } from "./defaults.js";
import type { DetailsInput } from "../details/index.js";

export interface RowReport {
  row: number;
  line?: number;
  /** The name as written in the file, when it is text (shown escaped: see show.ts). */
  name?: string;
  /** Each problem, naming its field, placed at the row. */
  problems: readonly Problem[];
}

export interface CheckResult {
  /** Data rows in the file. */
  rows: number;
  /** Rows that can be rendered. */
  valid: number;
  /** Every invalid row, in file order. */
  invalid: RowReport[];
}

export interface CheckOptions {
  /** Today's date (YYYY-MM-DD), the default letter date. */
  today: string;
  /** Details every row gets unless it gives its own (see defaults.ts). */
  defaults?: DetailsInput;
}

/** The name as written, for reports: only text, on one line, not endless, and shown escaped. */
export function rawName(row: SourceRow): string | undefined {
  const name = row.input?.name;
  if (typeof name !== "string" && typeof name !== "number") return undefined;
  const text = String(name).replace(/\s+/g, " ").trim();
  return text === "" ? undefined : show([...text].slice(0, 80).join(""));
}

/** A row's problems: its shape's, then its values' (in field order); empty when it can be rendered. */
export function rowProblems(row: SourceRow, options: CheckOptions, file: string): Problem[] {
  if (!row.input) return row.problems;
  const result = validateDetails(withDefaults(row.input, options.defaults), { today: options.today });
  if (result.ok) return row.problems;
  const at = { file, row: row.row, ...(row.line !== undefined ? { line: row.line } : {}) };
  return [...row.problems, ...result.problems.map((problem) => ({ ...problem, at }))];
}

export async function checkRows(file: string, options: CheckOptions): Promise<CheckResult> {
  const result: CheckResult = { rows: 0, valid: 0, invalid: [] };
  for await (const row of readRows(file)) {
    result.rows = row.row;
    const problems = rowProblems(row, options, file);
    if (problems.length === 0) result.valid++;
    else
      result.invalid.push({
        row: row.row,
        ...(row.line !== undefined ? { line: row.line } : {}),
        ...optionalName(row),
        problems,
      });
  }
  return result;
}

export function optionalName(row: SourceRow): { name?: string } {
  const name = rawName(row);
  return name === undefined ? {} : { name };
}

/** checkRows in a worker with a small heap (see check-worker.ts); same result, same errors. */
export function checkRowsInWorker(file: string, options: CheckOptions): Promise<CheckResult> {
  return new Promise((resolve, reject) => {
    // From the command line's bundle, the worker runs the bundle with its code cache (see
    // src/cli/bin.ts): it starts in a fraction of the time the separate modules took.
    const worker = new Worker(IN_BUNDLE ? LAUNCHER : CHECK_WORKER, {
      workerData: { file, options, ...(IN_BUNDLE ? { role: WORKER_ROLES.check, build: BUILD_ID } : {}) },
      resourceLimits: { maxOldGenerationSizeMb: 64, maxYoungGenerationSizeMb: 8 },
    });
    let settled = false;
    worker.once(
      "message",
      (reply: { ok: true; result: CheckResult } | { ok: false; input: boolean; problems: Problem[] }) => {
        settled = true;
        if (reply.ok) resolve(reply.result);
        else reject(reply.input ? new InputError(reply.problems) : new FailureError(reply.problems));
        void worker.terminate();
      },
    );
    worker.once("error", (error) => {
      if (!settled) reject(error);
      settled = true;
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`the validation worker exited (code ${code})`));
      settled = true;
    });
  });
}
