/**
 * A render worker of the web server: imports the library once (fonts parsed once per worker),
 * renders one job at a time and sends the PDFs' bytes back (transferred, not copied). Unlike the
 * batch's worker it writes nothing: the server must not put what a user typed on disk.
 */
import { parentPort } from "node:worker_threads";
import { problemsOf } from "../errors.js";
import { generate, InputError } from "../generate.js";
import type { WebRenderJob, WebRenderReply } from "./protocol.js";

if (!parentPort) throw new Error("render-worker.js is a worker thread, started by the web server's render pool");
const port = parentPort;

async function render(job: WebRenderJob): Promise<WebRenderReply> {
  try {
    const documents = await generate(job.input, { lang: job.lang, today: job.today });
    return {
      id: job.id,
      ok: true,
      documents: documents.map(({ kind, lang, fileName, pages, bytes }) => ({ kind, lang, fileName, pages, bytes })),
    };
  } catch (error) {
    // Problems as data: the server words them for the page.
    const input = error instanceof InputError;
    return { id: job.id, ok: false, input, problems: problemsOf(error) };
  }
}

// One job at a time, in arrival order: the pool decides how many wait here.
let queue = Promise.resolve();
port.on("message", (job: WebRenderJob) => {
  queue = queue.then(async () => {
    const reply = await render(job);
    const transfer = reply.ok ? reply.documents.map((d) => d.bytes.buffer as ArrayBuffer) : [];
    port.postMessage(reply, transfer);
  });
});
