/**
 * Pagination on real fonts: headings stay with what follows, blocks kept whole stay whole when they
 * fit a page and split at line boundaries when they do not, paragraphs leave no single line
 * behind, every page gets its furniture, and the guard stops what cannot fit.
 */
import { describe, expect, it } from "vitest";
import { buildFontChain } from "../../src/fonts/chain.js";
import { layoutDocument, type PageLayout } from "../../src/layout/index.js";
import type { BlockBox } from "../../src/layout/blocks.js";
import { LayoutError } from "../../src/layout/errors.js";
import { checkLineWidth } from "../../src/layout/guard.js";
import { paginate } from "../../src/layout/paginate.js";
import type { Block, DocModel } from "../../src/model/doc-model.js";

const t = (text: string) => [{ kind: "text" as const, text }];
const para = (text: string): Block => ({ kind: "paragraph", align: "left", runs: t(text) });

function model(blocks: Block[]): DocModel {
  return {
    meta: { title: "测试", author: "王小明", subject: "", keywords: [], lang: "zh-Hans", date: "2026-11-24" },
    sections: [
      {
        lang: "zh-Hans",
        newPage: true,
        furniture: { title: "测试文件", author: "王小明", pageNumber: "第 {page} / {pages} 页" },
        blocks,
      },
    ],
  };
}

const layout = (blocks: Block[]) =>
  layoutDocument(model(blocks), { paper: "a4", fontsFor: (lang) => buildFontChain(lang) });

/** Body texts of a page (furniture excluded), top to bottom, one entry per baseline. */
function pageLines(pages: PageLayout, index: number): { y: number; text: string; block: string }[] {
  const byY = new Map<number, { text: string; block: string }>();
  for (const item of pages.pages[index]!.items) {
    if (item.kind !== "text" || item.struct === null) continue;
    const line = byY.get(item.y) ?? { text: "", block: item.struct.path.at(-1)!.key };
    line.text += item.text;
    byY.set(item.y, line);
  }
  return [...byY.entries()].sort(([a], [b]) => a - b).map(([y, line]) => ({ y, ...line }));
}

/** Filler counts that move what follows through every position of a page and onto the next. */
const POSITIONS = Array.from({ length: 36 }, (_, i) => 12 + i);

const filler = (n: number) => Array.from({ length: n }, (_, i) => para(`第 ${i + 1} 段：用于填满页面的文字。`));

