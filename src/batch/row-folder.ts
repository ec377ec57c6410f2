/**
 * A batch row's folder ("0007-xiaoming-wang/" and its PDFs), written so that it is complete or
 * absent, never half there, even if the worker writing it dies (a worker can be stopped by its
 * memory limit): the files are written into a hidden sibling folder, renamed into place at the
 * end. With --force the folder may exist already; its files are then replaced one by one, each
 * atomically (see cli/write.ts).
 */
import { readdir, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { isTemporaryFileName, pathExists, writeAll, type FileToWrite } from "../cli/write.js";

/** Where a row folder is filled before it is renamed into place. */
export function partialFolder(dir: string): string {
  return join(dirname(dir), `.${basename(dir)}.partial`);
}

export async function writeRowFolder(dir: string, files: readonly FileToWrite[], force: boolean): Promise<void> {
  if (force) {
    await writeAll(dir, files, true);
    return;
  }
  const taken = `${dir} already exists; nothing was written. Use --force to replace its files, or --out DIR for another folder`;
  if (await pathExists(dir)) throw new Error(taken);
  const partial = partialFolder(dir);
  await rm(partial, { recursive: true, force: true });
  // The hidden folder was just emptied: no file there to keep, so no need to look for one.
  await writeAll(partial, files, true);
  try {
    // Fails if a folder of that name appeared meanwhile and holds anything.
    await rename(partial, dir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === "ENOTEMPTY" || code === "EEXIST" ? taken : `cannot write ${dir}: ${code ?? (error as Error).message}; nothing was written`);
  }
}

/**
 * After a row failed for a reason other than its details (its worker died, a disk error), removes
 * what a write cut short: the hidden folder, and with --force the temporary files cli/write.ts
 * leaves behind only if the thread writing them stops (the workers share this process's PID).
 */
export async function cleanUpRowFolder(dir: string): Promise<void> {
  await rm(partialFolder(dir), { recursive: true, force: true });
  const leftovers = (await readdir(dir).catch(() => [] as string[])).filter(isTemporaryFileName);
  await Promise.all(leftovers.map((name) => rm(join(dir, name), { force: true })));
}
