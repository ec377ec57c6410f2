/**
 * Whether two PDFs hold the same text, read by poppler's pdftotext (not our code): the same
 * number of pages and, page by page, the same words. Words are compared as multisets: Latin
 * words and numbers whole, every other character (Han, punctuation) on its own, after NFKC
 * (a ligature or a full-width form counts as its letters), so line breaks, reading order and
 * layout whitespace do not matter but a missing, extra or changed word does.
 *
 *   const { same, pages, differences } = await sameText("ours.pdf", "typst.pdf");
 */
import { execFile } from "node:child_process";
import { promisify } from "node:util";

const run = promisify(execFile);

async function pageTexts(pdf) {
  const { stdout } = await run("pdftotext", ["-enc", "UTF-8", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  // pdftotext ends every page with a form feed.
  const pages = stdout.split("\f");
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/** Han and kana are single-character words; Latin letters and digits group into words. */
function tokens(text) {
  const out = [];
  for (const match of text
    .normalize("NFKC")
    .matchAll(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+|\S/gu))
    out.push(match[0]);
  return out;
}

function count(list) {
  const counts = new Map();
  for (const item of list) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** Words one side has more of than the other, with how many more. */
function difference(a, b) {
  const extra = [];
  for (const [word, n] of a) {
    const m = b.get(word) ?? 0;
    if (n > m) extra.push(n - m > 1 ? `${word} (x${n - m})` : word);
  }
  return extra;
}

export async function sameText(leftPdf, rightPdf) {
  const [left, right] = await Promise.all([pageTexts(leftPdf), pageTexts(rightPdf)]);
  const differences = [];
  if (left.length !== right.length) differences.push(`pages: ${left.length} against ${right.length}`);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const a = count(tokens(left[i] ?? ""));
    const b = count(tokens(right[i] ?? ""));
    const onlyLeft = difference(a, b);
    const onlyRight = difference(b, a);
    if (onlyLeft.length || onlyRight.length) {
      differences.push(
        `page ${i + 1}: only left [${onlyLeft.slice(0, 12).join(" ")}], only right [${onlyRight.slice(0, 12).join(" ")}]`,
      );
    }
  }
  const wordCount = tokens(left.join("\n")).length;
  return { same: differences.length === 0, pages: [left.length, right.length], words: wordCount, differences };
}
