/**
 * A render worker: imports the library once (so each font is parsed once per worker and reused
 * for every row), renders the rows the main thread sends and writes each row's folder itself.
 * Writing here, not in the main thread, keeps every PDF's bytes in the thread that made them:
 * sent to the main thread, they stayed alive there until its next garbage collection, which a
 * thread allocating so little runs rarely (tens of MB of PDFs held at once in a 1,000-row batch).
 * A row whose folder already holds its documents (same key, unchanged files) is not rendered.
 */
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";
import { useSharedFontBytes } from "../fonts/faces.js";
import { generate, InputError, packDocumentNames, type GeneratedDocument } from "../generate.js";
import { problemsOf } from "../errors.js";
import { isWriteError, writeProblem, type SetState, type WriteResult } from "../write/index.js";
import type { RenderJob, RenderReply, WorkerSetup, WrittenFile } from "./protocol.js";
import { inspectRowFolder, writeRowFolder } from "./row-folder.js";

if (!parentPort) throw new Error("worker.js is a worker thread, started by the batch's render pool");
const port = parentPort;
const { options, force, fonts } = workerData as WorkerSetup;
useSharedFontBytes(fonts);
/** The names of the documents the batch's pack can make: an earlier set's there go with it. */
const documentNames = packDocumentNames(options);
// Awaited when a row is written; a pack that cannot be read fails every row there, not here.
documentNames.catch(() => undefined);

/** The files a kept folder's manifest describes. */
function keptFiles(state: Extract<SetState, { state: "complete" }>): WrittenFile[] {
  return state.manifest.files.map((f) => ({
    kind: String(f.info?.["kind"] ?? ""),
    lang: String(f.info?.["lang"] ?? ""),
    fileName: f.name,
    pages: Number(f.info?.["pages"] ?? 0),
    size: f.size,
  }));
}

interface Rendered {
  documents: GeneratedDocument[];
  replace: boolean;
}

/**
 * The row's documents, or the reply that says why there are none (or why none are needed).
 * `inspected`: what the row's folder holds, looked up when the row arrived.
 */
async function render(job: RenderJob, inspected: Promise<SetState>): Promise<Rendered | RenderReply> {
  let state: SetState;
  try {
    state = await inspected;
  } catch (error) {
    return { id: job.id, ok: false, input: false, problems: problemsOf(error) };
  }
  if (state.state === "complete") return { id: job.id, ok: true, action: "kept", files: keptFiles(state) };
  if (state.state === "other" && !force) {
    return {
      id: job.id,
      ok: false,
      input: false,
      exists: true,
      problems: [writeProblem("write.exists", { paths: join(job.out, job.folder) })],
    };
  }
  try {
    return { documents: await generate(job.input, options), replace: state.state === "other" };
  } catch (error) {
    return { id: job.id, ok: false, input: error instanceof InputError, problems: problemsOf(error) };
  }
}

async function write(job: RenderJob, { documents, replace }: Rendered): Promise<RenderReply> {
  const files = documents.map((doc) => ({
    fileName: doc.fileName,
    bytes: doc.bytes,
    info: { kind: doc.kind, lang: doc.lang, pages: doc.pages },
  }));
  let written: WriteResult;
  try {
    written = await writeRowFolder(job.out, job.folder, files, job.key, replace, await documentNames);
  } catch (error) {
    const exists = isWriteError(error) && error.problems.some((p) => p.code === "write.exists");
    return { id: job.id, ok: false, input: false, ...(exists ? { exists } : {}), problems: problemsOf(error) };
  }
  const done = documents.map((doc) => ({
    kind: doc.kind,
    lang: doc.lang,
    fileName: doc.fileName,
    pages: doc.pages,
    size: doc.bytes.byteLength,
  }));
  const removed = written.retired;
  return {
    id: job.id,
    ok: true,
    action: replace ? "replaced" : "written",
    files: done,
    ...(removed.length > 0 ? { removed } : {}),
  };
}

// Rows are rendered one at a time, in arrival order (the pool decides how many wait here); a
// row's folder is looked at as soon as the row arrives, and its files are written while the next
// row renders: the thread renders instead of waiting for the disk.
let rendering = Promise.resolve();
port.on("message", (job: RenderJob) => {
  const inspected = inspectRowFolder(join(job.out, job.folder), job.key);
  // Awaited in render(); until then a failure is not unhandled.
  inspected.catch(() => undefined);
  const rendered = rendering.then(() => render(job, inspected));
  rendering = rendered.then(() => undefined);
  void rendered.then(async (result) => port.postMessage("documents" in result ? await write(job, result) : result));
});
