/**
 * Files that last: PDF/A-2b identification, tagged structure with languages, metadata in the info
 * dictionary and XMP, and byte-for-byte reproducible output.
 */
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { inflateSync } from "node:zlib";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../../src/index.js";
import { ROOT, runCli, tempDir } from "../support/cli.js";
import { readPdf } from "../support/pdf.js";

const EPOCH = "1790000000";

async function generateInto(args: string[], env: Record<string, string> = {}): Promise<string> {
  const out = await tempDir();
  const result = await runCli(["generate", ...args, "--out", out], { env });
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return out;
}

const sha256 = async (file: string) =>
  createHash("sha256")
    .update(await readFile(file))
    .digest("hex");

/** The PDF's objects as text, with every Flate stream inflated (structure and XMP live there). */
function pdfSource(bytes: Buffer): string {
  const text = bytes.toString("latin1");
  let inflated = "";
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf("endstream", start);
    try {
      inflated += inflateSync(bytes.subarray(start, end)).toString("utf8");
    } catch {
      // Not a Flate stream (or the XMP packet, which is stored as is).
    }
  }
  return text + inflated;
}

describe("reproducible output", () => {
  it("gives identical bytes for the same input and SOURCE_DATE_EPOCH", async () => {
    const a = await generateInto(["--sample"], { SOURCE_DATE_EPOCH: EPOCH });
    const b = await generateInto(["--sample"], { SOURCE_DATE_EPOCH: EPOCH });
    for (const name of ["sim-cancel-checklist-zh-Hans.pdf", "sim-cancel-letter-fr.pdf"]) {
      expect(await sha256(join(a, name))).toBe(await sha256(join(b, name)));
    }
  });

  it("gives identical bytes for the same --date without SOURCE_DATE_EPOCH", async () => {
    const a = await generateInto(["--sample"]);
    const b = await generateInto(["--sample"]);
    expect(await sha256(join(a, "sim-cancel-letter-fr.pdf"))).toBe(await sha256(join(b, "sim-cancel-letter-fr.pdf")));
  });

  it("gives the same bytes in a long-running process as in a fresh one (shared caches change nothing)", async () => {
    const fresh = await generateInto(["--sample", "--lang", "en"], { SOURCE_DATE_EPOCH: EPOCH });
    const sample = parse(await readFile(join(ROOT, "samples", "details.yaml"), "utf8")) as Record<string, unknown>;
    const timestamp = new Date(Number(EPOCH) * 1000);
    // Other people's documents first, in several languages, so every cache holds other text.
    for (const [name, lang] of [
      ["Li LEI", "zh-Hans"],
      ["Anne MARTIN", "fr"],
      ["陳大文", "zh-Hant"],
      ["Jo SMITH", "en"],
    ] as const) {
      await generate({ ...sample, name, address: `${name}\n12 rue de Sébastopol\n98800 Nouméa` }, { lang, timestamp });
    }
    const [checklist, letter] = await generate(sample, { lang: "en", timestamp });
    const hash = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
    expect(hash(checklist!.bytes)).toBe(await sha256(join(fresh, "sim-cancel-checklist-en.pdf")));
    expect(hash(letter!.bytes)).toBe(await sha256(join(fresh, "sim-cancel-letter-fr.pdf")));
  });

  it("gives different bytes, and a different file ID, for a different name", async () => {
    const a = await generateInto(["--sample"], { SOURCE_DATE_EPOCH: EPOCH });
    const b = await generateInto(["--sample", "--name", "Xiaohong WANG"], { SOURCE_DATE_EPOCH: EPOCH });
    const fileA = await readFile(join(a, "sim-cancel-letter-fr.pdf"));
    const fileB = await readFile(join(b, "sim-cancel-letter-fr.pdf"));
    expect(await sha256(join(a, "sim-cancel-letter-fr.pdf"))).not.toBe(
      await sha256(join(b, "sim-cancel-letter-fr.pdf")),
    );
    const id = (bytes: Buffer) => /\/ID \[<([0-9a-f]+)>/.exec(bytes.toString("latin1"))![1];
    expect(id(fileA)).not.toBe(id(fileB));
  });

  it("takes the creation date from SOURCE_DATE_EPOCH", async () => {
    const out = await generateInto(["--sample"], { SOURCE_DATE_EPOCH: EPOCH });
    const pdf = await readPdf(await readFile(join(out, "sim-cancel-letter-fr.pdf")));
    expect(String(pdf.info["CreationDate"])).toMatch(/^D:20260921141320/);
  });
});

describe("PDF/A-2b, tags and metadata", () => {
  let checklist: Buffer;
  let letter: Buffer;

  beforeAll(async () => {
    const out = await generateInto(["--sample"]);
    checklist = await readFile(join(out, "sim-cancel-checklist-zh-Hans.pdf"));
    letter = await readFile(join(out, "sim-cancel-letter-fr.pdf"));
  });

  it("identifies as PDF/A-2b in its XMP metadata, with an sRGB output intent", async () => {
    for (const file of [checklist, letter]) {
      const source = pdfSource(file);
      expect(source).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
      expect(source).toMatch(/<pdfaid:conformance>B<\/pdfaid:conformance>/);
      expect(source).toMatch(/\/S \/GTS_PDFA1/);
    }
    // Poppler's pdfinfo reports the subtype from this info entry.
    for (const file of [checklist, letter]) {
      const pdf = await readPdf(file);
      expect((pdf.info["Custom"] as Record<string, unknown>)["GTS_PDFA1Version"]).toBe("PDF/A-2b");
    }
  });

  it("is tagged, with the document language and a structure tree", () => {
    const checklistSource = pdfSource(checklist);
    expect(checklistSource).toMatch(/\/MarkInfo/);
    expect(checklistSource).toMatch(/\/Marked true/);
    expect(checklistSource).toMatch(/\/StructTreeRoot/);
    expect(checklistSource).toMatch(/\/Lang \(zh-Hans\)/);
    for (const role of ["H1", "H2", "L", "LI", "LBody", "Table", "TR", "TH", "TD", "P"]) {
      expect(checklistSource, role).toMatch(new RegExp(`/S /${role}\\b`));
    }
    const letterSource = pdfSource(letter);
    expect(letterSource).toMatch(/\/Lang \(fr\)/);
    // The translation page is a section in the user's language.
    expect(letterSource).toMatch(/\/S \/Sect[^>]*\/Lang \(zh-Hans\)|\/Lang \(zh-Hans\)[^>]*\/S \/Sect/);
  });

  it("sets title, author, subject, keywords and creator in the info dictionary and XMP", async () => {
    const pdf = await readPdf(letter);
    expect(pdf.info["Title"]).toMatch(/résiliation/i);
    expect(pdf.info["Author"]).toBe("Xiaoming WANG");
    expect(String(pdf.info["Subject"]).length).toBeGreaterThan(0);
    expect(String(pdf.info["Keywords"]).length).toBeGreaterThan(0);
    expect(pdf.info["Creator"]).toBe("sim-cancel");
    const xmp = pdf.metadata ?? "";
    expect(xmp).toContain("Xiaoming WANG");
    expect(xmp).toMatch(/résiliation/i);
  });
});
