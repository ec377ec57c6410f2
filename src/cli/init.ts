/**
 * `sim-cancel init`: writes a commented details file to fill in, in the user's language.
 */
import { cp, readFile, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { resolveMessageLang } from "../details/index.js";
import { BUNDLED_PACK_DIR, CLI_TEXTS_DIR } from "../paths.js";
import { writeAll, WriteError } from "./write.js";

export async function writeDetailsTemplate(file: string, lang: string, force: boolean): Promise<string> {
  const bytes = await readFile(join(CLI_TEXTS_DIR, `details.${resolveMessageLang(lang)}.yaml`));
  const [written] = await writeAll(dirname(file), [{ fileName: basename(file), bytes }], force);
  return written!;
}

/** `init --pack DIR`: a copy of the bundled pack to edit into another carrier's. */
export async function scaffoldPack(dir: string, force: boolean): Promise<string> {
  const exists = await stat(dir).then(() => true, () => false);
  if (exists && !force) throw new WriteError(`${dir} already exists; nothing was written. Use --force to write into it, or choose another folder`, true);
  await cp(BUNDLED_PACK_DIR, dir, { recursive: true, force: true });
  return dir;
}
