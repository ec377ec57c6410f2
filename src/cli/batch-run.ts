/**
 * What `sim-cancel batch` does once its arguments are parsed: runs the batch (src/batch/), shows
 * progress on stderr, prints the result and returns the exit code. Loaded only when the command
 * runs, so the other commands never load the batch machinery.
 *
 * Stopping: Ctrl-C, SIGINT, SIGTERM or SIGHUP (to this process or, passed on by batch-rerun.cts,
 * to the first one), and an output that was closed (`sim-cancel batch ... 2>&1 | head -1`) all
 * stop the batch the same way: no new row starts, the rows in flight finish, the summary is
 * written (rows not reached marked "pending"). Then a signal ends the process by that signal.
 */
import cliProgress from "cli-progress";
import { runBatch, type BatchEvent, type BatchResult, type RowReport } from "../batch/index.js";
import { definedDefaults } from "../batch/defaults.js";
import { formatPlace, formatProblem } from "../messages/format.js";
import { BATCH_CLI_LABELS } from "./labels.js";
import type { Paper } from "../layout/style.js";
import type { BatchArgs } from "./batch-command.js";
import { sourceDateEpoch } from "./generate-command.js";
import { EXIT_INPUT, EXIT_RUNTIME } from "./report.js";
import { describeRecovery } from "./write.js";

const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * stdout and stderr as the batch sees them: once either is closed (EPIPE), nothing more is
 * written to it, and the batch is asked to stop; a write can then never end the process.
 */
class Output {
  closed = false;
  constructor(private readonly onClosed: () => void) {
    for (const stream of [process.stdout, process.stderr]) {
      // Kept for the rest of the process: a late write (the progress bar's timer) must not throw either.
      stream.on("error", () => this.close());
    }
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    this.onClosed();
  }

  out(text: string): void {
    if (!this.closed && !process.stdout.destroyed) process.stdout.write(text);
  }

  err(text: string): void {
    if (!this.closed && !process.stderr.destroyed) process.stderr.write(text);
  }
}

/** Rows and their problems, each problem under its row (so without the row's place again). */
function describeRows(title: string, rows: RowReport[], lang: string): string {
  const lines = rows.map((r) => {
    const problems = r.problems.map(
      (p) => `    - ${formatProblem(p.at?.row === r.row ? { ...p, at: undefined } : p, lang, BATCH_CLI_LABELS)}`,
    );
    return `  ${formatPlace({ row: r.row, ...(r.line !== undefined ? { line: r.line } : {}) }, lang)}${r.name ? ` "${r.name}"` : ""}:\n${problems.join("\n")}`;
  });
  return `sim-cancel: ${title}:\n${lines.join("\n")}\n`;
}

/** A row's report for --json: its problems as data and in words. */
function reportJson(report: RowReport, lang: string): object {
  return { ...report, errors: report.problems.map((p) => formatProblem(p, lang, BATCH_CLI_LABELS)) };
}

