/**
 * `sim-cancel init`: writes a commented details file to fill in, in the user's language.
 */
import { lstat, readdir, readFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../errors.js";
import { resolveMessageLang } from "../messages/catalogue.js";
import { BUNDLED_PACK_DIR, CLI_TEXTS_DIR } from "../paths.js";
import { isWriteError, writeFiles, type FileToWrite } from "../write/index.js";

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
  const text = await readFile(join(CLI_TEXTS_DIR, `details.${resolveMessageLang(lang)}.yaml`), "utf8");
  const bytes = new TextEncoder().encode(text.split(FILE_PLACEHOLDER).join(shellArg(file)));
  try {
    const written = await writeFiles(dirname(path), [{ fileName: basename(path), bytes }], { force });
    return written.files[0]!.path;
  } catch (error) {
    // The writer's refusal suggests --out, which init does not have: init's own words instead.
    if (isWriteError(error) && error.problems.some((p) => p.code === "write.exists"))
      throw new InputError([{ code: "write.initExists", params: { path } }]);
    throw error;
  }
}

/** The bundled pack's files (pack.yaml and its templates): one flat folder. */
async function bundledPackFiles(): Promise<FileToWrite[]> {
  const entries = await readdir(BUNDLED_PACK_DIR, { withFileTypes: true });
  const other = entries.find((entry) => !entry.isFile());
  // The writer writes one folder's files; a sub-folder in the bundled pack would be a packaging bug.
  if (other) throw new Error(`the bundled pack holds something other than a file: ${other.name}`);
  const names = entries.map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (fileName) => ({ fileName, bytes: await readFile(join(BUNDLED_PACK_DIR, fileName)) })),
  );
}

/**
 * `init --pack DIR`: a copy of the bundled pack to edit into another carrier's, written by the one
 * writer as a set: complete or not at all, under the folder's lock; with --force an edited pack's
 * files are set aside and put back if anything fails, and the person's other files stay.
 */
export async function scaffoldPack(dir: string, force: boolean): Promise<string> {
  // Anything at that name, a dangling symlink too, is kept without --force.
  if (
    !force &&
    (await lstat(dir).then(
      () => true,
      () => false,
    ))
  )
    throw new InputError([{ code: "write.packFolderExists", params: { dir } }]);
  const written = await writeFiles(dir, await bundledPackFiles(), { force });
  return written.dir;
}
