/**
 * The web app's routes (Hono). Nothing here writes a file or logs what a request holds: details
 * are validated and rendered in memory and sent back; a batch's ZIP waits in memory a few
 * minutes for its download. Every route that takes details has a size limit; rendering goes
 * through the bounded queue (render-pool.ts).
 *
 *   GET  /                      the page, in the visitor's language
 *   GET  /assets/*              its script modules, style sheet and icon
 *   POST /api/check             validation as you type: the problems of the details, by field
 *   POST /api/documents         the PDFs (base64 in JSON), or the problems
 *   POST /api/documents.zip     the same PDFs as one ZIP
 *   POST /api/details.yaml      the details as a details file (the `init` template, filled in)
 *   POST /api/details/load      a details file back into the form's fields
 *   POST /api/batch/check       a batch file's first pass: each row's problems
 *   POST /api/batch/run         its second pass, as a stream of progress lines (NDJSON)
 *   GET  /api/batch/zip/:id     the batch's ZIP (row folders and summary.csv)
 */
import { randomBytes } from "node:crypto";
import { Hono, type Context } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { HttpBindings } from "@hono/node-server";
import { todayInNoumea, validateDetails } from "../details/index.js";
import { InputError } from "../errors.js";
import { formatFromName } from "./batch-source.js";
import { checkUpload, MAX_ROWS, renderBatch } from "./batch-job.js";
import { detailsYaml, formValues, loadDetails } from "./details-yaml.js";
import { langFromAcceptLanguage, renderPage } from "./page.js";
import type { WebRenderPool, RenderOutcome } from "./render-pool.js";
import { APP_CSS, ICON_SVG } from "./styles.js";
import { isWebLang, type WebLang } from "./texts.js";
import { webMessage, wordAll, type ShownProblem } from "./words.js";
import { ZipBuilder } from "./zip.js";

export const LIMITS = {
  /** One person's details as JSON: a few hundred bytes; 64 KB leaves room for long addresses. */
  detailsBytes: 64 * 1024,
  /** A batch file: 200 rows of details fit in well under 1 MB. */
  batchBytes: 1024 * 1024,
  /** Finished batch ZIPs kept for download, and for how long. */
  keptZips: 4,
  zipMinutes: 10,
};

export interface AppConfig {
  pool: WebRenderPool;
  /** The client's compiled modules by file name (main.js, ...), read once at start. */
  scripts: ReadonlyMap<string, string>;
  /** Today in Nouméa; a function so a server running past midnight follows the date. */
  today?: () => string;
}

type Env = { Bindings: HttpBindings };

function langOf(value: unknown): WebLang {
  return isWebLang(value) ? value : "en";
}

/** The request's JSON body, or undefined when it is not JSON. */
async function jsonBody(c: Context<Env>): Promise<Record<string, unknown> | undefined> {
  if (!(c.req.header("content-type") ?? "").startsWith("application/json")) return undefined;
  try {
    const body: unknown = await c.req.json();
    return typeof body === "object" && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function problemsResponse(c: Context<Env>, status: 400 | 413 | 422 | 503 | 500, problems: ShownProblem[]) {
  return c.json({ ok: false, problems }, status);
}

function sizeLimit(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: (c) => {
      const lang = langOf(new URL(c.req.url).searchParams.get("lang"));
      const max = maxSize >= 1024 * 1024 ? `${maxSize / 1024 / 1024} MB` : `${maxSize / 1024} KB`;
      // The rest of the body is not read: the connection cannot carry another request after it.
      return c.json(
        { ok: false, problems: [{ code: "web.tooLarge", message: webMessage("web.tooLarge", lang, { max }) }] },
        413,
        { Connection: "close" },
      );
    },
  });
}

/** A render that did not give documents, as the page's problems and the status that fits. */
function failure(
  outcome: Exclude<RenderOutcome, { ok: true }>,
  lang: WebLang,
): { status: 422 | 503 | 500; problems: ShownProblem[] } {
  if (outcome.reason === "input") return { status: 422, problems: wordAll(outcome.problems, lang) };
  if (outcome.reason === "busy" || outcome.reason === "cancelled")
    return { status: 503, problems: [{ code: "web.busy", message: webMessage("web.busy", lang) }] };
  if (outcome.reason === "timeout")
    return { status: 503, problems: [{ code: "web.timeout", message: webMessage("web.timeout", lang) }] };
  return { status: 500, problems: [{ code: "web.failed", message: webMessage("web.failed", lang) }] };
}

