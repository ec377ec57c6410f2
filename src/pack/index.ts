/** The pack stage: a carrier's facts, steps, wording and templates, loaded and validated. */
export type { Pack, Fact, Step, ListEntry, Localized, Source, Condition, Phrase, Recipient } from "./types.js";
export { loadPack, loadPackOnce, readTemplate, readTemplateOnce, templateFileName, PackError, PACK_FILE, type DocumentKind } from "./load.js";
export { selectEntries, applies, type Situation } from "./select.js";
