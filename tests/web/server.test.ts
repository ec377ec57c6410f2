/**
 * The web server without a browser: who may talk to it (Host, Origin, loopback, the --lan token),
 * its headers (CSP), its limits, the same schema and library as the command line behind its
 * routes, the batch tab's first pass, and the bounded render queue.
 */
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeFileSync } from "node:fs";
import fc from "fast-check";
import { unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIELD_NAMES, validateDetails } from "../../src/details/index.js";
import { generate } from "../../src/generate.js";
import { checkRequest, CONTENT_SECURITY_POLICY, type GuardConfig } from "../../src/web/guard.js";
import { WebRenderPool } from "../../src/web/render-pool.js";
import type { RunningServer } from "../../src/web/serve.js";
import { ROOT } from "../support/cli.js";
import { flat, readPdf } from "../support/pdf.js";
import { startBuiltServer, TODAY } from "./support.js";

let server: RunningServer;
let origin: string;

beforeAll(async () => {
  server = await startBuiltServer({ pool: { workers: 2 } });
  origin = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server?.close();
});

/** A request as the page sends it (or, with `headers`, as something else would). */
function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const raw = typeof body === "string" || body instanceof Uint8Array ? body : JSON.stringify(body);
  return fetch(`${origin}${path}`, {
    method: "POST",
    body: raw as BodyInit,
    headers: {
      Origin: origin,
      "Content-Type":
        typeof body === "string" || body instanceof Uint8Array ? "application/octet-stream" : "application/json",
      ...headers,
    },
  });
}