/** Progress on stderr: a bar at a terminal, otherwise a plain line every 5% or so. */
function progressReporter(
  json: boolean,
  output: Output,
): { onProgress: (event: BatchEvent) => void; stop: () => void } {
  const tty = process.stderr.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let lastStep = -1;
  // The messages' language, as resolved by the batch (--lang, or the pack's first).
  let lang = "en";
  const onProgress = (event: BatchEvent) => {
    if (output.closed) {
      bar?.stop();
      bar = undefined;
      return;
    }
    if (event.type === "checked") {
      lang = event.lang;
      if (event.invalid.length > 0 && !json) {
        const n = event.invalid.length;
        output.err(
          describeRows(
            `${n} of ${event.rows} row${event.rows === 1 ? "" : "s"} ${n === 1 ? "is" : "are"} invalid and will be skipped`,
            event.invalid,
            lang,
          ),
        );
      }
      if (event.valid === 0) return;
      if (tty) {
        bar = new cliProgress.SingleBar(
          {
            stream: process.stderr,
            format: "rendering [{bar}] {value}/{total} rows | {percentage}% | ETA {eta_formatted}",
            hideCursor: true,
            clearOnComplete: false,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(event.valid, 0);
      } else {
        output.err(`rendering ${event.valid} row${event.valid === 1 ? "" : "s"}\n`);
      }
      return;
    }
    if (event.failed && !json) {
      bar?.stop();
      output.err(describeRows("a row could not be made", [event.failed], lang));
      bar?.start(event.total, event.done);
    }
    if (bar) {
      bar.update(event.done);
      return;
    }
    const step = Math.floor((event.done * 20) / event.total);
    if (step > lastStep || event.done === event.total) {
      lastStep = step;
      output.err(`rendered ${event.done}/${event.total}\n`);
    }
  };
  return { onProgress, stop: () => bar?.stop() };
}

export function exitCodeOf(result: BatchResult): number {
  if (result.failed.length > 0) return EXIT_RUNTIME;
  if (result.invalid.length > 0) return EXIT_INPUT;
  return 0;
}

function printResult(
  result: BatchResult,
  json: boolean,
  output: Output,
  stoppedBy: string | undefined,
  lang: string,
): void {
  if (json) {
    const summary = {
      ok: result.invalid.length === 0 && result.failed.length === 0 && !result.stopped,
      file: result.file,
      out: result.out,
      summary: result.summaryFile,
      rows: result.rows,
      done: result.ok,
      rendered: result.written,
      kept: result.kept,
      pending: result.pending,
      stopped: result.stopped ? (stoppedBy ?? true) : false,
      invalid: result.invalid.map((r) => reportJson(r, lang)),
      failed: result.failed.map((r) => reportJson(r, lang)),
      recovered: result.recovered,
    };
    output.out(`${JSON.stringify(summary, null, 2)}\n`);
    return;
  }
  const parts = [`${result.ok} done${result.kept > 0 ? ` (${result.kept} kept from an earlier run)` : ""}`];
  if (result.invalid.length > 0) parts.push(`${result.invalid.length} invalid`);
  if (result.failed.length > 0) parts.push(`${result.failed.length} failed`);
  if (result.pending > 0) parts.push(`${result.pending} not done yet`);
  output.out(`${result.rows} row${result.rows === 1 ? "" : "s"}: ${parts.join(", ")}\n`);
  for (const line of describeRecovery(result.recovered, result.out, lang)) output.err(`sim-cancel: ${line}\n`);
  if (result.existing > 0) {
    output.err(
      `sim-cancel: ${result.existing} row folder${result.existing === 1 ? " holds" : "s hold"} other documents and ${result.existing === 1 ? "was" : "were"} left as ${result.existing === 1 ? "it was" : "they were"}; --force replaces ${result.existing === 1 ? "it" : "them"} (the earlier files are put back if anything fails)\n`,
    );
  }
  if (result.stopped)
    output.err(
      `sim-cancel: stopped${stoppedBy && stoppedBy !== "output" ? ` (${stoppedBy})` : ""}; run the same command again to finish: the rows done are kept\n`,
    );
  if (result.ok > 0) output.out(`documents in ${result.out}\n`);
  if (result.summaryFile) output.out(`summary: ${result.summaryFile}\n`);
}

/** The batch's exit code, and the signal to end by when one stopped it. */
export interface BatchEnd {
  exitCode: number;
  signal?: NodeJS.Signals;
}

export async function runBatchCommand(args: BatchArgs): Promise<BatchEnd> {
  const controller = new AbortController();
  let stoppedBy: NodeJS.Signals | "output" | undefined;
  const stop = (why: NodeJS.Signals | "output") => {
    if (stoppedBy === undefined) {
      stoppedBy = why;
      if (!output.closed)
        output.err(`sim-cancel: stopping (${why}): the rows in flight finish, then the summary is written\n`);
    }
    controller.abort();
  };
  const output = new Output(() => stop("output"));
  const onSignal = (signal: NodeJS.Signals) => stop(signal);
  for (const signal of STOP_SIGNALS) process.on(signal, onSignal);
  const progress = progressReporter(args.json, output);
  const lang = args.lang ?? "zh-Hans";
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
        defaults: definedDefaults({
          ...args,
          address: unescapeLines(args["address"]),
          forwardingAddress: unescapeLines(args["forwardingAddress"]),
        }),
        signal: controller.signal,
        summaryLabels: BATCH_CLI_LABELS,
        ...sourceDateEpoch(process.env["SOURCE_DATE_EPOCH"]),
      },
      progress.onProgress,
    );
    progress.stop();
    printResult(result, args.json, output, stoppedBy, lang);
    if (stoppedBy === "output") return { exitCode: EXIT_RUNTIME };
    if (stoppedBy) return { exitCode: EXIT_RUNTIME, signal: stoppedBy };
    return { exitCode: exitCodeOf(result) };
  } finally {
    progress.stop();
    for (const signal of STOP_SIGNALS) process.off(signal, onSignal);
  }
}

/** Shells make newlines awkward to type: a literal "\n" in an address means a line break (as in generate). */
function unescapeLines(value: unknown): unknown {
  return typeof value === "string" ? value.replace(/\\n/g, "\n") : value;
}
