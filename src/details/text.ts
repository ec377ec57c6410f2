/**
 * Safety rules for free text typed by the user. The text ends up in PDFs and in terminal messages,
 * so characters that are invisible, that reorder what is displayed, or that the template engine
 * uses for itself are refused rather than silently dropped: the user must see what is printed.
 */
import { formatCodePoint } from "../show.js";

export type TextProblemCode =
  | "text.control"
  | "text.bidi"
  | "text.privateUse"
  | "text.surrogate"
  | "text.nonCharacter"
  | "text.replacement";

export interface UnsafeChar {
  code: TextProblemCode;
  /** "U+202E" */
  char: string;
  /** 1-based position in code points, as a user counts characters. */
  position: number;
}

// Bidi embedding/override/isolate controls and marks: they can make "76 12 34" display reversed
// or hide text, on paper and in the terminal ("Trojan Source").
const BIDI_CONTROLS = new Set([
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
]);

function classify(cp: number): TextProblemCode | undefined {
  // Line breaks pass here; whether a field may span lines is decided after normalisation.
  if (cp === 0x0a || cp === 0x0d) return undefined;
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return "text.control";
  if (BIDI_CONTROLS.has(cp)) return "text.bidi";
  // The template engine stands user values in with private-use characters: a user's own would
  // be mistaken for one of those placeholders.
  if ((cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000) return "text.privateUse";
  // for..of yields a lone surrogate as itself: it is text that was cut in the middle of a character.
  if (cp >= 0xd800 && cp <= 0xdfff) return "text.surrogate";
  // U+FFFD is what a decoder leaves for bytes that were not UTF-8: the real character is lost.
  if (cp === 0xfffd) return "text.replacement";
  if ((cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe) return "text.nonCharacter";
  return undefined;
}

/** The first character the rules refuse, or undefined when the text is safe. */
export function findUnsafeChar(text: string): UnsafeChar | undefined {
  let position = 0;
  for (const char of text) {
    position += 1;
    const cp = char.codePointAt(0)!;
    const code = classify(cp);
    if (code) return { code, char: formatCodePoint(cp), position };
  }
  return undefined;
}

/**
 * NFC (so "é" typed two ways prints and compares the same), every line break as LF, each line
 * trimmed, empty lines dropped. A single-line value comes out trimmed.
 */
export function normaliseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line !== "")
    .join("\n");
}

/** Length as the user counts it: "王" and "𠮷" are one character each (not UTF-16 units). */
export function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}
