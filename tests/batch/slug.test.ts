import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_SLUG_BYTES, rowFolderName, rowNumberWidth, slugify } from "../../src/batch/slug.js";

describe("slugify", () => {
  it("keeps Latin letters and digits, lower-cased and without accents, with single hyphens", () => {
    expect(slugify("Xiaoming WANG")).toBe("xiaoming-wang");
    expect(slugify("  Zoé   N'Guyen-Dupont ")).toBe("zoe-n-guyen-dupont");
    expect(slugify("Élodie Cœur-Volant")).toBe("elodie-coeur-volant");
    expect(slugify("Maëlle Çelik Øster Straße")).toBe("maelle-celik-oster-strasse");
    expect(slugify("Nguyễn Thị Minh Khai")).toBe("nguyen-thi-minh-khai");
  });

  it("keeps the letters of every other script, with their marks", () => {
    expect(slugify("王丽")).toBe("王丽");
    expect(slugify("测试用户1")).toBe("测试用户1");
    expect(slugify("陳 大文")).toBe("陳-大文");
    expect(slugify("王小明 WANG")).toBe("王小明-wang");
    expect(slugify("김민준")).toBe("김민준");
    expect(slugify("Владимир Йорк")).toBe("владимир-йорк");
    expect(slugify("प्रिया शर्मा")).toBe("प्रिया-शर्मा");
    expect(slugify("ﾃﾞﾝ")).toBe("デン");
  });

  it("removes what file systems refuse: separators, control, format and reserved characters", () => {
    for (const name of [
      "../../etc",
      "a/b",
      "a\\b",
      "..",
      ".",
      "/",
      "C:\\Windows\\x",
      "..\u2215..",
      "foo/../../bar",
      'a<b>c:d"e|f?g*h',
      "x\u202Ey",
      "tab\there",
      "dots... ",
      "a\u0000b",
    ]) {
      const slug = slugify(name);
      expect(slug).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u202e.]|^-|-$|\s/);
    }
    expect(slugify("../../etc")).toBe("etc");
    expect(slugify("a/b")).toBe("a-b");
    expect(slugify("x\u202Ey")).toBe("x-y");
  });

  it("never gives a name a file system refuses, for any input (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 120 }), (name) => {
        const slug = slugify(name);
        expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
        expect(slug).toBe(slug.normalize("NFC"));
        expect(slug).not.toMatch(/[/\\<>:"|?*.\p{Cc}\p{Cf}\s]|^-|-$|--/u);
        expect(slug).not.toMatch(/^\p{M}/u);
      }),
      { numRuns: 2000 },
    );
  });

  it("gives an empty slug for a name without letters or digits", () => {
    expect(slugify("")).toBe("");
    expect(slugify("--- ... ///")).toBe("");
  });

  it("is at most MAX_SLUG_BYTES of UTF-8, cut between characters, never ending with a hyphen", () => {
    const slug = slugify(
      "Anne-Marie Josephine Louise de la Tour d'Auvergne-Lauraguais et de Montmorency-Laval-Bouteville",
    );
    expect(Buffer.byteLength(slug)).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(slug).not.toMatch(/-$/);
    expect(slugify("王".repeat(100))).toBe("王".repeat(30));
    // A letter is never cut from its marks.
    expect(slugify(`${"a".repeat(MAX_SLUG_BYTES - 3)}प्रि`)).toBe("a".repeat(MAX_SLUG_BYTES - 3));
  });

  it("folds full-width letters and ligatures (NFKD)", () => {
    expect(slugify("ＷＡＮＧ")).toBe("wang");
    expect(slugify("ﬁnn")).toBe("finn");
  });
});

describe("rowFolderName", () => {
  it("zero-pads the row number and adds the slug when there is one", () => {
    expect(rowFolderName(7, "Xiaoming WANG", 4)).toBe("0007-xiaoming-wang");
    expect(rowFolderName(4, "王丽", 4)).toBe("0004-王丽");
    expect(rowFolderName(12, "../../etc", 4)).toBe("0012-etc");
    expect(rowFolderName(3, "CON", 4)).toBe("0003-con");
    expect(rowFolderName(3, undefined, 4)).toBe("0003");
    expect(rowFolderName(3, 42, 4)).toBe("0003");
  });

  it("widens the number past 9,999 rows", () => {
    expect(rowNumberWidth(300)).toBe(4);
    expect(rowNumberWidth(12_000)).toBe(5);
    expect(rowFolderName(5, "a", rowNumberWidth(12_000))).toBe("00005-a");
  });
});
