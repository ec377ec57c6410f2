/**
 * The words of the fonts' problems and notices, as the command line gives them: every language,
 * the field named as the option to fix, an invisible character never shown as itself.
 */
import { describe, expect, it } from "vitest";
import { CLI_LABELS } from "../../src/cli/labels.js";
import { formatProblem, wordProblem } from "../../src/messages/format.js";
import type { Problem } from "../../src/problems.js";

const word = (problem: Problem, lang: string) => formatProblem(problem, lang, CLI_LABELS);

describe("font messages", () => {
  it("name U+AE40 in the checklist's language, with the option to fix", () => {
    const problem: Problem = { code: "glyph.missing", field: "name", params: { char: "김", codePoint: "U+AE40" } };
    expect(word(problem, "en")).toMatch(/^--name: the character 김 \(U\+AE40\) is in none of the fonts.*--font/);
    expect(word(problem, "fr")).toMatch(/^--name: le caractère 김 \(U\+AE40\)/);
    expect(word(problem, "zh-Hans")).toMatch(/^--name: 字符 김（U\+AE40）不在任何字体中/);
    expect(word(problem, "zh-Hant")).toMatch(/^--name: 字元 김（U\+AE40）不在任何字型中/);
  });

  it("never show an invisible character as itself", () => {
    const worded = word(
      { code: "glyph.missing", field: "address", params: { char: "\u200b", codePoint: "U+200B" } },
      "en",
    );
    expect(worded).toContain("\\u{200B}");
    expect(worded).not.toContain("\u200b");
  });

  it("say which font of the computer printed what, in every language", () => {
    const notice: Problem = {
      code: "font.systemFallback",
      field: "name",
      params: { chars: "김민", codePoints: "U+AE40 U+BBFC", font: "Noto Sans CJK KR", file: "/usr/share/fonts/x.ttc" },
    };
    const message = (lang: string) => wordProblem(notice, lang, CLI_LABELS).message;
    expect(wordProblem(notice, "en", CLI_LABELS).label).toBe("--name");
    expect(message("en")).toBe(
      "김민 (U+AE40 U+BBFC) printed with the font Noto Sans CJK KR of this computer (/usr/share/fonts/x.ttc)",
    );
    expect(message("fr")).toContain("imprimé avec la police Noto Sans CJK KR de cet ordinateur");
    expect(message("zh-Hans")).toContain("使用本机字体 Noto Sans CJK KR 打印");
    expect(message("zh-Hant")).toContain("使用本機字型 Noto Sans CJK KR 列印");
  });

  it("word an internal layout problem with where it happened", () => {
    const problem: Problem = {
      code: "layout.overflow",
      params: { document: "letter", section: 1, block: 4, detail: "x" },
    };
    expect(word(problem, "en")).toContain("(section 1, block 4: x)");
    expect(word(problem, "zh-Hans")).toContain("第 1 节，第 4 块");
    expect(
      word({ code: "layout.furnitureOverflow", params: { document: "letter", page: 2, detail: "x" } }, "fr"),
    ).toContain("page 2 du document letter");
  });
});