describe("who may talk to the server", () => {
  it("refuses another host name (DNS rebinding), another origin, and a POST without an origin", async () => {
    const http = await import("node:http");
    // fetch() will not send a forged Host header; node:http will.
    const withHost = (host: string) =>
      new Promise<number>((resolve, reject) => {
        http
          .get({ host: "127.0.0.1", port: server.port, path: "/", headers: { Host: host } }, (res) => {
            res.resume();
            resolve(res.statusCode!);
          })
          .on("error", reject);
      });
    expect(await withHost(`evil.example:${server.port}`)).toBe(421);
    expect(await withHost(`127.0.0.1:${server.port + 1}`)).toBe(421);
    expect(await withHost(`127.0.0.1:${server.port}`)).toBe(200);
    expect(await withHost(`localhost:${server.port}`)).toBe(200);

    const details = { details: { name: "A B", phone: "76 12 34" }, lang: "en" };
    expect((await post("/api/check", details)).status).toBe(200);
    expect((await post("/api/check", details, { Origin: "http://evil.example" })).status).toBe(403);
    expect((await post("/api/check", details, { Origin: `http://127.0.0.1:${server.port + 1}` })).status).toBe(403);
    expect((await post("/api/check", details, { "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    const noOrigin = await fetch(`${origin}/api/documents`, {
      method: "POST",
      body: JSON.stringify(details),
      headers: { "Content-Type": "application/json" },
    });
    expect(noOrigin.status).toBe(403);
  });

  it("without --lan, refuses a connection from another machine", () => {
    const config: GuardConfig = {
      hosts: new Set(["127.0.0.1:8000"]),
      origins: new Set(["http://127.0.0.1:8000"]),
      loopbackOnly: true,
    };
    const request = (remoteAddress: string) =>
      ({ method: "GET", headers: { host: "127.0.0.1:8000" }, socket: { remoteAddress } }) as never;
    const url = new URL("http://127.0.0.1:8000/");
    for (const address of ["127.0.0.1", "127.8.9.10", "::1", "::ffff:127.0.0.1"])
      expect(checkRequest(config, request(address), url)).toEqual({ ok: true });
    for (const address of ["192.168.1.20", "10.0.0.2", "::ffff:192.168.1.20", "fe80::1", "0.0.0.0"]) {
      expect(checkRequest(config, request(address), url)).toMatchObject({ ok: false, status: 403 });
    }
    // And with --lan the same address is let in (the token is checked instead).
    expect(checkRequest({ ...config, loopbackOnly: false }, request("192.168.1.20"), url)).toEqual({ ok: true });
  });

  it("with --lan, lets in only requests that carry the token, first in the address, then in a cookie", async () => {
    const lan = await startBuiltServer({ lan: true, pool: { workers: 1 } });
    try {
      const base = `http://127.0.0.1:${lan.port}`;
      expect(lan.token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      expect(lan.url).toBe(`${base}/?token=${lan.token}`);
      expect((await fetch(`${base}/`)).status).toBe(403);
      expect((await fetch(`${base}/?token=${lan.token!.slice(1)}x`)).status).toBe(403);
      const first = await fetch(lan.url, { redirect: "manual" });
      expect(first.status).toBe(303);
      expect(first.headers.get("location")).toBe("/");
      const cookie = first.headers.get("set-cookie")!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const pair = cookie.split(";")[0]!;
      expect((await fetch(`${base}/`, { headers: { Cookie: pair } })).status).toBe(200);
      expect((await fetch(`${base}/assets/main.js`)).status).toBe(403);
      const check = (headers: Record<string, string>) =>
        fetch(`${base}/api/check`, {
          method: "POST",
          body: JSON.stringify({ details: {}, lang: "en" }),
          headers: { "Content-Type": "application/json", Origin: base, ...headers },
        });
      expect((await check({ Cookie: pair })).status).toBe(200);
      expect((await check({})).status).toBe(403);
      // The token in the address only lets a page be opened, never a POST be made.
      const byUrl = await fetch(`${base}/api/check?token=${lan.token}`, {
        method: "POST",
        body: "{}",
        headers: { "Content-Type": "application/json", Origin: base },
      });
      expect(byUrl.status).toBe(403);
    } finally {
      await lan.close();
    }
  });
});

describe("what the server sends", () => {
  it("sends a CSP that allows only its own scripts, and a page with no inline script, style or handler", async () => {
    const response = await fetch(`${origin}/`, { headers: { "Accept-Language": "en" } });
    expect(response.headers.get("content-security-policy")).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBe(2);
    for (const attributes of scripts)
      expect(attributes).toMatch(/src="\/assets\/[a-z0-9-]+\.js"|type="application\/json"/);
    expect(html).not.toMatch(/\sstyle=|\son[a-z]+=/i);
    // Nothing from another site: no CDN, no web font.
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const script of ["main", "form", "batch", "api", "i18n"]) {
      const js = await fetch(`${origin}/assets/${script}.js`);
      expect(js.status).toBe(200);
      expect(js.headers.get("content-type")).toMatch(/^text\/javascript/);
      expect(await js.text()).not.toMatch(/https?:\/\//);
    }
    expect((await fetch(`${origin}/assets/../serve.js`)).status).toBe(404);
    expect((await fetch(`${origin}/assets/serve.js`)).status).toBe(404);
  });

  it("answers in the browser's language, or the one asked for", async () => {
    const lang = async (headers: Record<string, string>, query = "") =>
      /<html lang="([^"]+)"/.exec(await (await fetch(`${origin}/${query}`, { headers })).text())?.[1];
    expect(await lang({ "Accept-Language": "zh-TW,zh;q=0.9,en;q=0.8" })).toBe("zh-Hant");
    expect(await lang({ "Accept-Language": "zh-HK" })).toBe("zh-Hant");
    expect(await lang({ "Accept-Language": "zh-CN" })).toBe("zh-Hans");
    expect(await lang({ "Accept-Language": "de-DE,fr;q=0.5,en;q=0.7" })).toBe("en");
    expect(await lang({ "Accept-Language": "fr-FR,fr;q=0.9" })).toBe("fr");
    expect(await lang({ "Accept-Language": "en;q=0, fr" })).toBe("fr");
    expect(await lang({})).toBe("zh-Hans");
    expect(await lang({ "Accept-Language": "en" }, "?lang=zh-Hant")).toBe("zh-Hant");
    expect(await lang({ "Accept-Language": "en" }, "?lang=xx")).toBe("en");
  });

  it("refuses bodies over its limits with a worded problem", async () => {
    const big = await post("/api/check?lang=fr", { details: { name: "x".repeat(70 * 1024) }, lang: "fr" });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { problems: { message: string }[] }).problems[0]!.message).toBe(
      "trop volumineux (64 KB au maximum)",
    );
    const batch = await post("/api/batch/check?name=a.csv", new Uint8Array(1024 * 1024 + 1));
    expect(batch.status).toBe(413);
    const notJson = await post("/api/documents", "name: x", { "Content-Type": "text/plain" });
    expect(notJson.status).toBe(400);
  });
});

