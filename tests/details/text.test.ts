import { describe, expect, it } from "vitest";
import { codePointLength, findUnsafeChar, normaliseText } from "../../src/details/text.js";

describe("findUnsafeChar", () => {
  it("lets ordinary text through, in any script, with line breaks", () => {
    expect(findUnsafeChar("王小明 Xiaoming WANG, 12 rue des Fictifs\r\n98800 NOUMÉA 👍🏽 𠮷")).toBeUndefined();
  });

  it.each([
    ["a\u0000b", "text.control", "U+0000", 2],
    ["a\tb", "text.control", "U+0009", 2],
    ["\u001b[31m", "text.control", "U+001B", 1],
    ["x\u007f", "text.control", "U+007F", 2],
    ["x\u0085", "text.control", "U+0085", 2],
    ["76\u202e43 21", "text.bidi", "U+202E", 3],
    ["a\u202ab", "text.bidi", "U+202A", 2],
    ["a\u2066b", "text.bidi", "U+2066", 2],
    ["a\u2069b", "text.bidi", "U+2069", 2],
    ["a\u200eb", "text.bidi", "U+200E", 2],
    ["a\u200fb", "text.bidi", "U+200F", 2],
    ["a\u061cb", "text.bidi", "U+061C", 2],
    ["a\ue000b", "text.privateUse", "U+E000", 2],
    ["a\uf8ffb", "text.privateUse", "U+F8FF", 2],
    ["a\u{f0000}b", "text.privateUse", "U+F0000", 2],
    ["a\u{10fffd}b", "text.privateUse", "U+10FFFD", 2],
    ["a\ud800b", "text.surrogate", "U+D800", 2],
    ["a\udfffb", "text.surrogate", "U+DFFF", 2],
    ["a\ufffdb", "text.replacement", "U+FFFD", 2],
    ["a\ufdd0b", "text.nonCharacter", "U+FDD0", 2],
    ["a\ufffeb", "text.nonCharacter", "U+FFFE", 2],
    ["a\u{1ffff}b", "text.nonCharacter", "U+1FFFF", 2],
  ])("refuses %j (%s %s)", (text, code, char, position) => {
    expect(findUnsafeChar(text)).toEqual({ code, char, position });
  });

  it("counts positions in characters, not UTF-16 units", () => {
    expect(findUnsafeChar("𠮷𠮷\u202e")).toEqual({ code: "text.bidi", char: "U+202E", position: 3 });
  });
});

describe("normaliseText", () => {
  it("composes to NFC", () => {
    expect(normaliseText("NOUME\u0301A")).toBe("NOUM\u00c9A");
  });

  it("turns CRLF and CR into LF, trims lines and drops empty ones", () => {
    expect(normaliseText("  12 rue des Fictifs \r\n\r\n\u3000 98800 NOUMÉA\r  \n")).toBe(
      "12 rue des Fictifs\n98800 NOUMÉA",
    );
  });

  it("trims a single line", () => {
    expect(normaliseText("\u00a0 Xiaoming WANG  ")).toBe("Xiaoming WANG");
  });
});

describe("codePointLength", () => {
  it("counts characters outside the BMP once", () => {
    expect(codePointLength("𠮷野家")).toBe(3);
  });
});
