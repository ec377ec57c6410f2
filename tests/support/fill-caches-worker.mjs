/**
 * Run in a worker thread with the render workers' heap limits (tests/fonts/cache-bounds.e2e.test.ts):
 * fills every process-wide cache to its cap with text like a batch row's (names, numbers,
 * addresses, Chinese names) and shared font subsets as large as a Chinese checklist's, then renders
 * document pairs beside them, and reports the heap.
 * A cache that can outgrow the worker's heap kills this worker with "JS heap out of memory".
 * It runs the built library (dist/), as the batch's and the web form's workers do.
 */
import { parentPort } from "node:worker_threads";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import PDFDocument from "pdfkit";
import {
  FaceSubsets,
  MAX_GLYPH_RUNS,
  MAX_SHARED_SUBSETS,
  drawTextRun,
  glyphRunCacheSize,
  sharedSubsetCacheSize,
} from "../../dist/adapters/pdfkit-fontkit.js";
import { buildFontChain } from "../../dist/fonts/chain.js";
import { MAX_COVERED_TEXTS, coveredTextsSize, findMissingGlyphs } from "../../dist/fonts/coverage.js";
import { MAX_RUNS, shapeText, shapingCacheSize } from "../../dist/fonts/shaping.js";
import { generate } from "../../dist/index.js";
import { MAX_PARAGRAPHS, breakLines, paragraphCacheSize } from "../../dist/layout/lines.js";
import { MAX_ENTRIES, unitWidth, widthCacheSize } from "../../dist/layout/measure.js";

const GIVEN = ["Xiaoming", "Mei", "Léa", "Hugo", "Wei", "Zoé", "Anh", "Jun", "Maëlle", "Tiare"];
const FAMILY = ["WANG", "LI", "MARTIN", "NGUYEN", "CHEN", "DUPONT", "ZHANG", "WAMYTAN", "LIU", "BERNARD"];
const HAN = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高明丽华伟芳娜敏静秀英";

/**
 * The i-th distinct piece of text: words, as the layout measures between break opportunities, and
 * whole lines, as the renderer shapes a line's run to draw it (a row's lines are its own).
 */
function piece(i) {
  switch (i % 6) {
    case 0:
      return `${FAMILY[i % 10]}${i}`;
    case 1:
      return `C-${1_000_000 + i}`;
    case 2:
      return `${HAN[i % HAN.length]}${HAN[(i >> 3) % HAN.length]}${i}`;
    case 3:
      return `${GIVEN[i % 10]}-${i}`;
    case 4:
      return `Je soussigné(e) ${GIVEN[i % 10]} ${FAMILY[(i * 3) % 10]} ${i}, titulaire de la ligne 76 12 34,`;
    default:
      return `申请人：${HAN.slice(i % 20, (i % 20) + 3)}${i}，手机号码 76 12 34，客户编号 C-${1_000_000 + i}`;
  }
}

/** The i-th distinct paragraph: a sentence of a letter with a row's details in it. */
function paragraph(i) {
  return [
    { kind: "text", text: `Je soussigné(e) ${GIVEN[i % 10]} ${FAMILY[(i * 3) % 10]} ${i}, titulaire de la ligne ` },
    {
      kind: "text",
      text: `7${i % 10} ${String(i % 100).padStart(2, "0")} ${String((i >> 7) % 100).padStart(2, "0")}`,
      bold: true,
    },
    {
      kind: "text",
      text: `, demeurant ${(i % 90) + 1} rue des Fictifs, 98800 NOUMÉA, ${HAN.slice(i % 20, (i % 20) + 4)}。`,
    },
  ];
}

const chain = buildFontChain("zh-Hans");
const faces = [...chain.regular, ...chain.bold];
let next = 0;

/**
 * Shared subsets as large as a Chinese checklist's (500 glyphs, some 60 KB compressed), each of
 * another choice among the 1,500 characters of all the templates' situations and languages:
 * documents drawing them, each embedding its shared subset once.
 */
const han = [];
for (let c = 0x4e00; han.length < 1500; c += 7)
  if (faces[0].font.hasGlyphForCodePoint(c)) han.push(String.fromCodePoint(c));
function fillSharedSubset(i) {
  const doc = new PDFDocument({ autoFirstPage: false, font: null });
  doc.on("data", () => {});
  doc.addPage();
  doc.registerFont("face", faces[i % faces.length].font);
  const fonts = new FaceSubsets(doc, "face");
  const start = (i * 13) % (han.length - 500);
  const runs = [];
  for (let line = 0; line < 10; line++)
    runs.push(fonts.glyphRun(han.slice(start + line * 50, start + line * 50 + 50).join(""), true));
  fonts.settle();
  for (const [line, run] of runs.entries()) drawTextRun(doc, 10, 20 + 12 * line, 10, fonts, run);
  doc.end();
}

// Shared subsets first (they draw runs and shape), then paragraphs (they shape and measure too),
// widths, texts checked, drawn runs, and shaped runs: each ends full.
while (sharedSubsetCacheSize() < MAX_SHARED_SUBSETS) fillSharedSubset(next++);
while (paragraphCacheSize() < MAX_PARAGRAPHS) breakLines(paragraph(next++), { size: 10.5, width: 420, fonts: chain });
while (widthCacheSize() < MAX_ENTRIES) {
  const i = next++;
  unitWidth(faces[i % faces.length], piece(i));
}
while (coveredTextsSize() < MAX_COVERED_TEXTS) {
  const i = next++;
  findMissingGlyphs(
    [
      {
        source: "name",
        text: paragraph(i)
          .map((run) => run.text)
          .join(""),
      },
    ],
    chain.regular,
  );
}
const runFonts = faces.map((face) => {
  const doc = new PDFDocument({ autoFirstPage: false, font: null });
  doc.registerFont(face.name, face.font);
  return new FaceSubsets(doc, face.name);
});
while (glyphRunCacheSize() < MAX_GLYPH_RUNS) {
  const i = next++;
  runFonts[i % runFonts.length].glyphRun(piece(i), false);
}
while (shapingCacheSize() < MAX_RUNS) {
  const i = next++;
  shapeText(faces[i % faces.length].font, piece(i));
}

const filled = {
  sharedSubsets: sharedSubsetCacheSize(),
  paragraphs: paragraphCacheSize(),
  widths: widthCacheSize(),
  coveredTexts: coveredTextsSize(),
  glyphRuns: glyphRunCacheSize(),
  runs: shapingCacheSize(),
};
// The heap with every cache full, measured before rendering: a cache clears itself once a new
// entry passes its cap, as the documents below will make it do. A worker takes no --expose-gc;
// the flag set at run time gives a fresh context its gc().
v8.setFlagsFromString("--expose-gc");
runInNewContext("gc")();
const usedMb = v8.getHeapStatistics().used_heap_size / 1e6;
let pages = 0;
for (let i = 0; i < 3; i++) {
  const documents = await generate(
    { name: `${GIVEN[i]} ${FAMILY[i]} ${next + i}`, phone: "76 12 34", plan: "postpaid", date: "2026-11-24" },
    { lang: i % 2 ? "zh-Hant" : "zh-Hans" },
  );
  pages += documents.reduce((sum, document) => sum + document.pages, 0);
}
parentPort.postMessage({
  filled,
  caps: {
    sharedSubsets: MAX_SHARED_SUBSETS,
    paragraphs: MAX_PARAGRAPHS,
    widths: MAX_ENTRIES,
    coveredTexts: MAX_COVERED_TEXTS,
    glyphRuns: MAX_GLYPH_RUNS,
    runs: MAX_RUNS,
  },
  pages,
  usedMb,
});
