/**
 * The library's options, checked once, the same way for every front end (the command line's
 * generate and batch, the web form, a library caller): every problem with them at once, as data
 * naming the option (each front end names it its own way: a flag, a form's label).
 */
import { stat } from "node:fs/promises";
import { InputError } from "./errors.js";
import type { Problem } from "./problems.js";
import { isRealIsoDate, todayInNoumea } from "./details/index.js";
import { loadPackOnce } from "./pack/index.js";
import type { Pack } from "./pack/types.js";
import { PAPER_SIZES, type Paper } from "./layout/style.js";
import { BUNDLED_PACK_DIR } from "./paths.js";

export interface GenerateOptions {
  /** The user's language: the checklist's and the letters' translation (default: the pack's first). */
  lang?: string;
  /** The language of the letters to send (default: the carrier's, the pack's first letter language). */
  letterLang?: string;
  /** Add a translation of each letter in the user's language (default true). */
  translation?: boolean;
  paper?: Paper;
  /** A carrier pack folder (default: the bundled New Caledonia pack). */
  packDir?: string;
  /** A folder of templates that replace the pack's ones with the same file name. */
  templatesDir?: string;
  /** Extra font files for characters the bundled fonts lack ("file.ttc#Face" for a collection). */
  fonts?: string[];
  /** Today's date (ISO), the default letter date; default: today in Nouméa. */
  today?: string;
  /**
   * The PDFs' creation and modification time (e.g. from SOURCE_DATE_EPOCH); default: noon in
   * Nouméa on the letter's date. Either way the same input gives the same bytes.
   */
  timestamp?: Date;
}

/** The options with every default filled in and every value checked. */
export interface ResolvedOptions {
  pack: Pack;
  lang: string;
  letterLang: string;
  translation: boolean;
  paper: Paper;
  templatesDir?: string;
  fonts: string[];
  today: string;
  timestamp?: Date;
}

export const PAPERS = Object.keys(PAPER_SIZES) as Paper[];

function choice(option: string, value: string | undefined, accepted: readonly string[]): Problem[] {
  return value === undefined || accepted.includes(value)
    ? []
    : [{ code: "option.choice", option, params: { value, accepted: accepted.join(", ") } }];
}

/** A folder of templates must be one: a mistyped path is an error, never silently ignored. */
async function folderProblems(option: string, path: string | undefined): Promise<Problem[]> {
  if (path === undefined) return [];
  const stats = await stat(path).catch((error: NodeJS.ErrnoException) => error.code ?? "unreadable");
  if (typeof stats === "string") return [{ code: "option.notAFolder", option, params: { path, reason: stats } }];
  return stats.isDirectory() ? [] : [{ code: "option.notAFolder", option, params: { path, reason: "ENOTDIR" } }];
}

/** Checks and completes the options; throws InputError with every problem found. */
export async function resolveOptions(options: GenerateOptions): Promise<ResolvedOptions> {
  const pack = await loadPackOnce(options.packDir ?? BUNDLED_PACK_DIR);
  const problems = [
    ...choice("lang", options.lang, pack.languages),
    ...choice("letterLang", options.letterLang, pack.letterLanguages),
    ...choice("paper", options.paper, PAPERS),
    ...(await folderProblems("templatesDir", options.templatesDir)),
  ];
  if (options.today !== undefined && !isRealIsoDate(options.today))
    problems.push({ code: "option.invalidValue", option: "today", params: { value: String(options.today) } });
  if (
    options.timestamp !== undefined &&
    !(options.timestamp instanceof Date && Number.isFinite(options.timestamp.getTime()))
  ) {
    problems.push({ code: "option.invalidValue", option: "timestamp", params: { value: String(options.timestamp) } });
  }
  if (problems.length > 0) throw new InputError(problems);
  return {
    pack,
    lang: options.lang ?? pack.languages[0]!,
    letterLang: options.letterLang ?? pack.letterLanguages[0]!,
    translation: options.translation ?? true,
    paper: options.paper ?? "a4",
    ...(options.templatesDir !== undefined ? { templatesDir: options.templatesDir } : {}),
    fonts: options.fonts ?? [],
    today: options.today ?? todayInNoumea(new Date()),
    ...(options.timestamp !== undefined ? { timestamp: options.timestamp } : {}),
  };
}
