/**
 * A render worker: imports the library once (so each font is parsed once per worker and reused
 * for every row), renders the rows the main thread sends and writes each row's folder itself.
 * Writing here, not in the main thread, keeps every PDF's bytes in the thread that made them:
 * sent to the main thread, they stayed alive there until its next garbage collection, which a
 * thread allocating so little runs rarely (tens of MB of PDFs held at once in a 1,000-row batch).
 */
import { stat } from "node:fs/promises";
import { parentPort, workerData } from "node:worker_threads";
import { writeAll } from "../cli/write.js";
import { useSharedFontBytes } from "../fonts/faces.js";
import { generate, InputError, type GeneratedDocument } from "../generate.js";
import type { RenderJob, RenderReply, WorkerSetup } from "./protocol.js";

if (!parentPort) throw new Error("worker.js is a worker thread, started by the batch's render pool");
const port = parentPort;
const { options, force, fonts } = workerData as WorkerSetup;
useSharedFontBytes(fonts);

const exists = (path: string) => stat(path).then(() => true, () => false);

async function write(dir: string, documents: readonly GeneratedDocument[]): Promise<void> {
  if (!force && (await exists(dir))) throw new Error(`${dir} already exists; nothing was written. Use --force to replace its files, or --out DIR for another folder`);
  await writeAll(dir, documents, force);
}

async function renderAndWrite(job: RenderJob): Promise<RenderReply> {
  let documents: GeneratedDocument[];
  try {
    documents = await generate(job.input, options);
  } catch (error) {
    const input = error instanceof InputError;
    return { id: job.id, ok: false, input, problems: input ? error.problems : [(error as Error)?.message ?? String(error)] };
  }
  try {
    await write(job.dir, documents);
  } catch (error) {
    return { id: job.id, ok: false, input: false, problems: [(error as Error)?.message ?? String(error)] };
  }
  const files = documents.map((doc) => ({ kind: doc.kind, lang: doc.lang, fileName: doc.fileName, pages: doc.pages, bytes: doc.bytes.byteLength }));
  return { id: job.id, ok: true, files };
}

// One row at a time, in arrival order: the pool decides how many wait here.
let queue = Promise.resolve();
port.on("message", (job: RenderJob) => {
  queue = queue.then(async () => port.postMessage(await renderAndWrite(job)));
});
