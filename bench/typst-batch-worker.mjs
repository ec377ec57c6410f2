/**
 * A Typst batch worker thread (of bench/typst-batch.mjs): one compiler, fonts loaded once; for
 * each row it is sent, our DocModels (details checked, composed) -> Typst markup -> compile ->
 * the row's two PDFs written to the row's folder. Replies with its times; ends when told to,
 * once its rows are done (the main thread replaces it: see typst-batch.mjs on memory).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parentPort, workerData } from "node:worker_threads";
import { docModels } from "./doc-models.mjs";
import { typstSource } from "./typst-markup.mjs";
import { createTypst, renderTypst } from "./typst-render.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const style = await import(join(root, "dist", "layout", "style.js"));
const { out } = workerData;
const compiler = createTypst();
let pending = 0;
let ending = false;

async function render({ row, input }) {
  const prepStart = performance.now();
  const models = await docModels(input);
  const sources = models.map(({ kind, model }) => ({
    file: `sim-cancel-${kind}-${model.meta.lang}.pdf`,
    source: typstSource(model, style),
  }));
  const renderStart = performance.now();
  const pdfs = sources.map(({ file, source }) => ({ file, bytes: renderTypst(compiler, source) }));
  const renderMs = performance.now() - renderStart;
  const folder = join(out, String(row).padStart(5, "0"));
  await mkdir(folder, { recursive: true });
  await Promise.all(pdfs.map(({ file, bytes }) => writeFile(join(folder, file), bytes)));
  // The compiler memoizes across documents; its documentation asks long-running callers to evict.
  compiler.evictCache(10);
  return { row, ok: true, prepMs: renderStart - prepStart, renderMs };
}

const finish = () => {
  if (ending && pending === 0) parentPort.close();
};
parentPort.on("message", async (message) => {
  if (message.end) {
    ending = true;
    finish();
    return;
  }
  pending++;
  let reply;
  try {
    reply = await render(message);
  } catch (error) {
    reply = { row: message.row, ok: false, error: String(error?.stack ?? error) };
  }
  pending--;
  parentPort.postMessage(reply);
  finish();
});
parentPort.postMessage({ ready: true });
