/**
 * Checks the batch's options once, before any row is read: a wrong language or paper size would
 * otherwise fail every row, one by one. The options generate takes are checked by the library's
 * own resolver; the batch adds its summary format, the fonts (loaded once here, so a broken font
 * is one problem, not one per row) and the details given for every row.
 */
import { InputError } from "../errors.js";
import type { Problem } from "../problems.js";
import { resolveOptions, type GenerateOptions, type ResolvedOptions } from "../options.js";
import { extraFontFiles } from "../fonts/font-files.js";
import { USER_FONTS_DIR } from "../paths.js";
import type { DetailsInput } from "../details/index.js";
import { defaultsProblems } from "./defaults.js";
import type { SummaryFormat } from "./summary.js";

export interface OptionCheck extends GenerateOptions {
  summary: SummaryFormat;
  /** Details for every row (see defaults.ts): checked once here, not once per row. */
  defaults?: DetailsInput;
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
    problems.push({
      code: "option.choice",
      option: "summary",
      params: { value: String(options.summary), accepted: SUMMARY_FORMATS.join(", ") },
    });
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
  if (resolved) problems.push(...defaultsProblems(options.defaults, resolved.today));
  // An earlier summary in the output folder is looked at once the folder is locked (run.ts).
  if (problems.length > 0 || !resolved) throw new InputError(problems);
  return resolved;
}
