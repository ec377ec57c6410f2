/**
 * The library API: the whole pipeline without the command line.
 *
 *   import { generate } from "sim-cancel";
 *   const documents = await generate({ name: "…", phone: "76 12 34" });
 */
export { generate, InputError, type GenerateOptions, type GeneratedDocument } from "./generate.js";
export type { DetailsInput, Details, Plan, Channel } from "./details/types.js";
export type { DocModel, Block, Inline, Section } from "./model/doc-model.js";
export type { PageLayout } from "./layout/page-layout.js";
/**
 * Writing the documents as the command line does: complete sets or nothing, no replacement
 * without `force` (and the earlier files put back if anything fails), one run per folder.
 *
 *   const result = await writeFiles("out", documents, { force: false });
 */
export {
  writeFiles,
  openFolder,
  checkSet,
  checkFolder,
  WriteRefused,
  WriteFailed,
  isWriteError,
  type WriteError,
  type FileToWrite,
  type WriteOptions,
  type OpenOptions,
  type WriteResult,
  type WrittenFile,
  type FileStatus,
  type Recovery,
  type OutputFolder,
  type SetState,
  type WriteProblemCode,
} from "./write/index.js";
export type { Problem, ProblemParams } from "./problems.js";
export { FailureError } from "./errors.js";
