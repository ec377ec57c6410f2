/**
 * The text a reader copies out of a PDF is the text typed, even where the font draws two
 * characters with one glyph: Noto Sans SC draws U+2F42 ⽂ (a Kangxi radical, which input methods
 * and PDFs copied from produce) and U+6587 文 alike. Whichever came second in the process used to
 * be copied back as the first, so a document's text and bytes depended on the documents made
 * before it. Every PDF rendered here also passes the suite's text-conservation check
 * (tests/support/check-every-pdf.ts), which reads it with pdf.js without Unicode normalisation.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { readPdf } from "../support/pdf.js";

const RADICAL = "\u2F42"; // ⽂
const IDEOGRAPH = "\u6587"; // 文

async function checklistText(name: string): Promise<string> {
  const [checklist] = await generate({ name, phone: "76 12 34", date: "2026-11-24" }, { lang: "zh-Hans" });
  return (await readPdf(checklist!.bytes, { fonts: false })).bodyText;
}

async function checklistBytes(name: string): Promise<Uint8Array> {
  const [checklist] = await generate({ name, phone: "76 12 34", date: "2026-11-24" }, { lang: "zh-Hans" });
  return checklist!.bytes;
}

describe("characters that share a glyph", () => {
  it.each([
    ["the radical after the ideograph", IDEOGRAPH, RADICAL],
    ["the ideograph after the radical", RADICAL, IDEOGRAPH],
  ])("copy back as typed, %s in one process", async (_, first, second) => {
    expect(await checklistText(`${first} WANG`)).toContain(`${first} WANG`);
    const text = await checklistText(`${second} WANG`);
    expect(text).toContain(`${second} WANG`);
    expect(text).not.toContain(`${first} WANG`);
  });

  it("copy back as typed when both are in one name", async () => {
    expect(await checklistText(`${RADICAL}${IDEOGRAPH} ${IDEOGRAPH}${RADICAL}`)).toContain(
      `${RADICAL}${IDEOGRAPH} ${IDEOGRAPH}${RADICAL}`,
    );
  });

  it("copy back as typed in a run that also has a ligature (ff)", async () => {
    const text = await checklistText(`${IDEOGRAPH}${RADICAL} Griffin`);
    expect(text).toContain(`${IDEOGRAPH}${RADICAL} Griffin`);
    expect(await checklistText(`${RADICAL}${IDEOGRAPH} Griffin`)).toContain(`${RADICAL}${IDEOGRAPH} Griffin`);
  });

  it("give a document the same bytes whichever of them the process drew before", async () => {
    const before = await checklistBytes(`${RADICAL} LI`);
    await checklistBytes(`${IDEOGRAPH} ZHANG`);
    expect(Buffer.from(await checklistBytes(`${RADICAL} LI`)).equals(Buffer.from(before))).toBe(true);
    const other = await checklistBytes(`${IDEOGRAPH} LI`);
    await checklistBytes(`${RADICAL} ZHANG`);
    expect(Buffer.from(await checklistBytes(`${IDEOGRAPH} LI`)).equals(Buffer.from(other))).toBe(true);
  });
});

const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

describe.skipIf(!existsSync(DEJAVU))("right-to-left text copied back", () => {
  async function letterText(reason: string): Promise<string> {
    const [, letter] = await generate(
      { name: "Mei LIN", phone: "76 12 34", date: "2026-11-24", reason },
      { lang: "zh-Hans", fonts: [DEJAVU] },
    );
    return (await readPdf(letter!.bytes, { fonts: false })).bodyText.replace(/\s+/g, "");
  }

  it("gives a ligature of two Arabic letters (lam-alef) back in their order", async () => {
    // The glyph of "لا" stands for two characters; a reader reads a right-to-left run backwards
    // and reversed them: "سلام" came back as "سالم".
    for (const word of ["سلام", "عبدالله", "محمد لا"]) {
      expect(await letterText(`Départ ${word}`)).toContain(`Motif:Départ${word.replace(/\s+/g, "")}.`);
    }
  });

  it("sets a word whose first drawn glyph is a vowel clear of the text before, and copies its letters in order", async () => {
    // The tanwin under the last letter of "مُحَمَّدٌ" is drawn first, from an origin left of the
    // word: pdf.js starts the word's box there, over "原因：" (text.overlap, until the check knew
    // it), and reads that vowel in front of the word (a reader's limit, see
    // tests/support/conservation.ts). The kasra of "بِسْمِ" reaches left with its ink: the layout
    // leaves it room.
    for (const word of ["مُحَمَّدٌ", "بِسْمِ", "עַל־יְדֵי"]) {
      const text = await letterText(word);
      const letters = (t: string) => t.normalize("NFC").replace(/\p{M}/gu, "");
      expect(letters(text)).toContain(letters(`原因：${word}。`));
    }
  });

  it("copies a vowel on the lam of a lam-alef on the lam", async () => {
    // fontkit puts the vowel's glyph after the ligature: read backwards, it came back on the alef.
    expect(await letterText("مَلَاك")).toContain("Motif:مَلَاك.");
    expect(await letterText("مَلَاكِي")).toContain("Motif:مَلَاكِي.");
  });

  it("copies a letter and its point drawn as one glyph in place", async () => {
    // DejaVu Sans draws yod with hiriq as one glyph (U+FB1D); copied as the two characters, pdf.js
    // took it for a zero-width mark and put the word's last letter in front of the word.
    expect(await letterText("שָׁלוֹםיִ")).toContain("Motif:שָׁלוֹםיִ.".normalize("NFC").replace("יִ", "\ufb1d"));
  });

  it("gives a bracket drawn mirrored back as typed", async () => {
    // Inside right-to-left text a typed "(" is drawn as ")" (UAX #9); it copied as ")".
    const text = await letterText("محمد (أبو علي) [ב] «כהן» א (\u0301ב)");
    expect(text).toContain("Motif:محمد(أبوعلي)[ב]«כהן»א(\u0301ב).");
  });
});
