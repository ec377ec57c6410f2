/**
 * The whole pipeline as a library call, reading top to bottom:
 * details -> validated Details -> pack + templates -> DocModel -> glyph check -> PageLayout -> PDF.
 * No files are written and nothing is printed here; the CLI does that.
 */
import type { DetailsInput, Details } from "./details/types.js";
import { formatError, todayInNoumea, validateDetails } from "./details/index.js";
import { loadPackOnce, readTemplateOnce } from "./pack/index.js";
import type { Pack } from "./pack/types.js";
import { composeDocument, type DocumentKind, type TemplateSource } from "./compose/index.js";
import { documentTexts } from "./compose/texts.js";
import { buildFontChain, type FontChain } from "./fonts/chain.js";
import { findMissingGlyphs, type MissingGlyph } from "./fonts/coverage.js";
import { loadExtraFaces } from "./fonts/extra.js";
import { FontError, type FontFace } from "./fonts/faces.js";
import { layoutDocument, type Paper, PAPER_SIZES } from "./layout/index.js";
import { renderPdf } from "./render/pdf.js";
import { BUNDLED_PACK_DIR, USER_FONTS_DIR } from "./paths.js";
import { InputError } from "./errors.js";

export interface GenerateOptions {
  /** The user's language: the checklist's and the letters' translation (default: the pack's first). */
  lang?: string;
  /** The language of the letters to send (default: the carrier's, the pack's first letter language). */
  letterLang?: string;
  /** Add a translation of each letter in the user's language (default true). */
  translation?: boolean;
  paper?: Paper;
  /** A carrier pack folder (default: the bundled New Caledonia pack). */
  packDir?: string;
  /** A folder of templates that replace the pack's ones with the same file name. */
  templatesDir?: string;
  /** Extra font files for characters the bundled fonts lack ("file.ttc#Face" for a collection). */
  fonts?: string[];
  /** Today's date (ISO), the default letter date; default: today in Nouméa. */
  today?: string;
  /**
   * The PDFs' creation and modification time (e.g. from SOURCE_DATE_EPOCH); default: noon in
   * Nouméa on the letter's date. Either way the same input gives the same bytes.
   */
  timestamp?: Date;
}

export interface GeneratedDocument {
  kind: DocumentKind;
  /** Main language of the document. */
  lang: string;
  /** A stable file name built from the kind and language only, never from user text. */
  fileName: string;
  bytes: Uint8Array;
  pages: number;
}

export { InputError };

function checkChoice(value: string, accepted: readonly string[], option: string): string | undefined {
  return accepted.includes(value) ? undefined : `${option}: "${value}" is not available; accepted values: ${accepted.join(", ")}`;
}

function resolveLanguages(pack: Pack, options: GenerateOptions): { lang: string; letterLang: string } {
  const lang = options.lang ?? pack.languages[0]!;
  const letterLang = options.letterLang ?? pack.letterLanguages[0]!;
  const problems = [checkChoice(lang, pack.languages, "--lang"), checkChoice(letterLang, pack.letterLanguages, "--letter-lang")];
  const found = problems.filter((p): p is string => p !== undefined);
  if (found.length > 0) throw new InputError(found);
  return { lang, letterLang };
}

/** The user's own text, field by field, so a missing glyph can name the field it came from. */
function detailTexts(details: Details): { source: string; text: string }[] {
  const fields: [string, unknown][] = [
    ["name", details.name], ["customerNumber", details.customerNumber], ["address", details.address?.join("")],
    ["email", details.email], ["reason", details.reason], ["proxyName", details.proxy?.name],
    ["proxyId", details.proxy?.idNumber], ["accountHolder", details.refund?.holder],
    ["forwardingAddress", details.forwardingAddress?.join("")],
  ];
  return fields.flatMap(([source, text]) => (typeof text === "string" ? [{ source, text }] : []));
}

