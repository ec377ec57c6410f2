/**
 * Writing the PDFs without ever leaving a damaged or partial file: each file is written to a
 * temporary name in the target folder and renamed when complete (a rename within one folder is
 * atomic), an existing file is kept unless `force`, and on any failure the temporary files go.
 */
import { mkdir, rename, rm, stat, writeFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { FailureError, InputError } from "../errors.js";
import type { Problem } from "../problems.js";

/** A file that may not be replaced is the user's to fix (exit 2); a folder that cannot be written, the tool's failure. */
function refused(problem: Problem): InputError {
  return new InputError([problem]);
}

function failed(problem: Problem): FailureError {
  return new FailureError([problem]);
}

export interface FileToWrite {
  fileName: string;
  bytes: Uint8Array;
}

/** The name a file is written under before it is renamed into place (hidden, this process's). */
export function temporaryFileName(fileName: string): string {
  return `.${fileName}.${process.pid}.tmp`;
}

/** Whether a name in a folder is one of this process's temporary files (see temporaryFileName). */
export function isTemporaryFileName(name: string): boolean {
  return name.startsWith(".") && name.endsWith(`.${process.pid}.tmp`);
}

/** Whether anything (file or folder) is at `path`. */
export async function pathExists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}

/** Writes every file complete or not at all; returns the absolute paths written. */
export async function writeAll(outDir: string, files: readonly FileToWrite[], force: boolean): Promise<string[]> {
  const dir = resolve(outDir);
  for (const file of files) {
    // Names come from the program, but check anyway: nothing may land outside the folder.
    if (file.fileName === "" || basename(file.fileName) !== file.fileName || file.fileName.startsWith(".")) {
      throw failed({ code: "write.badName", params: { name: file.fileName } });
    }
  }
  const targets = files.map((file) => join(dir, file.fileName));
  if (!force) {
    const taken = (await Promise.all(targets.map(async (t) => ((await pathExists(t)) ? t : null)))).filter(Boolean);
    if (taken.length > 0) {
      throw refused({ code: "write.exists", option: "out", params: { paths: taken.join(", ") } });
    }
  }
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw failed({ code: "write.cannotCreateFolder", option: "out", params: { dir, reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message } });
  }
  const temps = targets.map((target) => join(dir, temporaryFileName(basename(target))));
  try {
    await Promise.all(files.map((file, i) => writeFile(temps[i]!, file.bytes, { flag: "wx" })));
    for (const [i, target] of targets.entries()) await rename(temps[i]!, target);
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true })));
    const code = (error as NodeJS.ErrnoException).code;
    const notWritable = code === "EACCES" || code === "EPERM" || code === "EROFS";
    throw failed({ code: notWritable ? "write.notWritable" : "write.failed", option: "out", params: { dir, reason: code ?? (error as Error).message } });
  }
  return targets;
}
