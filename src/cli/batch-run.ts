/**
 * What `sim-cancel batch` does once its arguments are parsed: runs the batch (src/batch/), shows
 * progress on stderr, prints the result and returns the exit code. Loaded only when the command
 * runs, so the other commands never load the batch machinery.
 */
import cliProgress from "cli-progress";
import { runBatch, type BatchEvent, type BatchResult, type RowReport } from "../batch/index.js";
import { formatPlace, formatProblem } from "../messages/format.js";
import { BATCH_CLI_LABELS } from "./labels.js";
import type { Paper } from "../layout/style.js";
import type { BatchArgs } from "./batch-command.js";
import { sourceDateEpoch } from "./generate-command.js";
import { EXIT_INPUT, EXIT_RUNTIME } from "./report.js";

/** Rows and their problems, each problem under its row (so without the row's place again). */
function describeRows(title: string, rows: RowReport[], lang: string): string {
  const lines = rows.map((r) => {
    const problems = r.problems.map((p) => `    - ${formatProblem(p.at?.row === r.row ? { ...p, at: undefined } : p, lang, BATCH_CLI_LABELS)}`);
    return `  ${formatPlace({ row: r.row, ...(r.line !== undefined ? { line: r.line } : {}) }, lang)}${r.name ? ` "${r.name}"` : ""}:\n${problems.join("\n")}`;
  });
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

/** A row's report for --json: its problems as data and in words. */
function reportJson(report: RowReport, lang: string): object {
  return { ...report, errors: report.problems.map((p) => formatProblem(p, lang, BATCH_CLI_LABELS)) };
}

function printResult(result: BatchResult, json: boolean, lang: string): void {
  if (json) {
    const summary = {
      ok: result.invalid.length === 0 && result.failed.length === 0,
      file: result.file,
      out: result.out,
      summary: result.summaryFile,
      rows: result.rows,
      rendered: result.ok,
      invalid: result.invalid.map((r) => reportJson(r, lang)),
      failed: result.failed.map((r) => reportJson(r, lang)),
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

export async function runBatchCommand(args: BatchArgs): Promise<number> {
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
        summaryLabels: BATCH_CLI_LABELS,
        ...sourceDateEpoch(process.env["SOURCE_DATE_EPOCH"]),
      },
      progress.onProgress,
    );
    progress.stop();
    printResult(result, args.json, args.lang ?? "zh-Hans");
    return exitCodeOf(result);
  } finally {
    progress.stop();
  }
}

