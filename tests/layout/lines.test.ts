/**
 * Line breaking on real fonts: Chinese punctuation rules, French and phone-number glue,
 * over-long words, forced breaks, fill-in blanks that wrap with their words, right-to-left runs.
 */
import { existsSync } from "node:fs";
import fc from "fast-check";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { buildFontChain } from "../../src/fonts/chain.js";
import { loadFace } from "../../src/fonts/faces.js";
import { embeddingLevels, rtlScript, visualOrder } from "../../src/layout/bidi.js";
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
  it("breaks a paragraph again, measuring lines as drawn, when its segments shaped together are wider", () => {
    // A face whose shaping makes "-b" wider together than apart (as a right-to-left piece across
    // a break opportunity was, when fontkit shaped it in the wrong script): the estimate, which
    // measures the segments "a-" and "b" apart, is short by 4 points for every such pair.
    const real = fonts.regular[0]!.font;
    const font = new Proxy(real, {
      get(target, key) {
        if (key === "postscriptName") return "WiderTogether";
        if (key === "layout")
          return (t: string) => {
            const run = target.layout(t, undefined, undefined, undefined, "ltr");
            const extra = (t.split("-b").length - 1) * ((4 / 10.5) * target.unitsPerEm);
            return { glyphs: run.glyphs, positions: run.positions, advanceWidth: run.advanceWidth + extra };
          };
        const value = Reflect.get(target, key, target) as unknown;
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const face = { name: "wider-together", file: "test", font };
    const chain = { regular: [face], bold: [face] };
    const source = "a-b".repeat(40);
    for (let width = 30; width <= 200; width += 0.7) {
      const lines = breakLines(text(source), { size: 10.5, width, fonts: chain });
      expect(lines.map(lineText).join("")).toBe(source);
      for (const line of lines) expect(line.width, `${width} pt`).toBeLessThanOrEqual(width);
    }
  });

  it("keeps all text, in order, and respects the width", () => {
    const source = "在 Helia 应用中查看余额、话费和未付账单；后付费用户请付清最后一期账单。";
    for (const width of [60, 100, 150, 300]) {
      const lines = breakLines(text(source), { size: 10.5, width, fonts });
      expect(lines.map(lineText).join("").replace(/ /g, "")).toBe(source.replace(/ /g, ""));
      for (const line of lines) expect(line.width).toBeLessThanOrEqual(width + 0.01);
    }
  });

  it("never starts a Chinese line with closing punctuation nor ends one with an opening bracket", () => {
    const source =
      "请确认（必须）：余额、账单，以及「引号」和《书名》。真的！好吗？“引号”都按规则处理，不得出现在行首。".repeat(2);
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
    const lines = breakLines(text("FR1420041010050500013M02606FR1420041010050500013M02606"), {
      size: 10.5,
      width: 80,
      fonts,
    });
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(80.01);
  });

  it("honours forced breaks and places fill-in lines", () => {
    const lines = breakLines([...text("Réf. client :"), { kind: "break" }, { kind: "fill", widthEm: 0 }], {
      size: 10.5,
      width: 200,
      fonts,
    });
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
      for (const run of [
        "Madame, Monsieur,  je vous prie\tde bien vouloir",
        "résilier la ligne n° 76 12 34 (+687) ",
        "V. AV. Ta. LT. fi fl",
        "取消 Helia 账户：76 12 34（后付费）",
      ]) {
        expect(drawnWidth(face, run) * 1000).toBeCloseTo(doc.widthOfString(run), 6);
      }
    }
  });
});

