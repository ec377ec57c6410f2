#!/usr/bin/env node
/**
 * npm run bench: our performance figures beside Typst's on the same content, as medians over
 * interleaved runs (ours, Typst, ours, Typst, ...), each side's median, and the median of each
 * round's own ratio ours/Typst (steadier on a shared machine: both sides of a round see about
 * the same load).
 *   cold   a fresh process per run: ours `sim-cancel generate --sample --out DIR`; Typst's
 *          bench/typst-cold.mjs (load the compiler, compile the two prepared sources, write both)
 *   warm   one document pair inside a process that has already made some; a new name each pair
 *   size   bytes of the sample's checklist and letter
 *   batch  pairs per second and peak RSS on synthetic CSVs (ours `sim-cancel batch`; Typst's
 *          bench/typst-batch.mjs, worker threads, as many as ours, each replaced after
 *          BENCH_TYPST_ROWS_PER_WORKER rows: the compiler package frees memory only then)
 * Typst typesets our own DocModel of the sample, turned into Typst markup in our page style
 * (bench/typst-markup.mjs), with the same two font files, PDF/A-2b and tagged. Before measuring,
 * the bench checks the two sides hold the same text (pdftotext), the same pages and only our
 * fonts (pdffonts), and writes page 1 of each document side by side to output/bench/.
 * Runs on the built files (dist/); `npm run bench` builds first.
 *
 * Environment: BENCH_COLD_RUNS (9), BENCH_WARM_RUNS (40), BENCH_WARM_WARMUP (3),
 * BENCH_BATCH_ROWS ("1000,5000"), BENCH_BATCH_RUNS (2; sizes above 1,000 rows run once),
 * BENCH_TYPST=0 (ours only), BENCH_TYPST_WORKERS (default: one per core, as ours),
 * BENCH_TYPST_ROWS_PER_WORKER (100).
 */
import { fork, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { measureProcess } from "./measure.mjs";
import { compare, median, range } from "./stats.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
// The package's bin: the one-file bundle users run.
const cli = join(root, JSON.parse(readFileSync(join(root, "package.json"), "utf8")).bin["sim-cancel"]);
const here = (file) => fileURLToPath(new URL(file, import.meta.url));

const env = (name, fallback) => process.env[name] ?? fallback;
const COLD_RUNS = Number(env("BENCH_COLD_RUNS", 9));
const WARM_RUNS = Number(env("BENCH_WARM_RUNS", 40));
const WARM_WARMUP = Number(env("BENCH_WARM_WARMUP", 3));
const BATCH_SIZES = env("BENCH_BATCH_ROWS", "1000,5000").split(",").filter(Boolean).map(Number);
const BATCH_RUNS = Number(env("BENCH_BATCH_RUNS", 2));
const WITH_TYPST = env("BENCH_TYPST", "1") !== "0";
const TYPST_BATCH = {
  workers: Number(env("BENCH_TYPST_WORKERS", availableParallelism())),
  rowsPerWorker: Number(env("BENCH_TYPST_ROWS_PER_WORKER", 100)),
};
const OUT = join(root, "output", "bench");

const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : "-");
const load = () =>
  loadavg()
    .map((n) => n.toFixed(2))
    .join(" ");
const results = {
  startedAt: new Date().toISOString(),
  loadAtStart: loadavg(),
  cores: cpus().length,
  node: process.version,
};

console.log(
  `machine: ${cpus().length} cores (${cpus()[0]?.model ?? "unknown"}), Node ${process.version}, ${process.platform}/${process.arch}`,
);
console.log(`load average at start: ${load()} (1, 5, 15 min)`);

/** Two rows of figures: label, ours, Typst, ratio ours/Typst (median of rounds, their range). */
function row(label, ours, typst, ratio, note = "") {
  console.log(
    `${label.padEnd(36)} ${ours.padStart(24)} ${typst.padStart(24)} ${ratio.padStart(18)}${note ? `  ${note}` : ""}`,
  );
}
const ratioText = (c) =>
  Number.isFinite(c.medianRatio)
    ? `${fmt(c.medianRatio, 2)} (${fmt(c.ratioRange[0], 2)}-${fmt(c.ratioRange[1], 2)})`
    : "-";
const spread = (values, digits = 0, unit = "") =>
  `${fmt(median(values), digits)}${unit} [${fmt(range(values)[0], digits)}-${fmt(range(values)[1], digits)}]`;

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const work = mkdtempSync(join(tmpdir(), "sim-cancel-bench-"));

