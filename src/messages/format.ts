/**
 * Problems into words: a front end gives the user's language and its own names for fields and
 * options (Labels); the catalogue gives the sentence. Every string parameter is shown escaped
 * (show.ts), since most come from the user or a file.
 */
import type { Problem, ProblemPlace } from "../problems.js";
import { FIELD_EXAMPLES, isFieldName } from "../details/fields.js";
import { show } from "../show.js";
import { CATALOGUES, resolveMessageLang, type Catalogue } from "./catalogue.js";

/** How a front end names things: the command line `--phone`, a batch summary `phone`, a form its labels. */
export interface Labels {
  field(name: string): string;
  option(name: string): string;
  /** A field set to a value: `--channel proxy`. */
  setting(field: string, value: string): string;
  /** One example value of a field, as the user would give it: `--name "Xiaoming WANG"`. */
  example(field: string, value: string): string;
}

/** A problem in words, in parts, for a front end that lays them out itself (the web form). */
export interface WordedProblem {
  /** Where: "details.yaml, line 3", "row 4 (line 5)". */
  place?: string;
  /** What: the field's or option's label. */
  label?: string;
  message: string;
  /** What the field expects, with examples. */
  hint?: string;
}

type Values = Readonly<Record<string, string | number>>;

function fillPlain(template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function fill(template: string, params: Values, catalogue: Catalogue, labels: Labels): string {
  return template.replace(/\{(\w+)(?::([\w=,-]+))?\}/g, (whole, kind: string, arg: string | undefined) => {
    if (arg === undefined) {
      const value = params[kind];
      if (value === undefined) return whole;
      // What a path is ("folder", "device"): a word of the catalogue, not text to show as is.
      if (kind === "kind")
        return (catalogue.words as Record<string, string>)[`fileKind.${value}`] ?? show(String(value));
      return typeof value === "string" ? show(value) : String(value);
    }
    switch (kind) {
      case "field":
        return labels.field(arg);
      case "option":
        return labels.option(arg);
      case "setting": {
        const [field, value] = arg.split("=") as [string, string];
        return labels.setting(field, value ?? "");
      }
      case "fields":
        return String(params[arg] ?? "")
          .split(",")
          .filter(Boolean)
          .map((f) => show(labels.field(f)))
          .join(catalogue.words.listSeparator);
      default:
        return whole;
    }
  });
}

export function formatPlace(at: ProblemPlace | undefined, lang: string): string | undefined {
  if (!at) return undefined;
  const words = CATALOGUES[resolveMessageLang(lang)].words;
  const file = at.file === undefined ? undefined : show(at.file);
  if (at.row !== undefined)
    return fillPlain(at.line === undefined ? words.row : words.rowLine, { row: at.row, line: at.line ?? "" });
  if (file === undefined) return undefined;
  if (at.line === undefined) return file;
  return at.column === undefined
    ? fillPlain(words.fileLine, { file, line: at.line })
    : fillPlain(words.fileLineColumn, { file, line: at.line, column: at.column });
}

/** A field's hint with its examples, in `lang`, as this front end shows examples. */
export function fieldHint(field: string, lang: string, labels: Labels): string | undefined {
  if (!isFieldName(field)) return undefined;
  const catalogue = CATALOGUES[resolveMessageLang(lang)];
  const hint = (catalogue.hints as Record<string, string>)[field];
  if (hint === undefined) return undefined;
  const example = FIELD_EXAMPLES[field].map((value) => labels.example(field, value)).join(catalogue.words.or);
  // The examples are the front end's own text (flags, quotes), not user input: filled as they are.
  return fill(fillPlain(hint, { example }), {}, catalogue, labels);
}

export function wordProblem(problem: Problem, lang: string, labels: Labels): WordedProblem {
  const catalogue = CATALOGUES[resolveMessageLang(lang)];
  const template = (catalogue.messages as Record<string, string>)[problem.code];
  // A code no catalogue knows is a bug; still say something that can be looked up.
  const message =
    template === undefined
      ? `${problem.code} ${show(JSON.stringify(problem.params ?? {}))}`
      : fill(template, problem.params ?? {}, catalogue, labels);
  const worded: WordedProblem = { message };
  const place = formatPlace(problem.at, lang);
  if (place !== undefined) worded.place = place;
  if (problem.field !== undefined) {
    worded.label = labels.field(problem.field);
    const hint = fieldHint(problem.field, lang, labels);
    if (hint !== undefined) worded.hint = hint;
  } else if (problem.option !== undefined) {
    worded.label = labels.option(problem.option);
  }
  return worded;
}

/**
 * One line: "row 3 (line 5): phone: message. Expected: hint" for a field; an option comes before
 * the file it names: "--details: me.yaml, line 2: message".
 */
export function formatProblem(problem: Problem, lang: string, labels: Labels): string {
  const worded = wordProblem(problem, lang, labels);
  const words = CATALOGUES[resolveMessageLang(lang)].words;
  const text =
    worded.hint === undefined
      ? worded.message
      : fillPlain(words.withHint, { message: worded.message, hint: worded.hint });
  const parts = problem.field === undefined ? [worded.label, worded.place, text] : [worded.place, worded.label, text];
  return parts.filter((part) => part !== undefined).join(": ");
}
