/**
 * Pagination on real fonts: headings stay with what follows, blocks kept whole stay whole,
 * paragraphs leave no single line behind, and every page gets its furniture.
 */
import { describe, expect, it } from "vitest";
import { buildFontChain } from "../../src/fonts/chain.js";
import { layoutDocument, type PageLayout } from "../../src/layout/index.js";
import type { Block, DocModel } from "../../src/model/doc-model.js";

const t = (text: string) => [{ kind: "text" as const, text }];
const para = (text: string): Block => ({ kind: "paragraph", align: "left", runs: t(text) });

function model(blocks: Block[]): DocModel {
  return {
    meta: { title: "测试", author: "王小明", subject: "", keywords: [], lang: "zh-Hans", date: "2026-11-24", footer: "第 {page} / {pages} 页" },
    sections: [{ lang: "zh-Hans", newPage: true, blocks }],
  };
}

const layout = (blocks: Block[]) => layoutDocument(model(blocks), { paper: "a4", fontsFor: (lang) => buildFontChain(lang) });

/** Body texts of a page (furniture excluded), top to bottom, one entry per baseline. */
function pageLines(pages: PageLayout, index: number): { y: number; text: string }[] {
  const byY = new Map<number, string>();
  for (const item of pages.pages[index]!.items) {
    if (item.kind !== "text" || item.struct === null) continue;
    byY.set(item.y, (byY.get(item.y) ?? "") + item.text);
  }
  return [...byY.entries()].sort(([a], [b]) => a - b).map(([y, text]) => ({ y, text }));
}

const filler = (n: number) => Array.from({ length: n }, (_, i) => para(`第 ${i + 1} 段：用于填满页面的文字。`));

describe("pagination", () => {
  it("never leaves a heading at the bottom of a page", () => {
    // Slide a heading down the page one paragraph at a time: wherever it lands, it is followed on its page.
    for (let n = 30; n < 42; n++) {
      const pages = layout([...filler(n), { kind: "heading", level: 2, runs: t("关键标题") }, para("标题后的第一段。"), para("标题后的第二段。")]);
      for (let p = 0; p < pages.pages.length; p++) {
        const lines = pageLines(pages, p);
        const last = lines.at(-1)!;
        expect(last.text, `page ${p + 1} with ${n} fillers ends with the heading`).not.toBe("关键标题");
      }
    }
  });

  it("keeps a signature block and an address block whole", () => {
    for (let n = 30; n < 42; n++) {
      const pages = layout([
        ...filler(n),
        { kind: "address", align: "right", lines: [t("OPT-NC – Helia"), t("Service Clients Mobile"), t("2 rue Paul Montchovet"), t("98800 NOUMÉA")] },
        { kind: "signature", lines: [t("Xiaoming WANG"), t("(signature)")] },
      ]);
      const pageOf = (text: string) => pages.pages.findIndex((page) => page.items.some((i) => i.kind === "text" && i.text === text));
      expect(pageOf("OPT-NC – Helia")).toBe(pageOf("98800 NOUMÉA"));
      expect(pageOf("Xiaoming WANG")).toBe(pageOf("(signature)"));
    }
  });

  it("leaves no orphan or widow line of a long paragraph", () => {
    const long = para("这是一段很长的中文段落，用来检查分页时不会在页尾或页首只留下一行。".repeat(12));
    for (let n = 28; n < 42; n++) {
      const pages = layout([...filler(n), long, para("结尾。")]);
      if (pages.pages.length < 2) continue;
      const first = pageLines(pages, 0).filter((l) => l.text.includes("这是一段") || l.text.includes("只留下一行"));
      const second = pageLines(pages, 1).filter((l) => l.text.includes("这是一段") || l.text.includes("只留下一行"));
      if (first.length > 0 && second.length > 0) {
        expect(first.length, `${n} fillers`).toBeGreaterThanOrEqual(2);
        expect(second.length, `${n} fillers`).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it("keeps the text inside the margins and numbers every page", () => {
    const pages = layout(filler(90));
    expect(pages.pages.length).toBeGreaterThan(1);
    pages.pages.forEach((page, index) => {
      for (const item of page.items) {
        if (item.kind !== "text") continue;
        expect(item.x).toBeGreaterThanOrEqual(15 * (72 / 25.4));
        expect(item.y).toBeLessThan(pages.height - 10 * (72 / 25.4));
      }
      const footer = page.items.filter((i) => i.kind === "text" && i.struct === null).map((i) => (i as { text: string }).text).join("");
      expect(footer).toContain(`第 ${index + 1} / ${pages.pages.length} 页`);
    });
  });

  it("lays out letter paper at 8.5 x 11 inches", () => {
    const pages = layoutDocument(model(filler(3)), { paper: "letter", fontsFor: (lang) => buildFontChain(lang) });
    expect([pages.width, pages.height]).toEqual([612, 792]);
  });
});
