/**
 * Line breaking on real fonts: Chinese punctuation rules, French and phone-number glue,
 * over-long words, forced breaks and fill-in lines.
 */
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { buildFontChain } from "../../src/fonts/chain.js";
import { breakLines, type Line } from "../../src/layout/lines.js";
import { NO_LINE_END, NO_LINE_START } from "../../src/layout/break-rules.js";
import { drawnWidth } from "../../src/layout/measure.js";
import type { Inline } from "../../src/model/doc-model.js";

const fonts = buildFontChain("zh-Hans");
const text = (t: string): Inline[] => [{ kind: "text", text: t }];
const lineText = (line: Line) => line.runs.map((r) => r.text).join("");

/** Lays the text out at every width from `from` to `to` points, so every break position is tried. */
function atEveryWidth(inlines: Inline[], from: number, to: number, step = 1.5): string[][] {
  const results: string[][] = [];
  for (let width = from; width <= to; width += step) {
    results.push(breakLines(inlines, { size: 10.5, width, fonts }).map(lineText));
  }
  return results;
}

describe("breakLines", () => {
  it("keeps all text, in order, and respects the width", () => {
    const source = "在 Helia 应用中查看余额、话费和未付账单；后付费用户请付清最后一期账单。";
    for (const width of [60, 100, 150, 300]) {
      const lines = breakLines(text(source), { size: 10.5, width, fonts });
      expect(lines.map(lineText).join("").replace(/ /g, "")).toBe(source.replace(/ /g, ""));
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 0.01);
    }
  });

  it("never starts a Chinese line with closing punctuation nor ends one with an opening bracket", () => {
    const source = "请确认（必须）：余额、账单，以及「引号」和《书名》。真的！好吗？“引号”都按规则处理，不得出现在行首。".repeat(2);
    for (const lines of atEveryWidth(text(source), 50, 250)) {
      lines.forEach((line, i) => {
        if (i > 0) expect(NO_LINE_START.has([...line][0]!), `line starts with ${line}`).toBe(false);
        if (i < lines.length - 1) expect(NO_LINE_END.has([...line].at(-1)!), `line ends with ${line}`).toBe(false);
      });
    }
  });

  it("never splits n° from its number, a phone number, an amount or French high punctuation", () => {
    const source = "Ligne n° 76 12 34, soit +687 76 12 34, pour 2 300 F : merci ; « oui » ! Vraiment ?";
    const glued = ["n° 76 12 34", "+687 76 12 34", "2 300 F", "F :", "merci ;", "« oui »", "» !", "Vraiment ?"];
    for (const lines of atEveryWidth(text(source), 70, 260)) {
      const joined = lines.join("\n");
      for (const phrase of glued) {
        [...phrase].forEach((char, i) => {
          if (char !== " ") return;
          const broken = `${phrase.slice(0, i)}\n${phrase.slice(i + 1)}`;
          expect(joined, `"${phrase}" broken across lines`).not.toContain(broken);
        });
      }
    }
  });

  it("breaks a single word longer than the line instead of overflowing", () => {
    const lines = breakLines(text("FR1420041010050500013M02606FR1420041010050500013M02606"), { size: 10.5, width: 80, fonts });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(80.01);
  });

  it("honours forced breaks and places fill-in lines", () => {
    const lines = breakLines([...text("Réf. client :"), { kind: "break" }, { kind: "fill", widthEm: 0 }], { size: 10.5, width: 200, fonts });
    expect(lines.map(lineText)).toEqual(["Réf. client :", ""]);
    expect(lines[1]!.fills).toEqual([{ x: 0, width: 200 }]);
  });

  it("uses a fallback face for characters the first face lacks", () => {
    const chain = buildFontChain("zh-Hant");
    const [line] = breakLines(text("繁體 abc"), { size: 10.5, width: 300, fonts: chain });
    expect(line!.runs[0]!.face.font.postscriptName).toBe("NotoSansTC-Regular");
  });
});

describe("run widths", () => {
  it("are pdfkit's own widths of the same text, so the next run starts where pdfkit's glyphs end", () => {
    const doc = new PDFDocument({ autoFirstPage: false });
    for (const face of [fonts.regular[0]!, fonts.bold[0]!]) {
      doc.registerFont(face.name, face.font as unknown as Buffer);
      doc.font(face.name).fontSize(1000);
      for (const run of ["Madame, Monsieur,  je vous prie\tde bien vouloir", "résilier la ligne n° 76 12 34 (+687) ", "V. AV. Ta. LT. fi fl", "取消 Helia 账户：76 12 34（后付费）"]) {
        expect(drawnWidth(face, run) * 1000).toBeCloseTo(doc.widthOfString(run), 6);
      }
    }
  });
});
