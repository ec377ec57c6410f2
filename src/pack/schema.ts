/**
 * The shape of pack.yaml, checked with zod, plus the cross-checks a schema alone cannot express:
 * every text in every declared language, every source key known, every fact a text names defined.
 */
import { z } from "zod";
import { CHANNELS, PLANS } from "../details/types.js";
import type { MessageCode } from "../problems.js";

/**
 * The schema, built on first use: zod builds schemas eagerly, and a cold start that finds its pack
 * already validated at build time (see prebuilt.ts) would spend 5-10 ms building one it never uses.
 */
/**
 * A well-formed BCP 47 language tag ("fr", "zh-Hant", "en-NC"), as the platform's own parser
 * reads them, made only of letters, digits and hyphens: tags become parts of file names.
 */
export function isLanguageTag(tag: string): boolean {
  if (!/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/.test(tag)) return false;
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

function buildPackSchema() {
  const language = z.string().check((ctx) => {
    if (!isLanguageTag(ctx.value))
      ctx.issues.push({
        code: "custom",
        input: ctx.value,
        params: { code: "pack.badLanguage", params: { lang: ctx.value } },
      });
  });
  const localized = z.record(z.string(), z.string().min(1));
  const one = z.strictObject({
    plan: z.array(z.enum(PLANS)).min(1).optional(),
    channel: z.array(z.enum(CHANNELS)).min(1).optional(),
    refund: z.boolean().optional(),
    leaving: z.boolean().optional(),
  });
  // One condition, or a list of conditions of which any one is enough.
  const condition = z.union([one, z.array(one).min(1)]);
  const status = z.enum(["confirmed", "verify"]);
  const sources = z.array(z.string()).min(1);
  const entry = z.strictObject({ id: z.string(), text: localized, when: condition.optional(), status, sources });

  return z.strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/),
    name: localized,
    languages: z.array(language).min(1),
    letterLanguages: z.array(language).min(1),
    sources: z.record(
      z.string(),
      z.strictObject({
        title: z.string().min(1),
        url: z.string(),
        name: localized.optional(),
        date: z.union([z.string().min(1), localized]).optional(),
      }),
    ),
    facts: z.record(z.string(), z.strictObject({ value: z.union([z.string().min(1), localized]), status, sources })),
    // The address the letter goes to is a fact like any other: where it comes from, and whether the
    // carrier confirmed it (the checklist prints it with the mark; the letter, to the carrier, without).
    recipient: z.strictObject(
      { lines: z.array(z.string().min(1)).min(1), status, sources },
      {
        error: (issue) =>
          issue.code === "invalid_type"
            ? "expected the letter's address as { lines: [...], status, sources } (see docs/templates.md)"
            : undefined,
      },
    ),
    steps: z
      .array(
        z.strictObject({ id: z.string(), title: localized, when: condition.optional(), items: z.array(entry).min(1) }),
      )
      .min(1),
    documents: z.array(entry),
    precautions: z.array(entry),
    leaving: z.array(entry).default([]),
    enclosures: z.array(z.strictObject({ id: z.string(), text: localized, when: condition.optional() })).default([]),
    phrases: z.array(z.strictObject({ fr: z.string().min(1), translation: localized, when: condition.optional() })),
    strings: z.record(z.string(), localized),
  });
}

let schema: ReturnType<typeof buildPackSchema> | undefined;

export function packSchema(): ReturnType<typeof buildPackSchema> {
  schema ??= buildPackSchema();
  return schema;
}

export type PackData = z.infer<ReturnType<typeof buildPackSchema>>;

/** "steps[2].items[0].text" from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (out, key) => (typeof key === "number" ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)),
    "",
  );
}

const FACT_REFERENCE = /\{\{\s*fact\s+"([^"]+)"\s*\}\}/g;

/** A problem found in pack.yaml, with the path of the value at fault (for its line number). */
export interface PackProblem {
  path: (string | number)[];
  code: MessageCode;
  params: Record<string, string>;
}

/** Problems zod cannot see: missing translations, unknown sources, facts named but not defined. */
export function crossCheck(pack: PackData): PackProblem[] {
  type Path = (string | number)[];
  const problems: PackProblem[] = [];
  const needLanguages = (text: Record<string, string>, languages: string[], path: Path) => {
    for (const lang of languages)
      if (!(lang in text)) problems.push({ path, code: "pack.missingLanguage", params: { lang } });
  };
  const needSources = (keys: string[], path: Path) => {
    keys.forEach((key, k) => {
      if (!(key in pack.sources))
        problems.push({ path: [...path, "sources", k], code: "pack.unknownSource", params: { key } });
    });
  };
  const needFacts = (text: string, path: Path) => {
    for (const match of text.matchAll(FACT_REFERENCE))
      if (!(match[1]! in pack.facts)) problems.push({ path, code: "pack.unknownFact", params: { fact: match[1]! } });
  };
  const all = [...new Set([...pack.languages, ...pack.letterLanguages])];
  const checkText = (text: Record<string, string>, languages: string[], path: Path) => {
    needLanguages(text, languages, path);
    for (const [lang, value] of Object.entries(text)) needFacts(value, [...path, lang]);
  };

  checkText(pack.name, all, ["name"]);
  for (const [id, source] of Object.entries(pack.sources)) {
    if (source.name) needLanguages(source.name, pack.languages, ["sources", id, "name"]);
    if (source.date && typeof source.date !== "string")
      needLanguages(source.date, pack.languages, ["sources", id, "date"]);
  }
  needSources(pack.recipient.sources, ["recipient"]);
  for (const [id, fact] of Object.entries(pack.facts)) {
    needSources(fact.sources, ["facts", id]);
    if (typeof fact.value !== "string") needLanguages(fact.value, all, ["facts", id, "value"]);
  }
  pack.steps.forEach((step, s) => {
    checkText(step.title, pack.languages, ["steps", s, "title"]);
    step.items.forEach((item, i) => {
      checkText(item.text, pack.languages, ["steps", s, "items", i, "text"]);
      needSources(item.sources, ["steps", s, "items", i]);
    });
  });
  for (const list of ["documents", "precautions", "leaving"] as const) {
    pack[list].forEach((item, i) => {
      checkText(item.text, pack.languages, [list, i, "text"]);
      needSources(item.sources, [list, i]);
    });
  }
  pack.enclosures.forEach((item, i) => {
    checkText(item.text, all, ["enclosures", i, "text"]);
  });
  pack.phrases.forEach((phrase, i) => {
    needLanguages(
      phrase.translation,
      pack.languages.filter((l) => l !== "fr"),
      ["phrases", i, "translation"],
    );
  });
  for (const [key, text] of Object.entries(pack.strings)) checkText(text, all, ["strings", key]);
  return problems;
}

/** Facts named by a template's source, for the same check on templates. */
export function factReferences(source: string): string[] {
  return [...source.matchAll(FACT_REFERENCE)].map((m) => m[1]!);
}
