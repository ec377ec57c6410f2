/**
 * A whole batch as a library call: check the options, lock the output folder (one batch at a
 * time per folder; what a killed run left there is cleaned up), pass 1 (validate every row),
 * pass 2 (stream the rows again; a row whose folder already holds its documents is kept, the
 * others are rendered on the worker pool, a bounded number in flight), then the summary file.
 * Stopping (options.signal) starts no new row, lets the rows in flight finish, and still writes
 * the summary, the rows not reached marked "pending": the same call again finishes the work.
 * Nothing is printed here: progress goes to `onProgress`.
 */
import { lstat } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { DetailsInput } from "../details/index.js";
import type { GenerateOptions } from "../generate.js";
import type { Paper } from "../layout/index.js";
import type { Problem } from "../problems.js";
import { formatProblem, type Labels } from "../messages/format.js";
import { isUnchanged, openFolder, readManifest, WriteRefused, type Recovery } from "../write/index.js";
import { COLUMN_LABELS } from "./labels.js";
import { checkRowsInWorker, optionalName, type RowReport } from "./check.js";
import { withDefaults } from "./defaults.js";
import { primaryFontFiles } from "../fonts/bundled.js";
import { checkOptions } from "./options.js";
import { defaultPoolSize, RenderPool } from "./pool.js";
import type { RenderReply } from "./protocol.js";
import { checkBatchFile, readRows, type SourceRow } from "./rows.js";
import { rowPlace } from "./source-row.js";
import { cleanUpRowFolder, rowKey } from "./row-folder.js";
import { rowFolderName, rowNumberWidth } from "./slug.js";
import { SummaryWriter, summaryFileName, type SummaryEntry, type SummaryFormat } from "./summary.js";

export interface BatchOptions {
  /** Output folder: one sub-folder per row, and the summary file. */
  out: string;
  /** Replace row folders that hold something other than the row's documents, and any summary. */
  force?: boolean;
  summary?: SummaryFormat;
  lang?: string;
  letterLang?: string;
  translation?: boolean;
  paper?: Paper;
  fonts?: string[];
  packDir?: string;
  /** Details for every row that does not give its own (the letter's date, the plan...). */
  defaults?: DetailsInput;
  /** Today (YYYY-MM-DD), the default letter date; default: today in Nouméa. */
  today?: string;
  /** The PDFs' dates (e.g. from SOURCE_DATE_EPOCH). */
  timestamp?: Date;
  /** Render workers (default: one per core, at most one per row). */
  workers?: number;
  /** Stops the batch cleanly: no new row starts, rows in flight finish, the summary is written. */
  signal?: AbortSignal;
  /** How long to wait for another run writing into `out` (default 0: report it at once). */
  lockWaitMs?: number;
  /** How the summary file names fields and options in its messages (default: by column name). */
  summaryLabels?: Labels;
}

export type BatchEvent =
  /** Pass 1 is done: every invalid row is known and will be skipped. */
  | { type: "checked"; rows: number; valid: number; invalid: RowReport[]; lang: string }
  /** One more valid row is finished (written, kept from an earlier run, or failed). */
  | { type: "rendered"; done: number; total: number; kept?: boolean; failed?: RowReport };

export interface BatchResult {
  file: string;
  /** Absolute output folder. */
  out: string;
  /** Absolute path of the summary; "" when the batch was stopped before any row (none written). */
  summaryFile: string;
  rows: number;
  /** Rows whose documents are in their folder: written now, or kept. */
  ok: number;
  /** Rows rendered and written by this run (replaced ones included). */
  written: number;
  /** Rows whose folder already held their documents, from an earlier run: kept, not rendered. */
  kept: number;
  invalid: RowReport[];
  failed: RowReport[];
  /** Failed rows whose folder holds something else, left as it was (force replaces it). */
  existing: number;
  /** Valid rows not reached because the batch was stopped. */
  pending: number;
  stopped: boolean;
  /** What was cleaned up in the output folder from a run that stopped half-way. */
  recovered: Recovery;
}

