/**
 * `sim-cancel batch FILE`: the paperwork for many people from one CSV, JSON or JSON Lines file
 * (one person per row), into one folder per row plus a summary. The work is in src/batch/, the
 * printing in batch-run.ts; exit codes: 0 every row done, 2 a row was invalid (bad input), 1 a
 * row failed for another reason or the output was closed; stopped by a signal, it ends by that
 * signal once the summary is written. Run again, it keeps the rows already done.
 */
import type { Argv, CommandModule, Options } from "yargs";
import { FIELD_NAMES, toKebab } from "../details/fields.js";
import { outputOptions } from "./generate-command.js";
import { reportFailure } from "./report.js";

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

/**
 * Every details field as an option, as `generate` has them: here each is the default of every
 * row, and a row's own column wins. Made from the field list, so a new field is an option here too.
 */
const ROW_DEFAULT_OPTIONS: Record<string, Options> = Object.fromEntries(
  FIELD_NAMES.map((field) => [
    toKebab(field),
    {
      type: "string",
      requiresArg: true,
      describe: `Default ${toKebab(field)} for every row (a row's own column wins)`,
    } satisfies Options,
  ]),
);

/** With SIM_CANCEL_REPORT_RSS=1, the process's peak memory on stderr (for bench/batch.mjs). */
function reportRss(): void {
  if (process.env["SIM_CANCEL_REPORT_RSS"] === "1")
    process.stderr.write(`sim-cancel: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
}

export const batchCommand: CommandModule<object, BatchArgs> = {
  command: "batch <file>",
  describe: "Write the documents for many people, one per row of a CSV, JSON or JSON Lines file",
  builder: (y) =>
    outputOptions(
      y
        .positional("file", {
          type: "string",
          describe:
            "A .csv with a header of field names (name, phone, plan, …), a .json array of objects, or a .jsonl file",
          demandOption: true,
        })
        .option("out", {
          type: "string",
          requiresArg: true,
          default: "output/batch",
          describe: "Folder for the row folders (NNNN-name/) and the summary",
          group: "Output:",
        })
        .option("summary", {
          choices: ["csv", "json"] as const,
          default: "csv" as const,
          describe: "Format of the summary file in --out",
          group: "Output:",
        })
        .options(ROW_DEFAULT_OPTIONS)
        .group(Object.keys(ROW_DEFAULT_OPTIONS), "Details for every row (a row's own column wins):"),
    )
      .example(
        "$0 batch students.csv --out output/batch",
        "One folder of PDFs per student, and output/batch/summary.csv",
      )
      .example("$0 batch students.jsonl --lang en --json", "Checklists in English; the result as JSON on stdout")
      .example(
        "$0 batch students.csv --date 2026-11-24 --plan prepaid",
        "The same letter date and plan for every row without its own",
      ) as unknown as Argv<BatchArgs>,
  handler: async (args) => {
    try {
      const { runBatchCommand } = await import("./batch-run.js");
      const ended = await runBatchCommand(args);
      process.exitCode = ended.exitCode;
      if (ended.signal) {
        reportRss();
        // Stopped by a signal: end by it too (its handlers are gone), so a shell or supervisor sees it.
        process.kill(process.pid, ended.signal);
        return;
      }
    } catch (error) {
      process.exitCode = reportFailure(error, args.json, args.lang ?? "zh-Hans");
    }
    reportRss();
  },
};
