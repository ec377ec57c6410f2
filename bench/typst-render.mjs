/**
 * Typst as the benchmark runs it: @myriaddreamin/typst-ts-node-compiler (Typst compiled to a
 * native Node addon), given the two bundled font files we embed (Noto Sans SC Regular and
 * Bold, the same files as src/fonts/bundled.ts), writing PDF/A-2b with tags.
 *
 *   const typst = createTypst();
 *   const bytes = renderTypst(typst, source);          // a Buffer holding the PDF
 *
 * Fonts: the addon always scans the system's font folders too (fontdb: /usr/share/fonts,
 * /usr/local/share/fonts, ~/.fonts, fontconfig's folders) and adds Typst's own embedded fonts;
 * version 0.7.0 has no option to stop that. The markup (bench/typst-markup.mjs) names only our
 * family with `fallback: false`, so no other font can be used; pdffonts shows the two subsets.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { threadId } from "node:worker_threads";

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL("..", import.meta.url));
const { NodeCompiler } = require("@myriaddreamin/typst-ts-node-compiler");

export const TYPST_FONT_FILES = [
  require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
  require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf"),
];

/** What the PDF export is asked for: PDF/A-2b, tagged (the compiler's own options). */
export const TYPST_PDF_OPTIONS = { pdfStandard: "a-2b", pdfTags: true };

/** The package's version, and Typst's (read from a PDF's Creator by the bench). */
export const TYPST_PACKAGE_VERSION = require("@myriaddreamin/typst-ts-node-compiler/package.json").version;

export function createTypst(fontFiles = TYPST_FONT_FILES) {
  return NodeCompiler.create({
    workspace: root,
    fontArgs: [{ fontBlobs: fontFiles.map((file) => readFileSync(file)) }],
  });
}

/**
 * Each document is compiled as a file of its own (a virtual one, nothing is written): compiling
 * one source after another as the compiler's main content (`mainFileContent`), or under one path,
 * makes the compiler patch its previous source, and in about 1 % of documents that differ in
 * non-ASCII text the document then holds wrong characters (bench/check-typst-markup.mjs shows
 * it). A path per document is what `typst compile a.typ`, `typst compile b.typ` does anyway.
 */
let serial = 0;
const virtualPath = () => `${root}/.typst-virtual/${process.pid}-${threadId}-${serial++}.typ`;

/** Compiles one document; any error or warning is thrown, never ignored. */
export function compileTypst(compiler, source, { sameFile = false } = {}) {
  const path = sameFile ? `${root}/.typst-virtual/main.typ` : virtualPath();
  compiler.addSource(path, source);
  const result = compiler.compile({ mainFilePath: path });
  const diagnostics = result.takeDiagnostics();
  const document = result.result;
  if (!document || diagnostics) {
    const details = diagnostics ? JSON.stringify(diagnostics.shortDiagnostics).slice(0, 2000) : "no document";
    throw new Error(`Typst could not compile the document: ${details}`);
  }
  return { document, release: () => (sameFile ? undefined : compiler.unmapShadow(path)) };
}

/** Compiles and exports one document: the PDF's bytes. */
export function renderTypst(compiler, source) {
  const { document, release } = compileTypst(compiler, source);
  try {
    return compiler.pdf(document, TYPST_PDF_OPTIONS);
  } finally {
    release();
  }
}
