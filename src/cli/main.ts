/**
 * The command line: the only place that reads flags, touches files, prints and sets the exit code.
 * Each command lives in its own module; exit codes are in report.ts (0 done, 1 failure, 2 bad input).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import yargs from "yargs";
import { PROJECT_ROOT } from "../paths.js";
import { batchCommand } from "./batch-command.js";
import { generateCommand } from "./generate-command.js";
import { initCommand } from "./init-command.js";
import { packsCommand } from "./packs-command.js";
import { serveCommand } from "./serve-command.js";
import { EXIT_INPUT, words } from "./report.js";
import { resolveMessageLang, type MessageLang } from "../messages/catalogue.js";
import { show } from "../show.js";

/** yargs reads a lone "-" as a positional, so "--details -" (standard input) is passed as "--details=-". */
function joinStdinDash(args: string[]): string[] {
  return args.flatMap((arg, i) =>
    arg === "-" && args[i - 1] === "--details"
      ? []
      : arg === "--details" && args[i + 1] === "-"
        ? ["--details=-"]
        : [arg],
  );
}

const COMMANDS = ["generate", "init", "packs", "batch", "serve"];

/**
 * `generate` is the default command. It is not declared to yargs as "$0", because yargs then
 * renders the whole help text on every run of it (a tenth of the start-up time); the command
 * name is added here instead, unless the top-level help or version is asked for.
 */
function withDefaultCommand(args: string[]): string[] {
  const first = args[0];
  if (first !== undefined && COMMANDS.includes(first)) return args;
  if (args.length === 1 && ["--help", "-h", "--version"].includes(first!)) return args;
  return ["generate", ...args];
}

/**
 * yargs renders the help text of every command it runs, in case the command asks for it; with
 * line wrapping that costs a tenth of the start-up time. Wrap only when the help is shown.
 */
function helpWidth(args: string[]): number | null {
  const helpShown = args.includes("--help") || args.includes("-h");
  return helpShown ? Math.min(80, process.stdout.columns || 80) : null;
}

/**
 * The version from our own package.json: yargs would look for a package.json above the running
 * file, which in the bundle (dist/cli.bundle.cjs) finds none and falls back to the working folder's.
 */
function ownVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { version: string }).version;
}

/** A usage error (unknown option, missing value): reported by the code below, never run. */
class UsageError extends Error {}

/** yargs' own translations of its messages, for the languages of our messages. */
const YARGS_LOCALES: Readonly<Record<MessageLang, string>> = {
  en: "en",
  fr: "fr",
  "zh-Hans": "zh_CN",
  "zh-Hant": "zh_TW",
};

/**
 * The language of the messages, from --lang (the checklist's), as the other messages: yargs' usage
 * errors then come in it too. The help stays in English, the language of the options' own texts.
 */
function messageLang(args: readonly string[]): string {
  const at = args.findIndex((arg) => arg === "--lang" || arg.startsWith("--lang="));
  const value = at < 0 ? undefined : args[at]!.includes("=") ? args[at]!.slice("--lang=".length) : args[at + 1];
  return value === undefined || value.startsWith("-") ? "zh-Hans" : value;
}

/** Runs the command line on `argv` (process.argv without node and the script). */
export async function main(argv: string[]): Promise<void> {
  let lang = "zh-Hans";
  try {
    const args = withDefaultCommand(joinStdinDash(argv));
    lang = messageLang(args);
    const helpShown = args.includes("--help") || args.includes("-h");
    await yargs(args)
      .locale(helpShown ? "en" : YARGS_LOCALES[resolveMessageLang(lang)])
      .scriptName("sim-cancel")
      .wrap(helpWidth(args))
      .usage(
        "$0 [command] [options]\n\nPrints a checklist and a cancellation letter for a mobile line with OPT-NC (Helia, ex-Mobilis).",
      )
      .command(generateCommand)
      .command(initCommand)
      .command(packsCommand)
      .command(batchCommand)
      .command(serveCommand)
      .strict()
      .help()
      .version(ownVersion())
      // Throwing stops yargs: a command must never run after its arguments were refused.
      // yargs reports its own parse errors as YError; anything else is a real failure.
      .fail((message, error) => {
        if (error && error.name !== "YError") throw error;
        throw new UsageError(message ?? error?.message ?? "invalid arguments");
      })
      .parseAsync();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`sim-cancel: ${show(error.message)}\n${words(lang)["cli.seeHelp"]}\n`);
    process.exitCode = EXIT_INPUT;
  }
}
