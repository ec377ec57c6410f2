#!/usr/bin/env node
/**
 * npm run bench: the project's performance figures, as medians over repeated runs.
 *   cold   whole-process `sim-cancel generate --sample` (start-up, fonts, both PDFs, files)
 *   warm   one document pair inside a process whose fonts are already parsed
 *   size   bytes of the sample checklist and letter
 *   memory peak RSS of the warm process
 * Runs on the built files (dist/); `npm run bench` builds first.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
// The package's bin: the one-file bundle users run.
const cli = join(root, JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin["sim-cancel"]);
const { generate } = await import(join(root, "dist", "index.js"));

const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 9);
const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 40);

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const fmt = (n, digits = 1) => n.toFixed(digits);

console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, ${process.platform}/${process.arch}`);

// Cold: a fresh process each time, writing into a fresh folder.
const cold = [];
for (let i = 0; i < COLD_RUNS; i++) {
  const out = mkdtempSync(join(tmpdir(), "sim-cancel-bench-"));
  const start = performance.now();
  execFileSync(process.execPath, [cli, "generate", "--sample", "--out", out], { stdio: "ignore" });
  cold.push(performance.now() - start);
  rmSync(out, { recursive: true, force: true });
}
console.log(`cold  generate --sample (whole process): median ${fmt(median(cold), 0)} ms  (min ${fmt(Math.min(...cold), 0)}, max ${fmt(Math.max(...cold), 0)}, ${COLD_RUNS} runs)`);

// Warm: the library in this process; the first call parses fonts and is not counted.
const sample = parse(readFileSync(join(root, "samples", "details.yaml"), "utf8"));
let documents = await generate(sample);
const warm = [];
for (let i = 0; i < WARM_RUNS; i++) {
  const start = performance.now();
  documents = await generate(sample);
  warm.push(performance.now() - start);
}
console.log(`warm  one document pair in process:     median ${fmt(median(warm))} ms  (min ${fmt(Math.min(...warm))}, max ${fmt(Math.max(...warm))}, ${WARM_RUNS} runs)`);
for (const doc of documents) {
  console.log(`size  ${doc.kind.padEnd(9)} ${doc.lang.padEnd(7)} ${fmt(doc.bytes.length / 1024)} KB, ${doc.pages} page(s)`);
}
console.log(`memory peak RSS of this process: ${fmt(process.resourceUsage().maxRSS / 1024)} MB`);

// Batch: whole `sim-cancel batch` processes on synthetic CSVs, to see speed and flat memory.
const { benchBatch } = await import("./batch.mjs");
const BATCH_SIZES = (process.env.BENCH_BATCH_ROWS ?? "1000,5000").split(",").map(Number);
const BATCH_RUNS = Number(process.env.BENCH_BATCH_RUNS ?? 3);
for (const rows of BATCH_SIZES) {
  const results = [];
  for (let i = 0; i < (rows > 1000 ? 1 : BATCH_RUNS); i++) results.push(await benchBatch(rows));
  const pairs = median(results.map((r) => r.pairsPerSecond));
  const rss = median(results.map((r) => r.peakRssMb));
  console.log(`batch ${rows} rows: median ${fmt(pairs)} pairs/s, peak RSS ${fmt(rss, 0)} MB (${results.length} run${results.length > 1 ? "s" : ""})`);
}

// The web form under load: `sim-cancel serve` and 50 clients at once (see serve-load.mjs).
const { benchServeLoad, describeLoad } = await import("./serve-load.mjs");
const SERVE_CLIENTS = Number(process.env.BENCH_SERVE_CLIENTS ?? 50);
const SERVE_REQUESTS = Number(process.env.BENCH_SERVE_REQUESTS ?? 10);
console.log(describeLoad(await benchServeLoad({ clients: SERVE_CLIENTS, requests: SERVE_REQUESTS })));
