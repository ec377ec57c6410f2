/**
 * End to end: the real CLI writes both PDFs from the sample, and a real PDF parser reads them.
 */
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { listFiles, ROOT, runCli, tempDir } from "../support/cli.js";
import { flat, type ParsedPdf, readPdf } from "../support/pdf.js";

const A4 = { width: 595.28, height: 841.89 };

interface PackData {
  steps: {
    id: string;
    title: Record<string, string>;
    when?: unknown;
    items: { text: Record<string, string>; when?: { plan?: string[]; channel?: string[] } }[];
  }[];
  documents: { text: Record<string, string>; when?: { plan?: string[]; channel?: string[] } }[];
  precautions: { text: Record<string, string>; when?: { plan?: string[]; channel?: string[] } }[];
}

/** The sample is postpaid, in person: entries for other situations are not expected. */
function appliesToSample(entry: { when?: { plan?: string[]; channel?: string[] } }): boolean {
  const plan = entry.when?.plan;
  const channel = entry.when?.channel;
  return (!plan || plan.includes("postpaid")) && (!channel || channel.includes("in-person"));
}

/** Text without any white space: Chinese lines wrap anywhere, so compare without line breaks. */
const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, "");

/** A pack text as printed: Handlebars and Markdown markup removed, only its literal words kept. */
function literalWords(text: string): string[] {
  return text
    .replace(/\{\{[^}]*\}\}/g, "\u0000")
    .replace(/\*\*/g, "")
    .split("\u0000")
    .map((part) => squash(part))
    .filter((part) => part.length >= 4);
}

