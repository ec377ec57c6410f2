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
import { punctuation } from "./typography.js";
import { PRECOMPILED_TEMPLATES, TEMPLATE_OPTIONS } from "./precompiled.js";
import type { UserTextTable } from "./user-text.js";

import { TemplateError } from "../errors.js";
import type { MessageCode, Problem } from "../problems.js";
import { formatBytes } from "../input/read.js";

export { TemplateError };

/** What every helper needs besides its arguments: the pack, the language and the user text. */
export interface HelperScope {
  pack: Pack;
  lang: string;
  users: UserTextTable;
  /** Name of the template being rendered, for messages. */
  templateName: string;
  /** What this render has spent of TEMPLATE_LIMITS. */
  budget: RenderBudget;
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

/** A template's problem, placed in its file. */
function templateProblem(scope: HelperScope, code: MessageCode, params?: Record<string, string>): TemplateError {
  return new TemplateError([{ code, at: { file: scope.templateName }, ...(params ? { params } : {}) }]);
}

function pick(text: Localized | string, scope: HelperScope, what: string): string {
  if (typeof text === "string") return text;
  const value = text[scope.lang];
  if (value === undefined) throw templateProblem(scope, "template.noText", { what, lang: scope.lang });
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

env.registerHelper("tr", (text: Localized | string, options: Handlebars.HelperOptions) => {
  const scope = scopeOf(options);
  if (text === undefined || text === null) throw templateProblem(scope, "template.nothingToTranslate");
  return renderSnippet(pick(text, scope, "a pack text"), options);
});
env.registerHelper("s", (...args: unknown[]) => {
  // {{s "idType." details.idType}}: the key's parts are joined, so a closed-set value picks its string.
  const options = args.pop() as Handlebars.HelperOptions;
  const scope = scopeOf(options);
  const key = args.map(String).join("");
  const text = scope.pack.strings[key];
  if (!text) throw templateProblem(scope, "template.unknownString", { key: String(key) });
  return renderSnippet(pick(text, scope, `string "${key}"`), options);
});
env.registerHelper("fact", (id: string, options: Handlebars.HelperOptions) => {
  const scope = scopeOf(options);
  const fact = scope.pack.facts[id];
  if (!fact) throw templateProblem(scope, "template.unknownFact", { fact: String(id) });
  const value = pick(fact.value, scope, `fact "${id}"`);
  return fact.status === "verify" ? `${value}${verifyMark(scope)}` : value;
});
env.registerHelper("mark", (entry: { status?: string } | undefined, options: Handlebars.HelperOptions) =>
  entry?.status === "verify" ? verifyMark(scopeOf(options)) : "",
);
env.registerHelper(
  "entry",
  (entry: { text?: Localized; status?: string } | undefined, options: Handlebars.HelperOptions) => {
    const scope = scopeOf(options);
    if (!entry?.text) throw templateProblem(scope, "template.entryNeedsText");
    const text = renderSnippet(pick(entry.text, scope, "an entry's text"), options);
    const mark = verifyMark(scope);
    // One mark per item: when a fact to verify inside the text already carries one, the entry's own
    // mark would only stutter after it ("helia.nc※.※"); the fact's mark, next to what to check, stays.
    return entry.status === "verify" && !text.includes(mark) ? `${text}${mark}` : text;
  },
);
env.registerHelper("inline", (value: unknown, options: Handlebars.HelperOptions) => {
  const scope = scopeOf(options);
  const lines = Array.isArray(value)
    ? value.map(String)
    : typeof value === "string"
      ? scope.users.resolve(value).split("\n")
      : [];
  // An address's lines joined into one for a sentence; the result is held like any user text, so it
  // still prints literally. A line's own trailing comma is dropped, or the join would double it.
  return scope.users.hold(
    lines
      .map((line) =>
        line
          .trim()
          .replace(/[,;，；]+$/u, "")
          .trimEnd(),
      )
      .filter(Boolean)
      .join(", "),
  );
});
env.registerHelper("sentence", (value: unknown, options: Handlebars.HelperOptions) => {
  const scope = scopeOf(options);
  if (typeof value !== "string" || value === "") return "";
  // The user may already have ended their text ("Départ définitif.", "回国。"): add the full stop only
  // when it is missing, so the letter never prints ".." or "。。".
  if (ENDS_SENTENCE.test(scope.users.resolve(value))) return value;
  return `${value}${punctuation(scope.lang).fullStop}`;
});
env.registerHelper("paren", (value: unknown, options: Handlebars.HelperOptions) => {
  // " (x)" after a word in Latin script, "（x）" with no space in Chinese; nothing for an empty value.
  const marks = punctuation(scopeOf(options).lang);
  return typeof value === "string" && value !== "" ? `${marks.open}${value}${marks.close}` : "";
});
env.registerHelper("gap", (options: Handlebars.HelperOptions) => punctuation(scopeOf(options).lang).gap);
env.registerHelper("listSep", (options: Handlebars.HelperOptions) => punctuation(scopeOf(options).lang).listSep);
env.registerHelper("hasLang", (text: unknown, options: Handlebars.HelperOptions) => {
  // Whether a pack text (a phrase's translation, ...) has a version in this template's language.
  return typeof text === "object" && text !== null && Object.hasOwn(text, scopeOf(options).lang);
});
env.registerHelper("date", (value: string, options: Handlebars.HelperOptions) => {
  const scope = scopeOf(options);
  const iso = scope.users.resolve(value ?? "");
  return iso ? scope.users.hold(formatLongDate(iso, scope.lang)) : "";
});
env.registerHelper("fill", (value: unknown, ...rest: unknown[]) =>
  typeof value === "string" && value !== "" ? value : fillMarker(optionalNumber(rest)),
);
env.registerHelper("blank", (...rest: unknown[]) => fillMarker(optionalNumber(rest)));
env.registerHelper("money", (amount: number) => formatMoney(Number(amount)));
env.registerHelper("eq", (a: unknown, b: unknown) => a === b);

/**
 * Limits on what a template may make: a user's own template (the templatesDir option) is input like any
 * other, and nested loops over the pack's lists grow as a power of their depth (13 nested
 * `{{#each}}` had run past 90 s and 1 GB). The bundled templates repeat a few hundred times and
 * make some 10 KB of Markdown.
 */
export const TEMPLATE_LIMITS = {
  /** Loop bodies rendered, counting every level. */
  repetitions: 20_000,
  /** Text made by loop bodies, counting every level (a nested body counts in each loop around it). */
  loopText: 4_000_000,
  /** The Markdown one template makes. */
  output: 1_000_000,
} as const;

interface RenderBudget {
  repetitions: number;
  loopText: number;
}

/**
 * `each` with a budget: every loop body rendered is counted with the text it makes, and a template
 * that goes past the limits stops at once with a problem instead of running for minutes.
 */
const builtinEach = env.helpers["each"] as Handlebars.HelperDelegate;
env.registerHelper("each", function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
  const scope = scopeOf(options);
  const budget = scope.budget;
  const fn = options.fn;
  const counted = (item: unknown, more?: Handlebars.RuntimeOptions) => {
    if (++budget.repetitions > TEMPLATE_LIMITS.repetitions) {
      throw templateProblem(scope, "template.tooManyRepetitions", { max: String(TEMPLATE_LIMITS.repetitions) });
    }
    const text = fn(item, more);
    budget.loopText += text.length;
    if (budget.loopText > TEMPLATE_LIMITS.loopText)
      throw templateProblem(scope, "template.outputTooLarge", {
        size: formatBytes(budget.loopText),
        max: formatBytes(TEMPLATE_LIMITS.output),
      });
    return text;
  };
  return builtinEach.call(this, context, { ...options, fn: counted as Handlebars.TemplateDelegate });
});

/** Renders a template's source with the context; errors name the template. */
export function renderTemplate(source: string, context: object, scope: Omit<HelperScope, "budget">): string {
  const withBudget: HelperScope = { ...scope, budget: { repetitions: 0, loopText: 0 } };
  let output: string;
  try {
    output = compile(source)(context, { data: { scope: withBudget } });
  } catch (error) {
    if (error instanceof TemplateError) throw error;
    throw new TemplateError([handlebarsProblem(scope.templateName, (error as Error).message)]);
  }
  if (output.length > TEMPLATE_LIMITS.output) {
    throw templateProblem(withBudget, "template.outputTooLarge", {
      size: formatBytes(output.length),
      max: formatBytes(TEMPLATE_LIMITS.output),
    });
  }
  return output;
}

/** Handlebars' messages as problems placed at their line and column. */
function handlebarsProblem(file: string, message: string): Problem {
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(message);
  if (missing)
    return {
      code: "template.unknownName",
      at: { file, line: Number(missing[2]), column: Number(missing[3]) + 1 },
      params: { name: missing[1]! },
    };
  const parse = /^Parse error on line (\d+):\n([\s\S]*)$/.exec(message);
  if (parse)
    return {
      code: "template.syntax",
      at: { file, line: Number(parse[1]) },
      params: { detail: parse[2]!.split("\n").at(-1)! },
    };
  return { code: "template.failed", at: { file }, params: { detail: message } };
}
