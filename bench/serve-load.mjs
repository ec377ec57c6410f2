/**
 * Load test of `sim-cancel serve`: the package's bin started on a free loopback port, then
 * `clients` clients at once, each sending `requests` "Make my documents" requests one after the
 * other (mostly valid details, some with a field error, some with a character no font has), then
 * it stops. Every answer must be documents that are PDFs, or a clear error (problems with
 * messages: 422 for the details, 503 "busy" for a full queue); anything else counts as unclear.
 * Memory is the server process's resident set (main thread and render workers), sampled from
 * /proc every 50 ms: its peak, and its level after the first round and at the end (flat = equal).
 *
 *   import { benchServeLoad } from "./serve-load.mjs";
 *   const r = await benchServeLoad({ clients: 50, requests: 10 });
 *
 * Run directly (`node bench/serve-load.mjs 50 10`) it prints one line. Sends traffic to
 * 127.0.0.1 only, and only as much as asked.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const cli = join(root, JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin["sim-cancel"]);

const GIVEN = ["Xiaoming", "Mei", "Léa", "Hugo", "Wei", "Zoé", "Anh", "Jun", "Maëlle", "Tiare"];
const FAMILY = ["WANG", "LI", "MARTIN", "NGUYEN", "CHEN", "DUPONT", "ZHANG", "WAMYTAN", "LIU", "BERNARD"];
const LANGS = ["zh-Hans", "zh-Hant", "en", "fr"];

/** What request `i` of client `c` holds: one in ten a field error, one in ten a character no font has. */
export function planned(c, i) {
  const k = (c * 3 + i) % 10;
  return k === 3 ? "fieldError" : k === 7 ? "missingGlyph" : "valid";
}

/** Request `i` of client `c`: fictional details, varied (plan, channel, language). */
function requestBody(c, i) {
  const n = c * 1000 + i;
  const details = {
    name: `${GIVEN[n % GIVEN.length]} ${FAMILY[(n * 7) % FAMILY.length]}`,
    phone: `7${(n % 9) + 1} ${String(c % 100).padStart(2, "0")} ${String(i % 100).padStart(2, "0")}`,
    address: `${(n % 90) + 1} rue des Fictifs\n98800 NOUMÉA`,
    plan: n % 3 === 0 ? "prepaid" : "postpaid",
    channel: n % 4 === 0 ? "proxy" : n % 4 === 1 ? "post" : "in-person",
    proxyName: "Li CHEN",
  };
  if (planned(c, i) === "fieldError") details.phone = "26 12 34";
  // U+0378 is unassigned: no font on any machine has it (𠮷 is drawn with the computer's fonts where they have it).
  if (planned(c, i) === "missingGlyph") details.name = `\u0378田 ${details.name}`;
  return JSON.stringify({ details, lang: LANGS[n % LANGS.length] });
}

function isPdf(bytes) {
  return (
    bytes.subarray(0, 5).toString("latin1") === "%PDF-" && bytes.subarray(-32).toString("latin1").includes("%%EOF")
  );
}

/** One answer judged: "ok" (PDFs), "invalid" (422 with worded problems), "busy" (503 worded), or "unclear". */
async function judge(response) {
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json")) return { kind: "unclear", why: `${response.status} ${type}` };
  const body = await response.json();
  if (response.status === 200) {
    const pdfs = (body.documents ?? []).map((d) => Buffer.from(d.pdf, "base64"));
    return pdfs.length >= 2 && pdfs.every(isPdf) ? { kind: "ok", pdfs } : { kind: "unclear", why: "200 without PDFs" };
  }
  const worded =
    Array.isArray(body.problems) &&
    body.problems.length > 0 &&
    body.problems.every((p) => typeof p.message === "string" && p.message.length > 0 && typeof p.code === "string");
  if (response.status === 422 && worded) return { kind: "invalid" };
  if (response.status === 503 && worded) return { kind: "busy" };
  return { kind: "unclear", why: `${response.status} ${JSON.stringify(body).slice(0, 200)}` };
}