describe("the same schema and library as the command line", () => {
  it("reports exactly validateDetails' problems, field by field, and never names a flag", async () => {
    const text = fc.oneof(
      fc.constant(""),
      fc.string({ maxLength: 12 }),
      fc.constantFrom(
        "76 12 34",
        "26 12 34",
        "2026-02-30",
        "proxy",
        "post",
        "prepaid",
        "FR14 2004 1010 0505 0001 3M02 606",
        "\u202E",
        "a\nb",
      ),
    );
    const details = fc.record(
      Object.fromEntries(FIELD_NAMES.map((f) => [f, text])) as Record<
        (typeof FIELD_NAMES)[number],
        fc.Arbitrary<string>
      >,
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(details, fc.constantFrom("en", "fr", "zh-Hans", "zh-Hant"), async (input, lang) => {
        const reply = (await (await post("/api/check", { details: input, lang })).json()) as {
          ok: boolean;
          problems: { code: string; field?: string; message: string }[];
        };
        const expected = validateDetails(input, { today: TODAY });
        expect(reply.ok).toBe(expected.ok);
        expect(reply.problems.map((p) => [p.code, p.field])).toEqual(
          expected.ok ? [] : expected.problems.map((e) => [e.code, e.field]),
        );
        for (const problem of reply.problems) {
          expect(problem.message).not.toMatch(/--[a-z]/);
          expect(problem.message).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u202A-\u202E\u2066-\u2069]/);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("sends the library's own PDFs, byte for byte, and puts a character no font has under its field", async () => {
    const input = { name: "Xiaoming WANG", phone: "76 12 34", plan: "prepaid", channel: "post" };
    const reply = (await (await post("/api/documents", { details: input, lang: "fr" })).json()) as {
      documents: { fileName: string; pdf: string; pages: number }[];
    };
    const expected = await generate(input, { lang: "fr", today: TODAY });
    expect(reply.documents.map((d) => d.fileName)).toEqual(expected.map((d) => d.fileName));
    reply.documents.forEach((doc, i) => {
      expect(Buffer.from(doc.pdf, "base64").equals(Buffer.from(expected[i]!.bytes))).toBe(true);
    });
    expect(flat((await readPdf(Buffer.from(reply.documents[0]!.pdf, "base64"))).text)).toContain("Xiaoming WANG");

    const zip = await post("/api/documents.zip", { details: input, lang: "fr" });
    expect(zip.headers.get("content-type")).toBe("application/zip");
    const files = unzipSync(new Uint8Array(await zip.arrayBuffer()));
    expect(Object.keys(files)).toEqual(expected.map((d) => d.fileName));

    // U+0378 is unassigned: in no font on any machine (𠮷 is drawn with the computer's fonts where they have it).
    const glyph = await post("/api/documents", { details: { ...input, name: "\u0378田 WANG" }, lang: "en" });
    expect(glyph.status).toBe(422);
    const problems = ((await glyph.json()) as { problems: { code: string; field: string; message: string }[] })
      .problems;
    expect(problems).toEqual([
      { code: "glyph.missing", field: "name", message: expect.stringContaining("\\u{378} (U+0378) cannot be printed") },
    ]);
    expect(problems[0]!.message).not.toMatch(/--font/);

    const invalid = await post("/api/documents", { details: { name: "", phone: "12" }, lang: "zh-Hans" });
    expect(invalid.status).toBe(422);
    expect(((await invalid.json()) as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual([
      "name",
      "phone",
    ]);
  });
});

describe("the batch tab's first pass", () => {
  const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith("sim-cancel-web-"));

  it("reads the upload with the batch's reader, names the upload (never where it was read from), and leaves no folder behind", async () => {
    const before = leftovers();
    const check = async (name: string, body: string) => {
      const response = await post(
        `/api/batch/check?lang=en&name=${encodeURIComponent(name)}`,
        new TextEncoder().encode(body),
      );
      return {
        status: response.status,
        body: (await response.json()) as {
          rows: number;
          valid: number;
          invalid: { row: number; line?: number; errors: string[] }[];
          problems?: { code: string; message: string }[];
        },
      };
    };
    const csv = await check("class.csv", 'name,phone\n"Mei LI",76 11 22\n"Two\nLines",26 12 34\nHugo,\n');
    expect(csv.status).toBe(200);
    expect(csv.body.rows).toBe(3);
    expect(csv.body.valid).toBe(1);
    expect(csv.body.invalid.map((r) => [r.row, r.line])).toEqual([
      [2, 3],
      [3, 5],
    ]);
    // Fields by their column, as `sim-cancel batch` names them: the helper fixes the file.
    expect(csv.body.invalid[1]!.errors).toEqual(["phone: this is required"]);

    const header = await check("class.csv", "name,telephone\nMei,76 11 22\n");
    expect(header.status).toBe(422);
    expect(header.body.problems![0]!.message).toMatch(/^class\.csv, line 1: column 2 "telephone"/);
    expect(header.body.problems![0]!.message).not.toContain(tmpdir());

    const jsonl = await check(
      "people.jsonl",
      '{"name": "Mei LI", "phone": "76 11 22"}\n{"name": "Broken"\n{"nmae": "X", "phone": "76 11 22"}\n',
    );
    expect(jsonl.body.rows).toBe(3);
    expect(jsonl.body.invalid.map((r) => r.row)).toEqual([2, 3]);
    expect(jsonl.body.invalid[1]!.errors.join(" ")).toMatch(/^people\.jsonl, line 3: .*nmae/);

    const kind = await check("people.xlsx", "x");
    expect(kind.body.problems![0]!.code).toBe("web.batchKind");
    const many = await check("many.csv", `name,phone\n${"A B,76 11 22\n".repeat(201)}`);
    expect(many.body.problems![0]!.code).toBe("web.batchRows");
    expect(leftovers()).toEqual(before);
  });
});

describe("the render queue", () => {
  /** Workers that never answer, or die on their first job: the queue must stay bounded and alive. */
  function fakeWorker(body: string): { url: URL; cleanup: () => void } {
    const dir = mkdtempSync(join(tmpdir(), "sim-cancel-pool-test-"));
    const file = join(dir, "worker.mjs");
    writeFileSync(file, `import { parentPort } from "node:worker_threads";\n${body}\n`);
    return { url: pathToFileURL(file), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  }
  const input = { name: "A B", phone: "76 12 34" };

  it("lets a fixed number wait, refuses the rest at once as busy, and renders those that waited", async () => {
    const pool = new WebRenderPool({
      workers: 1,
      maxWaiting: 2,
      workerUrl: new URL(pathToFileURL(join(ROOT, "dist", "web", "render-worker.js"))),
    });
    try {
      const outcomes = await Promise.all(
        Array.from({ length: 6 }, () => pool.render({ input, lang: "en", today: TODAY })),
      );
      expect(outcomes.map((o) => (o.ok ? "ok" : o.reason))).toEqual(["ok", "ok", "ok", "busy", "busy", "busy"]);
      expect(pool.stats.longestLine).toBe(2);
    } finally {
      await pool.close();
    }
  });

  it("takes a job out of the line when its requester leaves, and times out a job that is never answered", async () => {
    const silent = fakeWorker("parentPort.on('message', () => {});");
    const pool = new WebRenderPool({ workers: 1, maxWaiting: 4, timeoutMs: 300, workerUrl: silent.url });
    try {
      const leaving = new AbortController();
      const first = pool.render({ input, lang: "en", today: TODAY });
      const second = pool.render({ input, lang: "en", today: TODAY, signal: leaving.signal });
      expect(pool.waiting).toBe(1);
      leaving.abort();
      expect(await second).toEqual({ ok: false, reason: "cancelled" });
      expect(pool.waiting).toBe(0);
      expect(await first).toEqual({ ok: false, reason: "timeout" });
    } finally {
      await pool.close();
      silent.cleanup();
    }
  });

  it("fails only the job of a worker that dies, and replaces the worker", async () => {
    const dying = fakeWorker("parentPort.on('message', () => process.exit(3));");
    const pool = new WebRenderPool({ workers: 1, maxWaiting: 4, timeoutMs: 10_000, workerUrl: dying.url });
    try {
      const outcomes = await Promise.all([
        pool.render({ input, lang: "en", today: TODAY }),
        pool.render({ input, lang: "en", today: TODAY }),
      ]);
      const died = {
        ok: false,
        reason: "failed",
        problems: [{ code: "internal", params: { detail: "the render worker exited (code 3)" } }],
      };
      expect(outcomes).toEqual([died, died]);
      expect(pool.size).toBe(1);
    } finally {
      await pool.close();
      dying.cleanup();
    }
  });
});
