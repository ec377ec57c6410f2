/**
 * The summary file: one line per row (row number, name, status, files, pages, bytes, errors), as
 * CSV or JSON. Rows finish out of order on the workers; lines are held until the rows before
 * them are in, so the file is in row order. It is written to a temporary name and renamed when
 * complete, so a summary on disk is always whole.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { finished } from "node:stream/promises";
import type { Problem } from "../problems.js";

export type RowStatus = "ok" | "invalid" | "failed";
export type SummaryFormat = "csv" | "json";

export interface SummaryEntry {
  row: number;
  line?: number;
  name?: string;
  status: RowStatus;
  /** Paths relative to the output folder, with "/" separators. */
  files: string[];
  pages: number;
  bytes: number;
  problems: readonly Problem[];
}

/** An entry as the file holds it: its problems worded (the JSON summary keeps them as data too). */
export type SummaryRecord = Omit<SummaryEntry, "problems"> & { errors: string[] };

export const SUMMARY_COLUMNS = ["row", "line", "name", "status", "files", "pages", "bytes", "errors"] as const;

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
    csvCell(entry.files.join(" ")),
    csvCell(entry.pages),
    csvCell(entry.bytes),
    csvCell(entry.errors.join(" | ")),
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
    private readonly outDir: string,
    private readonly format: SummaryFormat,
    private readonly word: (problem: Problem) => string,
  ) {
    this.temp = join(outDir, `.${summaryFileName(format)}.${process.pid}.tmp`);
    this.stream = createWriteStream(this.temp, { flags: "wx" });
    this.stream.on("error", () => {
      // Reported by finish(); without a listener an error would end the process.
    });
    this.stream.write(format === "csv" ? `${SUMMARY_COLUMNS.join(",")}\n` : "[\n");
  }

  get path(): string {
    return join(this.outDir, summaryFileName(this.format));
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

  /** Writes what is held (if a row never came), closes and puts the file in place. */
  async finish(): Promise<string> {
    for (const row of [...this.waiting.keys()].sort((a, b) => a - b)) this.write(this.waiting.get(row)!);
    this.waiting.clear();
    if (this.format === "json") this.stream.write(this.written > 0 ? "\n]\n" : "]\n");
    this.stream.end();
    try {
      await finished(this.stream);
      await rename(this.temp, this.path);
    } catch (error) {
      await rm(this.temp, { force: true });
      throw new Error(`cannot write the summary ${this.path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
    return this.path;
  }

  /** Drops the temporary file (after a failure elsewhere). */
  async discard(): Promise<void> {
    this.stream.destroy();
    await rm(this.temp, { force: true });
  }
}
