/**
 * The text a reader copies out of a PDF is the text typed, even where the font draws two
 * characters with one glyph: Noto Sans SC draws U+2F42 ⽂ (a Kangxi radical, which input methods
 * and PDFs copied from produce) and U+6587 文 alike. Whichever came second in the process used to
 * be copied back as the first, so a document's text and bytes depended on the documents made
 * before it. Every PDF rendered here also passes the suite's text-conservation check
 * (tests/support/check-every-pdf.ts), which reads it with pdf.js without Unicode normalisation.
 */
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