function describeMissing(missing: MissingGlyph[]): string[] {
  return missing.map(
    (m) => `${m.source}: the character "${m.char}" (${m.codePoint}) is in none of the fonts; ` +
      `add a font that has it with --font FILE (TTF, OTF, or FILE.ttc#Face) or drop one into fonts/`,
  );
}

/** The user's fonts; one that cannot be read is bad input, reported with the option to fix. */
function loadUserFonts(specs: string[]): FontFace[] {
  try {
    return loadExtraFaces(specs, USER_FONTS_DIR);
  } catch (error) {
    if (error instanceof FontError) throw new InputError([`--font: ${error.message}`]);
    throw error;
  }
}

export async function generate(input: DetailsInput, options: GenerateOptions = {}): Promise<GeneratedDocument[]> {
  const pack = await loadPackOnce(options.packDir ?? BUNDLED_PACK_DIR);
  const { lang, letterLang } = resolveLanguages(pack, options);
  const validated = validateDetails(input, { today: options.today ?? todayInNoumea(new Date()) });
  if (!validated.ok) throw new InputError(validated.errors.map((e) => formatError(e, lang)));
  const details = validated.details;
  const paper = options.paper ?? "a4";
  const paperProblem = checkChoice(paper, Object.keys(PAPER_SIZES), "--paper");
  if (paperProblem) throw new InputError([paperProblem]);

  const kinds: DocumentKind[] = details.channel === "proxy" ? ["checklist", "letter", "proxy"] : ["checklist", "letter"];
  const templates = new Map<string, TemplateSource>();
  const translation = options.translation ?? true;
  for (const kind of kinds) {
    // A checklist is in the user's language; letters in the carrier's, plus the translation.
    const languages = kind === "checklist" ? [lang] : translation ? [letterLang, lang] : [letterLang];
    for (const templateLang of new Set(languages)) {
      const { source, file } = await readTemplateOnce(pack, kind, templateLang, options.templatesDir);
      templates.set(`${kind}/${templateLang}`, { name: file, source });
    }
  }
  const lookup = (kind: DocumentKind, templateLang: string) => templates.get(`${kind}/${templateLang}`)!;

  const extraFaces = loadUserFonts(options.fonts ?? []);
  const chains = new Map<string, FontChain>();
  const fontsFor = (sectionLang: string): FontChain => {
    let chain = chains.get(sectionLang);
    if (!chain) chains.set(sectionLang, (chain = buildFontChain(sectionLang, extraFaces)));
    return chain;
  };
  const allFaces: FontFace[] = [...new Set([...fontsFor(lang).regular, ...fontsFor(lang).bold, ...fontsFor(letterLang).regular, ...fontsFor(letterLang).bold])];

  const composeOptions = { lang, letterLang, translation };
  const models = kinds.map((kind) => ({ kind, model: composeDocument(kind, details, pack, lookup, composeOptions) }));

  // Check every character before anything is drawn: a missing glyph is an error, never a box.
  // User fields first, so a character is blamed on the field it came from; what is still missing
  // after that can only come from a template.
  const faces = [...new Set([...fontsFor(lang).regular, ...fontsFor(letterLang).regular])];
  const missingInDetails = findMissingGlyphs(detailTexts(details), faces);
  if (missingInDetails.length > 0) throw new InputError(describeMissing(missingInDetails));
  const missingInTemplates = findMissingGlyphs(models.flatMap(({ kind, model }) => documentTexts(model, `template ${kind}`)), faces);
  if (missingInTemplates.length > 0) throw new Error(describeMissing(missingInTemplates).join("\n"));

  const documents: GeneratedDocument[] = [];
  for (const { kind, model } of models) {
    const layout = layoutDocument(model, { paper, fontsFor });
    const bytes = await renderPdf({ layout, meta: model.meta, faces: allFaces, ...(options.timestamp ? { timestamp: options.timestamp } : {}) });
    documents.push({ kind, lang: model.meta.lang, fileName: `sim-cancel-${kind}-${model.meta.lang}.pdf`, bytes, pages: layout.pages.length });
  }
  return documents;
}