describe("pagination", () => {
  it("never leaves a heading at the bottom of a page", () => {
    // Slide a heading down the page one paragraph at a time: wherever it lands, it is followed on its page.
    for (const n of POSITIONS) {
      const pages = layout([
        ...filler(n),
        { kind: "heading", level: 2, runs: t("关键标题") },
        para("标题后的第一段。"),
        para("标题后的第二段。"),
      ]);
      for (let p = 0; p < pages.pages.length; p++) {
        const lines = pageLines(pages, p);
        const last = lines.at(-1)!;
        expect(last.text, `page ${p + 1} with ${n} fillers ends with the heading`).not.toBe("关键标题");
      }
    }
  });

  it("keeps a signature block and an address block whole", () => {
    for (const n of POSITIONS) {
      const pages = layout([
        ...filler(n),
        {
          kind: "address",
          align: "right",
          lines: [t("OPT-NC – Helia"), t("Service Clients Mobile"), t("2 rue Paul Montchovet"), t("98800 NOUMÉA")],
        },
        { kind: "signature", lines: [t("Xiaoming WANG"), t("(signature)")] },
      ]);
      const pageOf = (text: string) =>
        pages.pages.findIndex((page) => page.items.some((i) => i.kind === "text" && i.text === text));
      expect(pageOf("OPT-NC – Helia")).toBe(pageOf("98800 NOUMÉA"));
      expect(pageOf("Xiaoming WANG")).toBe(pageOf("(signature)"));
    }
  });

  it("leaves no orphan or widow line of a long paragraph", () => {
    let splits = 0;
    const long = para("这是一段很长的中文段落，用来检查分页时不会在页尾或页首只留下一行。".repeat(12));
    // Small print moves the paragraph by less than a body line, so every split position occurs.
    const small = (k: number): Block[] =>
      Array.from({ length: k }, () => ({ kind: "paragraph", align: "left", small: true, runs: t("注。") }));
    for (const n of POSITIONS) {
      for (const k of [0, 1, 2, 3]) {
        const pages = layout([...filler(n), ...small(k), long, para("结尾。")]);
        if (pages.pages.length < 2) continue;
        const longKey = `s0-b${n + k}`;
        const first = pageLines(pages, 0).filter((l) => l.block === longKey);
        const second = pageLines(pages, 1).filter((l) => l.block === longKey);
        if (first.length > 0 && second.length > 0) {
          splits++;
          expect(first.length, `${n} fillers, ${k} notes`).toBeGreaterThanOrEqual(2);
          expect(second.length, `${n} fillers, ${k} notes`).toBeGreaterThanOrEqual(2);
        }
      }
    }
    expect(splits, "the paragraph was split across pages at least once").toBeGreaterThan(0);
  });

  it("keeps everything 15 mm or more from each edge, and gives every page its header and footer", () => {
    const mm = 72 / 25.4;
    const pages = layout(filler(90));
    expect(pages.pages.length).toBeGreaterThan(1);
    pages.pages.forEach((page, index) => {
      for (const item of page.items) {
        // Text: its start and its baseline, with room for ascenders above and descenders below.
        const [x1, x2, top, bottom] =
          item.kind === "text"
            ? [item.x, item.x, item.y - item.size, item.y + 0.3 * item.size]
            : item.kind === "line"
              ? [item.x1, item.x2, Math.min(item.y1, item.y2), Math.max(item.y1, item.y2)]
              : [item.x, item.x + item.width, item.y, item.y + item.height];
        expect(Math.min(x1, x2)).toBeGreaterThanOrEqual(15 * mm);
        expect(Math.max(x1, x2)).toBeLessThanOrEqual(pages.width - 15 * mm);
        expect(top).toBeGreaterThanOrEqual(15 * mm);
        expect(bottom).toBeLessThanOrEqual(pages.height - 15 * mm);
      }
      const furniture = page.items.filter((i) => i.kind === "text" && i.struct === null) as {
        text: string;
        y: number;
      }[];
      const header = furniture
        .filter((i) => i.y < pages.height / 2)
        .map((i) => i.text)
        .join(" ");
      const footer = furniture
        .filter((i) => i.y > pages.height / 2)
        .map((i) => i.text)
        .join("");
      expect(header).toContain("测试文件");
      expect(header).toContain("王小明");
      expect(footer).toContain(`第 ${index + 1} / ${pages.pages.length} 页`);
    });
  });

  it("numbers each part on its own: a letter's pages, then its translation's", () => {
    const doc = model(filler(3));
    doc.sections.push({
      lang: "fr",
      newPage: true,
      furniture: { title: "Demande", author: "Xiaoming WANG", pageNumber: "Page {page} / {pages}" },
      blocks: filler(90),
    });
    const pages = layoutDocument(doc, { paper: "a4", fontsFor: (lang) => buildFontChain(lang) });
    const footers = pages.pages.map((page) =>
      page.items
        .filter((i) => i.kind === "text" && i.struct === null && i.y > pages.height / 2)
        .map((i) => (i as { text: string }).text)
        .join(""),
    );
    expect(footers[0]).toBe("第 1 / 1 页");
    const rest = footers.slice(1);
    expect(rest.length).toBeGreaterThan(1);
    rest.forEach((footer, index) => {
      expect(footer).toBe(`Page ${index + 1} / ${rest.length}`);
    });
  });

  it("lays out letter paper at 8.5 x 11 inches", () => {
    const pages = layoutDocument(model(filler(3)), { paper: "letter", fontsFor: (lang) => buildFontChain(lang) });
    expect([pages.width, pages.height]).toEqual([612, 792]);
  });
});

