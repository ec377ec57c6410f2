/**
 * CSV rows: a header of field names (camelCase or kebab-case), then one person per row. Quoted
 * cells may hold commas and line breaks (a two-line address); an empty cell means "not given";
 * a row of empty cells (a spreadsheet's trailing ",,,") is skipped.
 */
import { Transform, type TransformCallback } from "node:stream";
import { parse, CsvError } from "csv-parse";
import { FIELD_NAMES, fieldFromKey, type DetailsInput, type FieldName } from "../details/index.js";
import { InputError } from "../errors.js";
import type { Problem } from "../problems.js";
import { formatBytes } from "../input/read.js";
import { BATCH_LIMITS, checkRowCount, rowPlace, unreadable, type RowSource, type SourceRow } from "./source-row.js";

/** Unknown columns named one by one; past these, a count. */
const MAX_COLUMNS_SHOWN = 5;

/** The header's cells to fields; every unknown or repeated column is reported at once. */
function readHeader(cells: string[], file: string): FieldName[] {
  const fields: FieldName[] = [];
  const problems: Problem[] = [];
  const unknown: Problem[] = [];
  const columnOf = new Map<FieldName, number>();
  const at = { file, line: 1 };
  cells.forEach((cell, i) => {
    const name = cell.trim();
    const field = fieldFromKey(name);
    if (!field) {
      unknown.push({
        code: "batch.csvUnknownColumn",
        at,
        params: { column: i + 1, name, fields: FIELD_NAMES.join(", ") },
      });
      return;
    }
    const other = columnOf.get(field);
    if (other !== undefined)
      problems.push({ code: "batch.csvDuplicateColumn", at, params: { first: other + 1, second: i + 1, field } });
    columnOf.set(field, i);
    fields.push(field);
  });
  problems.push(...unknown.slice(0, MAX_COLUMNS_SHOWN));
  if (unknown.length > MAX_COLUMNS_SHOWN)
    problems.push({ code: "file.unknownKeysMore", at, params: { count: unknown.length - MAX_COLUMNS_SHOWN } });
  if (!columnOf.has("name") && problems.length === 0) problems.push({ code: "batch.csvNoName", at });
  if (problems.length > 0) throw new InputError(problems);
  return fields;
}

const lineBreaks = (cell: string) => cell.match(/\r\n|\r|\n/g)?.length ?? 0;

/**
 * Passes the bytes on unchanged and notes where each line ends ("\n", "\r\n" or a lone "\r"),
 * so a record's line can be found from the parser's byte count. Only the breaks the parser has
 * not reached yet are kept: memory is bounded by the stream's buffers, not the file's length.
 */
class LineBreaks extends Transform {
  private readonly ends: number[] = [];
  private offset = 0;
  private pendingCr = -1;
  private passed = 0;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i]!;
      if (this.pendingCr >= 0) {
        if (byte !== 0x0a) this.ends.push(this.pendingCr);
        this.pendingCr = -1;
      }
      if (byte === 0x0a) this.ends.push(this.offset + i);
      else if (byte === 0x0d) this.pendingCr = this.offset + i;
    }
    this.offset += chunk.length;
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.pendingCr >= 0) this.ends.push(this.pendingCr);
    done();
  }

  /**
   * The line a record ends on, given the parser's byte count after it: the lines ended so far,
   * plus one when the record had no line break of its own (the file's last line).
   */
  lastLineOf(bytes: number): number {
    let last = -1;
    while (this.ends.length > 0 && this.ends[0]! < bytes) {
      last = this.ends.shift()!;
      this.passed++;
    }
    return last === bytes - 1 ? this.passed : this.passed + 1;
  }
}

export async function* readCsvRows(from: RowSource): AsyncGenerator<SourceRow> {
  const file = from.name;
  const source = await from.open();
  const lines = new LineBreaks();
  const parser = source.pipe(lines).pipe(
    parse({
      bom: true,
      info: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      // A cell of 150 MB would be held whole: a record longer than a row can be is refused.
      max_record_size: BATCH_LIMITS.rowChars,
    }),
  );
  // pipe() does not pass a read error on (no such file): the parser must end with it.
  source.on("error", (error) => parser.destroy(error));
  lines.on("error", (error) => parser.destroy(error));
  let fields: FieldName[] | undefined;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      const lastLine = lines.lastLineOf(info.bytes);
      if (!fields) {
        fields = readHeader(record, file);
        continue;
      }
      row += 1;
      checkRowCount(file, row);
      // Quoted line breaks inside the cells say how far above its last line the record began.
      const line = lastLine - record.reduce((n, cell) => n + lineBreaks(cell), 0);
      const input: Record<string, unknown> = {};
      fields.forEach((field, i) => {
        const cell = record[i];
        if (cell !== undefined && cell !== "") input[field] = cell;
      });
      const problems: Problem[] =
        record.length > fields.length
          ? [
              {
                code: "batch.csvTooManyCells",
                at: rowPlace(file, row, line),
                params: { count: record.length, columns: fields.length },
              },
            ]
          : [];
      yield { row, line, input: input as DetailsInput, problems };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      const place = { file, ...(line ? { line } : {}) };
      if (error.code === "CSV_MAX_RECORD_SIZE") {
        const max = formatBytes(BATCH_LIMITS.rowChars);
        throw new InputError([{ code: "batch.cellTooLarge", at: place, params: { size: `> ${max}`, max } }]);
      }
      throw new InputError([{ code: "batch.csvSyntax", at: place, params: { detail: error.message } }]);
    }
    if (error instanceof InputError) throw error;
    throw unreadable(file, error);
  } finally {
    source.destroy();
    lines.destroy();
    parser.destroy();
  }
  if (!fields) throw new InputError([{ code: "batch.csvEmpty", at: { file } }]);
}