describe("fill-in blanks inside a line", () => {
  const blankLine = (widthEm: number): Inline[] => [
    { kind: "text", text: "Je soussigné(e) Mei LIN, demeurant " },
    { kind: "fill", widthEm },
    { kind: "text", text: ", titulaire de la ligne mobile n° +687 91 23 45," },
  ];

  it("wrap with their words: no line is ever wider than its box, at any width", () => {
    for (const widthEm of [0, 6, 14, 80]) {
      for (let width = 40; width <= 520; width += 3.5) {
        const lines = breakLines(blankLine(widthEm), { size: 10.5, width, fonts });
        for (const line of lines)
          expect(line.width, `blank ${widthEm} em at ${width} pt`).toBeLessThanOrEqual(width + 1e-9);
        for (const line of lines)
          for (const fill of line.fills) expect(fill.x + fill.width).toBeLessThanOrEqual(width + 1e-9);
        // All the words are still there, in order.
        expect(lines.map(lineText).join(" ").replace(/\s+/g, "")).toBe(
          "Jesoussigné(e)MeiLIN,demeurant,titulairedelalignemobilen°+6879123 45,".replace(/\s+/g, ""),
        );
      }
    }
  });

  it("a blank to the end of the line takes what its line leaves, at least ten em, and moves to the next line when less is left", () => {
    const width = 480;
    const lines = breakLines(blankLine(0), { size: 10.5, width, fonts });
    const withBlank = lines.find((line) => line.fills.length > 0)!;
    const fill = withBlank.fills[0]!;
    expect(fill.width).toBeGreaterThanOrEqual(10 * 10.5 - 1e-9);
    // The text after the blank starts right after it, on the same line when it fits.
    const after = withBlank.runs.find((run) => run.x >= fill.x + fill.width - 1e-6);
    if (after) expect(after.x).toBeCloseTo(fill.x + fill.width, 6);
    expect(withBlank.width).toBeLessThanOrEqual(width);
  });

  it("a blank wider than the line is drawn as wide as the line", () => {
    const lines = breakLines([{ kind: "fill", widthEm: 200 }], { size: 10.5, width: 150, fonts });
    expect(lines[0]!.fills).toEqual([{ x: 0, width: 150 }]);
  });
});

describe("French spaces that never break", () => {
  it('keeps "15 h 45" and "7 h 30" whole', () => {
    const source = "du lundi au vendredi, de 7 h 30 à 15 h 45, appel gratuit, ou à 9 h 05 précises";
    for (const lines of atEveryWidth(text(source), 40, 300)) {
      const joined = lines.join("\n");
      for (const time of ["7 h 30", "15 h 45", "9 h 05"]) {
        expect(joined).not.toContain(time.replace(" h ", "\nh "));
        expect(joined).not.toContain(time.replace(" h ", " h\n"));
      }
    }
  });
});

