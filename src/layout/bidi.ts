/**
 * Right-to-left text inside our left-to-right lines: the Unicode bidirectional algorithm (UAX #9)
 * from bidi-js, a maintained implementation checked against Unicode's own conformance tests.
 *
 * A line is drawn as pieces; pdfkit draws each piece left to right, except that fontkit reverses
 * (and, for Arabic, joins) a piece whose first letter is of a right-to-left script. So a piece at
 * an odd (right-to-left) level is either a run of such letters, which fontkit reverses itself, or
 * one other character (a space, a digit group at its own level is a separate piece, a bracket
 * mirrored here); the pieces are then set in visual order (UAX #9 rule L2).
 *
 * Nothing here runs for a paragraph without a right-to-left character (see needsBidi): bidi-js is
 * loaded, and its tables built, on first use (a cold start never pays for it; the command line's
 * bundle leaves it out and requires it from node_modules when needed).
 */
import { createRequire } from "node:module";
import type { Bidi } from "bidi-js";

const load = createRequire(import.meta.url);
let loaded: Bidi | undefined;

/** bidi-js is a UMD module whose module.exports is the factory (its typings describe an ES default). */
function bidi(): Bidi {
  loaded ??= (load("bidi-js") as () => Bidi)();
  return loaded;
}

/**
 * Characters that can give a line a right-to-left level: the right-to-left blocks (Hebrew,
 * Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, their presentation forms, the historic
 * scripts beyond U+10800 and U+1E800) and the explicit right-to-left marks and controls.
 */
// Written on UTF-16 units, without the u flag (high surrogates D802-D803 are U+10800-U+10FFF,
// D83A-D83B U+1E800-U+1EFFF): tested on every paragraph, it must cost next to nothing.
const RTL_TRIGGER = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u202b\u202e\u2067\u061c\ud802\ud803\ud83a\ud83b]/;

/** Scripts fontkit lays out right to left (its own list): a piece of these letters is reversed by fontkit. */
const FONTKIT_RTL_SCRIPTS = () =>
  new RegExp(
    `[${[
      "Arabic",
      "Hebrew",
      "Syriac",
      "Thaana",
      "Cypriot",
      "Kharoshthi",
      "Phoenician",
      "Nko",
      "Lydian",
      "Avestan",
      "Imperial_Aramaic",
      "Inscriptional_Pahlavi",
      "Inscriptional_Parthian",
      "Old_South_Arabian",
      "Old_Turkic",
      "Samaritan",
      "Mandaic",
      "Meroitic_Cursive",
      "Meroitic_Hieroglyphs",
      "Manichaean",
      "Mende_Kikakui",
      "Nabataean",
      "Old_North_Arabian",
      "Palmyrene",
      "Psalter_Pahlavi",
    ]
      .map((s) => `\\p{Script=${s}}`)
      .join("")}]`,
    "u",
  );
/** Marks and joiners stay with the letter before them (Hebrew points, Arabic vowels, ZWJ/ZWNJ). */
const JOINS_PREVIOUS = /^[\p{M}\u200c\u200d]$/u;

export function needsBidi(text: string): boolean {
  return RTL_TRIGGER.test(text);
}

let fontkitRtlScript: RegExp | undefined;

/** Whether fontkit lays this character's script out right to left (the expression is built on first use). */
export function isRtlLetter(char: string): boolean {
  fontkitRtlScript ??= FONTKIT_RTL_SCRIPTS();
  return fontkitRtlScript.test(char);
}

export function joinsPrevious(char: string): boolean {
  return JOINS_PREVIOUS.test(char);
}

/** Resolved embedding levels of a paragraph set left to right, one per UTF-16 unit. */
export function embeddingLevels(text: string): Uint8Array {
  return bidi().getEmbeddingLevels(text, "ltr").levels;
}

/** The character a right-to-left run shows for `char`: "(" for ")" and so on (UAX #9 rule L4). */
export function mirrored(char: string): string {
  return bidi().getMirroredCharacter(char) ?? char;
}

/**
 * The visual order of pieces given their levels (rule L2): from the highest level down to the
 * lowest odd one, every maximal sequence at that level or above is reversed.
 */
export function visualOrder(levels: readonly number[]): number[] {
  const order = levels.map((_, index) => index);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((level) => level % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd && level > 0; level--) {
    for (let i = 0; i < order.length; ) {
      if (levels[order[i]!]! < level) {
        i++;
        continue;
      }
      let end = i;
      while (end < order.length && levels[order[end]!]! >= level) end++;
      order.splice(i, end - i, ...order.slice(i, end).reverse());
      i = end;
    }
  }
  return order;
}
