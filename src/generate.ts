/**
 * The whole pipeline as a library call, reading top to bottom:
 * details -> validated Details -> pack + templates -> DocModel -> glyph check -> PageLayout -> PDF.
 * No files are written and nothing is printed here; the CLI does that.
 */
import type { DetailsInput, Details } from "./details/types.js";
import { todayInNoumea, validateDetails } from "./details/index.js";
import { readTemplateOnce } from "./pack/index.js";
import { composeDocument, type DocumentKind, type TemplateSource } from "./compose/index.js";
import { documentTexts } from "./compose/texts.js";
import { buildFontChain, type FontChain } from "./fonts/chain.js";
import { findMissingGlyphs, type MissingGlyph } from "./fonts/coverage.js";
import { loadExtraFaces } from "./fonts/extra.js";
import type { FontFace } from "./fonts/faces.js";
import { layoutDocument } from "./layout/index.js";
import { renderPdf } from "./render/pdf.js";
import { USER_FONTS_DIR } from "./paths.js";
import { InputError, PackError } from "./errors.js";
import type { Problem } from "./problems.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "./options.js";

export type { GenerateOptions };

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

/** The user's own text, field by field, so a missing glyph can name the field it came from. */
function detailTexts(details: Details): { source: string; text: string }[] {
  const fields: [string, unknown][] = [
    ["name", details.name], ["customerNumber", details.customerNumber], ["address", details.address?.join("")],
    ["email", details.email], ["reason", details.reason], ["proxyName", details.proxy?.name],
    ["proxyId", details.proxy?.idNumber], ["accountHolder", details.refund?.holder],
    ["forwardingAddress", details.forwardingAddress?.join("")], ["place", details.place],
    ["idNumber", details.idNumber], ["offer", details.offer],
  ];
  return fields.flatMap(([source, text]) => (typeof text === "string" ? [{ source, text }] : []));
}

/** A missing glyph of a field is the field's problem; one of a template, the template's. */
function missingProblems(missing: MissingGlyph[], inTemplate: boolean): Problem[] {
  return missing.map((m) => {
    const params = { char: m.char, codePoint: m.codePoint };
    return inTemplate ? { code: "glyph.missingInTemplate", at: { file: m.source }, params } : { code: "glyph.missing", field: m.source, params };
  });
}

/**
 * A file name from the kind and the language tag alone. The pack's language tags are checked when
 * it loads (BCP 47); this refuses anything else that could name a path, whatever a pack holds.
 */
function documentFileName(kind: DocumentKind, lang: string): string {
  if (!/^[A-Za-z0-9-]+$/.test(lang)) throw new PackError([{ code: "pack.badLanguage", params: { path: "languages", lang } }]);
  return `sim-cancel-${kind}-${lang}.pdf`;
}

/**
 * The options and the details, checked together: every problem of both is reported at once, so a
 * wrong --paper does not hide a wrong phone number until the next try.
 */
async function checkInput(input: DetailsInput, options: GenerateOptions): Promise<{ resolved: ResolvedOptions; details: Details }> {
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
 * a user's own templates (`--templates`) can ask for anything, and a batch or a web server must
 * not spend minutes and gigabytes on one person's document.
 */
export const RENDER_LIMITS = { pages: 40, seconds: 20 } as const;

function checkRenderLimits(kind: DocumentKind, pages: number, started: number): void {
  if (pages > RENDER_LIMITS.pages) throw new InputError([{ code: "render.tooManyPages", params: { kind, pages, max: RENDER_LIMITS.pages } }]);
  if (performance.now() - started > RENDER_LIMITS.seconds * 1000) throw new InputError([{ code: "render.tooSlow", params: { kind, seconds: RENDER_LIMITS.seconds } }]);
}

export async function generate(input: DetailsInput, options: GenerateOptions = {}): Promise<GeneratedDocument[]> {
  const { resolved, details } = await checkInput(input, options);
  const { pack, lang, letterLang, paper, translation, timestamp, templatesDir, fonts } = resolved;

  const kinds: DocumentKind[] = details.channel === "proxy" ? ["checklist", "letter", "proxy"] : ["checklist", "letter"];
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

  const extraFaces = loadExtraFaces(fonts, USER_FONTS_DIR);
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
  if (missingInDetails.length > 0) throw new InputError(missingProblems(missingInDetails, false));
  const missingInTemplates = findMissingGlyphs(models.flatMap(({ kind, model }) => documentTexts(model, lookup(kind, model.meta.lang).name)), faces);
  if (missingInTemplates.length > 0) throw new PackError(missingProblems(missingInTemplates, true));

  const documents: GeneratedDocument[] = [];
  for (const { kind, model } of models) {
    const started = performance.now();
    const layout = layoutDocument(model, { paper, fontsFor });
    checkRenderLimits(kind, layout.pages.length, started);
    const bytes = await renderPdf({ layout, meta: model.meta, faces: allFaces, ...(timestamp ? { timestamp } : {}) });
    checkRenderLimits(kind, layout.pages.length, started);
    documents.push({ kind, lang: model.meta.lang, fileName: documentFileName(kind, model.meta.lang), bytes, pages: layout.pages.length });
  }
  return documents;
}
