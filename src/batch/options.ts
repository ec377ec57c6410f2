/**
 * Checks the batch's options once, before any row is read: a wrong --lang or --paper would
 * otherwise fail every row, one by one. The options generate takes are checked by the library's
 * own resolver; the batch adds its summary format, the fonts (loaded once here, so a broken font
 * is one problem, not one per row) and its output folder.
 */
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { InputError } from "../errors.js";
import type { Problem } from "../problems.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "../options.js";
import { extraFontFiles } from "../fonts/font-files.js";
import { USER_FONTS_DIR } from "../paths.js";
import { summaryFileName, type SummaryFormat } from "./summary.js";

export interface OptionCheck extends GenerateOptions {
  out: string;
  force: boolean;
  summary: SummaryFormat;
}

const SUMMARY_FORMATS: readonly SummaryFormat[] = ["csv", "json"];

/** Every problem with the options at once; returns them resolved. */
export async function checkOptions(options: OptionCheck): Promise<ResolvedOptions> {
  const problems: Problem[] = [];
  let resolved: ResolvedOptions | undefined;
  try {
    resolved = await resolveOptions(options);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    problems.push(...error.problems);
  }
  if (!SUMMARY_FORMATS.includes(options.summary)) {
    problems.push({ code: "option.choice", option: "summary", params: { value: String(options.summary), accepted: SUMMARY_FORMATS.join(", ") } });
  }
  // The font engine is loaded only when there are user fonts to check: the main thread of a
  // batch renders nothing, and stays small for the workers that do.
  if (extraFontFiles(options.fonts ?? [], USER_FONTS_DIR).length > 0) {
    const { loadExtraFaces } = await import("../fonts/extra.js");
    try {
      loadExtraFaces(options.fonts ?? [], USER_FONTS_DIR);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      problems.push(...error.problems);
    }
  }
  const summary = join(options.out, summaryFileName(options.summary));
  if (!options.force && (await stat(summary).then(() => true, () => false))) {
    problems.push({ code: "batch.summaryExists", option: "out", params: { path: summary } });
  }
  if (problems.length > 0 || !resolved) throw new InputError(problems);
  return resolved;
}