describe("right-to-left text inside a left-to-right line", () => {
  const dejavu = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  it.skipIf(!existsSync(dejavu))(
    "sets Hebrew words right to left, runs in reading order, and the line within its width",
    () => {
      const chain = buildFontChain("fr", [loadFace(dejavu, undefined, true)]);
      const [line] = breakLines(text("Je soussigné(e) דוד כהן, demeurant"), { size: 10.5, width: 400, fonts: chain });
      const runs = line!.runs;
      // Reading order: the runs come as typed.
      expect(runs.map((r) => r.text).join("")).toBe("Je soussigné(e) דוד כהן, demeurant");
      const x = (t: string) => runs.find((r) => r.text === t)!.x;
      // Visual order: the first Hebrew word stands right of the second, both between the French words.
      expect(x("דוד")).toBeGreaterThan(x("כהן"));
      expect(x("כהן")).toBeGreaterThan(x("Je soussigné(e) "));
      expect(x(", demeurant")).toBeGreaterThan(x("דוד"));
      // No two runs overlap and the line is as wide as its runs.
      const sorted = [...runs].sort((a, b) => a.x - b.x);
      for (let i = 1; i < sorted.length; i++)
        expect(sorted[i]!.x).toBeCloseTo(sorted[i - 1]!.x + sorted[i - 1]!.width, 6);
      expect(line!.width).toBeCloseTo(sorted.at(-1)!.x + sorted.at(-1)!.width, 6);
    },
  );

  it.skipIf(!existsSync(dejavu))(
    "puts a number after Hebrew words to their left, as the bidirectional algorithm does",
    () => {
      const chain = buildFontChain("fr", [loadFace(dejavu, undefined, true)]);
      const [line] = breakLines(text("à רחוב הרצל 12, Nouméa"), { size: 10.5, width: 400, fonts: chain });
      const x = (t: string) => line!.runs.find((r) => r.text === t)!.x;
      expect(x("12")).toBeLessThan(x("הרצל"));
      expect(x("הרצל")).toBeLessThan(x("רחוב"));
      expect(x(", Nouméa")).toBeGreaterThan(x("רחוב"));
    },
  );

  it.skipIf(!existsSync(dejavu))(
    "sets Arabic-script digits and signs at a left-to-right level left to right, in the order typed",
    () => {
      // U+06F0-06F9 (class EN) after Latin or Chinese text take its level, U+0660-0669 (class AN)
      // level 2 inside it: both read left to right. fontkit, left to guess, reversed any piece in
      // which the Arabic script came first: "‴۰" was drawn, and copied, as "۰‴".
      const chain = buildFontChain("zh-Hans", [loadFace(dejavu, undefined, true)]);
      for (const typed of ["原因：‴۰。", "raison : ‴۰ ۱۲۳ et ٠١٢ ٪۵", "n° ۰٫۵ %"]) {
        const [line] = breakLines(text(typed), { size: 10.5, width: 400, fonts: chain });
        expect(lineText(line!)).toBe(typed);
        for (const run of line!.runs) expect(run.rtl, run.text).toBeUndefined();
        const xs = line!.runs.map((run) => run.x);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
      }
    },
  );

  it.skipIf(!existsSync(dejavu))(
    "sets an Arabic word with a tatweel as one right-to-left piece, and a neutral sign as one of its own",
    () => {
      const chain = buildFontChain("fr", [loadFace(dejavu, undefined, true)]);
      // The tatweel (U+0640) is of the Common script but bidi class AL: cut out of the word, its
      // letters would be drawn unjoined.
      const [line] = breakLines(text("nom : مـحمد ، علي"), { size: 10.5, width: 400, fonts: chain });
      const rtl = line!.runs.filter((run) => run.rtl).map((run) => run.text);
      expect(rtl).toEqual(["مـحمد", "علي"]);
      // The Arabic comma (class CS), between the words, is a piece of its own, set left to right.
      expect(line!.runs.find((run) => run.text === "،")!.rtl).toBeUndefined();
    },
  );

  it.skipIf(!existsSync(dejavu))(
    "cuts a right-to-left piece where its script changes, so an Arabic word is shaped as Arabic",
    () => {
      const chain = buildFontChain("fr", [loadFace(dejavu, undefined, true)]);
      // A Hebrew maqaf (class R) before an Arabic word: in one piece, fontkit shaped it all by the
      // first script it met, Hebrew, and the Arabic letters came out unjoined, wider than measured
      // (a line 0.3 pt over its box, found by tests/property/bidi.property.test.ts).
      const [line] = breakLines(text("par Zoé٪+־علي, à qui"), { size: 10.5, width: 400, fonts: chain });
      expect(line!.runs.filter((run) => run.rtl).map((run) => run.text)).toEqual(["־", "علي"]);
      // The tatweel and Arabic punctuation have no script of their own: they stay in the word.
      expect(rtlScript("ب")).toBe("Arabic");
      expect(rtlScript("א")).toBe("Hebrew");
      expect(rtlScript("\u0640")).toBeUndefined();
      expect(rtlScript("؟")).toBeUndefined();
      // Every script's test compiles in this Node (a name it did not know would throw here).
      expect(rtlScript("a")).toBeUndefined();
      expect(rtlScript("\u{1E900}")).toBe("Adlam");
    },
  );

  it.skipIf(!existsSync(dejavu))(
    "draws Arabic-Indic digits apart from the separators and digits around them, as they read",
    () => {
      const chain = buildFontChain("zh-Hans", [loadFace(dejavu, undefined, true)]);
      // "٣،12" after an Arabic question mark is one number (level 2). Drawn as one piece, pdf.js
      // applied the algorithm again to the piece alone and read "،٣" (a property test's case).
      for (const [typed, parts] of [
        ["地址：؟٣،12Zoé", ["٣", "،", "12"]],
        ["地址：٣\u00a0٠١٢ Zoé", ["٣", "\u00a0", "٠١٢"]],
      ] as const) {
        const [line] = breakLines(text(typed), { size: 10.5, width: 400, fonts: chain });
        expect(lineText(line!)).toBe(typed);
        const texts = line!.runs.map((run) => run.text);
        const start = texts.indexOf(parts[0]);
        expect(texts.slice(start, start + parts.length)).toEqual(parts);
      }
    },
  );

  it.skipIf(!existsSync(dejavu))(
    "leaves room before a right-to-left word for the ink of a vowel drawn first, and no more",
    () => {
      const chain = buildFontChain("fr", [loadFace(dejavu, undefined, true)]);
      const face = loadFace(dejavu, undefined, true);
      const gapBefore = (typed: string, word: string) => {
        const [line] = breakLines(text(typed), { size: 10, width: 400, fonts: chain });
        const runs = [...line!.runs].sort((a, b) => a.x - b.x);
        const index = runs.findIndex((run) => run.text === word);
        return runs[index]!.x - (runs[index - 1]!.x + runs[index - 1]!.width);
      };
      // The kasra under the final meem of "بِسْمِ" is drawn first and its ink reaches left of the
      // word's advances: that much room (in DejaVu Sans, 52 units of 2048 at 10 pt).
      const ink = (run: ReturnType<typeof face.font.layout>) => run.positions[0]!.xOffset + run.glyphs[0]!.bbox.minX;
      const bism = face.font.layout("بِسْمِ", undefined, undefined, undefined, "rtl");
      expect(ink(bism)).toBeLessThan(0);
      expect(gapBefore("x(بِسْمِ)", "بِسْمِ")).toBeCloseTo((-ink(bism) / face.font.unitsPerEm) * 10, 6);
      // A Hebrew point whose origin lies left of its letter but whose ink is under it: no gap (an
      // earlier version left room for the origin, a visible gap after the bracket).
      const yod = face.font.layout("יְ", undefined, undefined, undefined, "rtl");
      expect(yod.positions[0]!.xOffset).toBeLessThan(0);
      expect(ink(yod)).toBeGreaterThanOrEqual(0);
      expect(gapBefore("x(יְ)", "יְ")).toBeCloseTo(0, 6);
    },
  );

  it("gives a right-to-left character beyond U+FFFF its level, on both halves of its surrogate pair", () => {
    // bidi-js reads a paragraph unit by unit: U+10900 PHOENICIAN LETTER ALF (class R) came out as
    // a left-to-right letter. Levels are per UTF-16 unit.
    expect([...embeddingLevels("a \u{10900}\u{10901} b")]).toEqual([0, 0, 1, 1, 1, 1, 0, 0]);
    // An Arabic mathematical letter (class AL) makes a European number after it level 2, as U+0627 would.
    expect([...embeddingLevels("x \u{1EE00} 12")]).toEqual([...embeddingLevels("x \u0627\u0627 12")]);
    expect([...embeddingLevels("a \u{1F600} b")]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it("orders levels as rule L2 of UAX #9 says", () => {
    expect(visualOrder([0, 0, 0])).toEqual([0, 1, 2]);
    expect(visualOrder([0, 1, 1, 1, 0])).toEqual([0, 3, 2, 1, 4]);
    // A number (level 2) inside a right-to-left run keeps its own order.
    expect(visualOrder([0, 1, 2, 2, 1, 0])).toEqual([0, 4, 2, 3, 1, 5]);
  });
});

describe("random inline content (layout-level property)", () => {
  const words = [
    "Madame,",
    "résiliation",
    "n° 12",
    "15 h 45",
    "+687 76 12 34",
    "新喀里多尼亚",
    "注销，",
    "（后付费）",
    "FR1420041010050500013M02606FR14",
    "xiaoming.wang.very.long@example.com",
    "「确认」",
    "※",
  ];
  const inline = fc.oneof(
    {
      arbitrary: fc
        .array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 })
        .map((ws): Inline => ({ kind: "text", text: ws.join(" ") })),
      weight: 5,
    },
    { arbitrary: fc.constantFrom(0, 4, 14, 30).map((widthEm): Inline => ({ kind: "fill", widthEm })), weight: 1 },
    { arbitrary: fc.constant<Inline>({ kind: "break" }), weight: 1 },
  );

  it("never gives a line wider than its box and keeps every character, in order", () => {
    fc.assert(
      fc.property(
        fc.array(inline, { minLength: 1, maxLength: 10 }),
        fc.double({ min: 30, max: 500, noNaN: true }),
        fc.boolean(),
        (inlines, width, bold) => {
          const lines = breakLines(inlines, { size: 10.5, width, fonts, bold });
          for (const line of lines) {
            expect(line.width).toBeLessThanOrEqual(width + 1e-9);
            for (const run of line.runs) expect(run.x + run.width).toBeLessThanOrEqual(width + 1e-9);
          }
          const typed = inlines
            .map((i) => (i.kind === "text" ? i.text : ""))
            .join("")
            .replace(/\s+/g, "");
          expect(lines.map(lineText).join("").replace(/\s+/g, "")).toBe(typed);
        },
      ),
      { numRuns: 300 },
    );
  });
});
