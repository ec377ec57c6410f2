/**
 * Punctuation that differs between writing systems, not between carriers: Chinese and Japanese use
 * full-width brackets, commas and stops with no space around them; Latin-script
 * languages use ASCII ones with spaces. The helpers `paren`, `gap`, `listSep` and `sentence` print
 * these, so one template serves every language.
 */

export interface Punctuation {
  /** Around a parenthetical after a word: " (" … ")" or "（" … "）". */
  open: string;
  close: string;
  /** Between two sentences of a paragraph. */
  gap: string;
  /** Between the items of a run-in list ("copie, RIB" / "复印件、RIB"). */
  listSep: string;
  /** Added to a sentence the user left without one. */
  fullStop: string;
}

const CJK: Punctuation = { open: "（", close: "）", gap: "", listSep: "、", fullStop: "。" };
const LATIN: Punctuation = { open: " (", close: ")", gap: " ", listSep: ", ", fullStop: "." };

/** Languages written with full-width punctuation (BCP 47 primary subtags); Korean uses Latin punctuation. */
const CJK_LANGUAGES = new Set(["zh", "ja"]);

export function punctuation(lang: string): Punctuation {
  return CJK_LANGUAGES.has(lang.split("-")[0]!.toLowerCase()) ? CJK : LATIN;
}
