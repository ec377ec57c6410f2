/**
 * Reading a batch file row by row, as a stream: CSV, a JSON array or JSON Lines, chosen by the
 * file's extension. Only one row is held at a time, so a file of any length reads in flat memory,
 * and no row may be longer than BATCH_LIMITS.rowChars. A row whose shape is wrong (an unknown
 * key, a JSON slip, a row too long) is still yielded, with its problems, so every bad row is
 * reported; a file that cannot be read at all throws InputError.
 */
import { stat } from "node:fs/promises";
import { extname } from "node:path";
import { InputError } from "../errors.js";
import { readCsvRows } from "./rows-csv.js";
import { readJsonArrayRows, readJsonLinesRows } from "./rows-json.js";
import { bytesSource, fileSource, type SourceRow } from "./source-row.js";

export type { SourceRow } from "./source-row.js";
export type BatchFormat = "csv" | "json" | "jsonl";

export function formatOf(file: string): BatchFormat {
  const ext = extname(file).toLowerCase();
  if (ext === ".csv") return "csv";
  if (ext === ".json") return "json";
  if (ext === ".jsonl" || ext === ".ndjson") return "jsonl";
  throw new InputError([{ code: "batch.unknownFormat", at: { file }, params: { ext: ext || "(none)" } }]);
}

/**
 * A batch file is read twice (every row checked first, then rendered), so it must be a regular
 * file: a pipe would be empty the second time. Its format is known by its extension.
 */
export async function checkBatchFile(file: string): Promise<void> {
  formatOf(file);
  const stats = await stat(file).catch((error: NodeJS.ErrnoException) => error);
  if (stats instanceof Error) {
    if (stats.code === "ENOENT" || stats.code === "ENOTDIR")
      throw new InputError([{ code: "file.missing", at: { file } }]);
    throw new InputError([{ code: "file.unreadable", at: { file }, params: { reason: stats.code ?? stats.message } }]);
  }
  if (!stats.isFile()) {
    const kind = stats.isDirectory()
      ? "folder"
      : stats.isFIFO()
        ? "pipe"
        : stats.isSocket()
          ? "socket"
          : stats.isCharacterDevice() || stats.isBlockDevice()
            ? "device"
            : "special";
    throw new InputError([{ code: "file.notAFile", at: { file }, params: { kind } }]);
  }
}

/**
 * The rows of a batch file (a path), or of bytes in memory named like a file (`{ name, bytes }`:
 * an upload, which is never written to disk): the format from the name's extension.
 */
export function readRows(source: string | { name: string; bytes: Uint8Array }): AsyncGenerator<SourceRow> {
  const from = typeof source === "string" ? fileSource(source) : bytesSource(source.name, source.bytes);
  const format = formatOf(from.name);
  if (format === "csv") return readCsvRows(from);
  if (format === "json") return readJsonArrayRows(from);
  return readJsonLinesRows(from);
}
