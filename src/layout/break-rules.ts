/**
 * Line-break tailoring kept as data, on top of UAX #14 (the `linebreak` package).
 * UAX #14 already keeps most closing punctuation off line starts; these tables add the
 * Chinese/Japanese rules it leaves to tailoring (kinsoku), so every rule is in one place.
 */

/** Characters that must never begin a line. */
// ※ (the "to verify" mark) belongs to the word before it, like a footnote reference.
export const NO_LINE_START = new Set([
  "※",
  ..."、。，．,.：:；;！!？?）)」』】〕》〉］]｝}〙〗〟’”»›…‥・·ー～ゝゞヽヾ々〻ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ%‰℃°′″",
]);

/** Characters that must never end a line. */
export const NO_LINE_END = new Set([..."（(「『【〔《〈［[｛{〘〖〝‘“«‹"]);

/**
 * Characters around which breaking is always forbidden: the no-break space (French spacing
 * before « : ; ! ? », after "n°", inside phone numbers) and the word joiner.
 */
export const GLUE = new Set(["\u00a0", "\u202f", "\u2060"]);

/**
 * Spaces that must not break a line, judged on the text before and after the space. The text
 * keeps ordinary spaces (copying "76 12 34" out of the PDF gives what the user typed); only the
 * line breaker treats these as glue.
 */
export const GLUED_SPACES: readonly { before: RegExp; after: RegExp; why: string }[] = [
  { before: /\d$/, after: /^\d/, why: "digit groups: +687 76 12 34, 2 300" },
  { before: /\d$/, after: /^(F|XPF|€|%|Go|h)(?![\p{L}])/u, why: "an amount and its unit: 2 300 F, 15 h" },
  { before: /\d[ \u00a0\u202f]h$/, after: /^\d/, why: "the minutes of a French time: 15 h 45" },
  { before: /(^|[\s(])[nN][°º]$/, after: /^./u, why: "n° and its number" },
  { before: /./u, after: /^[:;!?»]/, why: "French space before high punctuation and closing guillemet" },
  { before: /«$/, after: /^./u, why: "French space after an opening guillemet" },
];
