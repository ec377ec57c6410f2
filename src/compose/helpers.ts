/**
 * The template helpers of docs/templates.md, on one private Handlebars environment shared by every
 * document. What differs per document (pack, language, user text) travels as render data, so each
 * template and pack snippet is compiled once per process, not once per document.
 * Helpers that print user text take placeholders in and give placeholders out, so user text is
 * formatted here but never parsed as Markdown.
 */
import Handlebars from "handlebars";
import type { Localized, Pack } from "../pack/types.js";
import { formatLongDate, formatMoney } from "./format.js";
import { fillMarker } from "./markers.js";
import { PRECOMPILED_TEMPLATES, TEMPLATE_OPTIONS } from "./precompiled.js";
import type { UserTextTable } from "./user-text.js";

import { TemplateError } from "../errors.js";

export { TemplateError };

/** What every helper needs besides its arguments: the pack, the language and the user text. */
export interface HelperScope {
  pack: Pack;
  lang: string;
  users: UserTextTable;
  /** Name of the template being rendered, for messages. */
  templateName: string;
}

const DEFAULT_VERIFY_MARK = "※";
/** Final punctuation of a sentence, possibly followed by closing quotes or brackets. */
const ENDS_SENTENCE = /[.!?…。！？][\s"'’”»)）」』]*$/u;
/** Compiled templates and snippets by source text; bounded by the pack's own texts. */
const MAX_COMPILED = 5_000;

const env = Handlebars.create();
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/**
 * A source without "{{" is plain text, which Handlebars would return unchanged (most pack texts:
 * the Handlebars compiler took a tenth of a cold start for them; a NUL character, which Handlebars
 * refuses, is left to it); a precompiled one is only wrapped; any other is compiled.
 */
function compile(source: string): HandlebarsTemplateDelegate {
  let template = compiled.get(source);
  if (!template) {
    const plain = !source.includes("{{") && !source.includes("\0");
    const precompiled = plain ? undefined : PRECOMPILED_TEMPLATES.get(source);
    template = plain ? () => source : precompiled ? env.template(precompiled) : env.compile(source, TEMPLATE_OPTIONS);
    if (compiled.size >= MAX_COMPILED) compiled.clear();
    compiled.set(source, template);
  }
  return template;
}

function scopeOf(options: Handlebars.HelperOptions): HelperScope {
  return (options.data as { scope: HelperScope }).scope;
}

function pick(text: Localized | string, scope: HelperScope, what: string): string {
  if (typeof text === "string") return text;
  const value = text[scope.lang];
  if (value === undefined) throw new TemplateError(`${scope.templateName}: ${what} has no text in ${scope.lang}`);
  return value;
}

function verifyMark(scope: HelperScope): string {
  return scope.pack.strings["verifyMark"]?.[scope.lang] ?? DEFAULT_VERIFY_MARK;
}

/** Pack texts are snippets rendered with the same context and data as the template around them. */
function renderSnippet(text: string, options: Handlebars.HelperOptions): string {
  return compile(text)(options.data.root, { data: options.data });
}

/** Helpers take their options last; optional numeric arguments come before it. */
function optionalNumber(args: unknown[]): number {
  return typeof args[0] === "number" ? args[0] : 0;
}

env.registerHelper("tr", function (text: Localized | string, options: Handlebars.HelperOptions) {
  const scope = scopeOf(options);
  if (text === undefined || text === null) throw new TemplateError(`${scope.templateName}: "tr" was given nothing to translate`);
  return renderSnippet(pick(text, scope, "a pack text"), options);
});
env.registerHelper("s", function (key: string, options: Handlebars.HelperOptions) {
  const scope = scopeOf(options);
  const text = scope.pack.strings[key];
  if (!text) throw new TemplateError(`${scope.templateName}: unknown pack string "${key}" (see strings in pack.yaml)`);
  return renderSnippet(pick(text, scope, `string "${key}"`), options);
});
env.registerHelper("fact", function (id: string, options: Handlebars.HelperOptions) {
  const scope = scopeOf(options);
  const fact = scope.pack.facts[id];
  if (!fact) throw new TemplateError(`${scope.templateName}: unknown fact "${id}" (see facts in pack.yaml)`);
  const value = pick(fact.value, scope, `fact "${id}"`);
  return fact.status === "verify" ? `${value}${verifyMark(scope)}` : value;
});
env.registerHelper("mark", function (entry: { status?: string } | undefined, options: Handlebars.HelperOptions) {
  return entry?.status === "verify" ? verifyMark(scopeOf(options)) : "";
});
env.registerHelper("entry", function (entry: { text?: Localized; status?: string } | undefined, options: Handlebars.HelperOptions) {
  const scope = scopeOf(options);
  if (!entry?.text) throw new TemplateError(`${scope.templateName}: "entry" needs a pack entry with a text (a step item, document or precaution)`);
  const text = renderSnippet(pick(entry.text, scope, "an entry's text"), options);
  const mark = verifyMark(scope);
  // One mark per item: when a fact to verify inside the text already carries one, the entry's own
  // mark would only stutter after it ("helia.nc※.※"); the fact's mark, next to what to check, stays.
  return entry.status === "verify" && !text.includes(mark) ? `${text}${mark}` : text;
});
env.registerHelper("inline", function (value: unknown, options: Handlebars.HelperOptions) {
  const scope = scopeOf(options);
  const lines = Array.isArray(value) ? value.map(String) : typeof value === "string" ? scope.users.resolve(value).split("\n") : [];
  // An address's lines joined into one for a sentence; the result is held like any user text, so it
  // still prints literally. A line's own trailing comma is dropped, or the join would double it.
  return scope.users.hold(lines.map((line) => line.trim().replace(/[,;，；]+$/u, "").trimEnd()).filter(Boolean).join(", "));
});
env.registerHelper("sentence", function (value: unknown, options: Handlebars.HelperOptions) {
  const scope = scopeOf(options);
  if (typeof value !== "string" || value === "") return "";
  // The user may already have ended their text ("Départ définitif.", "回国。"): add the full stop only
  // when it is missing, so the letter never prints ".." or "。。".
  if (ENDS_SENTENCE.test(scope.users.resolve(value))) return value;
  return `${value}${scope.lang.startsWith("zh") ? "。" : "."}`;
});
env.registerHelper("date", function (value: string, options: Handlebars.HelperOptions) {
  const scope = scopeOf(options);
  const iso = scope.users.resolve(value ?? "");
  return iso ? scope.users.hold(formatLongDate(iso, scope.lang)) : "";
});
env.registerHelper("fill", function (value: unknown, ...rest: unknown[]) {
  return typeof value === "string" && value !== "" ? value : fillMarker(optionalNumber(rest));
});
env.registerHelper("blank", function (...rest: unknown[]) {
  return fillMarker(optionalNumber(rest));
});
env.registerHelper("money", function (amount: number) {
  return formatMoney(Number(amount));
});
env.registerHelper("eq", function (a: unknown, b: unknown) {
  return a === b;
});

/** Renders a template's source with the context; errors name the template. */
export function renderTemplate(source: string, context: object, scope: HelperScope): string {
  try {
    return compile(source)(context, { data: { scope } });
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw new TemplateError(describeHandlebarsError(scope.templateName, (error as Error).message));
  }
}

/** Handlebars' messages, reworded as "file:line:column: what is wrong". */
function describeHandlebarsError(file: string, message: string): string {
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (missing) return `${file}:${missing[2]}:${missing[3]}: "${missing[1]}" is neither a variable of the context nor a helper (see docs/templates.md)`;
  const parse = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(message);
  if (parse) return `${file}:${parse[1]}: template syntax error:\n${parse[2]}`;
  return `${file}: ${message}`;
}
