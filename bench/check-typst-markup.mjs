#!/usr/bin/env node
/**
 * npm run bench:check: tries to break bench/typst-markup.mjs with hostile text, through Typst
 * itself (not our code) as the judge.
 *   1. Escaping: any string, written with typstString() into a source, reads back from the
 *      compiled document (Typst's query) as exactly that string. Random strings of any code
 *      point, plus Typst's markup and code characters, comment openers, labels, bidi controls;
 *      and the source holds no control, format or lone surrogate character (all as \u{...}).
 *   2. Sequence: 1,500 documents compiled one after another in one compiler (as the warm and
 *      batch runs do) each hold their own text.
 *   3. Structure: the sample's DocModel with every piece of text replaced by hostile strings
 *      compiles without a diagnostic, keeps its headings, and pdftotext finds the hostile words
 *      in the PDF.
 *   4. Fidelity beyond the sample: other situations (proxy, post, prepaid; en and fr users),
 *      ours by generate() and Typst's from the same models, hold the same words on the same
 *      number of pages (bench/same-text.mjs); every block kind the situations use is listed.
 *   5. The blocks no template uses yet (numbered and nested items, level-3 headings, fill-in
 *      blanks of a set width, page breaks, small and right-aligned text): a made-up model laid
 *      out and rendered by our dist/ and by Typst, same words, same pages; page 1 of both
 *      written side by side to output/bench/check-all-blocks.png to look at.
 * Exits non-zero on the first counterexample. Build first (npm run build).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { docModels, SAMPLE_DETAILS } from "./doc-models.mjs";
import { sameText } from "./same-text.mjs";
import { typstSource, typstString } from "./typst-markup.mjs";
import { compileTypst, createTypst, renderTypst } from "./typst-render.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const style = await import(join(root, "dist", "layout", "style.js"));
const compiler = createTypst();

const HOSTILE = [
  '"',
  "\\",
  '\\"',
  "]",
  "[",
  "#",
  "#let x = 1",
  "*bold*",
  "_em_",
  "$x^2$",
  "`raw`",
  "// comment",
  "/* open",
  "*/",
  "<label>",
  "@ref",
  "= Heading",
  "- item",
  "+ item",
  "/ term: x",
  "~",
  "--",
  "---",
  "...",
  "'",
  "\u{0}",
  "\u{1B}[31m",
  "\r\n",
  "\t",
  "\u{202E}evil",
  "\u{2066}",
  "\u{200B}",
  "\u{FEFF}",
  "\u{2028}",
  "\u{85}",
  "\u{7F}",
  "#{",
  "}",
  "#(",
  ")",
  "\\u{41}",
  "\\n",
  "😀",
  "é",
  "e\u{301}",
  "王小明",
  "<",
  ">",
  "&",
  "%",
  "\u{D800}",
];
const expected = (text) =>
  text.replace(/[\uD800-\uDFFF]/g, (c, i) => {
    // A lone surrogate becomes U+FFFD; a valid pair stays.
    const code = text.charCodeAt(i);
    const pairedAfter = code <= 0xdbff && /[\uDC00-\uDFFF]/.test(text[i + 1] ?? "");
    const pairedBefore = code >= 0xdc00 && /[\uD800-\uDBFF]/.test(text[i - 1] ?? "");
    return pairedAfter || pairedBefore ? c : "\uFFFD";
  });

/** Reads `text` back through Typst: a metadata element holding the literal, queried by label. */
function roundTrip(text, options = {}) {
  const { document, release } = compileTypst(compiler, `#metadata(${typstString(text)}) <probe>`, options);
  try {
    return compiler.query(document, { selector: "<probe>", field: "value" })[0];
  } finally {
    release();
  }
}

let checked = 0;
for (const text of [...HOSTILE, HOSTILE.join(""), HOSTILE.join(" ")]) {
  const back = roundTrip(text);
  if (back !== expected(text))
    throw new Error(`escaping: ${JSON.stringify(text)} came back as ${JSON.stringify(back)}`);
  checked++;
}
fc.assert(
  fc.property(
    fc.oneof(
      fc.string({ unit: "binary", maxLength: 40 }),
      fc.array(fc.constantFrom(...HOSTILE), { maxLength: 8 }).map((a) => a.join("")),
    ),
    (text) => {
      const back = roundTrip(text);
      if (back !== expected(text))
        throw new Error(`escaping: ${JSON.stringify(text)} came back as ${JSON.stringify(back)}`);
      // Typst would read control and format characters raw too; escaped, the source shows them.
      if (/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u.test(typstString(text)))
        throw new Error(`escaping: ${JSON.stringify(text)} left an invisible character in the source`);
      checked++;
    },
  ),
  { numRuns: 300 },
);
console.log(`escaping: ${checked} strings read back exactly`);

