#!/usr/bin/env node
/**
 * The command line: the only place that reads flags, touches files, prints and sets the exit code.
 * Exit codes: 0 done, 1 runtime failure, 2 bad input.
 */
import yargs from "yargs";
import { hideBin } from "yargs/helpers";
import { generate, InputError } from "../generate.js";
import { SAMPLE_DETAILS_FILE } from "../paths.js";
import { mergeFlags, readDetailsFile } from "./details-input.js";
import { writeAll, WriteError } from "./write.js";

const EXIT_RUNTIME = 1;
const EXIT_INPUT = 2;

interface GenerateArgs {
  [key: string]: unknown;
  details?: string;
  sample: boolean;
  out: string;
  lang?: string;
  letterLang?: string;
  translation: boolean;
  paper?: string;
  font: string[];
  force: boolean;
  json: boolean;
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** Shells make newlines awkward to type: a literal "\n" in --address means a line break. */
function unescapeLines(value: unknown): unknown {
  return typeof value === "string" ? value.replace(/\\n/g, "\n") : value;
}

/** SOURCE_DATE_EPOCH (reproducible-builds.org): seconds since 1970, used as the PDFs' dates. */
function sourceDateEpoch(value: string | undefined): { timestamp?: Date } {
  if (value === undefined || value === "") return {};
  if (!/^\d{1,12}$/.test(value)) throw new InputError([`SOURCE_DATE_EPOCH: "${value}" is not a whole number of seconds since 1970-01-01`]);
  return { timestamp: new Date(Number(value) * 1000) };
}

async function runGenerate(args: GenerateArgs): Promise<void> {
  const file = args.sample ? SAMPLE_DETAILS_FILE : args.details;
  const fromFile = file ? await readDetailsFile(file, args.lang ?? "zh-Hans") : {};
  const input = mergeFlags(fromFile, {
    ...args,
    address: unescapeLines(args.address),
    forwardingAddress: unescapeLines(args.forwardingAddress),
  });
  const documents = await generate(input, {
    ...(args.lang ? { lang: args.lang } : {}),
    ...(args.letterLang ? { letterLang: args.letterLang } : {}),
    ...(args.paper ? { paper: args.paper as "a4" } : {}),
    translation: args.translation,
    fonts: args.font,
    ...sourceDateEpoch(process.env["SOURCE_DATE_EPOCH"]),
  });
  const paths = await writeAll(args.out, documents, args.force);
  const summary = documents.map((doc, i) => ({ kind: doc.kind, lang: doc.lang, path: paths[i]!, pages: doc.pages, bytes: doc.bytes.length }));
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ ok: true, files: summary, warnings: [] }, null, 2)}\n`);
    return;
  }
  for (const doc of summary) {
    process.stdout.write(`${doc.path}  (${doc.kind}, ${doc.lang}, ${doc.pages} page${doc.pages > 1 ? "s" : ""}, ${formatSize(doc.bytes)})\n`);
  }
}

function report(error: unknown, json: boolean): number {
  const input = error instanceof InputError || (error instanceof WriteError && error.isInputProblem);
  const problems = error instanceof InputError ? error.problems : [(error as Error).message ?? String(error)];
  if (json) {
    process.stdout.write(`${JSON.stringify({ ok: false, errors: problems }, null, 2)}\n`);
  } else {
    process.stderr.write(`sim-cancel: ${input ? "cannot make the documents" : "failed"}:\n${problems.map((p) => `  - ${p}`).join("\n")}\n`);
  }
  return input ? EXIT_INPUT : EXIT_RUNTIME;
}

const detailOptions = {
  name: { type: "string", describe: "Your full name, as on your contract", group: "Your details:" },
  phone: { type: "string", describe: "The mobile number to cancel (76 12 34 or +687 76 12 34)", group: "Your details:" },
  "customer-number": { type: "string", describe: "Customer number (on your bill or in the Helia app)", group: "Your details:" },
  address: { type: "string", describe: 'Postal address; "\\n" or a real line break separates lines', group: "Your details:" },
  email: { type: "string", describe: "E-mail address", group: "Your details:" },
  plan: { type: "string", describe: "prepaid (Liberté) or postpaid (Forfait M)", group: "Your details:" },
  channel: { type: "string", describe: "in-person, post or proxy", group: "Your details:" },
  reason: { type: "string", describe: "Reason for cancelling (optional)", group: "Your details:" },
  "effective-date": { type: "string", describe: "Requested end date, YYYY-MM-DD", group: "Your details:" },
  date: { type: "string", describe: "The letter's date, YYYY-MM-DD (default: today in Nouméa)", group: "Your details:" },
  "proxy-name": { type: "string", describe: "Your representative's full name (--channel proxy)", group: "Your details:" },
  "proxy-id": { type: "string", describe: "Your representative's ID document number", group: "Your details:" },
  iban: { type: "string", describe: "IBAN for a refund", group: "Your details:" },
  bic: { type: "string", describe: "BIC of that account", group: "Your details:" },
  "account-holder": { type: "string", describe: "Holder of that account", group: "Your details:" },
  "forwarding-address": { type: "string", describe: "Where to send the final invoice after you leave", group: "Your details:" },
} as const;

const cli = yargs(hideBin(process.argv))
  .scriptName("sim-cancel")
  .usage("$0 [generate] [options]\n\nPrints a checklist and a cancellation letter for a mobile line with OPT-NC (Helia, ex-Mobilis).")
  .command<GenerateArgs>(
    ["generate", "$0"],
    "Write the checklist and the request letter as PDFs",
    (y) =>
      y
        .options(detailOptions)
        .option("details", { type: "string", describe: "Read details from a YAML or JSON file (- for standard input); flags win", group: "Input:" })
        .option("sample", { type: "boolean", default: false, describe: "Use the bundled fictional sample details", group: "Input:" })
        .option("lang", { type: "string", describe: "Checklist language: zh-Hans, zh-Hant, en, fr", group: "Output:" })
        .option("letter-lang", { type: "string", describe: "Language of the letter to send (default fr)", group: "Output:" })
        .option("translation", { type: "boolean", default: true, describe: "Add a translation of the letter (--no-translation to drop it)", group: "Output:" })
        .option("paper", { type: "string", describe: "a4 (default) or letter", group: "Output:" })
        .option("font", { type: "string", array: true, default: [] as string[], describe: "Extra font for rare characters (TTF, OTF, FILE.ttc#Face)", group: "Output:" })
        .option("out", { type: "string", default: "output", describe: "Folder for the PDFs", group: "Output:" })
        .option("force", { type: "boolean", default: false, describe: "Replace existing files", group: "Output:" })
        .option("json", { type: "boolean", default: false, describe: "Print a machine-readable summary", group: "Output:" })
        .conflicts("sample", "details")
        .example("$0 --sample", "Both PDFs from the bundled sample details")
        .example('$0 --name "Li Wei" --phone "76 12 34" --plan postpaid', "Your own details"),
    async (args) => {
      try {
        await runGenerate(args);
      } catch (error) {
        process.exitCode = report(error, args.json);
      }
    },
  )
  .strict()
  .help()
  .version()
  .fail((message, error, y) => {
    if (error) throw error;
    process.stderr.write(`sim-cancel: ${message}\nRun "sim-cancel --help" for the options.\n`);
    process.exitCode = EXIT_INPUT;
    void y;
  });

await cli.parseAsync();
