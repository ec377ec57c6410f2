/**
 * The template helpers of docs/templates.md, registered on a private Handlebars environment.
 * Helpers that print user text take placeholders in and give placeholders out, so user text is
 * formatted here but never parsed as Markdown.
 */
import Handlebars from "handlebars";
import type { Localized, Pack } from "../pack/types.js";
import { formatLongDate, formatMoney } from "./format.js";
import { fillMarker } from "./markers.js";
import type { UserTextTable } from "./user-text.js";

export class TemplateError extends Error {}

/** What every helper needs besides its arguments: the pack, the language and the user text. */
export interface HelperScope {
  pack: Pack;
  lang: string;
  users: UserTextTable;
  /** Name of the template being rendered, for messages. */
  templateName: string;
}

const DEFAULT_VERIFY_MARK = "※";

function pick(text: Localized | string, scope: HelperScope, what: string): string {
  if (typeof text === "string") return text;
  const value = text[scope.lang];
  if (value === undefined) throw new TemplateError(`${scope.templateName}: ${what} has no text in ${scope.lang}`);
  return value;
}

export function verifyMark(scope: HelperScope): string {
  return scope.pack.strings["verifyMark"]?.[scope.lang] ?? DEFAULT_VERIFY_MARK;
}

/**
 * A Handlebars environment with the helpers bound to one scope. Pack texts are snippets rendered
 * with the same environment and context, so `tr` and `s` compile them (cached per environment).
 */
export function createEnvironment(scope: HelperScope): typeof Handlebars {
  const env = Handlebars.create();
  const snippets = new Map<string, HandlebarsTemplateDelegate>();
  const renderSnippet = (text: string, root: unknown): string => {
    let template = snippets.get(text);
    if (!template) {
      template = env.compile(text, { noEscape: true, strict: true });
      snippets.set(text, template);
    }
    return template(root);
  };

  env.registerHelper("tr", function (text: Localized | string, options: Handlebars.HelperOptions) {
    if (text === undefined || text === null) throw new TemplateError(`${scope.templateName}: "tr" was given nothing to translate`);
    return renderSnippet(pick(text, scope, "a pack text"), options.data.root);
  });
  env.registerHelper("s", function (key: string, options: Handlebars.HelperOptions) {
    const text = scope.pack.strings[key];
    if (!text) throw new TemplateError(`${scope.templateName}: unknown pack string "${key}" (see strings in pack.yaml)`);
    return renderSnippet(pick(text, scope, `string "${key}"`), options.data.root);
  });
  env.registerHelper("fact", function (id: string) {
    const fact = scope.pack.facts[id];
    if (!fact) throw new TemplateError(`${scope.templateName}: unknown fact "${id}" (see facts in pack.yaml)`);
    const value = pick(fact.value, scope, `fact "${id}"`);
    return fact.status === "verify" ? `${value}${verifyMark(scope)}` : value;
  });
  env.registerHelper("mark", function (entry: { status?: string } | undefined) {
    return entry?.status === "verify" ? verifyMark(scope) : "";
  });
  env.registerHelper("date", function (value: string) {
    const iso = scope.users.resolve(value ?? "");
    return iso ? scope.users.hold(formatLongDate(iso, scope.lang)) : "";
  });
  env.registerHelper("fill", function (value: unknown, ...rest: unknown[]) {
    const width = typeof rest[0] === "number" ? rest[0] : 0;
    return typeof value === "string" && value !== "" ? value : fillMarker(width);
  });
  env.registerHelper("blank", function (...rest: unknown[]) {
    return fillMarker(typeof rest[0] === "number" ? rest[0] : 0);
  });
  env.registerHelper("money", function (amount: number) {
    return formatMoney(Number(amount));
  });
  env.registerHelper("eq", function (a: unknown, b: unknown) {
    return a === b;
  });
  return env;
}
