/**
 * Reading a batch file row by row, as a stream: CSV, a JSON array or JSON Lines, chosen by the
 * file's extension. Only one row is held at a time, so a file of any length reads in flat memory.
 * A row whose shape is wrong (an unknown key, a JSON slip) is still yielded, with its problems, so
 * every bad row is reported; a file that cannot be read at all throws InputError.
 */
import { extname } from "node:path";
import { InputError } from "../errors.js";
import { readCsvRows } from "./rows-csv.js";
import { readJsonArrayRows, readJsonLinesRows } from "./rows-json.js";
import type { ReadOptions, SourceRow } from "./source-row.js";

export type { ReadOptions, SourceRow } from "./source-row.js";
export type BatchFormat = "csv" | "json" | "jsonl";

export function formatOf(file: string): BatchFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".json") return "json";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  throw new InputError([`${file}: unknown kind of file "${ext || "(no extension)"}"; give a .csv, .json (an array of objects) or .jsonl/.ndjson (one object per line) file`]);
}

export function readRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const format = formatOf(file);
  if (format === "csv") return readCsvRows(file, options);
  if (format === "json") return readJsonArrayRows(file, options);
  return readJsonLinesRows(file, options);
}

