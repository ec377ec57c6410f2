/**
 * One tool kept warm in its own process, rendering a document pair whenever the bench asks, so
 * the two tools' warm runs can be interleaved (A B A B ...) without sharing a heap:
 *   fork("bench/warm-child.mjs", ["ours" | "typst"])
 *   send { name }  ->  reply { ms, prepMs, bytes: [checklist, letter], pages: [...] }
 *   send { end: true }  ->  reply { maxRssMb }, then exit
 * `ms` is the rendering alone: ours, a whole generate() (details checked, composed, laid out,
 * rendered); Typst, compiling and exporting the prepared sources. Typst's `prepMs` is making
 * those sources (our compose + bench/typst-markup.mjs), timed apart and left out of `ms`.
 * Each pair has its own name: Typst would replay a document it has seen, and so might we.
 */
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const tool = process.argv[2];

async function setUp() {
  const { SAMPLE_DETAILS } = await import("./doc-models.mjs");
  if (tool === "ours") {
    const { generate } = await import(join(root, "dist", "index.js"));
    return async (name) => {
      const start = performance.now();
      const documents = await generate({ ...SAMPLE_DETAILS, name });
      const ms = performance.now() - start;
      return { ms, prepMs: 0, bytes: documents.map((d) => d.bytes.length), pages: documents.map((d) => d.pages) };
    };
  }
  if (tool === "typst") {
    const [{ docModels }, { typstSource }, { createTypst, renderTypst }, style] = await Promise.all([
      import("./doc-models.mjs"),
      import("./typst-markup.mjs"),
      import("./typst-render.mjs"),
      import(join(root, "dist", "layout", "style.js")),
    ]);
    const compiler = createTypst();
    return async (name) => {
      const prepStart = performance.now();
      const sources = (await docModels({ ...SAMPLE_DETAILS, name })).map(({ model }) => typstSource(model, style));
      const start = performance.now();
      const pdfs = sources.map((source) => renderTypst(compiler, source));
      const ms = performance.now() - start;
      return { ms, prepMs: start - prepStart, bytes: pdfs.map((pdf) => pdf.length), pages: [] };
    };
  }
  throw new Error(`warm-child: unknown tool ${JSON.stringify(tool)}`);
}

const renderPair = await setUp();
process.on("message", async (message) => {
  try {
    if (message.end) {
      process.send({ maxRssMb: process.resourceUsage().maxRSS / 1024 }, () => process.exit(0));
      return;
    }
    process.send(await renderPair(message.name));
  } catch (error) {
    process.send({ error: String(error?.stack ?? error) });
  }
});
process.send({ ready: true });
