/**
 * The helpers' tab: a batch file checked row by row (the batch's first pass: its reader and the
 * details schema), then its valid rows rendered through the server's render queue, a few at a
 * time so people using the form still get their turn, into a ZIP of row folders (named as
 * `sim-cancel batch` names them) and a summary.csv in the batch's columns.
 */
import {
  csvLine,
  rowFolderName,
  rowNumberWidth,
  SUMMARY_COLUMNS,
  type SourceRow,
  type BatchFormat,
} from "../batch/index.js";
import type { SummaryRecord } from "../batch/summary.js";
import { validateDetails, type DetailsInput } from "../details/index.js";
import type { Problem } from "../problems.js";
import { show } from "../show.js";
import type { WebRenderPool } from "./render-pool.js";
import type { WebLang } from "./texts.js";
import { readUploadRows } from "./batch-source.js";
import { webMessage, wordRowProblems } from "./words.js";
import { ZipBuilder } from "./zip.js";

/** The page takes small batches; the command line has no such limit. */
export const MAX_ROWS = 200;

export interface RowProblems {
  row: number;
  line?: number;
  name?: string;
  errors: string[];
}

export interface CheckedBatch {
  rows: number;
  valid: number;
  invalid: RowProblems[];
  /** The rows that can be rendered, kept for the second pass (never sent to the page). */
  ready: { row: number; line?: number; name?: string; input: DetailsInput }[];
}

/** The name as written, for the report: text on one line, not endless, shown escaped (as the batch shows it). */
function shownName(row: SourceRow): string | undefined {
  const name = row.input?.name;
  if (typeof name !== "string" && typeof name !== "number") return undefined;
  const text = String(name).replace(/\s+/g, " ").trim();
  return text === "" ? undefined : show([...text].slice(0, 80).join(""));
}

/** Pass 1. Throws InputError for a file that cannot be read at all (its sentences name the upload). */
export async function checkUpload(
  bytes: Uint8Array,
  format: BatchFormat,
  fileName: string,
  lang: WebLang,
  today: string,
): Promise<CheckedBatch> {
  const rows = await readUploadRows(bytes, format, fileName);
  const checked: CheckedBatch = { rows: rows.length, valid: 0, invalid: [], ready: [] };
  for (const row of rows) {
    const name = shownName(row);
    const place = {
      row: row.row,
      ...(row.line !== undefined ? { line: row.line } : {}),
      ...(name !== undefined ? { name } : {}),
    };
    const problems: Problem[] = [...row.problems];
    if (row.input) {
      const result = validateDetails(row.input, { today });
      if (!result.ok) problems.push(...result.problems);
    }
    const errors = wordRowProblems(problems, lang);
    if (errors.length > 0 || !row.input) checked.invalid.push({ ...place, errors });
    else {
      checked.valid++;
      checked.ready.push({ ...place, input: row.input });
    }
  }
  return checked;
}

export type BatchProgress = { type: "progress"; done: number; total: number };

export interface BatchOutcome {
  zip: Uint8Array<ArrayBuffer>;
  ok: number;
  failed: RowProblems[];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pass 2: every valid row rendered (at most `inFlight` at once), zipped with the summary. */
export async function renderBatch(
  checked: CheckedBatch,
  pool: WebRenderPool,
  lang: WebLang,
  today: string,
  onProgress: (event: BatchProgress) => void,
  signal?: AbortSignal,
): Promise<BatchOutcome> {
  const width = rowNumberWidth(checked.rows);
  const zip = new ZipBuilder();
  const entries = new Map<number, SummaryRecord>();
  for (const bad of checked.invalid) entries.set(bad.row, { ...bad, status: "invalid", files: [], pages: 0, bytes: 0 });
  const failed: RowProblems[] = [];
  let ok = 0;
  let done = 0;
  let next = 0;
  const total = checked.ready.length;
  onProgress({ type: "progress", done, total });

  const renderOne = async (row: CheckedBatch["ready"][number]) => {
    for (;;) {
      const outcome = await pool.render({ input: row.input, lang, today, ...(signal ? { signal } : {}) });
      // The queue is full of people using the form: the batch waits and tries again.
      if (!outcome.ok && outcome.reason === "busy" && !signal?.aborted) {
        await pause(250);
        continue;
      }
      const place = {
        row: row.row,
        ...(row.line !== undefined ? { line: row.line } : {}),
        ...(row.name !== undefined ? { name: row.name } : {}),
      };
      if (outcome.ok) {
        const folder = rowFolderName(row.row, row.input.name, width);
        const files: string[] = [];
        let bytes = 0;
        let pages = 0;
        for (const doc of outcome.documents) {
          zip.add(`${folder}/${doc.fileName}`, doc.bytes);
          files.push(`${folder}/${doc.fileName}`);
          bytes += doc.bytes.byteLength;
          pages += doc.pages;
        }
        // Every document of the ZIP is made now, as "written" says in a batch's summary on disk.
        entries.set(row.row, { ...place, status: "ok", action: "written", files, pages, bytes, errors: [] });
        ok++;
      } else {
        const errors =
          outcome.reason === "input" || outcome.reason === "failed"
            ? wordRowProblems(outcome.problems, lang)
            : [webMessage(outcome.reason === "timeout" ? "web.timeout" : "web.failed", lang)];
        entries.set(row.row, {
          ...place,
          status: outcome.reason === "input" ? "invalid" : "failed",
          files: [],
          pages: 0,
          bytes: 0,
          errors,
        });
        failed.push({ ...place, errors });
      }
      onProgress({ type: "progress", done: ++done, total });
      return;
    }
  };

  const lanes = Array.from({ length: Math.min(pool.size, total) }, async () => {
    while (next < total && !signal?.aborted) await renderOne(checked.ready[next++]!);
  });
  await Promise.all(lanes);

  const summary = [
    SUMMARY_COLUMNS.join(","),
    ...[...entries.keys()].sort((a, b) => a - b).map((row) => csvLine(entries.get(row)!)),
  ].join("\n");
  zip.add("summary.csv", new TextEncoder().encode(`${summary}\n`));
  return { zip: zip.finish(), ok, failed: failed.sort((a, b) => a.row - b.row) };
}
