/**
 * The documents' file names: `sim-cancel-<kind>-<lang>.pdf`, made from the kind and the language
 * tag alone. In a module of their own so that a front end can recognise them in a folder without
 * loading the renderer.
 */
import { PackError } from "./errors.js";
import type { DocumentKind } from "./pack/types.js";

/** A language tag that can be part of a file name: letters, digits and hyphens only. */
const FILE_NAME_LANGUAGE = /^[A-Za-z0-9-]+$/;

/**
 * A document's file name. The pack's language tags are checked when it loads (BCP 47); this
 * refuses anything else that could name a path, whatever a pack holds.
 */
export function documentFileName(kind: DocumentKind, lang: string): string {
  if (!FILE_NAME_LANGUAGE.test(lang))
    throw new PackError([{ code: "pack.badLanguage", params: { path: "languages", lang } }]);
  return `sim-cancel-${kind}-${lang}.pdf`;
}

const KINDS: readonly DocumentKind[] = ["checklist", "letter", "proxy"];

/**
 * A test of file names: true for exactly the names of the documents a pack in `languages` can
 * make (every kind, every language), so nothing a person named themselves ("...-fr-signed.pdf")
 * ever counts. A front end writing documents into a folder passes it to the writer
 * (WriteOptions.retire): those documents there that a run does not make (an earlier
 * procuration, a letter in another language) belong to the earlier set, so a folder never holds
 * a procuration beside a letter that names no representative.
 */
export function documentNameTest(languages: Iterable<string>): (fileName: string) => boolean {
  const names = new Set<string>();
  for (const lang of languages)
    if (FILE_NAME_LANGUAGE.test(lang)) for (const kind of KINDS) names.add(documentFileName(kind, lang));
  return (fileName) => names.has(fileName);
}
