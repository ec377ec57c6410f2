/**
 * A batch file uploaded to the page, read by the batch's own row reader (readRows: the same CSV,
 * JSON and JSON Lines rules, row and line numbers and messages as `sim-cancel batch`) without
 * putting its bytes on disk: readRows reads a path, so the bytes go through a named pipe (FIFO)
 * in a private temporary folder. A FIFO is only a name: what passes through it stays in memory.
 * (A reader of bytes in src/batch would make this module one line: see readThroughFifo.)
 *
 * Windows has no FIFOs; there the page says to use the command line (BatchUnavailableError).
 */
import { execFile } from "node:child_process";
import { constants } from "node:fs";
import { mkdtemp, open, rm, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { readRows, type BatchFormat, type SourceRow } from "../batch/index.js";
import { InputError } from "../errors.js";
import type { Problem } from "../problems.js";

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
export function readUploadRows(bytes: Uint8Array, format: BatchFormat, shownName: string): Promise<SourceRow[]> {
  const run = lock.then(() => readThroughFifo(bytes, format, shownName));
  lock = run.catch(() => undefined);
  return run;
}

/**
 * The batch's reader opens a FIFO twice: once without blocking (to see what the path is), then
 * again to read, and that second open waits until a writer has the FIFO open. So:
 *   - this side holds the FIFO open for reading from the start (`holder`, never read from): the
 *     pipe and what is in it live on between the reader's two opens, and the writer never meets
 *     a FIFO without readers;
 *   - the writer writes everything and closes (which is the reader's end of file);
 *   - if the reader's second open came after that, it waits for a writer: a writer that opens and
 *     closes at once ("a pulse", every few milliseconds until the reading ends) lets it through,
 *     and it then reads what the pipe holds up to the end of file.
 */
async function readThroughFifo(bytes: Uint8Array, format: BatchFormat, shownName: string): Promise<SourceRow[]> {
  if (process.platform === "win32") throw new BatchUnavailableError("no FIFOs on Windows");
  const dir = await mkdtemp(join(tmpdir(), "sim-cancel-web-"));
  const path = join(dir, `upload.${format}`);
  let holder: FileHandle | undefined;
  let writing: Promise<void> | undefined;
  let reading = true;
  let pulses: Promise<void> | undefined;
  try {
    try {
      await promisify(execFile)("mkfifo", ["-m", "600", path]);
    } catch (error) {
      throw new BatchUnavailableError(`mkfifo failed: ${(error as Error).message}`);
    }
    holder = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
    // Does not wait: the holder is a reader.
    const writer = await open(path, constants.O_WRONLY);
    let written = false;
    writing = (async () => {
      try {
        await writer.writeFile(bytes);
      } finally {
        await writer.close();
        written = true;
      }
    })();
    // A reader that stops early (a broken header) leaves more to write than the pipe holds: the
    // write ends with EPIPE once the holder closes, below.
    writing.catch(() => undefined);
    pulses = (async () => {
      while (reading) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        if (!written || !reading) continue;
        try {
          await (await open(path, constants.O_WRONLY | constants.O_NONBLOCK)).close();
        } catch {
          // No reader at this instant: nothing waits.
        }
      }
    })();
    const rows: SourceRow[] = [];
    const named = (problem: Problem): Problem => (problem.at?.file === path ? { ...problem, at: { ...problem.at, file: shownName } } : problem);
    try {
      for await (const row of readRows(path)) rows.push({ ...row, problems: row.problems.map(named) });
    } catch (error) {
      if (error instanceof InputError) throw new InputError(error.problems.map(named));
      throw error;
    }
    return rows;
  } finally {
    reading = false;
    await pulses;
    await holder?.close();
    await writing?.catch(() => undefined);
    await rm(dir, { recursive: true, force: true });
  }
}
