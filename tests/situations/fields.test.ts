/**
 * The detail fields added for the procuration, the place and the leaving section go everywhere
 * the others go: the commented details files (every language), the batch columns, validation with
 * its messages (the command line's flags: fields.e2e.test.ts); and they reach the documents
 * (situations.test.ts reads the PDFs).
 */
import { readFileSync } from "node:fs";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { readRows } from "../../src/batch/index.js";
import { CLI_LABELS } from "../../src/cli/labels.js";
import { FIELD_NAMES, validateDetails } from "../../src/details/index.js";
import { formatProblem } from "../../src/messages/format.js";
import { CLI_TEXTS_DIR } from "../../src/paths.js";
import { tempDir } from "../support/cli.js";

const NEW_FIELDS = ["place", "birthDate", "idType", "idNumber", "proxyIdType", "offer", "leaving"] as const;
const LANGS = ["zh-Hans", "zh-Hant", "en", "fr"] as const;
const BASE = { name: "Xiaoming WANG", phone: "76 12 34", date: "2026-03-01" };
const validate = (input: Record<string, unknown>) => validateDetails({ ...BASE, ...input }, { today: "2026-03-01" });

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));

describe("every field, new ones included, has a place in each source of details", () => {
  it("the field list holds the new fields", () => {
    for (const field of NEW_FIELDS) expect(FIELD_NAMES).toContain(field);
  });

  it.each(LANGS)("the %s details file lists every field, each explained by a comment", (lang) => {
    const text = readFileSync(join(CLI_TEXTS_DIR, `details.${lang}.yaml`), "utf8");
    expect(Object.keys(parse(text) as object).sort()).toEqual([...FIELD_NAMES].sort());
    // Each field line follows a comment line or another field of the same group.
    for (const field of NEW_FIELDS) expect(text).toMatch(new RegExp(`#[^\\n]*\\n(?:[a-zA-Z]+: ""\\n)*${field}: ""\\n`));
  });

  it("a batch file takes every field as a column, camelCase or kebab-case", async () => {
    const dir = await tempDir();
    dirs.push(dir);
    const file = join(dir, "rows.csv");
    await writeFile(
      file,
      "name,phone,place,birth-date,idType,id-number,proxy-id-type,offer,leaving\nXiaoming WANG,76 12 34,Paris,1990-05-12,passport,E123,id-card,Forfait M,yes\n",
    );
    const rows = [];
    for await (const row of readRows(file)) rows.push(row);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.problems).toEqual([]);
    expect(rows[0]!.input).toMatchObject({
      place: "Paris",
      birthDate: "1990-05-12",
      idType: "passport",
      idNumber: "E123",
      proxyIdType: "id-card",
      offer: "Forfait M",
      leaving: "yes",
    });
  });
});

describe("validation of the new fields", () => {
  it("keeps what is right, normalised", () => {
    const result = validate({
      place: "  Paris ",
      birthDate: "１９９０-05-12",
      idType: "Passport",
      idNumber: "Ｅ１２３",
      channel: "proxy",
      proxyName: "Li CHEN",
      proxyIdType: "ID-CARD",
      offer: "Forfait M 10 Go",
      leaving: "Yes",
    });
    expect(result).toMatchObject({
      ok: true,
      details: {
        place: "Paris",
        birthDate: "1990-05-12",
        idType: "passport",
        idNumber: "E123",
        offer: "Forfait M 10 Go",
        leaving: true,
        proxy: { name: "Li CHEN", idType: "id-card" },
      },
    });
  });

  it("leaves absent or blank values out, and a place out (the pack's default, Nouméa, is the template's)", () => {
    const result = validate({ place: "", birthDate: null, idType: " ", leaving: "" });
    expect(result.ok && result.details).toMatchObject({
      place: undefined,
      birthDate: undefined,
      idType: undefined,
      leaving: undefined,
    });
  });

  it.each([
    [true, true],
    [false, false],
    ["true", true],
    ["no", false],
    ["1", true],
    [0, false],
    ["NO", false],
  ])("leaving %j is %j", (raw, expected) => {
    const result = validate({ leaving: raw });
    expect(result.ok && result.details.leaving).toBe(expected);
  });

  it.each([
    [{ leaving: "maybe" }, "leaving", "boolean.format"],
    [{ leaving: ["yes"] }, "leaving", "boolean.format"],
    [{ idType: "driving-licence" }, "idType", "choice"],
    [{ proxyIdType: "visa", channel: "proxy", proxyName: "Li CHEN" }, "proxyIdType", "choice"],
    [{ proxyIdType: "passport" }, "proxyName", "proxyName.neededForIdType"],
    [{ birthDate: "12/05/1990" }, "birthDate", "date.format"],
    [{ birthDate: "1990-02-30" }, "birthDate", "date.invalid"],
    [{ birthDate: "2026-03-01" }, "birthDate", "birthDate.afterDate"],
    [{ birthDate: "1899-12-31" }, "birthDate", "birthDate.tooEarly"],
    [{ place: "Paris\nFrance" }, "place", "text.lineBreak"],
    [{ place: "x".repeat(81) }, "place", "tooLong"],
    [{ offer: "x".repeat(61) }, "offer", "tooLong"],
    [{ idNumber: "1".repeat(41) }, "idNumber", "tooLong"],
    [{ place: "Pa\u202eris" }, "place", "text.bidi"],
  ])("refuses %j: %s, %s", (input, field, code) => {
    const result = validate(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const problem = result.problems.find((p) => p.field === field && p.code === code);
    expect(problem, JSON.stringify(result.problems)).toBeDefined();
    // Worded in every language with the field's hint, which shows an example as the command line writes it.
    for (const lang of LANGS) {
      const words = formatProblem(problem!, lang, CLI_LABELS);
      expect(words, lang).toMatch(/^--[a-z-]+: /);
      expect(words, lang).not.toMatch(/\{[a-z]/);
    }
  });

  it("lists the accepted identity documents when one is unknown", () => {
    const result = validate({ idType: "visa" });
    expect(!result.ok && result.problems[0]!.params).toEqual({ accepted: "passport, id-card, residence-permit" });
  });
});
