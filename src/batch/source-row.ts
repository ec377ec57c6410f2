/**
 * One row as read from a batch file, before validation, and the helpers the readers share.
 */
import { fieldError, FIELD_NAMES, fieldFromKey, formatError, type DetailsInput, type FieldName } from "../details/index.js";
import { InputError } from "../errors.js";
import { batchMessage } from "./messages.js";

export interface SourceRow {
  /** Data row number, from 1: the first row after a CSV header, the first element or line. */
  row: number;
  /** The file line the row starts on, where known. */
  line?: number;
  /** The raw details; absent when the row is too broken to read any (a JSON syntax error). */
  input?: DetailsInput;
  /** Problems with the row's shape, already in the user's language. */
  problems: string[];
}

export interface ReadOptions {
  /** Language of the messages. */
  lang: string;
}

/** A read error as bad input that names the file. */
export function unreadable(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a folder, not a file" : (code ?? (error as Error).message);
  return new InputError([`${file}: cannot read it (${why})`]);
}

/** A parsed JSON value (one array element or one line) to raw details, with its shape problems. */
export function objectToRow(value: unknown, row: number, line: number, source: string, options: ReadOptions): SourceRow {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { row, line, problems: [`${source}: ${batchMessage("notObject", options.lang)}`] };
  }
  const input: Record<string, unknown> = {};
  const keyOf = new Map<FieldName, string>();
  const problems: string[] = [];
  for (const [key, raw] of Object.entries(value)) {
    const field = fieldFromKey(key);
    if (!field) {
      problems.push(formatError(fieldError(source, "file.unknownKey", { line, key, fields: FIELD_NAMES.join(", ") }), options.lang));
      continue;
    }
    const other = keyOf.get(field);
    if (other !== undefined) {
      problems.push(formatError(fieldError(source, "file.duplicateKey", { line, key, other }), options.lang));
      continue;
    }
    keyOf.set(field, key);
    input[field] = raw;
  }
  return { row, line, input: input as DetailsInput, problems };
}
