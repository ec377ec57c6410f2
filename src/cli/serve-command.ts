/**
 * `sim-cancel serve`: the web form, for people who never open a terminal (see src/web/). The
 * server and its library are loaded only when this command runs, from the built modules
 * (dist/web/), never from the command line's one-file bundle: no other command pays for them.
 * require() rather than import(): the bundle runs in a vm script, which has no dynamic import,
 * and Node.js >= 20.19 (this package's engines) requires ES modules.
 */
import { createRequire } from "node:module";
import { join } from "node:path";
import type { CommandModule } from "yargs";
import { PROJECT_ROOT } from "../paths.js";
import { reportFailure } from "./report.js";
import type { ServeArgs } from "../web/serve.js";

const SERVE_MODULE = join(PROJECT_ROOT, "dist", "web", "serve.js");

export const serveCommand: CommandModule<object, ServeArgs> = {
  command: "serve",
  describe:
    "Open the web form: make the documents in a browser, on this computer (or, with --lan, from phones on the local network)",
  builder: (y) =>
    y
      .option("port", { type: "number", default: 0, describe: "Port to listen on (0: a free port)" })
      .option("lan", {
        type: "boolean",
        default: false,
        describe: "Listen on the local network too; the printed address and QR code hold an access token",
      })
      .option("open", { type: "boolean", default: false, describe: "Open the page in the default browser" })
      .option("lang", {
        type: "string",
        requiresArg: true,
        describe:
          "Language of what is printed here: zh-Hans (default), zh-Hant, en, fr; the page follows the browser's",
      })
      .example("$0 serve --open", "Start the form on this computer and open it")
      .example("$0 serve --lan", "Share it with phones on the same Wi-Fi (scan the QR code)") as never,
  handler: async (args) => {
    try {
      const { runServe } = createRequire(import.meta.url)(SERVE_MODULE) as typeof import("../web/serve.js");
      process.exitCode = await runServe(args);
    } catch (error) {
      process.exitCode = reportFailure(error, false, args.lang ?? "zh-Hans");
    }
  },
};
