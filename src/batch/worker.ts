/**
 * A render worker: imports the library once (so each font is parsed once per worker and reused
 * for every row), renders the rows the main thread sends and writes each row's folder itself.
 * Writing here, not in the main thread, keeps every PDF's bytes in the thread that made them:
 * sent to the main thread, they stayed alive there until its next garbage collection, which a
 * thread allocating so little runs rarely (tens of MB of PDFs held at once in a 1,000-row batch).
 */
import { parentPort, workerData } from "node:worker_threads";
import { useSharedFontBytes } from "../fonts/faces.js";
import { generate, InputError, type GeneratedDocument } from "../generate.js";
import { problemsOf } from "../errors.js";
import type { RenderJob, RenderReply, WorkerSetup } from "./protocol.js";
import { writeRowFolder } from "./row-folder.js";

if (!parentPort) throw new Error("worker.js is a worker thread, started by the batch's render pool");
const port = parentPort;
const { options, force, fonts } = workerData as WorkerSetup;
useSharedFontBytes(fonts);

/** The row's documents, or the reply that says why there are none. */
async function render(job: RenderJob): Promise<GeneratedDocument[] | RenderReply> {
  try {
    return await generate(job.input, options);
  } catch (error) {
    return { id: job.id, ok: false, input: error instanceof InputError, problems: problemsOf(error) };
  }
}

async function write(job: RenderJob, documents: GeneratedDocument[]): Promise<RenderReply> {
  try {
    await writeRowFolder(job.dir, documents, force);
  } catch (error) {
    return { id: job.id, ok: false, input: false, problems: problemsOf(error) };
  }
  const files = documents.map((doc) => ({ kind: doc.kind, lang: doc.lang, fileName: doc.fileName, pages: doc.pages, size: doc.bytes.byteLength }));
  return { id: job.id, ok: true, files };
}

// Rows are rendered one at a time, in arrival order (the pool decides how many wait here); a
// row's files are written while the next row renders.
let rendering = Promise.resolve();
port.on("message", (job: RenderJob) => {
  const rendered = rendering.then(() => render(job));
  rendering = rendered.then(() => undefined);
  void rendered.then(async (result) => port.postMessage(Array.isArray(result) ? await write(job, result) : result));
});
