/**
 * A batch file uploaded to the page, read by the batch's own row reader (readRows: the same CSV,
 * JSON and JSON Lines rules, row and line numbers, limits and problems as `sim-cancel batch`)
 * straight from the upload's bytes in memory: nothing is written to disk.
 */
import { readRows, type BatchFormat, type SourceRow } from "../batch/index.js";

/** The upload's format from its file name: the batch's own extensions. */
export function formatFromName(name: string): BatchFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === "csv") return "csv";
  if (ext === "json") return "json";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  return undefined;
}

/**
 * Every row of the upload (its size is bounded by the server's body limit); problems name the
 * upload as `shownName`. The format is the one `formatFromName` found in that name.
 */
export async function readUploadRows(bytes: Uint8Array, format: BatchFormat, shownName: string): Promise<SourceRow[]> {
  // The reader knows a format by its extension: a name without the right one gets it added.
  const name = formatFromName(shownName) === format ? shownName : `${shownName}.${format}`;
  const rows: SourceRow[] = [];
  for await (const row of readRows({ name, bytes })) rows.push(row);
  return rows;
}
