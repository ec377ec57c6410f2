/**
 * The message catalogues: complete in every language, every code used, no flag in a hint, and
 * nothing a user typed reaches the terminal raw.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELD_NAMES } from "../../src/details/index.js";
import { CATALOGUES, MESSAGE_LANGS, resolveMessageLang } from "../../src/messages/catalogue.js";
import { formatProblem, wordProblem } from "../../src/messages/format.js";
import { en, type MessageCode } from "../../src/messages/en.js";
import { BATCH_CLI_LABELS, CLI_LABELS } from "../../src/cli/labels.js";
import { show } from "../../src/show.js";
import { ROOT } from "../support/cli.js";

const CODES = Object.keys(en.messages) as MessageCode[];

/** Parameters every message may use, so each template can be filled. */
const SAMPLE_PARAMS = {
  max: 80,
  length: 81,
  count: 7,
  line: 2,
  column: 3,
  char: "U+202E",
  position: 4,
  number: "26 12 34",
  accepted: "prepaid, postpaid",
  date: "2026-11-24",
  country: "FR",
  expected: 27,
  given: "bic",
  detail: "oops",
  key: "phnoe",
  suggestion: "phone",
  fields: "name, phone",
  other: "customerNumber",
  value: "de",
  path: "/x",
  reason: "ENOENT",
  kind: "folder",
  size: "2 MB",
  file: "f.ttf",
  face: "X",
  faces: "A, B",
  codePoint: "U+AE40",
  font: "Noto",
  dir: "/p",
  lang: "en",
  fact: "f",
  what: "w",
  name: "n",
  inner: "a",
  outer: "b",
  pages: 9,
  seconds: 20,
  ext: ".txt",
  first: 1,
  second: 2,
  columns: 5,
  field: "name",
  offset: 3,
  min: "2000-01-01",
  code: 1,
  paths: "/o/a.pdf",
  pid: 4321,
  host: "h",
  kept: "/o/.a.pdf.1-0badc0de.aside",
  chars: "김민",
  codePoints: "U+AE40 U+BBFC",
  document: "letter",
  section: 0,
  block: 3,
  page: 2,
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+(?::[\w=,-]+)?)\}/g)].map((m) => m[1]).sort();

