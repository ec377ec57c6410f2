/**
 * A batch row's folder ("0007-xiaoming-wang/" and its PDFs), written by the shared writer
 * (src/write/) so that it is complete or absent, even if the worker writing it dies. Each folder
 * carries a manifest with the row's key: a hash of what the documents are made from (the row's
 * details after the batch's defaults, the options, the tool's version). Running the same batch
 * again keeps every folder whose manifest has the row's key and whose files are unchanged, and
 * renders only the rest: an interrupted batch resumes.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { lstat, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { DetailsInput } from "../details/index.js";
import type { GenerateOptions } from "../generate.js";
import { PROJECT_ROOT } from "../paths.js";
import {
  checkFolder,
  createFolderIn,
  openFolder,
  writeFiles,
  type FileToWrite,
  type SetState,
  type WriteResult,
} from "../write/index.js";

let version: string | undefined;

function toolVersion(): string {
  version ??= (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
  return version;
}

/** JSON with keys in a fixed order, so equal values always give equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/**
 * The key of a row's documents. Today's date counts only for a row without its own letter date
 * (it is then the letter's date): a batch with dates resumes on another day too.
 */
export function rowKey(input: DetailsInput, options: GenerateOptions): string {
  const { today, ...rest } = options;
  const made = { tool: toolVersion(), input, options: { ...rest, ...(input.date === undefined ? { today } : {}) } };
  return createHash("sha256").update(canonical(made)).digest("hex");
}

/**
 * What the row's folder holds compared with the row's documents (see write/manifest.ts), once
 * a replacement that a killed run left unfinished there is undone.
 */
export function inspectRowFolder(dir: string, key: string): Promise<SetState> {
  return checkFolder(dir, key);
}

/**
 * Writes the row's documents: a new folder when there is none (or an empty one); with `force`,
 * the files of a folder that holds something else are replaced in one transaction, and the
 * earlier set's own files that the new set lacks go with them (no mixed set).
 */
export async function writeRowFolder(
  out: string,
  folder: string,
  files: readonly FileToWrite[],
  key: string,
  replace: boolean,
  /** The names of the documents the batch's pack can make (packDocumentNames). */
  documentNames: (fileName: string) => boolean,
): Promise<WriteResult> {
  if (!replace) return createFolderIn(out, folder, files, { manifestKey: key });
  return writeFiles(join(out, folder), files, {
    force: true,
    manifestKey: key,
    retireOwn: true,
    // The pack's documents there that this row does not make (an earlier procuration, even one
    // changed since): the earlier set's, replaced with it (the batch asks for --force first).
    retire: documentNames,
    waitMs: 2_000,
  });
}

/**
 * After a row failed for a reason other than its details (its worker died, a disk error):
 * removes the hidden folder a new row's write left, and undoes an unfinished replacement in the
 * row's folder (its lock belongs to this process, whose worker is gone). `out` is locked by the
 * caller, so no other run is writing there.
 */
export async function cleanUpRowFolder(out: string, folder: string, replaced: boolean): Promise<void> {
  const prefix = `.${folder}.`;
  const leftovers = (await readdir(out).catch(() => [] as string[])).filter(
    (name) => name.startsWith(prefix) && name.endsWith(".partial"),
  );
  await Promise.all(leftovers.map((name) => rm(join(out, name), { recursive: true, force: true })));
  const dir = join(out, folder);
  if (
    replaced &&
    (await lstat(dir).then(
      (s) => s.isDirectory(),
      () => false,
    ))
  ) {
    const opened = await openFolder(dir, { breakOwnProcess: true, waitMs: 0 }).catch(() => undefined);
    await opened?.release();
  }
}