function report(row: SourceRow, problems: readonly Problem[]): RowReport {
  return { row: row.row, ...(row.line !== undefined ? { line: row.line } : {}), ...optionalName(row), problems };
}

function entryOf(row: SourceRow, status: SummaryEntry["status"], problems: readonly Problem[]): SummaryEntry {
  return { ...report(row, problems), status, files: [], pages: 0, bytes: 0 };
}

/** A rendering problem placed at its row, unless it already has a place (a template's). */
function atRow(problems: readonly Problem[], file: string, row: SourceRow): Problem[] {
  return problems.map((problem) => (problem.at ? problem : { ...problem, at: rowPlace(file, row.row, row.line) }));
}

/** Whether `out` has no summary of that name, or one an earlier batch wrote and nobody changed since. */
async function summaryIsFree(out: string, name: string): Promise<boolean> {
  const there = await lstat(join(out, name)).then(
    () => true,
    () => false,
  );
  if (!there) return true;
  const listed = (await readManifest(out))?.files.find((f) => f.name === name);
  return listed !== undefined && (await isUnchanged(out, listed));
}

function generateOptionsOf(options: BatchOptions, lang: string, today: string): GenerateOptions {
  return {
    lang,
    today,
    ...(options.letterLang ? { letterLang: options.letterLang } : {}),
    ...(options.translation !== undefined ? { translation: options.translation } : {}),
    ...(options.paper ? { paper: options.paper } : {}),
    ...(options.fonts && options.fonts.length > 0 ? { fonts: options.fonts } : {}),
    ...(options.packDir ? { packDir: options.packDir } : {}),
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  };
}

