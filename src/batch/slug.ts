/**
 * Folder names for the rows of a batch: "0007-xiaoming-wang". The slug is built from user text,
 * so it keeps only ASCII letters, digits and single hyphens: no dot, no separator, never "..".
 */

const MAX_SLUG = 40;

/** "Zoé  N'Guyen / 阮" -> "zoe-n-guyen"; a name with no ASCII letter or digit gives "". */
export function slugify(name: string): string {
  const ascii = name
    .normalize("NFKD")
    // Accents go (é -> e); what is left outside [a-z0-9] becomes a separator.
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return ascii.slice(0, MAX_SLUG).replace(/-+$/, "");
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