describe("blocks taller than a page", () => {
  const sentences = (n: number) => Array.from({ length: n }, (_, i) => `Phrase numéro ${i + 1} de l'avis.`).join(" ");
  const bodyTexts = (pages: PageLayout) =>
    pages.pages
      .flatMap((page) => page.items.flatMap((i) => (i.kind === "text" && i.struct !== null ? [i.text] : [])))
      .join("");

  it.each([
    ["a notice", (text: string): Block => ({ kind: "notice", runs: t(text) })],
    ["a list item", (text: string): Block => ({ kind: "item", depth: 0, runs: t(text) })],
    ["a box to tick", (text: string): Block => ({ kind: "tick", depth: 0, runs: t(text) })],
    [
      "an address",
      (text: string): Block => ({
        kind: "address",
        align: "left",
        lines: text.split(/(?<=\.) /).map((line) => t(line)),
      }),
    ],
    [
      "a signature",
      (text: string): Block => ({ kind: "signature", lines: text.split(/(?<=\.) /).map((line) => t(line)) }),
    ],
    ["a table row", (text: string): Block => ({ kind: "fields", rows: [{ label: t("Motif"), value: t(text) }] })],
  ])("splits %s across pages at line boundaries, losing nothing", (_, make) => {
    const text = sentences(300);
    const pages = layout([para("Avant."), make(text), para("Après.")]);
    expect(pages.pages.length).toBeGreaterThan(2);
    const printed = bodyTexts(pages).replace(/\s+/g, "");
    expect(printed).toContain(text.replace(/\s+/g, ""));
    // Every page holds part of it, inside the body's frame (the guard would have thrown otherwise).
    expect(pageLines(pages, 1).length).toBeGreaterThan(20);
  });

  it("draws a notice's frame around its part on each page, none leaving the body", () => {
    const pages = layout([{ kind: "notice", runs: t(sentences(300)) }]);
    for (const page of pages.pages) {
      const frames = page.items.filter((i) => i.kind === "rect");
      expect(frames).toHaveLength(1);
      const frame = frames[0] as Extract<(typeof page.items)[number], { kind: "rect" }>;
      const texts = page.items.filter((i) => i.kind === "text" && i.struct !== null) as { y: number }[];
      for (const text of texts) {
        expect(text.y).toBeGreaterThan(frame.y);
        expect(text.y).toBeLessThan(frame.y + frame.height);
      }
    }
  });

  it("still moves a block kept together to the next page when it fits there", () => {
    for (const n of POSITIONS) {
      const pages = layout([...filler(n), { kind: "notice", runs: t(sentences(12)) }]);
      const framesPerPage = pages.pages.map((page) => page.items.filter((i) => i.kind === "rect").length);
      expect(
        framesPerPage.reduce((a, b) => a + b, 0),
        `${n} fillers`,
      ).toBe(1);
    }
  });
});

describe("the running header", () => {
  const header = (pages: PageLayout) =>
    pages.pages[0]!.items.filter((i) => i.kind === "text" && i.struct === null && i.y < 100) as Extract<
      PageLayout["pages"][number]["items"][number],
      { kind: "text" }
    >[];

  it("shortens a long name with an ellipsis rather than drawing it over the title", () => {
    const name = "Maximilienne-Éléonore-Joséphine WWWWWWWWWWWWWWWWWWW DE LA TOUR D'AUVERGNE-LAURAGUAIS";
    const doc = model([para("Texte.")]);
    doc.sections[0]!.furniture = {
      title: "Demande de résiliation de ligne mobile",
      author: name,
      pageNumber: "{page} / {pages}",
    };
    const items = header(layoutDocument(doc, { paper: "a4", fontsFor: (lang) => buildFontChain(lang) }));
    const text = items.map((i) => i.text).join("");
    expect(text).toContain("Demande de résiliation de ligne mobile");
    expect(text).toContain("…");
    expect(text).toContain("Maximilienne");
    const sorted = [...items].sort((a, b) => a.x - b.x);
    for (let i = 1; i < sorted.length; i++)
      expect(sorted[i]!.x).toBeGreaterThanOrEqual(sorted[i - 1]!.x + sorted[i - 1]!.width - 1e-6);
    expect(Math.max(...items.map((i) => i.x + i.width))).toBeLessThanOrEqual(595.28 - 20 * (72 / 25.4) + 1e-6);
  });

  it("keeps a name that fits whole", () => {
    const items = header(layout([para("Texte.")]));
    expect(items.map((i) => i.text).join("")).toBe("测试文件王小明");
  });
});

describe("the layout's guard", () => {
  it("stops with a LayoutError naming the block when a row cannot fit a page", () => {
    const tall: BlockBox = {
      rows: [{ height: 2000, items: [] }],
      spaceBefore: 0,
      spaceAfter: 0,
      keepTogether: false,
      keepWithNext: false,
      minRowsAtBreak: 1,
      source: { document: "letter", section: 0, block: 7 },
    };
    const small: BlockBox = {
      ...tall,
      rows: [{ height: 10, items: [] }],
      source: { document: "letter", section: 0, block: 6 },
    };
    const frame = { left: 50, right: 500, top: 50, bottom: 700 };
    let thrown: unknown;
    try {
      paginate([small, tall], frame);
    } catch (error) {
      thrown = error;
    }
    // A row taller than the page has nowhere to go: the guard reports it as data.
    expect(thrown).toBeInstanceOf(LayoutError);
    expect((thrown as LayoutError).problems).toEqual([
      { code: "layout.overflow", params: expect.objectContaining({ document: "letter", section: 0, block: 7 }) },
    ]);
  });

  it("stops when a line is wider than its box", () => {
    expect(() => checkLineWidth(100.5, 100, { document: "proxy", section: 1, block: 3 })).toThrow(LayoutError);
    expect(() => checkLineWidth(100, 100, {})).not.toThrow();
  });
});
