/**
 * The library API: the whole pipeline without the command line.
 *
 *   import { generate } from "sim-cancel";
 *   const documents = await generate({ name: "…", phone: "76 12 34" });
 */
export {
  generate,
  packDocumentNames,
  InputError,
  RENDER_LIMITS,
  type GenerateOptions,
  type GeneratedDocument,
} from "./generate.js";
export { documentNameTest } from "./document-names.js";
export type { DetailsInput, Details, Plan, Channel } from "./details/types.js";
/** Checking details alone, as the web form does while a person types. */
export {
  validateDetails,
  parseDetailsText,
  FIELD_NAMES,
  FIELD_EXAMPLES,
  type ValidationResult,
  type LoadResult,
  type FieldName,
} from "./details/index.js";
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
/**
 * Problems as data, and their words: the library never words a problem; a caller words them in
 * the user's language with its own names for fields and options (Labels).
 *
 *   catch (error) { for (const p of problemsOf(error)) console.log(formatProblem(p, "fr", myLabels)); }
 */
export type { Problem, ProblemParams, ProblemPlace, MessageCode } from "./problems.js";
export { FailureError, PackError, TemplateError, FontError, problemsOf } from "./errors.js";
export { LayoutError } from "./layout/errors.js";
export { formatProblem, wordProblem, fieldHint, type Labels, type WordedProblem } from "./messages/format.js";
export { MESSAGE_LANGS, resolveMessageLang, type MessageLang } from "./messages/catalogue.js";
