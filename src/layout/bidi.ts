/**
 * Right-to-left text inside our left-to-right lines: the Unicode bidirectional algorithm (UAX #9)
 * from bidi-js, a maintained implementation checked against Unicode's own conformance tests.
 *
 * A line is drawn as pieces, each set in the direction its level says (never the one fontkit would
 * guess from the piece's script: see fonts/shaping.ts). A piece at an even level is set left to
 * right, whatever its script ("۰", an Arabic-script digit, after French text). A piece at an odd
 * (right-to-left) level is either a run of strong right-to-left characters (bidi class R or AL:
 * Hebrew and Arabic letters, the tatweel, Arabic punctuation) with their marks, set right to left
 * (fontkit reverses and, for Arabic, joins them), or one other character (a space, a neutral sign,
 * a bracket mirrored here); the pieces are then set in visual order (UAX #9 rule L2).
 *
 * Nothing here runs for a paragraph without a right-to-left character (see needsBidi): bidi-js is
 * loaded, and its tables built, on first use (a cold start never pays for it; the command line's
 * bundle leaves it out and requires it from node_modules when needed).
 */
import { createRequire } from "node:module";
import type { Bidi, BidiCharTypeName } from "bidi-js";

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

/** Marks and joiners stay with the letter before them (Hebrew points, Arabic vowels, ZWJ/ZWNJ). */
const JOINS_PREVIOUS = /^[\p{M}\u200c\u200d]$/u;

export function needsBidi(text: string): boolean {
  return RTL_TRIGGER.test(text);
}

/** Scripts written right to left (those fontkit knows, and Adlam, Hanifi Rohingya, Yezidi...). */
const RTL_SCRIPTS = [
  "Arabic",
  "Hebrew",
  "Syriac",
  "Thaana",
  "Nko",
  "Samaritan",
  "Mandaic",
  "Adlam",
  "Hanifi_Rohingya",
  "Yezidi",
  "Cypriot",
  "Kharoshthi",
  "Phoenician",
  "Lydian",
  "Avestan",
  "Imperial_Aramaic",
  "Inscriptional_Pahlavi",
  "Inscriptional_Parthian",
  "Old_South_Arabian",
  "Old_North_Arabian",
  "Old_Turkic",
  "Meroitic_Cursive",
  "Meroitic_Hieroglyphs",
  "Manichaean",
  "Mende_Kikakui",
  "Nabataean",
  "Palmyrene",
  "Psalter_Pahlavi",
  "Hatran",
  "Old_Hungarian",
  "Old_Sogdian",
  "Sogdian",
  "Elymaic",
  "Chorasmian",
  "Old_Uyghur",
] as const;
let scriptTests: { script: string; test: RegExp }[] | undefined;

/**
 * The right-to-left script of a strong right-to-left character, or undefined for one of no script
 * of its own (the tatweel, Arabic punctuation: Common), which goes with any. A piece is shaped in
 * one script: fontkit shapes a piece by the first script it meets, so an Arabic word after a
 * Hebrew maqaf in the same piece came out with its letters unjoined (and wider than measured).
 */
export function rtlScript(char: string): string | undefined {
  scriptTests ??= RTL_SCRIPTS.map((script) => ({ script, test: new RegExp(`^\\p{Script=${script}}$`, "u") }));
  return scriptTests.find(({ test }) => test.test(char))?.script;
}

/** Whether `char` is an Arabic number (bidi class AN: Arabic-Indic digits and their separators). */
export function isArabicNumber(char: string): boolean {
  return bidi().getBidiCharTypeName(char) === "AN";
}

/** Whether `char` is a strong right-to-left character (bidi class R or AL). */
export function isStrongRtl(char: string): boolean {
  const type = bidi().getBidiCharTypeName(char);
  return type === "R" || type === "AL";
}

export function joinsPrevious(char: string): boolean {
  return JOINS_PREVIOUS.test(char);
}

/**
 * A character of each bidi class, in the Basic Multilingual Plane: what a character beyond it
 * stands in for when levels are resolved (see embeddingLevels).
 */
const STAND_IN: Partial<Record<BidiCharTypeName, string>> = {
  L: "a",
  R: "\u05d0",
  AL: "\u0627",
  EN: "0",
  ES: "+",
  ET: "#",
  AN: "\u0660",
  CS: ",",
  NSM: "\u0300",
  BN: "\u00ad",
  B: "\u2029",
  S: "\t",
  WS: " ",
  ON: "!",
};

/**
 * Resolved embedding levels of a paragraph set left to right, one per UTF-16 unit.
 *
 * bidi-js classifies the paragraph unit by unit, so a character beyond U+FFFF (a surrogate pair:
 * Phoenician, Old South Arabian, Adlam, Arabic mathematical letters...) counted as a
 * left-to-right letter whatever its class. Each such character is given to it as two units of a
 * character of its own class, so its units get the level the character has.
 */
export function embeddingLevels(text: string): Uint8Array {
  const engine = bidi();
  let classified = text;
  if (/[\ud800-\udbff]/.test(text)) {
    classified = text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, (pair) => {
      const standIn = STAND_IN[engine.getBidiCharTypeName(pair)] ?? "a";
      return standIn + standIn;
    });
  }
  return engine.getEmbeddingLevels(classified, "ltr").levels;
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
