/**
 * `sim-cancel init [FILE]`: a commented details file to fill in, in the user's language.
 */
import type { Argv, CommandModule } from "yargs";
import { detailsCommand, scaffoldPack, writeDetailsTemplate } from "./init.js";
import { reportFailure } from "./report.js";

interface InitArgs {
  file: string;
  pack?: string;
  lang: string;
  force: boolean;
}

export const initCommand: CommandModule<object, InitArgs> = {
  command: "init [file]",
  describe: "Write a commented details file to fill in",
  builder: (y) =>
    y
      .positional("file", { type: "string", default: "details.yaml", describe: "Where to write it" })
      .option("lang", {
        type: "string",
        requiresArg: true,
        default: "zh-Hans",
        describe: "Language of the comments: zh-Hans, zh-Hant, en, fr",
      })
      .option("pack", {
        type: "string",
        requiresArg: true,
        describe: "Instead, copy the bundled carrier pack into this folder to make your own",
      })
      .option("force", {
        type: "boolean",
        default: false,
        describe: "Replace an existing file",
      }) as unknown as Argv<InitArgs>,
  handler: async (args) => {
    try {
      if (args.pack) {
        const dir = await scaffoldPack(args.pack, args.force);
        process.stdout.write(
          `${dir}\nEdit pack.yaml and the templates (see docs/templates.md), then run: npx sim-cancel --pack ${args.pack} --details details.yaml\n`,
        );
        return;
      }
      const written = await writeDetailsTemplate(args.file, args.lang, args.force);
      process.stdout.write(`${written}\nFill it in, then run: ${detailsCommand(args.file)}\n`);
    } catch (error) {
      process.exitCode = reportFailure(error, false, args.lang);
    }
  },
};