describe("sim-cancel generate --sample", () => {
  let out: string;
  let stdout: string;
  let checklist: ParsedPdf;
  let letter: ParsedPdf;
  let pack: PackData;

  beforeAll(async () => {
    out = await tempDir();
    const result = await runCli(["generate", "--sample", "--out", out]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    stdout = result.stdout;
    checklist = await readPdf(await readFile(join(out, "sim-cancel-checklist-zh-Hans.pdf")));
    letter = await readPdf(await readFile(join(out, "sim-cancel-letter-fr.pdf")));
    pack = parse(await readFile(join(ROOT, "templates", "nc-opt", "pack.yaml"), "utf8")) as PackData;
  });

  it("writes exactly the checklist and the letter, and prints each path, its pages and size", async () => {
    expect(await listFiles(out)).toEqual(["sim-cancel-checklist-zh-Hans.pdf", "sim-cancel-letter-fr.pdf"]);
    for (const name of ["sim-cancel-checklist-zh-Hans.pdf", "sim-cancel-letter-fr.pdf"]) {
      expect(stdout).toMatch(
        new RegExp(`${join(out, name).replace(/[.+]/g, "\\$&")}\\s+\\(\\w+, [\\w-]+, \\d+ pages?, [\\d.]+ KB\\)`),
      );
    }
  });

  it("puts the user's details at the top of the checklist", () => {
    const firstPage = flat(checklist.pages[0]!.text);
    for (const value of [
      "Xiaoming WANG",
      "76 12 34",
      "C-0042137",
      "12 rue des Fictifs, appartement 3",
      "98800 NOUMÉA",
    ]) {
      expect(firstPage).toContain(value);
    }
  });

  it("prints every step heading in Chinese, in order, with their items", () => {
    const text = flat(checklist.text);
    expect(pack.steps.map((s) => s.id)).toEqual(["balance", "contact", "documents", "confirm"]);
    let from = 0;
    for (const step of pack.steps) {
      const title = flat(step.title["zh-Hans"]!);
      const at = text.indexOf(title, from);
      expect(at, `step heading ${title}`).toBeGreaterThanOrEqual(from);
      from = at + title.length;
    }
    for (const item of pack.steps.flatMap((s) => s.items).filter(appliesToSample)) {
      for (const words of literalWords(item.text["zh-Hans"]!)) expect(squash(checklist.text)).toContain(words);
    }
    expect(text).toContain("1000");
  });

  it("lists every document to bring and every precaution that applies", () => {
    const text = squash(checklist.text);
    const entries = [...pack.documents, ...pack.precautions].filter(appliesToSample);
    expect(entries.length).toBeGreaterThan(5);
    for (const entry of entries) {
      for (const words of literalWords(entry.text["zh-Hans"]!)) expect(text).toContain(words);
    }
  });

  it("says that cancelling ends the number, never that it keeps it, and carries no advertising", () => {
    expect(squash(checklist.text)).toContain("注销会终止线路和号码");
    for (const text of [checklist.text, letter.text]) {
      expect(text).not.toMatch(/Telegram|t\.me\//i);
      expect(squash(text)).not.toMatch(
        /号码(仍|仍然|依然|会被|将被|会|将)保留|不会(丢失|失去)(您的)?号码|conserve(z|r)? (votre|le|mon) numéro/,
      );
    }
  });

  it("writes a formal French letter with the user's details", () => {
    const text = flat(letter.pages[0]!.text);
    for (const expected of [
      "Xiaoming WANG",
      "12 rue des Fictifs, appartement 3",
      "OPT-NC",
      "Helia",
      "Nouméa, le 24 novembre 2026",
      "Objet",
      "76 12 34",
      "C-0042137",
      "Madame, Monsieur,",
      "31 décembre 2026",
      "salutations distinguées",
    ]) {
      expect(text).toContain(expected);
    }
    // The date and the recipient sit to the right, the sender on the left.
    const dateLine = letter.pages[0]!.lines.find((l) => l.text.includes("Nouméa, le"))!;
    const senderLine = letter.pages[0]!.lines.find((l) => l.text.includes("Xiaoming WANG"))!;
    expect(dateLine.x).toBeGreaterThan(A4.width / 2);
    expect(senderLine.x).toBeLessThan(100);
    expect(senderLine.y).toBeLessThan(dateLine.y);
  });

  it("follows the letter with a Chinese translation page marked as not to be sent", () => {
    expect(letter.pages.length).toBeGreaterThanOrEqual(2);
    const translation = flat(
      letter.pages
        .slice(1)
        .map((p) => p.text)
        .join("\n"),
    );
    expect(translation).toMatch(/译/);
    expect(translation).toMatch(/不(要|需|得)?(寄|发|递)|请勿/);
    expect(translation).toContain("2026年11月24日");
    expect(translation).toContain("Xiaoming WANG");
  });

  it("gives every page a header (title, name) and numbers the letter apart from its translation", () => {
    // Spaces as extracted vary; compare without them.
    const tight = (text: string) => text.replace(/\s+/g, "");
    const furniture = (page: ParsedPdf["pages"][number]) => ({
      top: tight(page.lines[0]!.text),
      bottom: tight(page.lines.at(-1)!.text),
    });
    // The carrier receives the letter alone: its numbering must not count the translation.
    const sent = furniture(letter.pages[0]!);
    expect(sent.top).toMatch(/^Demandederésiliation.*XiaomingWANG$/);
    expect(sent.bottom).toBe(`Page1/${letter.pages.length - 1}`);
    const translated = furniture(letter.pages.at(-1)!);
    expect(translated.top).toMatch(/^注销手机线路申请信.*XiaomingWANG$/);
    expect(translated.bottom).toBe("第1/1页");
    checklist.pages.forEach((page, index) => {
      expect(furniture(page).top).toMatch(/^注销手机线路清单.*XiaomingWANG$/);
      expect(furniture(page).bottom).toBe(`第${index + 1}/${checklist.pages.length}页`);
    });
  });

  it("uses A4 pages and embeds only subset fonts", () => {
    for (const pdf of [checklist, letter]) {
      for (const page of pdf.pages) {
        expect(page.width).toBeCloseTo(A4.width, 1);
        expect(page.height).toBeCloseTo(A4.height, 1);
      }
      expect(pdf.fonts.length).toBeGreaterThan(0);
      for (const font of pdf.fonts) {
        expect(font.embedded, font.name).toBe(true);
        expect(font.name).toMatch(/^[A-Z]{6}\+NotoSans(SC|TC)-(Regular|Bold)$/);
      }
    }
  });

  it("sets the title and author in the metadata", () => {
    expect(checklist.info["Author"]).toBe("Xiaoming WANG");
    expect(String(checklist.info["Title"])).toMatch(/[\u4e00-\u9fff]/);
    expect(letter.info["Author"]).toBe("Xiaoming WANG");
    expect(String(letter.info["Title"])).toMatch(/résiliation/i);
  });
});

describe("bad input", () => {
  it.each([
    [["--phone", "76 12 34"], /--name/],
    [["--name", "Xiaoming WANG"], /--phone/],
    [["--name", "Xiaoming WANG", "--phone", "12"], /--phone/],
    [["--sample", "--plan", "monthly"], /--plan: .*prepaid, postpaid/],
    [["--sample", "--channel", "fax"], /--channel: .*in-person, post, proxy/],
    [["--sample", "--lang", "de"], /--lang: .*zh-Hans, zh-Hant, en, fr/],
    [["--sample", "--channel", "proxy"], /--proxy-name/],
    [["--sample", "--iban", "FR14 2004 1010 0505 0001 3M02 607"], /--iban/],
    [["--sample", "--paper", "a3"], /--paper: .*a4, letter/],
  ])("%j: exit code 2, names the field, writes nothing", async (args, field) => {
    const out = await tempDir();
    const result = await runCli(["generate", ...args, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(field);
    expect(await listFiles(out)).toEqual([]);
  });

  // Usage errors must stop the command: the documents are never made from refused arguments.
  it.each([
    [
      ["generate", "--sample", "--bogus", "--lang", "en"],
      /Unknown argument: bogus\nRun "sim-cancel --help" for the options/,
    ],
    [["--sample", "--bogus", "--lang", "en"], /Unknown argument: bogus/],
    [["--sample", "extra-word", "--lang", "en"], /Unknown argument: extra-word/],
    [["--sample", "--lang", "en", "--lang"], /Not enough arguments following: lang/],
    // In the checklist's language, like every other message: Chinese by default.
    [["--sample", "--bogus"], /无法识别的选项：bogus\n运行“sim-cancel --help”查看所有选项/],
    [["--sample", "--bogus", "--lang=zh-Hant"], /未知的引數：bogus\n執行「sim-cancel --help」/],
    [["--sample", "--bogus", "--lang", "fr"], /Argument inconnu : bogus\nLancez « sim-cancel --help »/],
  ])("%j: a usage error, exit code 2, writes nothing", async (args, message) => {
    const out = await tempDir();
    const result = await runCli([...args, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe("");
    expect(await listFiles(out)).toEqual([]);
  });

  it("--version prints the package's version, from any working folder", async () => {
    const elsewhere = await tempDir();
    await writeFile(join(elsewhere, "package.json"), JSON.stringify({ name: "other", version: "9.9.9" }));
    const result = await runCli(["--version"], { cwd: elsewhere });
    const own = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string };
    expect(result.stdout.trim()).toBe(own.version);
  });

  it("generate is the default command", async () => {
    const out = await tempDir();
    const result = await runCli(["--sample", "--out", out]);
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual(["sim-cancel-checklist-zh-Hans.pdf", "sim-cancel-letter-fr.pdf"]);
  });

  it("a details file that does not exist: names the file", async () => {
    const out = await tempDir();
    const result = await runCli(["generate", "--details", "/nonexistent/details.yaml", "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("/nonexistent/details.yaml");
    expect(await listFiles(out)).toEqual([]);
  });

  it("a details file with a YAML syntax error: names the file and the line", async () => {
    const dir = await tempDir();
    const file = join(dir, "broken.yaml");
    await writeFile(file, "name: Xiaoming WANG\nphone: [76 12 34\n");
    const out = join(dir, "out");
    const result = await runCli(["generate", "--details", file, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("broken.yaml");
    expect(result.stderr).toMatch(/line \d+|第 \d+ 行/i);
    expect(await listFiles(out)).toEqual([]);
  });
});
