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
 * Run directly (`node bench/batch.mjs 1000 5000`) it prints one line per size.
 */
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
// The package's bin: the one-file bundle users run.
const cli = join(root, JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin["sim-cancel"]);
const GNU_TIME = "/usr/bin/time";

const GIVEN = ["Xiaoming", "Mei", "Léa", "Hugo", "Wei", "Zoé", "Anh", "Jun", "Maëlle", "Tiare"];
const FAMILY = ["WANG", "LI", "MARTIN", "NGUYEN", "CHEN", "DUPONT", "ZHANG", "WAMYTAN", "LIU", "BERNARD"];
const STREETS = ["rue des Fictifs", "avenue de l'Exemple", "rue du Test", "allée des Essais"];

const csvCell = (value) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** Row i of the synthetic file: fictional people, valid details, a mix of plans and channels. */
function row(i) {
  const name = i % 7 === 3 ? `王${"小明丽华"[i % 4]}${i}` : `${GIVEN[i % GIVEN.length]} ${FAMILY[(i * 3) % FAMILY.length]} ${i}`;
  const phone = `7${(i % 9) + 1} ${String(Math.floor(i / 100) % 100).padStart(2, "0")} ${String(i % 100).padStart(2, "0")}`;
  const address = `${(i % 90) + 1} ${STREETS[i % STREETS.length]}\n98800 NOUMÉA`;
  const plan = i % 3 === 0 ? "prepaid" : "postpaid";
  const channel = i % 5 === 0 ? "post" : "in-person";
  return [name, phone, `C-${String(1000000 + i)}`, address, plan, channel, "2026-12-31", "2026-11-24"].map(csvCell).join(",");
}

export async function writeSyntheticCsv(file, rows) {
  const lines = ["name,phone,customerNumber,address,plan,channel,effectiveDate,date"];
  for (let i = 1; i <= rows; i++) lines.push(row(i));
  await writeFile(file, `${lines.join("\n")}\n`);
}

function run(command, args, env) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== "number") reject(error);
      else resolve({ code: error ? error.code : 0, stdout, stderr });
    });
  });
}

/** Runs one batch of `rows` rows; rejects if the batch does not render every row. */
export async function benchBatch(rows) {
  const dir = await mkdtemp(join(tmpdir(), "sim-cancel-bench-batch-"));
  try {
    const csv = join(dir, "people.csv");
    const out = join(dir, "out");
    await writeSyntheticCsv(csv, rows);
    const args = [cli, "batch", csv, "--out", out, "--json"];
    const useTime = existsSync(GNU_TIME);
    const start = performance.now();
    const result = useTime
      ? await run(GNU_TIME, ["-f", "peak-rss-kb %M", process.execPath, ...args], { SIM_CANCEL_REPORT_RSS: "0" })
      : await run(process.execPath, args, { SIM_CANCEL_REPORT_RSS: "1" });
    const seconds = (performance.now() - start) / 1000;
    if (result.code !== 0) throw new Error(`batch of ${rows} rows exited with ${result.code}:\n${result.stderr.slice(-2000)}`);
    const rendered = JSON.parse(result.stdout).rendered;
    if (rendered !== rows) throw new Error(`batch of ${rows} rows rendered ${rendered}`);
    const kb = /peak-rss-kb (\d+)/.exec(result.stderr)?.[1];
    const mb = /peak RSS ([\d.]+) MB/.exec(result.stderr)?.[1];
    const peakRssMb = kb ? Number(kb) / 1024 : Number(mb);
    return { rows, seconds, pairsPerSecond: rows / seconds, peakRssMb };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const rows of (process.argv.slice(2).length ? process.argv.slice(2) : ["1000"]).map(Number)) {
    const r = await benchBatch(rows);
    console.log(`batch ${r.rows} rows: ${r.seconds.toFixed(1)} s, ${r.pairsPerSecond.toFixed(1)} pairs/s, peak RSS ${r.peakRssMb.toFixed(0)} MB`);
  }
}