/** Every file under src/, for finding where codes are used. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory()
      ? sourceFiles(path)
      : path.endsWith(".ts") || path.endsWith(".cts")
        ? [path]
        : [];
  });
}

describe("message catalogues", () => {
  it.each(CODES)("%s has the same placeholders in every language, and fills them all", (code) => {
    const english = placeholders(en.messages[code]);
    for (const lang of MESSAGE_LANGS) {
      const template = CATALOGUES[lang].messages[code];
      expect(template.length, `${code} in ${lang}`).toBeGreaterThan(0);
      expect(placeholders(template), `${code} in ${lang}`).toEqual(english);
      expect(formatProblem({ code, params: SAMPLE_PARAMS }, lang, CLI_LABELS), `${code} in ${lang}`).not.toMatch(
        /\{[\w:=,-]+\}/,
      );
    }
  });

  it("has every message translated (none left in English), except those made of parameters only", () => {
    for (const code of CODES) {
      if (en.messages[code].replace(/\{[^}]*\}/g, "").replace(/[\s:]/g, "") === "") continue;
      for (const lang of ["fr", "zh-Hans", "zh-Hant"] as const) {
        expect(CATALOGUES[lang].messages[code], `${code} in ${lang}`).not.toBe(en.messages[code]);
      }
    }
  });

  it("uses every code somewhere in src/, so the catalogues hold no dead words", () => {
    const sources = sourceFiles(join(ROOT, "src"))
      .filter((file) => !file.includes(`${join("src", "messages")}`))
      .map((file) => readFileSync(file, "utf8"))
      .join("\n");
    const unused = CODES.filter((code) => !sources.includes(`"${code}"`));
    expect(unused).toEqual([]);
  });

  it.each(FIELD_NAMES)("the hint for %s names no flag, and shows the field's examples", (field) => {
    for (const lang of MESSAGE_LANGS) {
      const hint = (CATALOGUES[lang].hints as Record<string, string>)[field];
      expect(hint, `${field} in ${lang}`).toContain("{example}");
      expect(hint, `${field} in ${lang}`).not.toMatch(/--[a-z]/);
    }
  });

  it("words a field problem for the command line: the flag, the message, the hint with flag examples", () => {
    const problem = { code: "phone.fixedLine", field: "phone", params: { number: "26 12 34" } } as const;
    expect(formatProblem(problem, "en", CLI_LABELS)).toBe(
      '--phone: 26 12 34 is a fixed line (numbers starting with 2, 3 or 4); a mobile number is needed. Expected: the mobile number to cancel: 6 digits, with or without +687, e.g. --phone "76 12 34" or --phone "+687 76 12 34"',
    );
    expect(formatProblem(problem, "fr", CLI_LABELS)).toMatch(
      /^--phone: 26 12 34 est une ligne fixe .*\. Attendu : le numéro de mobile.* ou --phone "\+687 76 12 34"$/,
    );
    expect(formatProblem(problem, "zh-Hans", CLI_LABELS)).toMatch(
      /^--phone: 26 12 34 是固定电话号码.*。应填写：要注销的手机号码/,
    );
    expect(formatProblem(problem, "zh-Hant", CLI_LABELS)).toMatch(
      /^--phone: 26 12 34 是市內電話號碼.*。應填寫：要註銷的手機號碼/,
    );
  });

  it("words the same problem for a batch file: the column, and plain examples", () => {
    const problem = {
      code: "phone.fixedLine",
      field: "phone",
      params: { number: "26 12 34" },
      at: { file: "x.csv", row: 3, line: 4 },
    } as const;
    expect(formatProblem(problem, "en", BATCH_CLI_LABELS)).toBe(
      'row 3 (line 4): phone: 26 12 34 is a fixed line (numbers starting with 2, 3 or 4); a mobile number is needed. Expected: the mobile number to cancel: 6 digits, with or without +687, e.g. "76 12 34" or "+687 76 12 34"',
    );
  });

  it("names other fields and settings the front end's way", () => {
    expect(formatProblem({ code: "proxyName.required", field: "proxyName" }, "en", CLI_LABELS)).toMatch(
      /^--proxy-name: is required with --channel proxy:/,
    );
    expect(
      formatProblem(
        { code: "iban.neededForRefund", field: "iban", params: { given: "bic,accountHolder" } },
        "en",
        CLI_LABELS,
      ),
    ).toMatch(/^--iban: is needed when --bic, --account-holder is given/);
    expect(wordProblem({ code: "proxyName.required", field: "proxyName" }, "en", BATCH_CLI_LABELS).message).toBe(
      "is required with channel proxy: give your representative's full name",
    );
  });

  it("puts an option before the file it names, a file's place before its problem", () => {
    expect(formatProblem({ code: "file.missing", option: "details", at: { file: "me.yaml" } }, "en", CLI_LABELS)).toBe(
      "--details: me.yaml: does not exist; give the path of a file",
    );
    expect(
      formatProblem(
        { code: "file.unknownKey", at: { file: "me.yaml", line: 3 }, params: { key: "x", fields: "name" } },
        "en",
        CLI_LABELS,
      ),
    ).toBe('me.yaml, line 3: unknown field "x"; the fields are: name');
    expect(
      formatProblem(
        { code: "file.notAFile", at: { file: "/dev/zero" }, params: { kind: "device" } },
        "zh-Hans",
        CLI_LABELS,
      ),
    ).toBe("/dev/zero: 不是文件（设备）；请给出一个文件的路径");
  });

  it("resolves language tags, falling back to English", () => {
    expect(resolveMessageLang("zh-Hans")).toBe("zh-Hans");
    expect(resolveMessageLang("zh-CN")).toBe("zh-Hans");
    expect(resolveMessageLang("zh")).toBe("zh-Hans");
    expect(resolveMessageLang("zh-Hant")).toBe("zh-Hant");
    expect(resolveMessageLang("zh-TW")).toBe("zh-Hant");
    expect(resolveMessageLang("zh-Hant-HK")).toBe("zh-Hant");
    expect(resolveMessageLang("fr-NC")).toBe("fr");
    expect(resolveMessageLang("de")).toBe("en");
  });
});

describe("show: user text in messages", () => {
  it("writes control, escape, direction and invisible characters as visible codes", () => {
    expect(show("a\u001b[2Jb")).toBe("a\\u{1B}[2Jb");
    expect(show("\u001b]0;title\u0007")).toBe("\\u{1B}]0;title\\u{7}");
    expect(show("76\u202e43 21")).toBe("76\\u{202E}43 21");
    expect(show("line\nbreak\r")).toBe("line\\u{A}break\\u{D}");
    expect(show("zero\u200bwidth\ufeff\u00ad")).toBe("zero\\u{200B}width\\u{FEFF}\\u{AD}");
    expect(show("\ud800 \ue000 \u2028")).toBe("\\u{D800} \\u{E000} \\u{2028}");
    expect(show("王丽 Zoé 𠮷 דוד")).toBe("王丽 Zoé 𠮷 דוד");
  });

  it("leaves no raw control or direction character in any worded problem, whatever the parameters hold", () => {
    const unsafe = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/;
    fc.assert(
      fc.property(
        fc.constantFrom(...CODES),
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.constantFrom(...MESSAGE_LANGS),
        (code, text, lang) => {
          const params = Object.fromEntries(Object.keys(SAMPLE_PARAMS).map((key) => [key, text]));
          const worded = formatProblem({ code, params, at: { file: text, line: 1 } }, lang, BATCH_CLI_LABELS);
          expect(worded).not.toMatch(unsafe);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
