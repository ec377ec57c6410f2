/** The pack stage: a carrier's facts, steps, wording and templates, loaded and validated. */
export type {
  Pack,
  Fact,
  Step,
  ListEntry,
  Localized,
  Source,
  Condition,
  Phrase,
  Recipient,
  DocumentKind,
} from "./types.js";
export {
  loadPack,
  loadPackOnce,
  readTemplate,
  readTemplateOnce,
  readFolderFile,
  templateCandidates,
  templateFileName,
  PackError,
  PACK_FILE,
  MAX_TEMPLATE_BYTES,
} from "./load.js";
export { selectEntries, applies, type Situation } from "./select.js";
