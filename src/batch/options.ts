/**
 * Checks the batch's options once, before any row is read: a wrong --lang or --paper would
 * otherwise fail every row, one by one.
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.js";
import { loadPack } from "../pack/index.js";
import { PAPER_SIZES } from "../layout/style.js";
import { extraFontFiles } from "../fonts/font-files.js";
import { FontError } from "../errors.js";
import { BUNDLED_PACK_DIR, USER_FONTS_DIR } from "../paths.js";
import { summaryFileName, type SummaryFormat } from "./summary.js";

export interface OptionCheck {
  lang?: string;
  letterLang?: string;
  paper?: string;
  fonts?: string[];
  packDir?: string;
  out: string;
  force: boolean;
  summary: SummaryFormat;
}

function choice(value: string | undefined, accepted: readonly string[], option: string): string[] {
  return value === undefined || accepted.includes(value) ? [] : [`${option}: "${value}" is not available; accepted values: ${accepted.join(", ")}`];
}

/** Every problem with the options at once; returns the languages in effect. */
export async function checkOptions(options: OptionCheck): Promise<{ lang: string; letterLang: string }> {
  const pack = await loadPack(options.packDir ?? BUNDLED_PACK_DIR);
  const problems = [
    ...choice(options.lang, pack.languages, "--lang"),
    ...choice(options.letterLang, pack.letterLanguages, "--letter-lang"),
    ...choice(options.paper, Object.keys(PAPER_SIZES), "--paper"),
    ...choice(options.summary, ["csv", "json"], "--summary"),
  ];
  // The font engine is loaded only when there are user fonts to check: the main thread of a
  // batch renders nothing, and stays small for the workers that do.
  if (extraFontFiles(options.fonts ?? [], USER_FONTS_DIR).length > 0) {
    const { loadExtraFaces } = await import("../fonts/extra.js");
    try {
      loadExtraFaces(options.fonts ?? [], USER_FONTS_DIR);
    } catch (error) {
      if (!(error instanceof FontError)) throw error;
      problems.push(`--font: ${error.message}`);
    }
  }
  const summary = join(options.out, summaryFileName(options.summary));
  if (!options.force && (await stat(summary).then(() => true, () => false))) {
    problems.push(`--out: ${summary} already exists, from an earlier batch; nothing was written. Use --force to replace it and the row folders, or --out DIR for another folder`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { lang: options.lang ?? pack.languages[0]!, letterLang: options.letterLang ?? pack.letterLanguages[0]! };
}
