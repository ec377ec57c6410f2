/**
 * A whole batch as a library call: check the options, pass 1 (validate every row), pass 2
 * (stream the rows again and render the valid ones on the worker pool, a bounded number in
 * flight), then the summary file. Nothing is printed here: progress goes to `onProgress`.
 */
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Problem } from "../problems.js";
import { formatProblem, type Labels } from "../messages/format.js";
import { COLUMN_LABELS } from "./labels.js";
import type { GenerateOptions } from "../generate.js";
import type { Paper } from "../layout/index.js";
import { checkRowsInWorker, optionalName, type RowReport } from "./check.js";
import { primaryFontFiles } from "../fonts/bundled.js";
import { checkOptions } from "./options.js";
import { defaultPoolSize, RenderPool } from "./pool.js";
import type { RenderReply } from "./protocol.js";
import { checkBatchFile, readRows, type SourceRow } from "./rows.js";
import { rowPlace } from "./source-row.js";
import { cleanUpRowFolder } from "./row-folder.js";
import { rowFolderName, rowNumberWidth } from "./slug.js";
import { SummaryWriter, type SummaryEntry, type SummaryFormat } from "./summary.js";

export interface BatchOptions {
  /** Output folder: one sub-folder per row, and the summary file. */
  out: string;
  /** Replace existing row folders' files and the summary. */
  force?: boolean;
  summary?: SummaryFormat;
  lang?: string;
  letterLang?: string;
  translation?: boolean;
  paper?: Paper;
  fonts?: string[];
  packDir?: string;
  /** Today (YYYY-MM-DD), the default letter date; default: today in Nouméa. */
  today?: string;
  /** The PDFs' dates (e.g. from SOURCE_DATE_EPOCH). */
  timestamp?: Date;
  /** Render workers (default: one per core, at most one per row). */
  workers?: number;
  /** How the summary file names fields and options in its messages (default: by column name). */
  summaryLabels?: Labels;
}

export type BatchEvent =
  /** Pass 1 is done: every invalid row is known and will be skipped. */
  | { type: "checked"; rows: number; valid: number; invalid: RowReport[]; lang: string }
  /** One more valid row is finished (rendered and written, or failed). */
  | { type: "rendered"; done: number; total: number; failed?: RowReport };

export interface BatchResult {
  file: string;
  /** Absolute output folder. */
  out: string;
  summaryFile: string;
  rows: number;
  ok: number;
  invalid: RowReport[];
  failed: RowReport[];
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

export async function runBatch(file: string, options: BatchOptions, onProgress: (event: BatchEvent) => void = () => {}): Promise<BatchResult> {
  const out = resolve(options.out);
  const force = options.force ?? false;
  const format = options.summary ?? "csv";
  await checkBatchFile(file);
  const { lang, letterLang, today } = await checkOptions({ ...options, out, force, summary: format });

  // Pass 1: every row validated; only the problems are kept.
  const checked = await checkRowsInWorker(file, { today });
  onProgress({ type: "checked", rows: checked.rows, valid: checked.valid, invalid: checked.invalid, lang });
  const invalidRows = new Map(checked.invalid.map((r) => [r.row, r.problems]));

  const generateOptions: GenerateOptions = {
    lang,
    today,
    ...(options.letterLang ? { letterLang: options.letterLang } : {}),
    ...(options.translation !== undefined ? { translation: options.translation } : {}),
    ...(options.paper ? { paper: options.paper } : {}),
    ...(options.fonts ? { fonts: options.fonts } : {}),
    ...(options.packDir ? { packDir: options.packDir } : {}),
    ...(options.timestamp ? { timestamp: options.timestamp } : {}),
  };
  const width = rowNumberWidth(checked.rows);
  const result: BatchResult = { file, out, summaryFile: "", rows: checked.rows, ok: 0, invalid: [], failed: [] };

  await mkdir(out, { recursive: true });
  const summary = new SummaryWriter(out, format, (problem) => formatProblem(problem, lang, options.summaryLabels ?? COLUMN_LABELS));
  const workers = options.workers ?? defaultPoolSize(checked.valid);
  // One copy of the fonts every document uses, for all workers (10 MB per face).
  const pool = checked.valid > 0 ? new RenderPool(workers, generateOptions, force, primaryFontFiles([lang, letterLang])) : undefined;
  // Two rows per worker: one rendering, one waiting, so no core idles between rows.
  const maxInFlight = (pool?.size ?? 1) * 2;
  // Finished rows held for the summary's order; past this, wait for the slow row before reading on.
  const maxHeld = 1000;
  const inFlight = new Set<Promise<void>>();
  let done = 0;

  const finishRow = (row: SourceRow, folder: string, reply: RenderReply): void => {
    const entry: SummaryEntry = reply.ok
      ? {
          ...entryOf(row, "ok", []),
          files: reply.files.map((f) => `${folder}/${f.fileName}`),
          pages: reply.files.reduce((n, f) => n + f.pages, 0),
          bytes: reply.files.reduce((n, f) => n + f.size, 0),
        }
      : // A problem only rendering can find (a character no font has) is still bad input.
        entryOf(row, reply.input ? "invalid" : "failed", atRow(reply.problems, file, row));
    if (reply.ok) result.ok++;
    summary.add(entry);
    const failure = entry.status === "ok" ? undefined : report(row, entry.problems);
    if (failure) (entry.status === "invalid" ? result.invalid : result.failed).push(failure);
    done++;
    onProgress({ type: "rendered", done, total: checked.valid, ...(failure ? { failed: failure } : {}) });
  };

  try {
    // Pass 2: the same rows again; invalid ones go straight to the summary, valid ones to the pool.
    for await (const row of readRows(file)) {
      const known = invalidRows.get(row.row);
      if (known) {
        summary.add(entryOf(row, "invalid", known));
        result.invalid.push(report(row, known));
      } else if (pool && row.input && row.problems.length === 0) {
        // Not validated again here: generate() does, so a row changed since pass 1 still comes
        // back invalid, and the main thread makes no garbage of its own.
        const folder = rowFolderName(row.row, row.input.name, width);
        const dir = join(out, folder);
        const task: Promise<void> = pool
          .render(row.input, dir)
          .then(async (reply) => {
            if (!reply.ok && !reply.input) await cleanUpRowFolder(dir);
            finishRow(row, folder, reply);
          })
          .finally(() => inFlight.delete(task));
        inFlight.add(task);
      } else {
        // Only if the file changed since pass 1.
        const problems: readonly Problem[] = row.problems.length > 0 ? row.problems : [{ code: "batch.rowChanged", at: rowPlace(file, row.row, row.line) }];
        summary.add(entryOf(row, "invalid", problems));
        result.invalid.push(report(row, problems));
      }
      while (inFlight.size >= maxInFlight || (inFlight.size > 0 && summary.held >= maxHeld)) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    result.summaryFile = await summary.finish();
  } catch (error) {
    await Promise.allSettled(inFlight);
    await summary.discard();
    throw error;
  } finally {
    await pool?.close();
  }
  result.invalid.sort((a, b) => a.row - b.row);
  result.failed.sort((a, b) => a.row - b.row);
  return result;
}