try {
  // --- Typst's sources, made once from our DocModels of the sample ------------------------------
  const sourceDir = join(work, "typst-src");
  mkdirSync(sourceDir);
  let typstInfo;
  if (WITH_TYPST) {
    const [{ docModels, SAMPLE_DETAILS }, { typstSource }, { TYPST_PACKAGE_VERSION, TYPST_PDF_OPTIONS }, style] =
      await Promise.all([
        import("./doc-models.mjs"),
        import("./typst-markup.mjs"),
        import("./typst-render.mjs"),
        import(join(root, "dist", "layout", "style.js")),
      ]);
    for (const { kind, model } of await docModels(SAMPLE_DETAILS)) {
      const source = typstSource(model, style);
      writeFileSync(join(sourceDir, `sim-cancel-${kind}-${model.meta.lang}.typ`), source);
      writeFileSync(join(OUT, `typst-${kind}.typ`), source);
    }
    typstInfo = { package: TYPST_PACKAGE_VERSION, options: TYPST_PDF_OPTIONS };
  }

  // --- Cold, interleaved; the first round's files are kept for the checks ------------------------
  // Beside them, in the same rounds, the floors a cold start stands on: Node starting and ending
  // with nothing to run, and ours up to its first document (`--version`: the bundle with its code
  // cache, and the command line read), so the report can say how much of Typst's time is left.
  const cold = { ours: [], typst: [], node: [], oursStart: [] };
  for (let i = 0; i < COLD_RUNS; i++) {
    cold.node.push(await measureProcess(process.execPath, ["-e", ""]));
    cold.oursStart.push(await measureProcess(process.execPath, [cli, "--version"]));
    // A folder that does not exist yet: generate makes it, as for a user's first run.
    const oursOut = i === 0 ? join(OUT, "ours") : join(work, `ours-${i}`);
    cold.ours.push(await measureProcess(process.execPath, [cli, "generate", "--sample", "--out", oursOut]));
    if (i > 0) rmSync(oursOut, { recursive: true, force: true });
    if (!WITH_TYPST) continue;
    const typstOut = i === 0 ? join(OUT, "typst") : mkdtempSync(join(work, "typst-"));
    mkdirSync(typstOut, { recursive: true });
    const run = await measureProcess(process.execPath, [here("./typst-cold.mjs"), sourceDir, typstOut]);
    cold.typst.push({ ...run, phases: JSON.parse(run.stdout) });
    if (i > 0) rmSync(typstOut, { recursive: true, force: true });
  }

  // --- Checks: same text, same pages, only our fonts; page 1 side by side ------------------------
  const documents = readdirSync(join(OUT, "ours"))
    .filter((f) => f.endsWith(".pdf"))
    .sort();
  const sizes = [];
  if (WITH_TYPST) {
    const [{ sameText }, { sideBySide }] = await Promise.all([import("./same-text.mjs"), import("./side-by-side.mjs")]);
    const problems = [];
    const creator = spawnSync("pdfinfo", [join(OUT, "typst", documents[0])], { encoding: "utf8" }).stdout.match(
      /^Creator:\s*(.*)$/m,
    )?.[1];
    typstInfo.typst = creator;
    console.log(
      `typst: @myriaddreamin/typst-ts-node-compiler ${typstInfo.package} (${creator ?? "Typst ?"}), pdfStandard ${typstInfo.options.pdfStandard}, pdfTags ${typstInfo.options.pdfTags}`,
    );
    for (const file of documents) {
      const ours = join(OUT, "ours", file);
      const typst = join(OUT, "typst", file);
      const text = await sameText(ours, typst);
      const fonts = spawnSync("pdffonts", [typst], { encoding: "utf8" }).stdout.split("\n").slice(2).filter(Boolean);
      const names = fonts.map((line) => line.split(/\s+/)[0]);
      const foreign = fonts.filter((line) => !/^[A-Z]{6}\+NotoSansSC-(Regular|Bold)\s.*\byes\s+yes\s+yes\b/.test(line));
      const png = await sideBySide(ours, typst, join(OUT, `page1-${file.replace(/\.pdf$/, "")}.png`));
      console.log(
        `check ${file}: pages ${text.pages.join(" / ")}, ${text.words} words, ${text.same ? "same text" : "TEXT DIFFERS"}; Typst's fonts: ${names.join(", ")}; page 1 (ours | Typst): ${relative(root, png)}`,
      );
      if (!text.same) problems.push(`${file}: ${text.differences.join("; ")}`);
      if (foreign.length > 0 || fonts.length === 0)
        problems.push(`${file}: Typst embedded other fonts or no subsets: ${fonts.join(" | ")}`);
      sizes.push({ file, ours: readFileSync(ours).length, typst: readFileSync(typst).length });
    }
    if (problems.length > 0)
      throw new Error(`the two sides differ, so the figures would compare different things:\n${problems.join("\n")}`);
  } else {
    for (const file of documents) sizes.push({ file, ours: readFileSync(join(OUT, "ours", file)).length, typst: NaN });
  }

  // --- Warm, interleaved: each tool warm in its own process --------------------------------------
  const startChild = (tool) =>
    new Promise((resolve, reject) => {
      const child = fork(here("./warm-child.mjs"), [tool], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
      child.once("message", (m) => (m.ready ? resolve(child) : reject(new Error(m.error))));
      child.once("error", reject);
    });
  const ask = (child, message) =>
    new Promise((resolve, reject) => {
      child.once("message", (m) => (m.error ? reject(new Error(m.error)) : resolve(m)));
      child.send(message);
    });
  const tools = WITH_TYPST ? ["ours", "typst"] : ["ours"];
  const children = Object.fromEntries(await Promise.all(tools.map(async (tool) => [tool, await startChild(tool)])));
  const warm = { ours: [], typst: [] };
  for (let i = -WARM_WARMUP; i < WARM_RUNS; i++) {
    // A new, valid, fictional name each pair (letters, digits and spaces, like the batch's).
    const name = `Xiaoming WANG ${i + WARM_WARMUP + 1}`;
    for (const tool of tools) {
      const reply = await ask(children[tool], { name });
      if (i >= 0) warm[tool].push(reply);
    }
  }
  const warmRss = {};
  for (const tool of tools) warmRss[tool] = (await ask(children[tool], { end: true })).maxRssMb;

  // --- Batch, interleaved per size ----------------------------------------------------------------
  const { withSyntheticCsv, runOurBatch, runTypstBatch } = await import("./batch.mjs");
  const batch = [];
  for (const rows of BATCH_SIZES) {
    const runs = rows > 1000 ? 1 : BATCH_RUNS;
    const entry = { rows, ours: [], typst: [] };
    await withSyntheticCsv(rows, async (csv, inFolder) => {
      for (let i = 0; i < runs; i++) {
        entry.ours.push(await inFolder((out) => runOurBatch(csv, rows, out)));
        if (WITH_TYPST) entry.typst.push(await inFolder((out) => runTypstBatch(csv, rows, out, TYPST_BATCH)));
      }
    });
    batch.push(entry);
  }

  // --- Report -------------------------------------------------------------------------------------
  console.log("");
  console.log(`load average at end: ${load()}`);
  console.log(
    "medians [min-max]; ratio = median of the rounds' own ratios ours/Typst (their range); below 1: ours smaller or faster, except pairs/s",
  );
  row("", "ours", "Typst", "ours/Typst");
  const wall = (runs) => runs.map((r) => r.ms);
  const cpu = (runs) => runs.map((r) => r.cpuMs);
  const coldWall = compare(wall(cold.ours), wall(cold.typst));
  const coldCpu = compare(cpu(cold.ours), cpu(cold.typst));
  row(
    `cold, whole process (${COLD_RUNS} rounds)`,
    spread(wall(cold.ours), 0, " ms"),
    WITH_TYPST ? spread(wall(cold.typst), 0, " ms") : "-",
    ratioText(coldWall),
  );
  row(
    "cold, CPU time (user + system)",
    spread(cpu(cold.ours), 0, " ms"),
    WITH_TYPST ? spread(cpu(cold.typst), 0, " ms") : "-",
    ratioText(coldCpu),
  );
  row(
    "cold, peak RSS",
    `${fmt(median(cold.ours.map((r) => r.peakRssMb)), 0)} MB`,
    WITH_TYPST ? `${fmt(median(cold.typst.map((r) => r.peakRssMb)), 0)} MB` : "-",
    "",
  );
  const nodeMs = median(wall(cold.node));
  const startMs = median(wall(cold.oursStart));
  console.log(
    `  floors, same rounds: Node starting with nothing to run ${fmt(nodeMs, 0)} ms; ours up to its first document (\`--version\`: Node, the bundle with its code cache, the command line) ${fmt(startMs, 0)} ms${WITH_TYPST ? `, which leaves ${fmt(median(wall(cold.typst)) - startMs, 0)} ms of Typst's median for checking, composing, laying out, drawing and writing both documents (ours take ${fmt(median(wall(cold.ours)) - startMs, 0)} ms)` : ""}`,
  );
  if (WITH_TYPST) {
    const phase = (key) => median(cold.typst.map((r) => r.phases[key]));
    console.log(
      `  Typst's cold process inside: import ${fmt(phase("loadMs"), 0)} ms, compiler + fonts ${fmt(phase("createMs"), 0)} ms (includes its scan of the system's font folders), compile + export both ${fmt(phase("renderMs"), 0)} ms`,
    );
  }
  const warmMs = (tool) => warm[tool].map((r) => r.ms);
  const warmCmp = compare(warmMs("ours"), warmMs("typst"));
  row(
    `warm, one pair (${WARM_RUNS} rounds)`,
    spread(warmMs("ours"), 1, " ms"),
    WITH_TYPST ? spread(warmMs("typst"), 1, " ms") : "-",
    ratioText(warmCmp),
  );
  row("warm process, peak RSS", `${fmt(warmRss.ours, 0)} MB`, WITH_TYPST ? `${fmt(warmRss.typst, 0)} MB` : "-", "");
  if (WITH_TYPST)
    console.log(
      `  Typst's warm figure is compile + export only; making its two sources from a new name (our compose + markup) took ${fmt(median(warm.typst.map((r) => r.prepMs)), 1)} ms more per pair, not counted`,
    );
  for (const size of sizes) {
    row(
      `size ${size.file.replace(/^sim-cancel-|\.pdf$/g, "")}`,
      `${fmt(size.ours / 1024)} KB`,
      WITH_TYPST ? `${fmt(size.typst / 1024)} KB` : "-",
      WITH_TYPST ? fmt(size.ours / size.typst, 2) : "-",
    );
  }
  for (const entry of batch) {
    const pps = (runs) => runs.map((r) => r.pairsPerSecond);
    const c = compare(pps(entry.ours), pps(entry.typst));
    const label = `batch ${entry.rows} rows (${entry.ours.length} round${entry.ours.length > 1 ? "s" : ""}), pairs/s`;
    row(
      label,
      spread(pps(entry.ours), 1),
      WITH_TYPST ? spread(pps(entry.typst), 1) : "-",
      ratioText(c),
      "above 1: ours faster",
    );
    const rss = (runs) => runs.map((r) => r.peakRssMb);
    const m = compare(rss(entry.ours), rss(entry.typst));
    row(
      `batch ${entry.rows} rows, peak RSS`,
      spread(rss(entry.ours), 0, " MB"),
      WITH_TYPST ? spread(rss(entry.typst), 0, " MB") : "-",
      ratioText(m),
    );
    if (WITH_TYPST) {
      const t = entry.typst;
      console.log(
        `  Typst: ${t[0].workers} worker threads at a time, each replaced after ${t[0].rowsPerWorker} rows (${t[0].started} started); per pair in a worker: making the sources ${fmt(median(t.map((r) => r.prepMsPerPair)), 1)} ms, compile + export ${fmt(median(t.map((r) => r.renderMsPerPair)), 1)} ms`,
      );
      console.log(
        `  CPU time (user + system): ours ${fmt(median(entry.ours.map((r) => r.cpuSeconds)), 1)} s, Typst ${fmt(median(t.map((r) => r.cpuSeconds)), 1)} s`,
      );
    }
  }
  Object.assign(results, {
    loadAtEnd: loadavg(),
    typst: typstInfo,
    cold,
    coldWall,
    coldCpu,
    warm,
    warmCmp,
    warmRss,
    sizes,
    batch,
  });
  for (const runs of [cold.ours, cold.typst, cold.node, cold.oursStart]) for (const r of runs) delete r.stdout;
  writeFileSync(join(OUT, "results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`raw figures: ${relative(root, join(OUT, "results.json"))}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The web form under load: `sim-cancel serve` and 50 clients at once (see serve-load.mjs).
const { benchServeLoad, describeLoad } = await import("./serve-load.mjs");
const SERVE_CLIENTS = Number(process.env.BENCH_SERVE_CLIENTS ?? 50);
const SERVE_REQUESTS = Number(process.env.BENCH_SERVE_REQUESTS ?? 10);
console.log(describeLoad(await benchServeLoad({ clients: SERVE_CLIENTS, requests: SERVE_REQUESTS })));
