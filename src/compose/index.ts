/**
 * The compose stage: (Details, Pack, languages, document kind) -> DocModel.
 * Renders the pack's Handlebars templates, then parses their Markdown into blocks.
 */
import type { Details } from "../details/types.js";
import type { DocModel, Section } from "../model/doc-model.js";
import type { DocumentKind, Pack } from "../pack/types.js";
import { buildContext } from "./context.js";
import { renderTemplate } from "./helpers.js";
import { markdownToBlocks } from "./markdown.js";
import { UserTextTable } from "./user-text.js";

export { TemplateError } from "./helpers.js";
export type { DocumentKind };

export interface TemplateSource {
  /** File name, for messages. */
  name: string;
  source: string;
}

/** Returns the template of a kind in a language (loaded beforehand: composing does no I/O). */
export type TemplateLookup = (kind: DocumentKind, lang: string) => TemplateSource;

export interface ComposeOptions {
  /** The user's language: the checklist's, and the translation's. */
  lang: string;
  /** The language of the letters to send. */
  letterLang: string;
  /** Print a translation of each letter in `lang` after it. */
  translation: boolean;
}

function composeSection(
  kind: DocumentKind,
  lang: string,
  translation: boolean,
  details: Details,
  pack: Pack,
  templates: TemplateLookup,
  options: ComposeOptions,
): Section {
  const template = templates(kind, lang);
  const users = new UserTextTable();
  const context = buildContext(details, pack, users, { lang, letterLang: options.letterLang, translation });
  const markdown = renderTemplate(template.source, context, { pack, lang, users, templateName: template.name });
  const furniture = {
    title: packString(pack, `${kind}.title`, lang),
    author: details.name,
    pageNumber: packString(pack, "footer", lang) || "{page} / {pages}",
  };
  return { lang, newPage: true, furniture, blocks: markdownToBlocks(markdown, users, template.name) };
}

function packString(pack: Pack, key: string, lang: string): string {
  return pack.strings[key]?.[lang] ?? "";
}

export function composeDocument(
  kind: DocumentKind,
  details: Details,
  pack: Pack,
  templates: TemplateLookup,
  options: ComposeOptions,
): DocModel {
  const mainLang = kind === "checklist" ? options.lang : options.letterLang;
  const sections = [composeSection(kind, mainLang, false, details, pack, templates, options)];
  if (kind !== "checklist" && options.translation && options.lang !== options.letterLang) {
    sections.push(composeSection(kind, options.lang, true, details, pack, templates, options));
  }
  return {
    meta: {
      title: packString(pack, `${kind}.title`, mainLang),
      author: details.name,
      subject: packString(pack, `subject.${kind}`, mainLang),
      keywords: packString(pack, "keywords", mainLang)
        .split(/\s*[,，、]\s*/)
        .filter(Boolean),
      lang: mainLang,
      date: details.date,
    },
    sections,
  };
}