export async function runBatch(
  file: string,
  options: BatchOptions,
  onProgress: (event: BatchEvent) => void = () => {},
): Promise<BatchResult> {
  const out = resolve(options.out);
  const force = options.force ?? false;
  const format = options.summary ?? "csv";
  const signal = options.signal;
  await checkBatchFile(file);
  const { lang, letterLang, today } = await checkOptions({ ...options, summary: format });

  const folder = await openFolder(out, { waitMs: options.lockWaitMs ?? 0 });
  const result: BatchResult = {
    file,
    out,
    summaryFile: "",
    rows: 0,
    ok: 0,
    written: 0,
    kept: 0,
    invalid: [],
    failed: [],
    existing: 0,
    pending: 0,
    stopped: false,
    recovered: folder.recovered,
  };
  let pool: RenderPool | undefined;
  try {
    // An earlier summary is replaced only if it is an earlier batch's, unchanged (or with force).
    const summaryPath = join(out, summaryFileName(format));
    if (!force && !(await summaryIsFree(out, summaryFileName(format)))) {
      throw new WriteRefused(
        [{ code: "batch.summaryExists", option: "out", params: { path: summaryPath } }],
        [summaryPath],
      );
    }

    // Pass 1: every row validated; only the problems are kept.
    const checked = await checkRowsInWorker(file, {
      today,
      ...(options.defaults ? { defaults: options.defaults } : {}),
    });
    result.rows = checked.rows;
    onProgress({ type: "checked", rows: checked.rows, valid: checked.valid, invalid: checked.invalid, lang });
    if (signal?.aborted) {
      // Stopped before any row: the earlier summary (if any) stays as it was.
      result.stopped = true;
      result.pending = checked.valid;
      result.invalid = checked.invalid;
      return result;
    }
    const invalidRows = new Map(checked.invalid.map((r) => [r.row, r]));

    const generateOptions = generateOptionsOf(options, lang, today);
    const width = rowNumberWidth(checked.rows);
    const summary = new SummaryWriter(folder, format, (problem) =>
      formatProblem(problem, lang, options.summaryLabels ?? COLUMN_LABELS),
    );
    const workers = options.workers ?? defaultPoolSize(checked.valid);
    // One copy of the fonts every document uses, for all workers (10 MB per face).
    pool =
      checked.valid > 0
        ? new RenderPool(workers, generateOptions, force, primaryFontFiles([lang, letterLang]))
        : undefined;
    // Two rows per worker: one rendering, one waiting, so no core idles between rows.
    const maxInFlight = (pool?.size ?? 1) * 2;
    // Finished rows held for the summary's order; past this, wait for the slow row before reading on.
    const maxHeld = 1000;
    const inFlight = new Set<Promise<void>>();
    let done = 0;

    const finishRow = (row: SourceRow, folderName: string, reply: RenderReply): void => {
      const entry: SummaryEntry = reply.ok
        ? {
            ...entryOf(row, "ok", []),
            action: reply.action,
            files: reply.files.map((f) => `${folderName}/${f.fileName}`),
            ...(reply.removed ? { removed: reply.removed.map((name) => `${folderName}/${name}`) } : {}),
            pages: reply.files.reduce((n, f) => n + f.pages, 0),
            bytes: reply.files.reduce((n, f) => n + f.size, 0),
          }
        : // A problem only rendering can find (a character no font has) is still bad input.
          entryOf(row, reply.input ? "invalid" : "failed", atRow(reply.problems, file, row));
      if (reply.ok) {
        result.ok++;
        if (reply.action === "kept") result.kept++;
        else result.written++;
      } else if (reply.exists) {
        result.existing++;
      }
      summary.add(entry);
      const failure = entry.status === "ok" ? undefined : report(row, entry.problems);
      if (failure) (entry.status === "invalid" ? result.invalid : result.failed).push(failure);
      done++;
      onProgress({
        type: "rendered",
        done,
        total: checked.valid,
        ...(reply.ok && reply.action === "kept" ? { kept: true } : {}),
        ...(failure ? { failed: failure } : {}),
      });
    };

    let lastRow = 0;
    try {
      // Pass 2: the same rows again; invalid ones go straight to the summary, valid ones to the pool.
      for await (const row of readRows(file)) {
        if (signal?.aborted) break;
        lastRow = row.row;
        const known = invalidRows.get(row.row);
        if (known) {
          summary.add(entryOf(row, "invalid", known.problems));
          result.invalid.push(report(row, known.problems));
        } else if (pool && row.input && row.problems.length === 0) {
          // Not validated again here: generate() does, so a row changed since pass 1 still comes
          // back invalid, and the main thread makes no garbage of its own.
          const input = withDefaults(row.input, options.defaults);
          const folderName = rowFolderName(row.row, input.name, width);
          const task: Promise<void> = pool
            .render({ input, out, folder: folderName, key: rowKey(input, generateOptions) })
            .then(async (reply) => {
              if (!reply.ok && !reply.input && !reply.exists) await cleanUpRowFolder(out, folderName, force);
              finishRow(row, folderName, reply);
            })
            .finally(() => inFlight.delete(task));
          inFlight.add(task);
        } else {
          // Only if the file changed since pass 1.
          const problems: readonly Problem[] =
            row.problems.length > 0
              ? row.problems
              : [{ code: "batch.rowChanged", at: rowPlace(file, row.row, row.line) }];
          summary.add(entryOf(row, "invalid", problems));
          result.invalid.push(report(row, problems));
        }
        while (inFlight.size >= maxInFlight || (inFlight.size > 0 && summary.held >= maxHeld))
          await Promise.race(inFlight);
      }
      // Rows in flight finish, stopped or not.
      await Promise.all(inFlight);
    } catch (error) {
      await Promise.allSettled(inFlight);
      await summary.discard();
      throw error;
    }
    result.stopped = signal?.aborted === true && lastRow < checked.rows;
    const missing = (row: number): SummaryEntry => {
      const known = invalidRows.get(row);
      if (known) {
        if (row > lastRow) result.invalid.push(known);
        return { ...known, status: "invalid", files: [], pages: 0, bytes: 0 };
      }
      result.pending++;
      return { row, status: "pending", files: [], pages: 0, bytes: 0, problems: [] };
    };
    result.summaryFile = await summary.finish(checked.rows, missing, force);
  } finally {
    await pool?.close();
    await folder.release();
  }
  result.invalid.sort((a, b) => a.row - b.row);
  result.failed.sort((a, b) => a.row - b.row);
  return result;
}