function rssMb(pid) {
  const status = existsSync(`/proc/${pid}/status`) ? readFileSync(`/proc/${pid}/status`, "utf8") : "";
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : undefined;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Starts the bin's `serve` and resolves with the child and its address. */
function startServe() {
  const child = spawn(process.execPath, [cli, "serve", "--port", "0", "--lang", "en"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stderr.on("data", (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not start: ${output}`)), 30_000);
    child.stdout.on("data", (chunk) => {
      output += chunk;
      const found = /ready at (http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve({ child, origin: found[1], output: () => output });
      }
    });
    child.once("exit", (code) => reject(new Error(`serve exited (${code}): ${output}`)));
  });
}

/**
 * `onPdf(bytes)`, when given, sees every PDF received (the test parses some with pdf.js).
 * Resolves with counts, latency percentiles (ms) and memory figures (MB).
 */
export async function benchServeLoad({ clients = 50, requests = 10, onPdf } = {}) {
  const { child, origin, output } = await startServe();
  const samples = [];
  const sampler = setInterval(() => {
    const mb = rssMb(child.pid);
    if (mb !== undefined) samples.push(mb);
  }, 50);
  const counts = { ok: 0, invalid: 0, busy: 0, unclear: 0 };
  const unclear = [];
  const latencies = [];
  const afterRound = [];
  let roundsDone = 0;
  const roundEnds = Array.from({ length: requests }, () => 0);
  try {
    const idle = rssMb(child.pid);
    await Promise.all(
      Array.from({ length: clients }, async (_, c) => {
        for (let i = 0; i < requests; i++) {
          const start = performance.now();
          let verdict;
          try {
            const response = await fetch(`${origin}/api/documents`, {
              method: "POST",
              body: requestBody(c, i),
              headers: { "Content-Type": "application/json", Origin: origin },
            });
            verdict = await judge(response);
          } catch (error) {
            verdict = { kind: "unclear", why: String(error) };
          }
          latencies.push(performance.now() - start);
          counts[verdict.kind]++;
          if (verdict.kind === "unclear" && unclear.length < 5) unclear.push(verdict.why);
          if (verdict.kind === "ok" && onPdf) for (const pdf of verdict.pdfs) await onPdf(pdf);
          // The memory level each time every client has finished its i-th request.
          if (++roundEnds[i] === clients) {
            roundsDone++;
            afterRound.push(rssMb(child.pid));
          }
        }
      }),
    );
    const sorted = [...latencies].sort((a, b) => a - b);
    return {
      clients,
      requests: clients * requests,
      ...counts,
      unclearExamples: unclear,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted.at(-1),
      idleRssMb: idle,
      peakRssMb: Math.max(...samples),
      afterFirstRoundMb: afterRound[0],
      endRssMb: afterRound.at(-1),
      rounds: roundsDone,
      roundRssMb: afterRound,
      serverOutput: output(),
    };
  } finally {
    clearInterval(sampler);
    await new Promise((resolve) => {
      child.once("exit", resolve);
      child.kill("SIGINT");
    });
  }
}

export function describeLoad(r) {
  return (
    `serve ${r.clients} clients x ${r.requests / r.clients} requests: p50 ${r.p50.toFixed(0)} ms, p95 ${r.p95.toFixed(0)} ms (max ${r.max.toFixed(0)}); ` +
    `${r.ok} documents, ${r.invalid} field errors, ${r.busy} busy, ${r.unclear} unclear; ` +
    `server RSS idle ${r.idleRssMb?.toFixed(0)} MB, peak ${r.peakRssMb.toFixed(0)} MB, after each round ${r.roundRssMb.map((mb) => mb?.toFixed(0)).join(" ")} MB`
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [clients = "50", requests = "10"] = process.argv.slice(2);
  console.log(describeLoad(await benchServeLoad({ clients: Number(clients), requests: Number(requests) })));
}
