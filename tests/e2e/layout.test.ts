/**
 * The cases through the command line, as a user runs it (every PDF written is checked by
 * runCli: glyphs in the printable area, no text over text): the procuration's fill-in address
 * wraps with its words in every language, a notice of 300 sentences from --templates prints
 * whole, a very long name is shortened in the running header only, and "15 h 45" stays on one
 * line.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { LayoutError } from "../../src/layout/errors.js";
import { reportFailure } from "../../src/cli/report.js";
import { runCli, tempDir } from "../support/cli.js";
import { readPdf } from "../support/pdf.js";

const BASE = ["--phone", "+687 91 23 45", "--date", "2026-11-24"];
const squash = (text: string) => text.replace(/\s+/g, "");
const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function folder(): Promise<string> {
  const dir = await tempDir();
  dirs.push(dir);
  return dir;
}

describe("the procuration without an address", () => {
  const lineNumber: Record<string, string> = {
    fr: "n° +687 91 23 45",
    en: "+687 91 23 45",
    "zh-Hans": "+687 91 23 45",
    "zh-Hant": "+687 91 23 45",
  };
  it.each(Object.keys(lineNumber))("shows the line number on the page, original and translation (%s)", async (lang) => {
    const out = await folder();
    const result = await runCli([
      "generate",
      ...BASE,
      "--name",
      "Mei LIN",
      "--channel",
      "proxy",
      "--proxy-name",
      "Li CHEN",
      "--lang",
      lang,
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    const pdf = await readPdf(await readFile(join(out, "sim-cancel-proxy-fr.pdf")));
    // The French original on its page; the translation (other languages) on the next.
    expect(squash(pdf.pages[0]!.text)).toContain(squash("titulaire de la ligne mobile n° +687 91 23 45,"));
    if (lang !== "fr") expect(squash(pdf.pages[1]!.text)).toContain(squash(lineNumber[lang]!));
  });
});

describe("a user's template with a notice of 300 sentences", () => {
  it("prints every sentence, in order, across as many pages as it needs", async () => {
    const templates = await folder();
    const sentences = Array.from({ length: 300 }, (_, i) => `Phrase numéro ${i + 1} de l'avis très long.`);
    await mkdir(templates, { recursive: true });
    await writeFile(
      join(templates, "checklist.en.md.hbs"),
      `# Long\n\n::: notice\n${sentences.join(" ")}\n:::\n\n- ${sentences.slice(0, 150).join(" ")}\n\nEnd.\n`,
    );
    const out = await folder();
    const result = await runCli([
      "generate",
      ...BASE,
      "--name",
      "Mei LIN",
      "--lang",
      "en",
      "--templates",
      templates,
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    const pdf = await readPdf(await readFile(join(out, "sim-cancel-checklist-en.pdf")));
    expect(pdf.pages.length).toBeGreaterThan(4);
    const body = squash(pdf.bodyText);
    let from = 0;
    for (const sentence of [...sentences, ...sentences.slice(0, 150), "End."]) {
      const at = body.indexOf(squash(sentence), from);
      expect(at, sentence).toBeGreaterThanOrEqual(0);
      from = at + 1;
    }
  });
});

describe("a name too long for the running header", () => {
  it("is shortened with an ellipsis in the header, and printed whole in the letter", async () => {
    const name = "Maximilienne WWWWWWWWWWWWWWWWWWWWWW DE LA TOUR D'AUVERGNE-LAURAGUAIS-VILLENEUVE";
    const out = await folder();
    const result = await runCli(["generate", ...BASE, "--name", name, "--lang", "fr", "--out", out]);
    expect(result.code).toBe(0);
    const pdf = await readPdf(await readFile(join(out, "sim-cancel-letter-fr.pdf")));
    const header = pdf.pages[0]!.lines[0]!.text;
    expect(header).toContain("Demande de résiliation de ligne mobile");
    expect(header).toMatch(/Maximilienne W+.*…$/);
    expect(pdf.bodyText).toContain(name);
  });
});

describe("French times", () => {
  it('keep "15 h 45" on one line in the checklist for sending by post', async () => {
    const out = await folder();
    const result = await runCli([
      "generate",
      ...BASE,
      "--name",
      "Léa MARTIN",
      "--lang",
      "fr",
      "--channel",
      "post",
      "--out",
      out,
    ]);
    expect(result.code).toBe(0);
    const pdf = await readPdf(await readFile(join(out, "sim-cancel-checklist-fr.pdf")));
    expect(pdf.text).toContain("15 h 45");
    for (const line of pdf.pages.flatMap((p) => p.lines)) expect(line.text).not.toMatch(/\d h$/);
  });
});

describe("an internal layout error", () => {
  it("is exit code 1 (the tool failed), with the problem's code and where", () => {
    const writes: string[] = [];
    const original = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => writes.push(chunk) > 0) as typeof process.stderr.write;
    try {
      const code = reportFailure(
        new LayoutError([
          {
            code: "layout.overflow",
            params: {
              document: "proxy",
              section: 0,
              block: 2,
              detail: "a line 600.00 pt wide in a box 481.89 pt wide",
            },
          },
        ]),
        false,
        "en",
      );
      expect(code).toBe(1);
    } finally {
      process.stderr.write = original;
    }
    expect(writes.join("")).toMatch(
      /internal error: the proxy could not be laid out without losing text \(section 0, block 2: a line 600\.00 pt wide/,
    );
  });
});
