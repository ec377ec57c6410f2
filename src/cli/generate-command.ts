/**
 * `sim-cancel generate` (the default command): details from flags, a file or prompts -> both PDFs.
 */
import { join } from "node:path";
import type { Argv, CommandModule } from "yargs";
import { todayInNoumea } from "../details/index.js";
import { InputError } from "../errors.js";
import { SAMPLE_DETAILS_FILE } from "../paths.js";
import { mergeFlags, readDetailsFile } from "./details-input.js";
import { askForMissing, askInTerminal } from "./prompt.js";
import { EXIT_INPUT, EXIT_RUNTIME, formatSize, reportFailure } from "./report.js";
import { wordProblem } from "../messages/format.js";
import { CLI_LABELS } from "./labels.js";
import { describeRecovery, retiredLine, statusWord, writeFailureJson } from "./write.js";
import { isWriteError, writeFiles, type WriteResult } from "../write/index.js";
import { show } from "../show.js";

export interface GenerateArgs {
  [key: string]: unknown;
  details?: string;
  sample?: boolean;
  out: string;
  lang?: string;
  letterLang?: string;
  translation: boolean;
  paper?: string;
  font: string[];
  force: boolean;
  json: boolean;
  input: boolean;
  pack?: string;
  templates?: string;
}

const DETAIL_OPTIONS = {
  name: { type: "string", describe: "Your full name, as on your contract" },
  phone: { type: "string", describe: "The mobile number to cancel (76 12 34 or +687 76 12 34)" },
  "customer-number": { type: "string", describe: "Customer number (on your bill or in the Helia app)" },
  address: { type: "string", describe: 'Postal address; "\\n" or a real line break separates lines' },
  email: { type: "string", describe: "E-mail address" },
  "birth-date": { type: "string", describe: "Your date of birth, YYYY-MM-DD (for the proxy letter)" },
  "id-type": {
    type: "string",
    describe: "Your ID document: passport, id-card or residence-permit (for the proxy letter)",
  },
  "id-number": { type: "string", describe: "That document's number (for the proxy letter)" },
  plan: { type: "string", describe: "prepaid (Liberté) or postpaid (forfait)" },
  offer: {
    type: "string",
    describe: 'The name of your offer, printed in the letter only when given ("Forfait M 10 Go")',
  },
  channel: { type: "string", describe: "in-person (default), post or proxy" },
  reason: { type: "string", describe: "Reason for cancelling (optional)" },
  "effective-date": { type: "string", describe: "Requested end date, YYYY-MM-DD" },
  date: { type: "string", describe: "The letter's date, YYYY-MM-DD (default: today in Nouméa)" },
  place: { type: "string", describe: "Where you sign the letters (default: Nouméa)" },
  "proxy-name": { type: "string", describe: "Your representative's full name (--channel proxy)" },
  "proxy-id": { type: "string", describe: "Your representative's ID document number" },
  "proxy-id-type": {
    type: "string",
    describe: "Your representative's ID document: passport, id-card or residence-permit",
  },
  iban: { type: "string", describe: "IBAN for a refund" },
  bic: { type: "string", describe: "BIC of that account" },
  "account-holder": { type: "string", describe: "Holder of that account" },
  "forwarding-address": {
    type: "string",
    describe: "Where to send the final invoice after you leave (implies --leaving)",
  },
  leaving: { type: "boolean", describe: "You are leaving New Caledonia: the checklist adds what to do before you go" },
} as const;

/** The output options shared with `batch`. */
export function outputOptions<T>(y: Argv<T>) {
  return y
    .option("lang", {
      type: "string",
      requiresArg: true,
      describe: "Checklist language: zh-Hans, zh-Hant, en, fr",
      group: "Output:",
    })
    .option("letter-lang", {
      type: "string",
      requiresArg: true,
      describe: "Language of the letter to send (default fr)",
      group: "Output:",
    })
    .option("translation", {
      type: "boolean",
      default: true,
      describe: "Add a translation of the letter (--no-translation drops it)",
      group: "Output:",
    })
    .option("paper", { type: "string", requiresArg: true, describe: "a4 (default) or letter", group: "Output:" })
    .option("font", {
      type: "string",
      requiresArg: true,
      array: true,
      default: [] as string[],
      describe: "Extra font for rare characters (TTF, OTF, FILE.ttc#Face)",
      group: "Output:",
    })
    .option("force", {
      type: "boolean",
      default: false,
      describe: "Replace existing files, and remove the earlier set's documents this run does not make",
      group: "Output:",
    })
    .option("json", {
      type: "boolean",
      default: false,
      describe: "Print a machine-readable summary",
      group: "Output:",
    });
}

/** Shells make newlines awkward to type: a literal "\n" in an address means a line break. */
function unescapeLines(value: unknown): unknown {
  return typeof value === "string" ? value.replace(/\\n/g, "\n") : value;
}

/** SOURCE_DATE_EPOCH (reproducible-builds.org): seconds since 1970, used as the PDFs' dates. */
export function sourceDateEpoch(value: string | undefined): { timestamp?: Date } {
  if (value === undefined || value === "") return {};
  if (!/^\d{1,12}$/.test(value))
    throw new InputError([{ code: "option.sourceDateEpoch", option: "timestamp", params: { value } }]);
  return { timestamp: new Date(Number(value) * 1000) };
}

