import { describe, expect, it } from "vitest";
import { ERROR_CODES, FIELD_NAMES, MESSAGE_LANGS, fieldError, formatError, resolveMessageLang } from "../../src/details/index.js";
import { FIELD_HINTS } from "../../src/details/messages.js";

/** Parameters every message may use, so each template can be filled. */
const SAMPLE_PARAMS = {
  max: 80, length: 81, count: 7, line: 2, column: 3, char: "U+202E", position: 4, number: "26 12 34",
  accepted: "prepaid, postpaid", date: "2026-11-24", country: "FR", expected: 27, given: "--bic",
  detail: "oops", key: "phnoe", suggestion: "phone", fields: "name, phone", other: "customerNumber",
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("messages", () => {
  it.each(ERROR_CODES)("%s has a message in every language, with the same parameters", (code) => {
    const english = placeholders(formatError(fieldError("details.yaml", code), "en"));
    for (const lang of MESSAGE_LANGS) {
      const text = formatError(fieldError("details.yaml", code), lang);
      expect(text.length, `${code} in ${lang}`).toBeGreaterThan("details.yaml: ".length);
      expect(placeholders(text), `${code} in ${lang}`).toEqual(english);
      const filled = formatError(fieldError("details.yaml", code, SAMPLE_PARAMS), lang);
      expect(filled, `${code} in ${lang}`).not.toMatch(/\{\w+\}/);
    }
  });

  it("translations differ from English (none left untranslated)", () => {
    for (const code of ERROR_CODES) {
      const english = formatError(fieldError("f", code, SAMPLE_PARAMS), "en");
      for (const lang of ["fr", "zh-Hans", "zh-Hant"]) {
        expect(formatError(fieldError("f", code, SAMPLE_PARAMS), lang), `${code} in ${lang}`).not.toBe(english);
      }
    }
  });

  it.each(FIELD_NAMES)("the hint for %s shows its flag in every language", (field) => {
    for (const lang of MESSAGE_LANGS) {
      expect(FIELD_HINTS[field][lang], `${field} in ${lang}`).toContain(`--${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
    }
  });

  it("labels field errors with the flag and adds the expected format", () => {
    const error = fieldError("phone", "phone.fixedLine", { number: "26 12 34" });
    expect(error.message).toBe(
      '26 12 34 is a fixed line (numbers starting with 2, 3 or 4); a mobile number is needed. Expected: the mobile number to cancel: 6 digits, with or without +687, e.g. --phone "76 12 34" or --phone "+687 76 12 34"',
    );
    expect(formatError(error, "en")).toBe(`--phone: ${error.message}`);
    expect(formatError(error, "fr")).toMatch(/^--phone: 26 12 34 est une ligne fixe .*\. Attendu : le numéro de mobile/);
    expect(formatError(error, "zh-Hans")).toMatch(/^--phone: 26 12 34 是固定电话号码.*。应填写：要注销的手机号码/);
    expect(formatError(error, "zh-Hant")).toMatch(/^--phone: 26 12 34 是市內電話號碼.*。應填寫：要註銷的手機號碼/);
  });

  it("uses kebab-case flags", () => {
    expect(formatError(fieldError("customerNumber", "customerNumber.format"), "en")).toMatch(/^--customer-number: .*e\.g\. --customer-number C-0042137$/);
  });

  it("labels file errors with the file name, without a field hint", () => {
    expect(formatError(fieldError("me.yaml", "file.unknownKeySuggestion", { line: 3, key: "phnoe", suggestion: "phone" }), "en")).toBe(
      'me.yaml: line 3: unknown field "phnoe"; did you mean "phone"?',
    );
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
