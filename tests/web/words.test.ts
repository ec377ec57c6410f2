/**
 * The page's words: every problem the details can have, worded for the form in every language
 * without a command-line flag; every example the page shows is a value the schema accepts; user
 * text shown in a message cannot hide or reorder what the page shows.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FIELD_NAMES, validateDetails, type FieldName } from "../../src/details/index.js";
import { CATALOGUES, type MessageCode } from "../../src/messages/catalogue.js";
import { FIELD_TEXTS, UI, WEB_LANGS } from "../../src/web/texts.js";
import { pageTexts, renderPage } from "../../src/web/page.js";
import { visible, WEB_MESSAGES, wordAll, wordForPage, withLabel, wordRowProblems } from "../../src/web/words.js";
import { detailsYaml, loadDetails } from "../../src/web/details-yaml.js";

/** A value for every parameter any catalogue message uses; "given" names fields, as the library fills it. */
const PARAMS: Record<string, string | number> = Object.fromEntries(
  Object.values(CATALOGUES.en.messages).flatMap((m) => [...m.matchAll(/\{(\w+)\}/g)].map((x) => [x[1]!, 7])),
);
PARAMS["given"] = "bic,accountHolder";
PARAMS["detail"] = "a detail";

describe("problems worded for the form", () => {
  it("words every code of the catalogues in every language, with every parameter filled and no flag named", () => {
    for (const code of Object.keys(CATALOGUES.en.messages)) {
      for (const lang of WEB_LANGS) {
        const shown = wordForPage({ code: code as MessageCode, field: "iban", params: PARAMS }, lang);
        expect(shown.field).toBe("iban");
        expect(shown.message, `${code} ${lang}`).not.toMatch(/--[a-z]|\{\w+(:[^}]*)?\}/);
        expect(shown.message.length, `${code} ${lang}`).toBeGreaterThan(2);
      }
    }
    // Fields and choices are named as the form names them.
    expect(
      wordForPage({ code: "iban.neededForRefund", field: "iban", params: { given: "bic,accountHolder" } }, "en")
        .message,
    ).toBe("is needed when BIC, Account holder is given: a refund needs the account's IBAN");
    expect(withLabel(wordForPage({ code: "proxyName.required", field: "proxyName" }, "fr"), "fr")).toBe(
      `Nom complet du mandataire: ${CATALOGUES.fr.messages["proxyName.required"].replace("{setting:channel=proxy}", "« Quelqu'un y va pour moi (procuration) »")}`,
    );
  });

  it("has every text of the page and of its own problems in all four languages, none naming a flag", () => {
    for (const table of [UI, WEB_MESSAGES, ...Object.values(FIELD_TEXTS).flatMap((t) => [t.label, t.hint])]) {
      for (const [key, texts] of Object.entries(table)) {
        if (typeof texts === "string") {
          expect(texts, key).not.toMatch(/--[a-z]/);
          continue;
        }
        for (const lang of WEB_LANGS) {
          expect((texts as Record<string, string>)[lang], `${key} ${lang}`).toBeTruthy();
          expect((texts as Record<string, string>)[lang]).not.toMatch(/--[a-z]/);
        }
      }
    }
    expect(Object.keys(pageTexts("fr")).sort()).toEqual(Object.keys(pageTexts("zh-Hant")).sort());
  });

  it("shows only examples the schema accepts", () => {
    for (const [field, text] of Object.entries(FIELD_TEXTS) as [FieldName, (typeof FIELD_TEXTS)[FieldName]][]) {
      if (!text.example) continue;
      const base = {
        name: "Xiaoming WANG",
        phone: "76 12 34",
        channel: "proxy",
        proxyName: "Li CHEN",
        iban: "FR14 2004 1010 0505 0001 3M02 606",
        date: "2026-11-24",
      };
      const result = validateDetails({ ...base, [field]: text.example }, { today: "2026-11-24" });
      expect(result.ok, `${field}: ${text.example}`).toBe(true);
    }
  });

  it("makes control and direction characters visible", () => {
    expect(visible("a\u202Eb\u001B[31mc\u0000")).toBe("a\\u{202E}b\\u{1B}[31mc\\u{0}");
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        expect(visible(text)).not.toMatch(
          /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/,
        );
      }),
    );
  });

  it("puts a character no font has under its field, asks for other writing (the page has no font option), and hides internal details", () => {
    const problems = wordAll(
      [
        { code: "glyph.missing", field: "proxyName", params: { char: "𠮷", codePoint: "U+20BB7" } },
        { code: "internal", params: { detail: "something broke at --paper" } },
      ],
      "zh-Hant",
    );
    expect(problems[0]).toEqual({
      code: "glyph.missing",
      field: "proxyName",
      message: expect.stringContaining("字元 𠮷（U+20BB7）無法列印"),
    });
    expect(problems[1]).toEqual({ code: "internal", message: WEB_MESSAGES["web.failed"]["zh-Hant"] });
  });

  it("names a batch row's fields by their columns, and a place in the file below the row", () => {
    expect(
      wordRowProblems(
        [
          {
            code: "phone.fixedLine",
            field: "phone",
            at: { file: "a.csv", row: 2, line: 3 },
            params: { number: "26 12 34" },
          },
        ],
        "en",
      ),
    ).toEqual([`phone: ${CATALOGUES.en.messages["phone.fixedLine"].replace("{number}", "26 12 34")}`]);
    const [syntax] = wordRowProblems(
      [
        {
          code: "file.unknownKey",
          at: { file: "people.jsonl", row: 3, line: 3 },
          params: { key: "nmae", fields: "name" },
        },
      ],
      "en",
    );
    expect(syntax).toMatch(/^people\.jsonl, line 3: /);
  });
});

