/**
 * Folder names for the rows of a batch: "0007-xiaoming-wang", "0004-王丽". A helper finds a
 * person's folder by name, and most names are Chinese, so the name's letters and digits are kept
 * in every script. Latin letters lose their accents and are folded to lower case ("Élodie
 * Cœur-Volant" -> "elodie-coeur-volant"), as people type them; other scripts keep theirs (their
 * marks are part of the letters). Everything else becomes a single hyphen, which removes what file
 * systems refuse (separators, control and format characters, <>:"|?*, trailing dots and spaces);
 * the row number in front keeps a name from being "..", "CON" or another reserved name, and the
 * slug is cut to MAX_SLUG_BYTES of UTF-8 (file systems allow 255) without splitting a character.
 */

export const MAX_SLUG_BYTES = 90;

/** Latin letters that decomposition (NFKD) leaves whole, spelt as their usual ASCII transliteration. */
const LATIN_FOLDS: Record<string, string> = {
  œ: "oe",
  æ: "ae",
  ß: "ss",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
  ŀ: "l",
  ħ: "h",
  ŧ: "t",
  ĸ: "k",
  ŋ: "ng",
};
const FOLDABLE = new RegExp(`[${Object.keys(LATIN_FOLDS).join("")}]`, "gu");

/** Cuts `text` to at most `maxBytes` of UTF-8, never inside a character or before its marks. */
function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  const chars = [...text];
  let bytes = 0;
  let end = 0;
  while (end < chars.length && bytes + Buffer.byteLength(chars[end]!) <= maxBytes)
    bytes += Buffer.byteLength(chars[end++]!);
  // A mark or joiner belongs to the character before it: cut before that character instead.
  while (end > 0 && end < chars.length && /[\p{M}\u200c\u200d]/u.test(chars[end]!)) end--;
  return chars.slice(0, end).join("");
}

/** "Zoé  N'Guyen / 阮" -> "zoe-n-guyen-阮"; a name without letters or digits gives "". */
export function slugify(name: string): string {
  const slug = name
    .normalize("NFKD")
    .toLowerCase()
    .replace(FOLDABLE, (ch) => LATIN_FOLDS[ch]!)
    // Accents of Latin letters go (é -> e); marks of other scripts stay with their letters.
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    // Letters, their marks and digits, in any script; anything else is a separator.
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, "-")
    // A mark with no letter before it (at the start, after a separator) is not a letter either.
    .replace(/(^|-)\p{M}+/gu, "$1")
    .replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  return cutToBytes(slug, MAX_SLUG_BYTES).replace(/-+$/, "");
}

/** Digits for row numbers: at least 4, more when the file has 10,000 rows or more. */
export function rowNumberWidth(rows: number): number {
  return Math.max(4, String(Math.max(rows, 1)).length);
}

/** "0007-xiaoming-wang", or "0007" when the name gives no slug. */
export function rowFolderName(row: number, name: unknown, width: number): string {
  const number = String(row).padStart(width, "0");
  const slug = typeof name === "string" ? slugify(name) : "";
  return slug === "" ? number : `${number}-${slug}`;
}
