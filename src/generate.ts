/**
 * The whole pipeline as a library call, reading top to bottom:
 * details -> validated Details -> pack + templates -> DocModel -> glyph check -> PageLayout -> PDF.
 * No files are written and nothing is printed here; the CLI does that.
 */
import type { DetailsInput, Details } from "./details/types.js";
import { todayInNoumea, validateDetails } from "./details/index.js";
import { loadPackOnce, readTemplateOnce } from "./pack/index.js";
import { composeDocument, type DocumentKind, type TemplateSource } from "./compose/index.js";
import { documentTexts } from "./compose/texts.js";
import { DocumentFonts } from "./fonts/document-fonts.js";
import { checkGlyphs, detailTexts, systemFontNotices } from "./fonts/glyph-check.js";
import type { MissingGlyph } from "./fonts/coverage.js";
import { loadExtraFaces } from "./fonts/extra.js";
import { layoutDocument } from "./layout/index.js";
import { renderPdf } from "./render/pdf.js";
import { BUNDLED_PACK_DIR, USER_FONTS_DIR } from "./paths.js";
import { InputError, PackError } from "./errors.js";
import type { Problem } from "./problems.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "./options.js";
import { documentFileName, documentNameTest } from "./document-names.js";

export type { GenerateOptions };

export interface GeneratedDocument {
  kind: DocumentKind;
  /** Main language of the document. */
  lang: string;
  /** A stable file name built from the kind and language only, never from user text. */
  fileName: string;
  bytes: Uint8Array;
  pages: number;
  /**
   * What the front end should tell the user about this document, as data: for now
   * "font.systemFallback" when characters were printed with a font of this computer
   * (params: font, file, chars as "U+AE40 U+BBFC").
   */
  notices: Problem[];
}

export { InputError };

/** A missing glyph of a field is the field's problem; one of a template, the template's. */
function missingProblems(missing: readonly MissingGlyph[], inTemplate: boolean): Problem[] {
  return missing.map((m) => {
    const params = { char: m.char, codePoint: m.codePoint };
    return inTemplate
      ? { code: "glyph.missingInTemplate", at: { file: m.source }, params }
      : { code: "glyph.missing", field: m.source, params };
  });
}

/**
 * The names of the documents the pack of `options` and the bundled pack can make, in any of their
 * languages, as a test for the writer's `retire` (see documentNameTest): what an earlier run, with
 * either pack, may have left.
 */
export async function packDocumentNames(options: GenerateOptions = {}): Promise<(fileName: string) => boolean> {
  const dirs = new Set([BUNDLED_PACK_DIR, options.packDir ?? BUNDLED_PACK_DIR]);
  const packs = await Promise.all([...dirs].map((dir) => loadPackOnce(dir)));
  return documentNameTest(packs.flatMap((pack) => [...pack.languages, ...pack.letterLanguages]));
}

/**
 * The options and the details, checked together: every problem of both is reported at once, so a
 * wrong paper size does not hide a wrong phone number until the next try.
 */
async function checkInput(
  input: DetailsInput,
  options: GenerateOptions,
): Promise<{ resolved: ResolvedOptions; details: Details }> {
  let resolved: ResolvedOptions | undefined;
  const problems: Problem[] = [];
  try {
    resolved = await resolveOptions(options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  const today = resolved?.today ?? todayInNoumea(new Date());
  const validated = validateDetails(input, { today });
  if (!validated.ok) problems.push(...validated.problems);
  if (problems.length > 0 || !resolved || !validated.ok) throw new InputError(problems);
  return { resolved, details: validated.details };
}

/**
 * What one document may take. A real checklist has 2-3 pages and a letter 1-2, made in some 20 ms;
 * a user's own templates (the templatesDir option) can ask for anything, and a batch or a web server must
 * not spend minutes and gigabytes on one person's document.
 */
export const RENDER_LIMITS = { pages: 40, seconds: 20 } as const;

function checkRenderLimits(kind: DocumentKind, pages: number, started: number): void {
  if (pages > RENDER_LIMITS.pages)
    throw new InputError([{ code: "render.tooManyPages", params: { kind, pages, max: RENDER_LIMITS.pages } }]);
  if (performance.now() - started > RENDER_LIMITS.seconds * 1000)
    throw new InputError([{ code: "render.tooSlow", params: { kind, seconds: RENDER_LIMITS.seconds } }]);
}

export async function generate(input: DetailsInput, options: GenerateOptions = {}): Promise<GeneratedDocument[]> {
  const { resolved, details } = await checkInput(input, options);
  const { pack, lang, letterLang, paper, translation, timestamp, templatesDir, fonts } = resolved;

  const kinds: DocumentKind[] =
    details.channel === "proxy" ? ["checklist", "letter", "proxy"] : ["checklist", "letter"];
  const templates = new Map<string, TemplateSource>();
  for (const kind of kinds) {
    // A checklist is in the user's language; letters in the carrier's, plus the translation.
    const languages = kind === "checklist" ? [lang] : translation ? [letterLang, lang] : [letterLang];
    for (const templateLang of new Set(languages)) {
      const { source, file } = await readTemplateOnce(pack, kind, templateLang, templatesDir);
      templates.set(`${kind}/${templateLang}`, { name: file, source });
    }
  }
  const lookup = (kind: DocumentKind, templateLang: string) => templates.get(`${kind}/${templateLang}`)!;

  const faces = new DocumentFonts(loadExtraFaces(fonts, USER_FONTS_DIR), [...new Set([lang, letterLang])]);
  const composeOptions = { lang, letterLang, translation };
  const models = kinds.map((kind) => ({ kind, model: composeDocument(kind, details, pack, lookup, composeOptions) }));

  // Check every character before anything is drawn: the computer's fonts draw what ours lack; a
  // character no font on this computer has is a problem naming its field, never a box.
  const userTexts = detailTexts(details);
  const templateTexts = models.flatMap(({ kind, model }) => documentTexts(model, lookup(kind, model.meta.lang).name));
  const glyphs = checkGlyphs(userTexts, templateTexts, faces.checkedFaces());
  if (glyphs.missingInDetails.length > 0) throw new InputError(missingProblems(glyphs.missingInDetails, false));
  if (glyphs.missingInTemplates.length > 0) throw new PackError(missingProblems(glyphs.missingInTemplates, true));
  faces.addSystemFaces(glyphs.systemFaces);

  const documents: GeneratedDocument[] = [];
  for (const { kind, model } of models) {
    const started = performance.now();
    const layout = layoutDocument(model, { paper, fontsFor: faces.fontsFor, document: kind });
    checkRenderLimits(kind, layout.pages.length, started);
    const bytes = await renderPdf({
      layout,
      meta: model.meta,
      faces: faces.allFaces(),
      ...(timestamp ? { timestamp } : {}),
    });
    checkRenderLimits(kind, layout.pages.length, started);
    const notices = systemFontNotices(layout, glyphs.systemFaces, userTexts);
    documents.push({
      kind,
      lang: model.meta.lang,
      fileName: documentFileName(kind, model.meta.lang),
      bytes,
      pages: layout.pages.length,
      notices,
    });
  }
  return documents;
}
