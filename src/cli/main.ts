#!/usr/bin/env node
/**
 * The command line: the only place that reads flags, touches files, prints and sets the exit code.
 * Each command lives in its own module; exit codes are in report.ts (0 done, 1 failure, 2 bad input).
 */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { batchCommand } from "./batch-command.js";
import { generateCommand } from "./generate-command.js";
import { initCommand } from "./init-command.js";
import { packsCommand } from "./packs-command.js";
import { EXIT_INPUT } from "./report.js";

/** yargs reads a lone "-" as a positional, so "--details -" (standard input) is passed as "--details=-". */
function joinStdinDash(args: string[]): string[] {
  return args.flatMap((arg, i) => (arg === "-" && args[i - 1] === "--details" ? [] : arg === "--details" && args[i + 1] === "-" ? ["--details=-"] : [arg]));
}

await yargs(joinStdinDash(hideBin(process.argv)))
  .scriptName("sim-cancel")
  .usage("$0 [command] [options]\n\nPrints a checklist and a cancellation letter for a mobile line with OPT-NC (Helia, ex-Mobilis).")
  .command(generateCommand)
  .command(initCommand)
  .command(packsCommand)
  .command(batchCommand)
  .strict()
  .help()
  .version()
  .fail((message, error) => {
    if (error) throw error;
    process.stderr.write(`sim-cancel: ${message}\nRun "sim-cancel --help" for the options.\n`);
    process.exitCode = EXIT_INPUT;
  })
  .parseAsync();
