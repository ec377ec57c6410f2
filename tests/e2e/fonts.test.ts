/**
 * No silent tofu: a character the bundled fonts lack is drawn with a font of this computer (and
 * the output says which), or with a font passed as --font; only when no font on the machine has
 * it does the run stop, naming the field and the character's code in the checklist's language.
 * Right-to-left names print as typed. Every PDF here is also checked by runCli and readPdf.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles, runCli, tempDir } from "../support/cli.js";
import { readPdf } from "../support/pdf.js";

const RARE_NAME = "𠮷田 Hanako"; // U+20BB7, beyond the BMP and outside Noto Sans SC/TC
const KOREAN = "김민준"; // U+AE40 U+BBFC U+C900: Hangul, in neither bundled face
const CJK_DIR = "/usr/share/fonts/opentype/noto";
const CJK_TTC = `${CJK_DIR}/NotoSansCJK-Regular.ttc`;
const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const BASE = ["--phone", "76 12 34", "--date", "2026-11-24"];
const NO_CJK_TTC = !existsSync(CJK_TTC);
const NO_DEJAVU = !existsSync(DEJAVU);
const HAS_FONTCONFIG = (() => {
  try {
    execFileSync("fc-list", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();
if (NO_CJK_TTC)
  console.log(
    `skipping the system and --font collection tests: ${CJK_TTC} is not installed (Debian package fonts-noto-cjk)`,
  );
if (NO_DEJAVU)
  console.log(`skipping the right-to-left tests: ${DEJAVU} is not installed (Debian package fonts-dejavu-core)`);

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});
async function out(): Promise<string> {
  const dir = await tempDir();
  dirs.push(dir);
  return dir;
}
async function emptyFontFolder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sim-cancel-no-fonts-"));
  dirs.push(dir);
  return dir;
}

/** The embedding marks (U+202B, U+202C) pdftotext puts around right-to-left text, and other format characters. */
const withoutMarks = (text: string) => text.replace(/\p{Cf}/gu, "");
/** pdf.js leaves out the spaces between words it reads from right to left: compare without spaces. */
const squash = (text: string) => text.replace(/\s+/g, "");