async function run(args: GenerateArgs): Promise<void> {
  const lang = args.lang ?? "zh-Hans";
  const file = args.sample ? SAMPLE_DETAILS_FILE : args.details;
  const fromFile = file ? await readDetailsFile(file) : {};
  let input = mergeFlags(fromFile, {
    ...args,
    address: unescapeLines(args.address),
    forwardingAddress: unescapeLines(args.forwardingAddress),
  });
  // Ask only a person at a terminal: never a pipe, a script or CI, and never with --no-input.
  if (args.input && process.stdin.isTTY && file !== "-") {
    input = await askForMissing(input, lang, todayInNoumea(new Date()), askInTerminal, (line) =>
      process.stderr.write(`${line}\n`),
    );
  }
  // Loaded here, not at start-up: the other commands never need the renderer and its fonts.
  const { generate, packDocumentNames } = await import("../generate.js");
  const options = {
    ...(args.lang ? { lang: args.lang } : {}),
    ...(args.letterLang ? { letterLang: args.letterLang } : {}),
    ...(args.paper ? { paper: args.paper as "a4" } : {}),
    ...(args.pack ? { packDir: args.pack } : {}),
    ...(args.templates ? { templatesDir: args.templates } : {}),
    translation: args.translation,
    fonts: args.font,
    ...sourceDateEpoch(process.env["SOURCE_DATE_EPOCH"]),
  };
  const documents = await generate(input, options);
  // One writer for every front end: the whole set or nothing, replacing only with --force. The
  // tool's documents there that this run does not make (an earlier procuration) are the earlier
  // set's: in the way without --force, removed with it.
  let written: WriteResult;
  try {
    written = await writeFiles(args.out, documents, { force: args.force, retire: await packDocumentNames(options) });
  } catch (error) {
    // Worded by reportFailure; with --json, the files kept as they were are listed too.
    if (!isWriteError(error) || !args.json) throw error;
    process.stdout.write(`${JSON.stringify(writeFailureJson(error, lang), null, 2)}\n`);
    process.exitCode = error instanceof InputError ? EXIT_INPUT : EXIT_RUNTIME;
    return;
  }
  const files = documents.map((doc, i) => ({
    kind: doc.kind,
    lang: doc.lang,
    path: written.files[i]!.path,
    status: written.files[i]!.status,
    pages: doc.pages,
    bytes: doc.bytes.length,
  }));
  // The same notice comes with each document that prints the field: said once.
  const notices = [...new Map(documents.flatMap((doc) => doc.notices).map((n) => [JSON.stringify(n), n])).values()];
  // A notice is information, not a mistake: its field's label, no hint of what the field expects.
  const noticeLines = notices.map((notice) => {
    const worded = wordProblem(notice, lang, CLI_LABELS);
    return { ...notice, message: worded.label === undefined ? worded.message : `${worded.label}: ${worded.message}` };
  });
  const earlierRemoved = written.retired.map((name) => join(written.dir, name));
  if (args.json) {
    process.stdout.write(
      `${JSON.stringify({ ok: true, files, earlierRemoved, recovered: written.recovered, warnings: noticeLines }, null, 2)}\n`,
    );
    return;
  }
  for (const line of describeRecovery(written.recovered, written.dir, lang))
    process.stderr.write(`sim-cancel: ${line}\n`);
  for (const doc of files) {
    process.stdout.write(
      `${statusWord(doc.status, lang)}  ${show(doc.path)}  (${doc.kind}, ${doc.lang}, ${doc.pages} page${doc.pages > 1 ? "s" : ""}, ${formatSize(doc.bytes)})\n`,
    );
  }
  for (const path of earlierRemoved) process.stdout.write(`${retiredLine(path, lang)}\n`);
  for (const notice of noticeLines) process.stdout.write(`note: ${notice.message}\n`);
}

export const generateCommand: CommandModule<object, GenerateArgs> = {
  // The default command: main.ts adds "generate" when no command is named.
  command: "generate",
  describe: "Write the checklist and the request letter as PDFs (the default command)",
  builder: (y) =>
    outputOptions(
      y
        .options(DETAIL_OPTIONS)
        .group(Object.keys(DETAIL_OPTIONS), "Your details:")
        .option("details", {
          type: "string",
          requiresArg: true,
          describe: "Read details from a YAML or JSON file (- for standard input); flags win",
          group: "Input:",
        })
        .option("sample", { type: "boolean", describe: "Use the bundled fictional sample details", group: "Input:" })
        .option("pack", {
          type: "string",
          requiresArg: true,
          describe: "Use a carrier pack folder instead of the bundled one (see docs/templates.md)",
          group: "Input:",
        })
        .option("templates", {
          type: "string",
          requiresArg: true,
          describe: "A folder of templates replacing the pack's ones of the same file name",
          group: "Input:",
        })
        .option("input", {
          type: "boolean",
          default: true,
          describe: "Ask for missing details in a terminal (--no-input never asks)",
          group: "Input:",
        })
        .conflicts("sample", "details"),
    )
      .option("out", {
        type: "string",
        requiresArg: true,
        default: "output",
        describe: "Folder for the PDFs",
        group: "Output:",
      })
      .example("$0 --sample", "Both PDFs from the bundled sample details")
      .example(
        '$0 --name "Xiaoming WANG" --phone "76 12 34" --plan postpaid',
        "Your own details",
      ) as unknown as Argv<GenerateArgs>,
  handler: async (args) => {
    try {
      await run(args);
    } catch (error) {
      process.exitCode = reportFailure(error, args.json, args.lang ?? "zh-Hans");
    }
  },
};
