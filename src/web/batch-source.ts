/**
 * A batch file uploaded to the page, read by the batch's own row reader (readRows: the same CSV,
 * JSON and JSON Lines rules, row and line numbers and messages as `sim-cancel batch`) without
 * putting its bytes on disk: readRows reads a path, so the bytes go through a named pipe (FIFO)
 * in a private temporary folder. A FIFO is only a name: what passes through it stays in memory.
 *
 * Windows has no FIFOs; there the page says to use the command line (BatchUnavailableError).
 */
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { mkdtemp, open, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { readRows, type BatchFormat, type SourceRow } from "../batch/index.js";
import { InputError } from "../errors.js";
import { wordBatchText } from "./words.js";

export class BatchUnavailableError extends Error {}

/** The upload's format from its file name: the batch's own extensions. */
export function formatFromName(name: string): BatchFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === "csv") return "csv";
  if (ext === "json") return "json";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  return undefined;
}

/**
 * One upload read at a time: the writer and the reader of a FIFO each hold a thread of libuv's
 * small pool while they wait for each other, and several pairs at once could hold them all.
 */
let lock: Promise<unknown> = Promise.resolve();

/**
 * Every row of the upload (its size is bounded by the server's body limit). Messages that name
 * the private path the rows were read from name the upload (`shownName`) instead.
 */
export function readUploadRows(bytes: Uint8Array, format: BatchFormat, lang: string, shownName: string): Promise<SourceRow[]> {
  const run = lock.then(() => readThroughFifo(bytes, format, lang, shownName));
  lock = run.catch(() => undefined);
  return run;
}

async function readThroughFifo(bytes: Uint8Array, format: BatchFormat, lang: string, shownName: string): Promise<SourceRow[]> {
  if (process.platform === "win32") throw new BatchUnavailableError("no FIFOs on Windows");
  const dir = await mkdtemp(join(tmpdir(), "sim-cancel-web-"));
  const path = join(dir, `upload.${format}`);
  let writing: Promise<void> | undefined;
  let written = false;
  try {
    try {
      await promisify(execFile)("mkfifo", ["-m", "600", path]);
    } catch (error) {
      throw new BatchUnavailableError(`mkfifo failed: ${(error as Error).message}`);
    }
    writing = (async () => {
      const handle = await open(path, constants.O_WRONLY);
      try {
        await handle.writeFile(bytes);
      } finally {
        await handle.close();
        written = true;
      }
    })();
    // A reader that stops early (a broken header) leaves the writer with no one to read: EPIPE.
    writing.catch(() => undefined);
    const rows: SourceRow[] = [];
    try {
      for await (const row of readRows(path, { lang })) rows.push({ ...row, problems: row.problems.map((p) => wordBatchText(p, path, shownName)) });
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.problems.map((p) => wordBatchText(p, path, shownName)));
      throw error;
    }
    return rows;
  } finally {
    if (writing && !written) {
      // A writer still waiting for a reader to open the FIFO: open it once so its open() returns.
      try {
        const unblock = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
        await unblock.close();
      } catch {
        // Gone already.
      }
      await writing.catch(() => undefined);
    }
    await rm(dir, { recursive: true, force: true });
  }
}