describe("characters in none of the fonts of this computer", () => {
  it("stops with the character, its code point, the field and the --font hint; writes nothing", async () => {
    const folder = await out();
    const result = await runCli(["generate", ...BASE, "--name", RARE_NAME, "--lang", "en", "--out", folder], {
      env: { SIM_CANCEL_FONT_DIRS: await emptyFontFolder() },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("U+20BB7");
    expect(result.stderr).toContain("𠮷");
    expect(result.stderr).toMatch(
      /--name: the character 𠮷 \(U\+20BB7\) is in none of the fonts, bundled or on this computer/,
    );
    expect(result.stderr).toContain("--font");
    expect(await listFiles(folder)).toEqual([]);
  });

  const wording = {
    "zh-Hans": "字符 김（U+AE40）不在任何字体中",
    "zh-Hant": "字元 김（U+AE40）不在任何字型中",
    en: "the character 김 (U+AE40) is in none of the fonts",
    fr: "le caractère 김 (U+AE40) n’est dans aucune police",
  };
  it.each(Object.entries(wording))("names U+AE40 in the checklist's language (%s)", async (lang, phrase) => {
    const folder = await out();
    const result = await runCli(["generate", ...BASE, "--name", KOREAN, "--lang", lang, "--out", folder], {
      env: { SIM_CANCEL_FONT_DIRS: await emptyFontFolder() },
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(phrase);
    expect(result.stderr).toContain("U+BBFC");
    expect(result.stderr).toContain("U+C900");
    expect(await listFiles(folder)).toEqual([]);
  });
});

describe.skipIf(NO_CJK_TTC)("characters drawn with the computer's fonts", () => {
  it.skipIf(!HAS_FONTCONFIG)(
    "prints a Korean name with a system font found by fontconfig, and says which",
    async () => {
      const folder = await out();
      const result = await runCli(["generate", ...BASE, "--name", KOREAN, "--lang", "en", "--out", folder]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(
        /note: --name: 김민준 \(U\+AE40 U\+BBFC U\+C900\) printed with the font Noto Sans CJK KR of this computer \(\/usr\/share\/fonts\/.+\.ttc\)/,
      );
      for (const file of ["sim-cancel-checklist-en.pdf", "sim-cancel-letter-fr.pdf"]) {
        const pdf = await readPdf(await readFile(join(folder, file)));
        expect(pdf.bodyText).toContain(KOREAN);
        expect(pdf.fonts.some((f) => /NotoSansCJK/.test(f.name))).toBe(true);
        for (const font of pdf.fonts) expect(font.embedded).toBe(true);
      }
    },
  );

  it("finds the font by reading the font folders when fontconfig is not used, and reports it as data with --json", async () => {
    const folder = await out();
    const result = await runCli(["generate", ...BASE, "--name", RARE_NAME, "--lang", "en", "--json", "--out", folder], {
      env: { SIM_CANCEL_FONT_DIRS: CJK_DIR },
    });
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      warnings: { code: string; field?: string; params: Record<string, string> }[];
    };
    expect(summary.warnings).toEqual([
      expect.objectContaining({
        code: "font.systemFallback",
        field: "name",
        message: expect.stringContaining("printed with the font"),
        params: expect.objectContaining({
          chars: "𠮷",
          codePoints: "U+20BB7",
          file: expect.stringMatching(/^\/usr\/share\/fonts\/opentype\/noto\/NotoSansCJK-.*\.ttc$/),
        }),
      }),
    ]);
    const pdf = await readPdf(await readFile(join(folder, "sim-cancel-checklist-en.pdf")));
    expect(pdf.bodyText).toContain(RARE_NAME);
  });

  it("asks for a face name when given a font collection without one", async () => {
    const result = await runCli([
      "generate",
      ...BASE,
      "--lang",
      "en",
      "--name",
      RARE_NAME,
      "--font",
      CJK_TTC,
      "--out",
      await out(),
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--font: .*collection.*NotoSansCJKsc-Regular/s);
  });

  it("draws the character with a font passed as --font FILE.ttc#Face, and needs no system font", async () => {
    const folder = await out();
    const result = await runCli(
      ["generate", ...BASE, "--name", RARE_NAME, "--font", `${CJK_TTC}#NotoSansCJKsc-Regular`, "--out", folder],
      { env: { SIM_CANCEL_FONT_DIRS: "" } },
    );
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).not.toContain("note:");
    for (const file of ["sim-cancel-checklist-zh-Hans.pdf", "sim-cancel-letter-fr.pdf"]) {
      const pdf = await readPdf(await readFile(join(folder, file)));
      expect(pdf.text).toContain(RARE_NAME);
      expect(pdf.fonts.map((f) => f.name).some((n) => /NotoSansCJKsc-Regular/.test(n))).toBe(true);
      for (const font of pdf.fonts) expect(font.embedded).toBe(true);
    }
  });
});

describe.skipIf(NO_DEJAVU)("right-to-left names", () => {
  const pdftotext = (file: string) => withoutMarks(execFileSync("pdftotext", [file, "-"], { encoding: "utf8" }));

  it.each([
    ["Hebrew", "דוד כהן"],
    ["Arabic", "علي محمد"],
  ])("prints a %s name as typed: drawn right to left, read back as typed by pdf.js and pdftotext", async (_, name) => {
    const folder = await out();
    const result = await runCli([
      "generate",
      ...BASE,
      "--name",
      name,
      "--lang",
      "fr",
      "--channel",
      "proxy",
      "--proxy-name",
      "Li CHEN",
      "--font",
      DEJAVU,
      "--out",
      folder,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    for (const kind of ["letter", "proxy"]) {
      const file = join(folder, `sim-cancel-${kind}-fr.pdf`);
      const pdf = await readPdf(await readFile(file));
      expect(squash(pdf.bodyText)).toContain(squash(kind === "proxy" ? `Je soussigné(e) ${name},` : name));
      // Drawn right to left: the first word read stands to the right of the second.
      const [first, second] = name.split(" ") as [string, string];
      const items = pdf.pages[0]!.items.filter((item) => !item.artifact);
      const x = (word: string) => items.find((item) => item.str === word)!.x;
      expect(x(first)).toBeGreaterThan(x(second));
      expect(pdftotext(file)).toContain(name);
    }
  });

  it("prints Arabic-script digits in a French or Chinese line as typed, and an Arabic phrase right to left", async () => {
    // U+06F0-06F9 and U+0660-0669 are digits of the Arabic script that read left to right here:
    // fontkit, left to guess a piece's direction from its script, drew "‴۰" as "۰‴" (a property
    // test's counterexample).
    const folder = await out();
    const digits = "‴۰ ۱۲۳ et ٠١٢ ٪۵";
    const result = await runCli([
      "generate",
      ...BASE,
      "--name",
      "Mei LIN",
      "--reason",
      `${digits} — محمد ۱۲ علي`,
      "--font",
      DEJAVU,
      "--out",
      folder,
    ]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    // The letter gives the reason twice: in French, and in its Chinese translation.
    const path = join(folder, "sim-cancel-letter-fr.pdf");
    const pdf = await readPdf(await readFile(path));
    // pdf.js: the reason in reading order, digits as typed, after "Motif :" and after "原因：".
    expect(squash(pdf.bodyText)).toContain(squash(`Motif : ${digits} — محمد ۱۲ علي.`));
    expect(squash(pdf.bodyText)).toContain(squash(`原因：${digits} — محمد ۱۲ علي。`));
    // poppler: the digits as typed; the Arabic words as set on paper, right to left (its output
    // is in visual order: the word read first stands rightmost).
    const poppler = withoutMarks(pdftotext(path));
    expect(poppler).toContain(`Motif : ${digits} — `);
    expect(poppler).toContain(`原因：${digits} — `);
    expect(squash(poppler)).toContain(squash("علي ۱۲ محمد."));
  });

  it("keeps a Hebrew address's words in their order inside a French line", async () => {
    const folder = await out();
    const address = "רחוב הרצל 12";
    const result = await runCli([
      "generate",
      ...BASE,
      "--name",
      "Mei LIN",
      "--address",
      address,
      "--lang",
      "fr",
      "--channel",
      "proxy",
      "--proxy-name",
      "Li CHEN",
      "--font",
      DEJAVU,
      "--out",
      folder,
    ]);
    expect(result.code).toBe(0);
    const pdf = await readPdf(await readFile(join(folder, "sim-cancel-proxy-fr.pdf")));
    // As typed in reading order (pdf.js, content order); on paper "12" stands left of the Hebrew
    // words, as the bidirectional algorithm sets it in a left-to-right line.
    expect(squash(pdf.bodyText)).toContain(squash(`demeurant ${address}, titulaire`));
    // A word may be drawn from two fonts (a glyph the templates draw comes from the subset
    // documents share, one only the user's text draws from the document's own; see
    // src/adapters/pdfkit-fontkit.ts), and pdf.js starts an item where the font changes: "12"
    // can be the items "1" and "2". A word's place is its first item's, on the address's line.
    const baseline = pdf.pages[0]!.items.find((item) => item.str === "הרצל")!.y;
    const items = pdf.pages[0]!.items.filter((item) => Math.abs(item.y - baseline) < 0.5);
    const x = (word: string) =>
      items.find((item) => item.str === word || (item.str !== "" && word.startsWith(item.str)))!.x;
    expect(x("12")).toBeLessThan(x("הרצל"));
    expect(x("הרצל")).toBeLessThan(x("רחוב"));
  });
});
