/**
 * CSV rows: a header of field names (camelCase or kebab-case), then one person per row. Quoted
 * cells may hold commas and line breaks (a two-line address); an empty cell means "not given";
 * a row of empty cells (a spreadsheet's trailing ",,,") is skipped.
 */
import { createReadStream } from "node:fs";
import { parse, CsvError } from "csv-parse";
import { FIELD_NAMES, fieldFromKey, type DetailsInput, type FieldName } from "../details/index.js";
import { InputError } from "../generate.js";
import { batchMessage } from "./messages.js";
import { unreadable, type ReadOptions, type SourceRow } from "./source-row.js";

/** The header's cells to fields; every unknown or repeated column is reported at once. */
function readHeader(cells: string[], file: string): FieldName[] {
  const fields: FieldName[] = [];
  const problems: string[] = [];
  const columnOf = new Map<FieldName, number>();
  cells.forEach((cell, i) => {
    const name = cell.trim();
    const field = fieldFromKey(name);
    if (!field) {
      problems.push(`${file}: column ${i + 1} "${name}" is not a field; the header must use these names (camelCase or kebab-case): ${FIELD_NAMES.join(", ")}`);
      return;
    }
    const other = columnOf.get(field);
    if (other !== undefined) problems.push(`${file}: columns ${other + 1} and ${i + 1} are both "${field}"; keep only one`);
    columnOf.set(field, i);
    fields.push(field);
  });
  if (!columnOf.has("name") && problems.length === 0) problems.push(`${file}: the header has no "name" column; the first line must name the columns, e.g. name,phone,plan`);
  if (problems.length > 0) throw new InputError(problems);
  return fields;
}

const lineBreaks = (cell: string) => cell.match(/\r\n|\r|\n/g)?.length ?? 0;

export async function* readCsvRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const parser = createReadStream(file).pipe(
    parse({
      bom: true,
      info: true,
      record_delimiter: ["\r\n", "\n", "\r"],
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
    }),
  );
  let fields: FieldName[] | undefined;
  let row = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      if (!fields) {
        fields = readHeader(record, file);
        continue;
      }
      row += 1;
      // info.lines is the line the record ends on; quoted line breaks say where it began.
      const line = info.lines - record.reduce((n, cell) => n + lineBreaks(cell), 0);
      const input: Record<string, unknown> = {};
      fields.forEach((field, i) => {
        const cell = record[i];
        if (cell !== undefined && cell !== "") input[field] = cell;
      });
      const problems = record.length > fields.length ? [batchMessage("tooManyCells", options.lang, { count: record.length, columns: fields.length })] : [];
      yield { row, line, input: input as DetailsInput, problems };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const at = (error as CsvError & { lines?: number }).lines;
      throw new InputError([`${file}${at ? `, line ${at}` : ""}: not valid CSV (${error.message}); a cell with a comma, a quote or a line break must be in double quotes, with any quote inside doubled ("")`]);
    }
    if (error instanceof InputError) throw error;
    throw unreadable(file, error);
  } finally {
    parser.destroy();
  }
  if (!fields) throw new InputError([`${file}: the file is empty; its first line must name the columns, e.g. name,phone,plan`]);
}
