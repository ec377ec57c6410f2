/**
 * How the command line names fields and options in messages: by the flags a user types. This and
 * the --help texts are the only places that know the flags' spelling.
 */
import { toKebab } from "../details/index.js";
import type { Labels } from "../messages/format.js";
import { COLUMN_LABELS } from "../batch/labels.js";

/** Library options -> the flags (or environment variable) that set them. */
const OPTION_FLAGS: Readonly<Record<string, string>> = {
  lang: "--lang",
  letterLang: "--letter-lang",
  paper: "--paper",
  translation: "--no-translation",
  packDir: "--pack",
  templatesDir: "--templates",
  fonts: "--font",
  details: "--details",
  force: "--force",
  out: "--out",
  summary: "--summary",
  timestamp: "SOURCE_DATE_EPOCH",
  today: "--date",
};

/** "customerNumber" -> "--customer-number". */
export function flagOf(field: string): string {
  return `--${toKebab(field)}`;
}

/** A value as one shell word: bare when it needs no quotes, else in double quotes, line breaks as \n. */
export function shellValue(value: string): string {
  const text = value.replace(/\n/g, "\\n");
  return /^[\w.@+:/,=-]+$/.test(text) ? text : `"${text.replace(/["\\$`]/g, "\\$&")}"`;
}

export const CLI_LABELS: Labels = {
  field: flagOf,
  option: (name) => OPTION_FLAGS[name] ?? `--${toKebab(name)}`,
  setting: (field, value) => `${flagOf(field)} ${shellValue(value)}`,
  example: (field, value) => `${flagOf(field)} ${shellValue(value)}`,
};

/**
 * A batch's problems, on the terminal and in its summary: fields by their column (what the person
 * fixes is the file), options by their flags.
 */
export const BATCH_CLI_LABELS: Labels = { ...COLUMN_LABELS, option: CLI_LABELS.option };
