/**
 * The summary file: one line per row of the input (row number, name, status, what was done with
 * the row's folder, files, pages, bytes, errors), as CSV or JSON. Rows finish out of order on the
 * workers; lines are held until the rows before them are in, so the file is in row order. It is
 * streamed to a temporary file of the output folder and put in place by the writer when complete
 * (replacing an earlier run's summary only if it is that run's, unchanged, or with force), so a
 * summary on disk is always whole. A batch stopped early still writes one: the rows it did not
 * reach are "pending", and running it again finishes them.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { unlink } from "node:fs/promises";
import { finished } from "node:stream/promises";
import type { Problem } from "../problems.js";
import { problemOfSystemError, writeError, type OutputFolder } from "../write/index.js";
import type { RowAction } from "./protocol.js";

/** "pending": a valid row the batch did not reach (it was stopped). */
export type RowStatus = "ok" | "invalid" | "failed" | "pending";
export type SummaryFormat = "csv" | "json";

export interface SummaryEntry {
  row: number;
  line?: number;
  name?: string;
  status: RowStatus;
  /** For a row whose documents are there: made now, made over another set, or kept from an earlier run. */
  action?: RowAction;
  /** Paths relative to the output folder, with "/" separators. */
  files: string[];
  pages: number;
  bytes: number;
  problems: readonly Problem[];
  /** An earlier set's documents removed from the row's folder with it (paths as `files`). */
  removed?: string[];
}

/** An entry as the file holds it: its problems worded (the JSON summary keeps them as data too). */
export type SummaryRecord = Omit<SummaryEntry, "problems"> & { errors: string[] };

export const SUMMARY_COLUMNS = [
  "row",
  "line",
  "name",
  "status",
  "action",
  "files",
  "pages",
  "bytes",
  "errors",
  "removed",
] as const;

/** The manifest key of a summary (see write/manifest.ts): marks it as a batch's own file. */
export const SUMMARY_KEY = "sim-cancel batch summary";

export function summaryFileName(format: SummaryFormat): string {
  return `summary.${format}`;
}

/**
 * One CSV cell. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
 * apostrophe (the usual guard: names and error messages come from the input file).
 */
export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return "";
  if (typeof value === "number") return String(value);
  let text = value.replace(/\r\n|\r|\n/g, " ");
  if (/^[=+\-@\t]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(entry: SummaryRecord): string {
  return [
    csvCell(entry.row),
    csvCell(entry.line),
    csvCell(entry.name),
    csvCell(entry.status),
    csvCell(entry.action),
    csvCell(entry.files.join(" ")),
    csvCell(entry.pages),
    csvCell(entry.bytes),
    csvCell(entry.errors.join(" | ")),
    csvCell((entry.removed ?? []).join(" ")),
  ].join(",");
}

export class SummaryWriter {
  private readonly stream: WriteStream;
  private readonly temp: string;
  /** Finished rows waiting for an earlier one. */
  private readonly waiting = new Map<number, SummaryEntry>();
  private next = 1;
  private written = 0;

  /** `word` turns a row's problem into the sentence the file shows. */
  constructor(
    private readonly folder: OutputFolder,
    private readonly format: SummaryFormat,
    private readonly word: (problem: Problem) => string,
  ) {
    this.temp = folder.temporaryPath(summaryFileName(format));
    this.stream = createWriteStream(this.temp, { flags: "wx" });
    this.stream.on("error", () => {
      // Reported by finish(); without a listener an error would end the process.
    });
    this.stream.write(format === "csv" ? `${SUMMARY_COLUMNS.join(",")}\n` : "[\n");
  }

  get fileName(): string {
    return summaryFileName(this.format);
  }

  /** Rows held back waiting for an earlier row to finish. */
  get held(): number {
    return this.waiting.size;
  }

  add(entry: SummaryEntry): void {
    this.waiting.set(entry.row, entry);
    for (let ready = this.waiting.get(this.next); ready; ready = this.waiting.get(this.next)) {
      this.waiting.delete(this.next);
      this.next++;
      this.write(ready);
    }
  }

  private write(entry: SummaryEntry): void {
    const { problems, ...rest } = entry;
    const record: SummaryRecord = { ...rest, errors: problems.map(this.word) };
    if (this.format === "csv") {
      this.stream.write(`${csvLine(record)}\n`);
    } else {
      this.stream.write(`${this.written > 0 ? ",\n" : ""}  ${JSON.stringify({ ...record, problems })}`);
    }
    this.written++;
  }

  /**
   * Writes the rows not yet written, up to `rows` (`missing` says what a row that never came
   * is: pending, or invalid when pass 1 knows it), closes and puts the file in place.
   * Returns its absolute path; throws WriteError (and the earlier summary stays) on failure.
   */
  async finish(rows: number, missing: (row: number) => SummaryEntry, force: boolean): Promise<string> {
    const last = Math.max(rows, ...this.waiting.keys(), this.next - 1);
    for (let row = this.next; row <= last; row++) this.write(this.waiting.get(row) ?? missing(row));
    this.waiting.clear();
    if (this.format === "json") this.stream.write(this.written > 0 ? "\n]\n" : "]\n");
    this.stream.end();
    try {
      await finished(this.stream);
    } catch (error) {
      await unlink(this.temp).catch(() => {});
      throw writeError([problemOfSystemError(error, `${this.folder.dir}/${this.fileName}`)]);
    }
    const result = await this.folder.write([{ fileName: this.fileName, temporaryPath: this.temp }], {
      force,
      replaceOwn: true,
      manifestKey: SUMMARY_KEY,
    });
    return result.files[0]!.path;
  }

  /** Drops the temporary file (after a failure elsewhere). */
  async discard(): Promise<void> {
    this.stream.destroy();
    await unlink(this.temp).catch(() => {});
  }
}
