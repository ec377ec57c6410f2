/**
 * No silent tofu: a character no font has stops the run with its code point and the field it came
 * from; with a font that has it (--font), the PDF contains the character.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, runCli, tempDir } from "../support/cli.js";
import { readPdf } from "../support/pdf.js";

const RARE_NAME = "𠮷田 Hanako"; // U+20BB7, beyond the BMP and outside Noto Sans SC/TC
const CJK_TTC = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
const BASE = ["--phone", "76 12 34", "--date", "2026-11-24"];
const NO_CJK_TTC = !existsSync(CJK_TTC);
if (NO_CJK_TTC) console.log(`skipping the --font collection tests: ${CJK_TTC} is not installed (Debian package fonts-noto-cjk)`);

describe("characters outside the bundled fonts", () => {
  it("stops with the character, its code point, the field and the --font hint; writes nothing", async () => {
    const out = await tempDir();
    const result = await runCli(["generate", ...BASE, "--name", RARE_NAME, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("U+20BB7");
    expect(result.stderr).toContain("𠮷");
    expect(result.stderr).toMatch(/name: /);
    expect(result.stderr).toContain("--font");
    expect(await listFiles(out)).toEqual([]);
  });

  it.skipIf(NO_CJK_TTC)("asks for a face name when given a font collection without one", async () => {
    const result = await runCli(["generate", ...BASE, "--lang", "en", "--name", RARE_NAME, "--font", CJK_TTC, "--out", await tempDir()]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--font: .*collection.*NotoSansCJKsc-Regular/s);
  });

  it.skipIf(NO_CJK_TTC)("draws the character with a font passed as --font FILE.ttc#Face", async () => {
    const out = await tempDir();
    const result = await runCli(["generate", ...BASE, "--name", RARE_NAME, "--font", `${CJK_TTC}#NotoSansCJKsc-Regular`, "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const file of ["sim-cancel-checklist-zh-Hans.pdf", "sim-cancel-letter-fr.pdf"]) {
      const pdf = await readPdf(await readFile(join(out, file)));
      expect(pdf.text).toContain(RARE_NAME);
      expect(pdf.fonts.map((f) => f.name).some((n) => /NotoSansCJKsc-Regular/.test(n))).toBe(true);
      for (const font of pdf.fonts) expect(font.embedded).toBe(true);
    }
  });
});
