/**
 * Words that exercise the bidirectional algorithm, for property tests: Latin, Chinese, Hebrew
 * (with points, one drawn with its letter as one glyph) and Arabic (with vowels, on the last
 * letter too, a tatweel, the lam-alef ligature) words, European, Arabic-Indic and extended
 * Arabic-Indic digits, neutral and weak signs of several scripts, brackets of both kinds. Every
 * character is in the bundled fonts or DejaVu Sans.
 */
import fc from "fast-check";

const WORDS = [
  "Zoé",
  "Nouméa",
  "BP",
  "王小明",
  "注销",
  "דוד",
  "כהן",
  "שָׁלוֹם",
  "רחוב",
  "محمد",
  "مـحمد",
  "علي",
  "بِسْم",
  "بِسْمِ",
  "مُحَمَّدٌ",
  "سلام",
  "عبدالله",
  "لا",
  "مَلَاك",
  "فَلَا",
  "יִ",
  "לא",
  "12",
  "2026",
  "۰",
  "۱۲۳",
  "٠١٢",
  "٣",
  "‴",
  "%",
  "٪",
  "#",
  "+",
  "-",
  "־",
  ",",
  "،",
  "؛",
  "؟",
  ".",
  ":",
  "/",
  "(",
  ")",
  "[",
  "]",
  "«",
  "»",
  "（",
  "）",
  "。",
];

/** A line of such words, joined by any of `joiners`; never blank. */
export function mixedDirectionLines(joiners: readonly string[]): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...joiners)), { minLength: 1, maxLength: 14 })
    .map((parts) =>
      parts
        .map(([word, joiner]) => word + joiner)
        .join("")
        .trim(),
    )
    .filter((line) => line !== "");
}