// 2. Many documents in one compiler, as the warm and batch runs make them: every one must hold
// its own text. Compiled one after another as one file, about 1 % do not (a bug of the compiler
// package's incremental update), which is why bench/typst-render.mjs gives each its own path.
const randomHan = () =>
  Array.from({ length: 2 }, () => String.fromCodePoint(0x4e00 + Math.floor(Math.random() * 0x5000))).join("");
for (const sameFile of [false, true]) {
  let wrong = 0;
  for (let i = 0; i < 1500; i++) {
    const text = randomHan();
    if (roundTrip(text, { sameFile }) !== text) wrong++;
  }
  if (!sameFile && wrong > 0)
    throw new Error(`sequence: ${wrong} of 1500 documents in one compiler came out with other text`);
  console.log(
    `sequence: 1500 documents in one compiler, ${sameFile ? "compiled as one file (not how the bench does it)" : "each its own file (as the bench does)"}: ${wrong} with wrong text`,
  );
}

// 3. Structure: hostile text in every run of the sample's models.
const replaceRuns = (runs, next) => runs.map((run) => (run.kind === "text" ? { ...run, text: next() } : run));
const dir = mkdtempSync(join(tmpdir(), "sim-cancel-bench-check-"));
try {
  let n = 0;
  // Printable hostile words (pdftotext must find them); each is unique by its number.
  const next = () => `Zq${n++}${["*", "#", "]", "\\", '"', "$", "//", "<a>", "@b", "=", "-", "_"][n % 12]}`;
  for (const { kind, model } of await docModels(SAMPLE_DETAILS)) {
    n = 0;
    const hostile = structuredClone(model);
    for (const section of hostile.sections) {
      section.furniture = { ...section.furniture, title: next(), author: next() };
      section.blocks = section.blocks.map((block) => {
        if (block.kind === "fields")
          return {
            ...block,
            rows: block.rows.map((r) => ({ label: replaceRuns(r.label, next), value: replaceRuns(r.value, next) })),
          };
        if (block.kind === "address" || block.kind === "signature")
          return { ...block, lines: block.lines.map((line) => replaceRuns(line, next)) };
        if (block.kind === "pageBreak") return block;
        return { ...block, runs: replaceRuns(block.runs, next) };
      });
    }
    const words = n;
    const source = typstSource(hostile, style);
    const pdf = join(dir, `${kind}.pdf`);
    writeFileSync(pdf, renderTypst(compiler, source));
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], { encoding: "utf8" });
    const missing = [];
    for (let i = 0; i < words; i++) if (!new RegExp(`Zq${i}(?!\\d)`).test(text)) missing.push(`Zq${i}`);
    if (missing.length > 0)
      throw new Error(`${kind}: hostile words missing from the PDF: ${missing.slice(0, 10).join(" ")}`);
    const result = compiler.compile({ mainFileContent: source });
    const headings = compiler.query(result.result, { selector: "heading" }).length;
    const wanted = model.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === "title" || b.kind === "heading").length;
    if (headings !== wanted)
      throw new Error(`${kind}: ${headings} headings in Typst's document, ${wanted} in the model`);
    console.log(`structure: ${kind}, ${words} hostile runs, all in the PDF, ${headings} headings as in the model`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// 4. Fidelity beyond the sample.
const { generate } = await import(join(root, "dist", "index.js"));
const SITUATIONS = [
  { label: "proxy, zh-Hans", details: { channel: "proxy", proxyName: "Li CHEN" }, options: {} },
  { label: "post, prepaid, en", details: { channel: "post", plan: "prepaid" }, options: { lang: "en" } },
  { label: "in-person, fr", details: {}, options: { lang: "fr" } },
];
const fidelityDir = mkdtempSync(join(tmpdir(), "sim-cancel-bench-check-"));
try {
  const kinds = new Set();
  for (const { label, details, options } of SITUATIONS) {
    const input = { ...SAMPLE_DETAILS, ...details };
    const ours = await generate(input, options);
    const models = await docModels(input, options);
    for (const [i, { kind, model }] of models.entries()) {
      for (const section of model.sections)
        for (const block of section.blocks)
          kinds.add(block.kind === "item" && block.ordinal !== undefined ? "item (numbered)" : block.kind);
      const oursFile = join(fidelityDir, `ours-${i}.pdf`);
      const typstFile = join(fidelityDir, `typst-${i}.pdf`);
      writeFileSync(oursFile, ours[i].bytes);
      writeFileSync(typstFile, renderTypst(compiler, typstSource(model, style)));
      const result = await sameText(oursFile, typstFile);
      if (!result.same) throw new Error(`fidelity, ${label}, ${kind}: ${result.differences.join("; ")}`);
      console.log(`fidelity: ${label}, ${kind}: ${result.pages[0]} pages, ${result.words} words, same text`);
    }
  }
  console.log(`fidelity: block kinds covered: ${[...kinds].sort().join(", ")}`);
} finally {
  rmSync(fidelityDir, { recursive: true, force: true });
}

// 5. Every block kind, in a made-up model.
const t = (text, bold) => ({ kind: "text", text, ...(bold ? { bold: true } : {}) });
const allBlocks = {
  meta: {
    title: "Blocks",
    author: "A. Person",
    subject: "Every block",
    keywords: ["one"],
    lang: "fr",
    date: "2026-11-24",
  },
  sections: [
    {
      lang: "fr",
      newPage: true,
      furniture: { title: "Tous les blocs", author: "A. Person", pageNumber: "Page {page} / {pages}" },
      blocks: [
        { kind: "title", runs: [t("Titre du document")] },
        { kind: "heading", level: 2, runs: [t("Niveau deux")] },
        { kind: "heading", level: 3, runs: [t("Niveau trois")] },
        {
          kind: "paragraph",
          align: "left",
          runs: [
            t("Un paragraphe avec "),
            t("du gras", true),
            t(" et un blanc : "),
            { kind: "fill", widthEm: 8 },
            t(" puis la suite."),
          ],
        },
        { kind: "paragraph", align: "right", runs: [t("À droite")] },
        { kind: "paragraph", align: "left", small: true, runs: [t("Petit texte gris, sur une ligne.")] },
        { kind: "item", depth: 0, ordinal: 1, runs: [t("Premier point numéroté")] },
        { kind: "item", depth: 0, ordinal: 2, runs: [t("Deuxième point numéroté")] },
        { kind: "item", depth: 0, runs: [t("Une puce")] },
        { kind: "item", depth: 1, runs: [t("Une puce imbriquée")] },
        { kind: "tick", depth: 0, runs: [t("Une case à cocher")] },
        { kind: "tick", depth: 1, runs: [t("Une case imbriquée")] },
        {
          kind: "fields",
          rows: [
            { label: [t("Nom")], value: [t("A. Person")] },
            { label: [t("Date")], value: [{ kind: "fill", widthEm: 0 }] },
          ],
        },
        { kind: "notice", runs: [t("Un avis encadré.")] },
        { kind: "pageBreak" },
        { kind: "address", align: "right", lines: [[t("Destinataire", true)], [t("1 rue Exemple")]] },
        { kind: "signature", lines: [[t("A. Person")]] },
      ],
    },
  ],
};
const [{ layoutDocument }, { renderPdf }, { buildFontChain }, { sideBySide }] = await Promise.all([
  import(join(root, "dist", "layout", "index.js")),
  import(join(root, "dist", "render", "pdf.js")),
  import(join(root, "dist", "fonts", "chain.js")),
  import("./side-by-side.mjs"),
]);
const blocksDir = mkdtempSync(join(tmpdir(), "sim-cancel-bench-check-"));
try {
  const chain = buildFontChain("fr");
  const layout = layoutDocument(allBlocks, { paper: "a4", fontsFor: () => chain });
  const oursFile = join(blocksDir, "ours.pdf");
  const typstFile = join(blocksDir, "typst.pdf");
  writeFileSync(
    oursFile,
    await renderPdf({ layout, meta: allBlocks.meta, faces: [...new Set([...chain.regular, ...chain.bold])] }),
  );
  writeFileSync(typstFile, renderTypst(compiler, typstSource(allBlocks, style)));
  const result = await sameText(oursFile, typstFile);
  const png = join(root, "output", "bench", "check-all-blocks.png");
  execFileSync("mkdir", ["-p", join(root, "output", "bench")]);
  await sideBySide(oursFile, typstFile, png);
  if (!result.same) throw new Error(`every block: ${result.differences.join("; ")}`);
  console.log(
    `every block kind: ${result.pages[0]} pages, ${result.words} words, same text; page 1 side by side: output/bench/check-all-blocks.png`,
  );
} finally {
  rmSync(blocksDir, { recursive: true, force: true });
}
