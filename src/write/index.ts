/**
 * The one writer of sim-cancel's files, for the command line, the batch, the web server and
 * library callers: a set of files appears complete or not at all, an existing file is replaced
 * only when asked (and put back if anything after fails), one run at a time per folder, and what
 * a run killed half-way left is cleaned up by the next. See folder.ts for the steps.
 *
 *   import { writeFiles } from "sim-cancel";
 *   const result = await writeFiles("out", documents, { force: false });
 *   // result.files: [{ fileName, path, status: "written" | "replaced", size }]
 */
export {
  writeFiles,
  openFolder,
  checkFolder,
  createFolderIn,
  OutputFolder,
  type FileToWrite,
  type StreamedFile,
  type SetFile,
  type WriteOptions,
  type OpenOptions,
  type WriteResult,
  type WrittenFile,
  type FileStatus,
} from "./folder.js";
export type { Recovery } from "./journal.js";
export { checkSet, readManifest, isUnchanged, type Manifest, type ManifestFile, type SetState } from "./manifest.js";
export {
  WriteRefused,
  WriteFailed,
  isWriteError,
  writeError,
  writeProblem,
  problemOfSystemError,
  type WriteError,
  type WriteProblemCode,
} from "./problems.js";
export { MANIFEST_NAME, badFileName } from "./names.js";
