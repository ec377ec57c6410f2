/**
 * The documents' file names: `sim-cancel-<kind>-<lang>.pdf`, made from the kind and the language
 * tag alone. In a module of their own so that a front end can recognise them in a folder without
 * loading the renderer.
 */
import { PackError } from "./errors.js";
import type { DocumentKind } from "./pack/types.js";

/**
 * A document's file name. The pack's language tags are checked when it loads (BCP 47); this
 * refuses anything else that could name a path, whatever a pack holds.
 */
export function documentFileName(kind: DocumentKind, lang: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(lang))
    throw new PackError([{ code: "pack.badLanguage", params: { path: "languages", lang } }]);
  return `sim-cancel-${kind}-${lang}.pdf`;
}

/** What documentFileName makes, for any kind and language tag. */
const DOCUMENT_FILE_NAME = /^sim-cancel-(checklist|letter|proxy)-[A-Za-z0-9-]+\.pdf$/;

/**
 * Whether a file name is one the tool gives its documents. A front end writing documents into a
 * folder passes this to the writer (WriteOptions.retire): the tool's documents there that a run
 * does not make (an earlier procuration, a letter in another language) belong to the earlier
 * set, so a folder never holds a procuration beside a letter that names no representative.
 */
export function isDocumentFileName(name: string): boolean {
  return DOCUMENT_FILE_NAME.test(name);
}
