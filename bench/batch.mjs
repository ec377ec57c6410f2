/**
 * Batch throughput and memory: `sim-cancel batch` on a synthetic CSV of N valid, fictional rows,
 * run as a child process of the built CLI (dist/; build first). Wall time covers the whole
 * process (start-up, both passes, the workers, the files). Peak RSS is the child's own maximum
 * resident set, main thread and workers together: from GNU time (`/usr/bin/time -f %M`) when
 * present, otherwise from the CLI itself with SIM_CANCEL_REPORT_RSS=1 (process.resourceUsage()).
 *
 *   import { benchBatch } from "./batch.mjs";
 *   const { rows, seconds, pairsPerSecond, peakRssMb } = await benchBatch(1000);
 *
 * runTypstBatch does the same with Typst (bench/typst-batch.mjs) on the same file, for
 * bench/run.mjs. Run directly (`node bench/batch.mjs 1000 5000`) it prints ours, one line per size.
 */
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { HAVE_GNU_TIME, measureProcess } from "./measure.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// The package's bin: the one-file bundle users run.
const cli = join(root, JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin["sim-cancel"]);

const GIVEN = ["Xiaoming", "Mei", "Léa", "Hugo", "Wei", "Zoé", "Anh", "Jun", "Maëlle", "Tiare"];
const FAMILY = ["WANG", "LI", "MARTIN", "NGUYEN", "CHEN", "DUPONT", "ZHANG", "WAMYTAN", "LIU", "BERNARD"];
const STREETS = ["rue des Fictifs", "avenue de l'Exemple", "rue du Test", "allée des Essais"];

const csvCell = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Row i of the synthetic file: fictional people, valid details, a mix of plans and channels. */
function row(i) {
  const name =
    i % 7 === 3 ? `王${"小明丽华"[i % 4]}${i}` : `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 3) % FAMILY.length]} ${i}`;
  const phone = `7${(i % 9) + 1} ${String(Math.floor(i / 100) % 100).padStart(2, "0")} ${String(i % 100).padStart(2, "0")}`;
  const address = `${(i % 90) + 1} ${STREETS[i % STREETS.length]}\n98800 NOUMÉA`;
  const plan = i % 3 === 0 ? "prepaid" : "postpaid";
  const channel = i % 5 === 0 ? "post" : "in-person";
  return [name, phone, `C-${String(1000000 + i)}`, address, plan, channel, "2026-12-31", "2026-11-24"]
    .map(csvCell)
    .join(",");
}

export async function writeSyntheticCsv(file, rows) {
  const lines = ["name,phone,customerNumber,address,plan,channel,effectiveDate,date"];
  for (let i = 1; i <= rows; i++) lines.push(row(i));
  await writeFile(file, `${lines.join("\n")}\n`);
}

/** Ours: `sim-cancel batch` on `csv`; rejects unless every row is rendered. */
export async function runOurBatch(csv, rows, out) {
  const args = [cli, "batch", csv, "--out", out, "--json"];
  const result = await measureProcess(process.execPath, args, {
    env: { SIM_CANCEL_REPORT_RSS: HAVE_GNU_TIME ? "0" : "1" },
  });
  const rendered = JSON.parse(result.stdout).rendered;
  if (rendered !== rows) throw new Error(`batch of ${rows} rows rendered ${rendered}`);
  const peakRssMb = result.peakRssMb ?? Number(/peak RSS ([\d.]+) MB/.exec(result.stderr)?.[1]);
  return {
    rows,
    seconds: result.ms / 1000,
    pairsPerSecond: rows / (result.ms / 1000),
    peakRssMb,
    cpuSeconds: (result.cpuMs ?? NaN) / 1000,
  };
}

/**
 * Typst: bench/typst-batch.mjs on the same `csv` (`workers` worker threads, each replaced after
 * `rowsPerWorker` rows), measured as ours: wall time, CPU time and peak RSS of the process.
 */
export async function runTypstBatch(csv, rows, out, { workers, rowsPerWorker } = {}) {
  const script = fileURLToPath(new URL("./typst-batch.mjs", import.meta.url));
  const result = await measureProcess(process.execPath, [
    script,
    csv,
    out,
    String(workers ?? ""),
    String(rowsPerWorker ?? ""),
  ]);
  const report = JSON.parse(result.stdout);
  if (report.rendered !== rows)
    throw new Error(`Typst batch of ${rows} rows rendered ${report.rendered}: ${report.errors.join("\n")}`);
  return {
    rows,
    seconds: result.ms / 1000,
    pairsPerSecond: rows / (result.ms / 1000),
    peakRssMb: result.peakRssMb,
    cpuSeconds: (result.cpuMs ?? NaN) / 1000,
    workers: report.workers,
    rowsPerWorker: report.rowsPerWorker,
    started: report.started,
    prepMsPerPair: report.prepMs / rows,
    renderMsPerPair: report.renderMs / rows,
  };
}

/** A fresh folder with a synthetic CSV of `rows` rows, for `body`; removed afterwards. */
export async function withSyntheticCsv(rows, body) {
  const dir = await mkdtemp(join(tmpdir(), "sim-cancel-bench-batch-"));
  try {
    const csv = join(dir, "people.csv");
    await writeSyntheticCsv(csv, rows);
    let runs = 0;
    // Each run writes into its own folder, removed at once: 5,000 pairs are some 600 MB.
    return await body(csv, async (run) => {
      const out = join(dir, `out-${runs++}`);
      try {
        return await run(out);
      } finally {
        await rm(out, { recursive: true, force: true });
      }
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Runs one batch of `rows` rows of ours; rejects if the batch does not render every row. */
export function benchBatch(rows) {
  return withSyntheticCsv(rows, (csv, inFolder) => inFolder((out) => runOurBatch(csv, rows, out)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const rows of (process.argv.slice(2).length ? process.argv.slice(2) : ["1000"]).map(Number)) {
    const r = await benchBatch(rows);
    console.log(
      `batch ${r.rows} rows: ${r.seconds.toFixed(1)} s, ${r.pairsPerSecond.toFixed(1)} pairs/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`,
    );
  }
}
