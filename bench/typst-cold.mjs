#!/usr/bin/env node
/**
 * Typst's side of the cold measure, run as a fresh process each time:
 *   node bench/typst-cold.mjs SOURCE_DIR OUT_DIR
 * loads the compiler, reads the prepared sources (SOURCE_DIR/*.typ, made from our DocModels by
 * bench/typst-markup.mjs), compiles each and writes its PDF to OUT_DIR. Prints its phases'
 * times as JSON on stdout, so the bench can say where a cold Typst start goes.
 */
const started = performance.now();
const { readdirSync, readFileSync, writeFileSync } = await import("node:fs");
const { join } = await import("node:path");
const { createTypst, renderTypst } = await import("./typst-render.mjs");
const loaded = performance.now();

const [sourceDir, outDir] = process.argv.slice(2);
if (!sourceDir || !outDir) throw new Error("usage: typst-cold.mjs SOURCE_DIR OUT_DIR");
const compiler = createTypst();
const created = performance.now();
for (const file of readdirSync(sourceDir)
  .filter((name) => name.endsWith(".typ"))
  .sort()) {
  const pdf = renderTypst(compiler, readFileSync(join(sourceDir, file), "utf8"));
  writeFileSync(join(outDir, file.replace(/\.typ$/, ".pdf")), pdf);
}
const done = performance.now();
process.stdout.write(
  `${JSON.stringify({ loadMs: loaded - started, createMs: created - loaded, renderMs: done - created })}\n`,
);
