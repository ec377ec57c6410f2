/**
 * `sim-cancel init`: writes a commented details file to fill in, in the user's language.
 */
import { cp, readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../errors.js";
import { resolveMessageLang } from "../messages/catalogue.js";
import { BUNDLED_PACK_DIR, CLI_TEXTS_DIR } from "../paths.js";
import { pathExists, writeAll } from "./write.js";

/** In templates/cli/details.*.yaml, stands for the file being written, as a shell argument. */
export const FILE_PLACEHOLDER = "{{file}}";

const SAFE_ARG = /^[\w./:@%+,=-]+$/;
// Line breaks (YAML 1.1's too) and other control characters: kept out of the header comment.
const CONTROL = /[\u0000-\u001f\u007f\u0085\u2028\u2029]/;

/** `file` as one shell word: bare when it needs no quoting, otherwise quoted, always on one line. */
export function shellArg(file: string): string {
  // "-" alone would mean standard input to --details, "-x" an option: "./" keeps them file names.
  if (file.startsWith("-")) file = `./${file}`;
  if (SAFE_ARG.test(file)) return file;
  if (!CONTROL.test(file)) return `'${file.replaceAll("'", `'\\''`)}'`;
  const escaped = [...file]
    .map((ch) => {
      if (ch === "\\" || ch === "'") return `\\${ch}`;
      if (!CONTROL.test(ch)) return ch;
      const code = ch.codePointAt(0)!;
      return code < 0x80 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
    })
    .join("");
  return `$'${escaped}'`;
}

/** The command that reads the details file written by init. */
export function detailsCommand(file: string): string {
  return `npx sim-cancel --details ${shellArg(file)}`;
}

export async function writeDetailsTemplate(file: string, lang: string, force: boolean): Promise<string> {
  const path = resolve(file);
  // writeAll's own message is generate's (it suggests --out, which init does not have).
  if (!force && (await pathExists(path))) {
    throw new InputError([{ code: "write.initExists", params: { path } }]);
  }
  const text = await readFile(join(CLI_TEXTS_DIR, `details.${resolveMessageLang(lang)}.yaml`), "utf8");
  const bytes = new TextEncoder().encode(text.split(FILE_PLACEHOLDER).join(shellArg(file)));
  const [written] = await writeAll(dirname(path), [{ fileName: basename(path), bytes }], force);
  return written!;
}

/** `init --pack DIR`: a copy of the bundled pack to edit into another carrier's. */
export async function scaffoldPack(dir: string, force: boolean): Promise<string> {
  if (!force && (await pathExists(dir))) throw new InputError([{ code: "write.packFolderExists", params: { dir } }]);
  await cp(BUNDLED_PACK_DIR, dir, { recursive: true, force: true });
  return dir;
}
