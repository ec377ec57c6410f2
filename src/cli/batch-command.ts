/**
 * `sim-cancel batch FILE`: the paperwork for many people from one CSV, JSON or JSON Lines file
 * (one person per row), into one folder per row plus a summary. The work is in src/batch/; this
 * module prints (progress on stderr, the result on stdout) and sets the exit code:
 * 0 every row done, 2 a row was invalid (bad input), 1 a row failed for another reason.
 */
import type { Argv, CommandModule } from "yargs";
import cliProgress from "cli-progress";
import { InputError } from "../errors.js";
import { runBatch, rowLabel, type BatchEvent, type BatchResult, type RowReport } from "../batch/index.js";
import type { Paper } from "../layout/index.js";
import { outputOptions, sourceDateEpoch } from "./generate-command.js";
import { EXIT_INPUT, EXIT_RUNTIME, reportFailure } from "./report.js";

export interface BatchArgs {
  [key: string]: unknown;
  file: string;
  out: string;
  lang?: string;
  letterLang?: string;
  translation: boolean;
  paper?: string;
  font: string[];
  force: boolean;
  json: boolean;
  summary: "csv" | "json";
}

function describeRows(title: string, rows: RowReport[], lang: string): string {
  const lines = rows.map((r) => `  ${rowLabel(r.row, r.line, lang)}${r.name ? ` "${r.name}"` : ""}:\n${r.errors.map((e) => `    - ${e}`).join("\n")}`);
  return `sim-cancel: ${title}:\n${lines.join("\n")}\n`;
}

/** Progress on stderr: a bar at a terminal, otherwise a plain line every 5% or so. */
function progressReporter(json: boolean): { onProgress: (event: BatchEvent) => void; stop: () => void } {
  const tty = process.stderr.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let lastStep = -1;
  // The messages' language, as resolved by the batch (--lang, or the pack's first).
  let lang = "en";
  const onProgress = (event: BatchEvent) => {
    if (event.type === "checked") {
      lang = event.lang;
      if (event.invalid.length > 0 && !json) {
        const n = event.invalid.length;
        process.stderr.write(describeRows(`${n} of ${event.rows} row${event.rows === 1 ? "" : "s"} ${n === 1 ? "is" : "are"} invalid and will be skipped`, event.invalid, lang));
      }
      if (event.valid === 0) return;
      if (tty) {
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: "rendering [{bar}] {value}/{total} rows | {percentage}% | ETA {eta_formatted}", hideCursor: true, clearOnComplete: false },
          cliProgress.Presets.shades_classic,
        );
        bar.start(event.valid, 0);
      } else {
        process.stderr.write(`rendering ${event.valid} row${event.valid === 1 ? "" : "s"}\n`);
      }
      return;
    }
    if (event.failed && !json) {
      bar?.stop();
      process.stderr.write(describeRows("a row could not be made", [event.failed], lang));
      bar?.start(event.total, event.done);
    }
    if (bar) {
      bar.update(event.done);
      return;
    }
    const step = Math.floor((event.done * 20) / event.total);
    if (step > lastStep || event.done === event.total) {
      lastStep = step;
      process.stderr.write(`rendered ${event.done}/${event.total}\n`);
    }
  };
  return { onProgress, stop: () => bar?.stop() };
}

export function exitCodeOf(result: BatchResult): number {
  if (result.failed.length > 0) return EXIT_RUNTIME;
  if (result.invalid.length > 0) return EXIT_INPUT;
  return 0;
}

function printResult(result: BatchResult, json: boolean): void {
  if (json) {
    const summary = {
      ok: result.invalid.length === 0 && result.failed.length === 0,
      file: result.file,
      out: result.out,
      summary: result.summaryFile,
      rows: result.rows,
      rendered: result.ok,
      invalid: result.invalid,
      failed: result.failed,
    };
    process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const parts = [`${result.ok} done`];
  if (result.invalid.length > 0) parts.push(`${result.invalid.length} invalid`);
  if (result.failed.length > 0) parts.push(`${result.failed.length} failed`);
  process.stdout.write(`${result.rows} row${result.rows === 1 ? "" : "s"}: ${parts.join(", ")}\n`);
  if (result.ok > 0) process.stdout.write(`documents in ${result.out}\n`);
  process.stdout.write(`summary: ${result.summaryFile}\n`);
}

/** With SIM_CANCEL_REPORT_RSS=1, the process's peak memory on stderr (for bench/batch.mjs). */
function reportRss(): void {
  if (process.env["SIM_CANCEL_REPORT_RSS"] === "1") process.stderr.write(`sim-cancel: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
}

async function run(args: BatchArgs): Promise<number> {
  const progress = progressReporter(args.json);
  try {
    const result = await runBatch(
      args.file,
      {
        out: args.out,
        force: args.force,
        summary: args.summary,
        ...(args.lang ? { lang: args.lang } : {}),
        ...(args.letterLang ? { letterLang: args.letterLang } : {}),
        ...(args.paper ? { paper: args.paper as Paper } : {}),
        translation: args.translation,
        fonts: args.font,
        ...sourceDateEpoch(process.env["SOURCE_DATE_EPOCH"]),
      },
      progress.onProgress,
    );
    progress.stop();
    printResult(result, args.json);
    return exitCodeOf(result);
  } finally {
    progress.stop();
  }
}

export const batchCommand: CommandModule<object, BatchArgs> = {
  command: "batch <file>",
  describe: "Write the documents for many people, one per row of a CSV, JSON or JSON Lines file",
  builder: (y) =>
    outputOptions(
      y
        .positional("file", { type: "string", describe: "A .csv with a header of field names (name, phone, plan, …), a .json array of objects, or a .jsonl file", demandOption: true })
        .option("out", { type: "string", requiresArg: true, default: "output/batch", describe: "Folder for the row folders (NNNN-name/) and the summary", group: "Output:" })
        .option("summary", { choices: ["csv", "json"] as const, default: "csv" as const, describe: "Format of the summary file in --out", group: "Output:" }),
    )
      .example("$0 batch students.csv --out output/batch", "One folder of PDFs per student, and output/batch/summary.csv")
      .example("$0 batch students.jsonl --lang en --json", "Checklists in English; the result as JSON on stdout") as unknown as Argv<BatchArgs>,
  handler: async (args) => {
    try {
      process.exitCode = await run(args);
    } catch (error) {
      process.exitCode = reportFailure(error, args.json);
    }
    reportRss();
  },
};
