/**
 * `sim-cancel init`: writes a commented details file to fill in, in the user's language.
 */
import { readFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { resolveMessageLang } from "../details/index.js";
import { CLI_TEXTS_DIR } from "../paths.js";
import { writeAll } from "./write.js";

export async function writeDetailsTemplate(file: string, lang: string, force: boolean): Promise<string> {
  const bytes = await readFile(join(CLI_TEXTS_DIR, `details.${resolveMessageLang(lang)}.yaml`));
  const [written] = await writeAll(dirname(file), [{ fileName: basename(file), bytes }], force);
  return written!;
}