describe("saving and loading the details", () => {
  const tricky = fc.constantFrom(
    "",
    " lead",
    "trail ",
    "a\nb",
    "a\nb\n",
    "a\n\n\nb",
    "- item",
    "#hash",
    "'q'",
    '"dq"',
    "key: value",
    "yes",
    "null",
    "~",
    "1e3",
    "0042137",
    "+687761234",
    "2026-12-31",
    "|",
    ">",
    "\ttab",
    "{a: 1}",
    "[1, 2]",
    "王小明",
    "Zoé N'Guyen",
    "a\r\nb",
  );
  const value = fc.oneof(tricky, fc.string({ maxLength: 20 }), fc.string({ unit: "grapheme", maxLength: 10 }));

  it("writes a file that the details reader gives back exactly (line breaks as \\n)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({ name: value, address: value, reason: value, customerNumber: value, email: value, proxyId: value }),
        fc.constantFrom(...WEB_LANGS),
        async (values, lang) => {
          const yaml = await detailsYaml(values, lang);
          const loaded = loadDetails(yaml);
          expect(loaded.ok).toBe(true);
          if (!loaded.ok) return;
          for (const [field, text] of Object.entries(values))
            expect(loaded.values[field as FieldName], field).toBe(text.replace(/\r\n?/g, "\n"));
        },
      ),
      { numRuns: 150 },
    );
  });

  it("keeps the init template's comments in the page's language", async () => {
    const yaml = await detailsYaml({ name: "Mei LI" }, "zh-Hant");
    expect(yaml).toContain("# 必填：合約上的全名");
    expect(yaml).toContain("name: Mei LI");
    expect(yaml).not.toContain("{{file}}");
  });
});

describe("the page's fields", () => {
  // The browser's script takes its list of fields from these [data-field] elements.
  it.each(WEB_LANGS)("%s: the details form draws every details field once, and nothing else", (lang) => {
    const form = /<form id="details-form"[\s\S]*?<\/form>/.exec(renderPage(lang))?.[0] ?? "";
    const drawn = [...form.matchAll(/data-field="([^"]*)"/g)].map((match) => match[1]);
    expect([...drawn].sort()).toEqual([...FIELD_NAMES].sort());
  });
});
