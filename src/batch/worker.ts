/**
 * A render worker: imports the library once (so each font is parsed once per worker and reused
 * for every row) and renders the rows the main thread sends, returning the PDFs' bytes.
 */
import { parentPort, workerData } from "node:worker_threads";
import { useSharedFontBytes } from "../fonts/faces.js";
import { generate, InputError } from "../generate.js";
import type { RenderJob, RenderReply, WorkerSetup, RenderedFile } from "./protocol.js";

if (!parentPort) throw new Error("worker.js is a worker thread, started by the batch's render pool");
const port = parentPort;
const { options, fonts } = workerData as WorkerSetup;
useSharedFontBytes(fonts);

/** The bytes in an ArrayBuffer of their own, so transferring them moves nothing else. */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}

async function render(job: RenderJob): Promise<{ reply: RenderReply; transfer: ArrayBuffer[] }> {
  try {
    const documents = await generate(job.input, options);
    const files: RenderedFile[] = documents.map((doc) => ({ kind: doc.kind, lang: doc.lang, fileName: doc.fileName, pages: doc.pages, bytes: ownBuffer(doc.bytes) }));
    return { reply: { id: job.id, ok: true, files }, transfer: files.map((f) => f.bytes) };
  } catch (error) {
    const input = error instanceof InputError;
    const problems = input ? error.problems : [(error as Error)?.message ?? String(error)];
    return { reply: { id: job.id, ok: false, input, problems }, transfer: [] };
  }
}

// One row at a time, in arrival order: the pool decides how many wait here.
let queue = Promise.resolve();
port.on("message", (job: RenderJob) => {
  queue = queue.then(async () => {
    const { reply, transfer } = await render(job);
    port.postMessage(reply, transfer);
  });
});
