/**
 * Handlebars templates compiled at build time, by exact source text. Empty here: the command
 * line's bundle (scripts/bundle.mjs) replaces this module with the bundled packs' templates and
 * snippets, precompiled with TEMPLATE_OPTIONS, so a cold start does not run the Handlebars
 * compiler (50-60 ms). Other sources (own templates, other packs) are compiled at run time.
 */
export const PRECOMPILED_TEMPLATES: ReadonlyMap<string, object> = new Map();

/**
 * Handlebars' options for every template and snippet: the same at build time and at run time.
 * Frozen, because Handlebars.precompile writes into the options it is given (compile copies them).
 */
export const TEMPLATE_OPTIONS = Object.freeze({ noEscape: true, strict: true } as const);
