/**
 * Run in a worker thread with the render workers' heap limits (tests/fonts/cache-bounds.e2e.test.ts):
 * fills every process-wide cache of the layout to its cap with text like a batch row's (names,
 * numbers, addresses, Chinese names), then renders document pairs beside them, and reports the heap.
 * A cache that can outgrow the worker's heap kills this worker with "JS heap out of memory".
 * It runs the built library (dist/), as the batch's and the web form's workers do.
 */
import { parentPort } from "node:worker_threads";
import v8 from "node:v8";
import { runInNewContext } from "node:vm";
import { buildFontChain } from "../../dist/fonts/chain.js";
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

// Paragraphs first (they shape and measure too), then widths, then runs: each ends full.
while (paragraphCacheSize() < MAX_PARAGRAPHS) breakLines(paragraph(next++), { size: 10.5, width: 420, fonts: chain });
while (widthCacheSize() < MAX_ENTRIES) {
  const i = next++;
  unitWidth(faces[i % faces.length], piece(i));
}
while (shapingCacheSize() < MAX_RUNS) {
  const i = next++;
  shapeText(faces[i % faces.length].font, piece(i));
}

const filled = { paragraphs: paragraphCacheSize(), widths: widthCacheSize(), runs: shapingCacheSize() };
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
  caps: { paragraphs: MAX_PARAGRAPHS, widths: MAX_ENTRIES, runs: MAX_RUNS },
  pages,
  usedMb,
});
