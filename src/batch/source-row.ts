/**
 * One row as read from a batch file, before validation, and the helpers the readers share.
 */
import { fieldFromKey, unknownKeyProblems, type DetailsInput, type FieldName } from "../details/index.js";
import { Readable } from "node:stream";
import { InputError } from "../errors.js";
import { openLimitedStream } from "../input/read.js";
import type { Problem } from "../problems.js";

export interface SourceRow {
  /** Data row number, from 1: the first row after a CSV header, the first element or line. */
  row: number;
  /** The file line the row starts on, where known. */
  line?: number;
  /** The raw details; absent when the row is too broken to read any (a JSON syntax error). */
  input?: DetailsInput;
  /** Problems with the row's shape, placed at the row. */
  problems: Problem[];
}

/** Limits every reader keeps, whatever the format: a person's details are a few hundred bytes. */
export const BATCH_LIMITS = {
  /** One row (a CSV record, a JSON element, a JSON line), in characters. */
  rowChars: 64 * 1024,
  /** Rows in one file: a batch of 100,000 people is already a day's work. */
  rows: 100_000,
  /** The file: rows are read one at a time, so this only bounds the work. */
  fileBytes: 512 * 1024 * 1024,
} as const;

/**
 * Where a batch's rows come from: a file (read as a stream through input/read.ts, with its limits),
 * or bytes already in memory under a name (an upload to the web form, never written to disk).
 */
export interface RowSource {
  /** The file's path or the upload's name: what problems name. */
  name: string;
  open(): Promise<Readable>;
}

export function fileSource(file: string): RowSource {
  return { name: file, open: () => openLimitedStream(file, BATCH_LIMITS.fileBytes) };
}

export function bytesSource(name: string, bytes: Uint8Array): RowSource {
  return { name, open: async () => Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]) };
}

/** A read error as bad input that names the file. */
export function unreadable(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new InputError([{ code: "file.missing", at: { file } }]);
  if (code === "EISDIR") return new InputError([{ code: "file.notAFile", at: { file }, params: { kind: "folder" } }]);
  return new InputError([
    { code: "file.unreadable", at: { file }, params: { reason: code ?? (error as Error).message } },
  ]);
}

/** The place of a row's problems. */
export function rowPlace(file: string, row: number, line?: number): { file: string; row: number; line?: number } {
  return { file, row, ...(line !== undefined ? { line } : {}) };
}

/** Refuses a file with more rows than a batch takes. */
export function checkRowCount(file: string, row: number): void {
  if (row > BATCH_LIMITS.rows)
    throw new InputError([{ code: "batch.tooManyRows", at: { file }, params: { max: BATCH_LIMITS.rows } }]);
}

/** A parsed JSON value (one array element or one line) to raw details, with its shape problems. */
export function objectToRow(value: unknown, row: number, line: number, file: string): SourceRow {
  const at = rowPlace(file, row, line);
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return { row, line, problems: [{ code: "batch.notObject", at }] };
  const input: Record<string, unknown> = {};
  const keyOf = new Map<FieldName, string>();
  const problems: Problem[] = [];
  const unknown: { key: string }[] = [];
  for (const [key, raw] of Object.entries(value)) {
    const field = fieldFromKey(key);
    if (!field) {
      unknown.push({ key });
      continue;
    }
    const other = keyOf.get(field);
    if (other !== undefined) {
      problems.push({ code: "file.duplicateKey", at, params: { key, other } });
      continue;
    }
    keyOf.set(field, key);
    input[field] = raw;
  }
  problems.push(...unknownKeyProblems(unknown, at));
  return { row, line, input: input as DetailsInput, problems };
}
