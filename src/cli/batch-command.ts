/**
 * `sim-cancel batch FILE`: the paperwork for many people from one CSV, JSON or JSON Lines file
 * (one person per row), into one folder per row plus a summary. The work is in src/batch/, the
 * printing in batch-run.ts; exit codes: 0 every row done, 2 a row was invalid (bad input), 1 a
 * row failed for another reason.
 */
import type { Argv, CommandModule } from "yargs";
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

/** With SIM_CANCEL_REPORT_RSS=1, the process's peak memory on stderr (for bench/batch.mjs). */
function reportRss(): void {
  if (process.env["SIM_CANCEL_REPORT_RSS"] === "1") process.stderr.write(`sim-cancel: peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB\n`);
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
      const { runBatchCommand } = await import("./batch-run.js");
      process.exitCode = await runBatchCommand(args);
    } catch (error) {
      process.exitCode = reportFailure(error, args.json, args.lang ?? "zh-Hans");
    }
    reportRss();
  },
};