export function createApp(config: AppConfig): Hono<Env> {
  const app = new Hono<Env>();
  const today = config.today ?? (() => todayInNoumea(new Date()));
  const zips = new Map<string, { bytes: Uint8Array<ArrayBuffer>; timer: NodeJS.Timeout }>();
  let batchRunning = false;

  app.onError((error, c) => {
    // The error's class only: its message may quote what the user typed.
    process.stderr.write(`sim-cancel serve: internal error (${error.name})\n`);
    return c.json({ ok: false, problems: [{ code: "web.failed", message: webMessage("web.failed", "en") }] }, 500);
  });
  app.notFound((c) => c.text("Not found", 404));

  app.get("/", (c) => {
    const asked = c.req.query("lang");
    const lang = isWebLang(asked) ? asked : langFromAcceptLanguage(c.req.header("accept-language"));
    return c.html(renderPage(lang));
  });
  app.get("/assets/app.css", (c) => c.body(APP_CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));
  app.get("/assets/icon.svg", (c) => c.body(ICON_SVG, 200, { "Content-Type": "image/svg+xml" }));
  app.get("/assets/:file{[a-z0-9-]+\\.js}", (c) => {
    const script = config.scripts.get(c.req.param("file"));
    return script === undefined
      ? c.text("Not found", 404)
      : c.body(script, 200, { "Content-Type": "text/javascript; charset=utf-8" });
  });

  app.post("/api/check", sizeLimit(LIMITS.detailsBytes), async (c) => {
    const body = await jsonBody(c);
    const lang = langOf(body?.["lang"]);
    if (!body)
      return problemsResponse(c, 400, [{ code: "web.badRequest", message: webMessage("web.badRequest", lang) }]);
    const result = validateDetails(formValues(body["details"]), { today: today() });
    return c.json({ ok: result.ok, problems: result.ok ? [] : wordAll(result.problems, lang) });
  });

  /** Validates, then renders through the queue; the response is the documents or the problems. */
  async function documents(c: Context<Env>, body: Record<string, unknown> | undefined) {
    const lang = langOf(body?.["lang"]);
    if (!body)
      return {
        response: problemsResponse(c, 400, [{ code: "web.badRequest", message: webMessage("web.badRequest", lang) }]),
      };
    const input = formValues(body["details"]);
    const day = today();
    const result = validateDetails(input, { today: day });
    if (!result.ok) return { response: problemsResponse(c, 422, wordAll(result.problems, lang)) };
    const outcome = await config.pool.render({ input, lang, today: day, signal: c.req.raw.signal });
    if (!outcome.ok) {
      const { status, problems } = failure(outcome, lang);
      return { response: problemsResponse(c, status, problems) };
    }
    return { documents: outcome.documents, lang };
  }

  app.post("/api/documents", sizeLimit(LIMITS.detailsBytes), async (c) => {
    const made = await documents(c, await jsonBody(c));
    if (made.response) return made.response;
    return c.json({
      ok: true,
      documents: made.documents.map((d) => ({
        kind: d.kind,
        lang: d.lang,
        fileName: d.fileName,
        pages: d.pages,
        size: d.bytes.byteLength,
        pdf: Buffer.from(d.bytes).toString("base64"),
      })),
    });
  });

  app.post("/api/documents.zip", sizeLimit(LIMITS.detailsBytes), async (c) => {
    const made = await documents(c, await jsonBody(c));
    if (made.response) return made.response;
    const zip = new ZipBuilder();
    for (const d of made.documents) zip.add(d.fileName, d.bytes);
    return c.body(zip.finish(), 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="sim-cancel-${made.lang}.zip"`,
    });
  });

  app.post("/api/details.yaml", sizeLimit(LIMITS.detailsBytes), async (c) => {
    const body = await jsonBody(c);
    const lang = langOf(body?.["lang"]);
    if (!body)
      return problemsResponse(c, 400, [{ code: "web.badRequest", message: webMessage("web.badRequest", lang) }]);
    const yaml = await detailsYaml(formValues(body["details"]), lang);
    return c.body(yaml, 200, {
      "Content-Type": "application/yaml; charset=utf-8",
      "Content-Disposition": `attachment; filename="details.yaml"`,
    });
  });

  app.post("/api/details/load", sizeLimit(LIMITS.detailsBytes), async (c) => {
    const lang = langOf(c.req.query("lang"));
    const text = new TextDecoder("utf-8", { fatal: false }).decode(await c.req.arrayBuffer());
    const loaded = loadDetails(text);
    // The reader's problems name the file and line ("details.yaml, line 2: ...").
    if (!loaded.ok) return problemsResponse(c, 422, wordAll(loaded.problems, lang));
    return c.json({ ok: true, details: loaded.values });
  });

  /** The uploaded batch file's bytes, format and name (the name only labels messages). */
  async function upload(c: Context<Env>) {
    const lang = langOf(c.req.query("lang"));
    const name = (c.req.query("name") ?? "batch").slice(0, 200);
    const format = formatFromName(name);
    if (!format)
      return {
        lang,
        response: problemsResponse(c, 422, [{ code: "web.batchKind", message: webMessage("web.batchKind", lang) }]),
      };
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    try {
      const checked = await checkUpload(bytes, format, name, lang, today());
      if (checked.rows > MAX_ROWS) {
        return {
          lang,
          response: problemsResponse(c, 422, [
            {
              code: "web.batchRows",
              message: webMessage("web.batchRows", lang, { rows: checked.rows, max: MAX_ROWS }),
            },
          ]),
        };
      }
      return { lang, checked };
    } catch (error) {
      if (error instanceof InputError) {
        // The batch reader's own sentences about the file as a whole (they name the upload, see batch-source.ts).
        return { lang, response: problemsResponse(c, 422, wordAll(error.problems, lang)) };
      }
      throw error;
    }
  }

  app.post("/api/batch/check", sizeLimit(LIMITS.batchBytes), async (c) => {
    const got = await upload(c);
    if (got.response) return got.response;
    const { rows, valid, invalid } = got.checked;
    return c.json({ ok: true, rows, valid, invalid });
  });

  app.post("/api/batch/run", sizeLimit(LIMITS.batchBytes), async (c) => {
    if (batchRunning) {
      const lang = langOf(c.req.query("lang"));
      return problemsResponse(c, 503, [{ code: "web.busy", message: webMessage("web.busy", lang) }]);
    }
    batchRunning = true;
    let handedOver = false;
    try {
      const got = await upload(c);
      if (got.response) return got.response;
      const { checked, lang } = got;
      const signal = c.req.raw.signal;
      const encoder = new TextEncoder();
      const stream = new ReadableStream<Uint8Array>({
        start: async (controller) => {
          const send = (event: unknown) => {
            // A page that went away has cancelled the stream: the rest is not sent.
            if (!signal.aborted) controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
          };
          try {
            send({ type: "checked", rows: checked.rows, valid: checked.valid, invalid: checked.invalid });
            const outcome = await renderBatch(checked, config.pool, lang, today(), send, signal);
            if (signal.aborted) return;
            const id = randomBytes(16).toString("hex");
            while (zips.size >= LIMITS.keptZips) {
              const [oldest] = zips.keys();
              clearTimeout(zips.get(oldest!)!.timer);
              zips.delete(oldest!);
            }
            const timer = setTimeout(() => zips.delete(id), LIMITS.zipMinutes * 60_000);
            timer.unref();
            zips.set(id, { bytes: outcome.zip, timer });
            send({
              type: "done",
              ok: outcome.ok,
              failed: outcome.failed,
              zip: `/api/batch/zip/${id}`,
              size: outcome.zip.byteLength,
            });
          } catch {
            process.stderr.write("sim-cancel serve: a batch failed\n");
            send({ type: "error", message: webMessage("web.failed", lang) });
          } finally {
            batchRunning = false;
            if (!signal.aborted) controller.close();
          }
        },
      });
      handedOver = true;
      return c.body(stream, 200, { "Content-Type": "application/x-ndjson; charset=utf-8" });
    } finally {
      if (!handedOver) batchRunning = false;
    }
  });

  app.get("/api/batch/zip/:id{[0-9a-f]{32}}", (c) => {
    const kept = zips.get(c.req.param("id"));
    if (!kept) return c.text(webMessage("web.batchGone", langOf(c.req.query("lang"))), 404);
    return c.body(kept.bytes, 200, {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="sim-cancel-batch.zip"`,
    });
  });

  return app;
}
