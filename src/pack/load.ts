/**
 * Loads a carrier pack folder: pack.yaml validated (problems name the file, the path in it and its
 * line), and its templates checked to exist for every declared language.
 *
 * A pack is someone else's input, so it is held to the same limits as a user's files: every file
 * it names is read through input/read.ts (size limits, no devices), and must resolve inside the
 * pack's own folder (real paths: a symbolic link out of the folder is refused), as must a
 * templates folder's files (the templatesDir option) inside that folder. Language tags are BCP 47 (schema.ts), so a
 * template's or a document's file name can never hold a path.
 */
import { realpath } from "node:fs/promises";
import { join, sep } from "node:path";
import { parseDocument } from "yaml";
import type { MessageCode, Problem } from "../problems.js";
import type { DocumentKind, Pack } from "./types.js";
import { crossCheck, factReferences, formatPath, packSchema, type PackData } from "./schema.js";
import { PREBUILT_PACKS } from "./prebuilt.js";
import { InputError, PackError } from "../errors.js";
import { decodeUtf8, readLimited } from "../input/read.js";

export { PackError };
export type { DocumentKind };

export const PACK_FILE = "pack.yaml";
/** pack.yaml is some 50 KB with four languages; a megabyte is room for many more. */
export const MAX_PACK_BYTES = 1024 * 1024;
/** A template is a few KB; 128 KB of wording would print dozens of pages. */
export const MAX_TEMPLATE_BYTES = 128 * 1024;

/**
 * A template's file name: `letter.fr.md.hbs` for one language, `letter.md.hbs` (no language) for
 * the template every language shares when it has none of its own.
 */
export function templateFileName(kind: DocumentKind, lang?: string): string {
  return lang === undefined ? `${kind}.md.hbs` : `${kind}.${lang}.md.hbs`;
}

/**
 * Where a template may be, first found wins: the user's folder before the pack's, and in each the
 * language's own file before the shared one. A user's shared `letter.md.hbs` thus replaces every
 * letter of the pack, and their `letter.fr.md.hbs` only the French one.
 */
export function templateCandidates(
  dir: string,
  kind: DocumentKind,
  lang: string,
  overrideDir?: string,
): { dir: string; name: string }[] {
  const names = [templateFileName(kind, lang), templateFileName(kind)];
  return [
    ...(overrideDir ? names.map((name) => ({ dir: overrideDir, name })) : []),
    ...names.map((name) => ({ dir, name })),
  ];
}

/** Line (1-based) of a value in the YAML source, for messages; undefined when not found. */
function lineOf(doc: ReturnType<typeof parseDocument>, text: string, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node && typeof node === "object" && node.range) return text.slice(0, node.range[0]).split("\n").length;
  }
  return undefined;
}

/**
 * A pack.yaml's text parsed and validated: the pack's data and the problems found across its
 * parts (reported together with the template checks); a YAML or schema error throws at once.
 * `file` is the path used in messages.
 */
export function parsePackText(file: string, text: string): { data: PackData; problems: Problem[] } {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new PackError(
      doc.errors.map((e) => ({
        code: "pack.yamlSyntax",
        at: { file, line: e.linePos?.[0]?.line, column: e.linePos?.[0]?.col },
        params: { detail: e.message.split("\n")[0]! },
      })),
    );
  }
  // "pack.yaml, line 42: steps[1].title: missing en": the file, the line, the value at fault.
  const place = (path: readonly PropertyKey[]) => {
    const line = lineOf(doc, text, path);
    return { file, ...(line !== undefined ? { line } : {}) };
  };
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new PackError([{ code: "pack.yamlSyntax", at: { file }, params: { detail: (error as Error).message } }]);
  }
  const parsed = packSchema().safeParse(js);
  if (!parsed.success) {
    throw new PackError(
      parsed.error.issues.map((issue): Problem => {
        // Our own checks carry their code and parameters (see schema.ts); zod's say it in English.
        const custom =
          issue.code === "custom"
            ? (issue.params as { code?: MessageCode; params?: Record<string, string> } | undefined)
            : undefined;
        const path = formatPath(issue.path) || "(top level)";
        return custom?.code
          ? { code: custom.code, at: place(issue.path), params: { path, ...custom.params } }
          : { code: "pack.schema", at: place(issue.path), params: { path, detail: issue.message } };
      }),
    );
  }
  return {
    data: parsed.data,
    problems: crossCheck(parsed.data).map(({ path, code, params }) => ({
      code,
      at: place(path),
      params: { path: formatPath(path), ...params },
    })),
  };
}

/** Whether `path` lies inside the folder `dir` (both real paths). */
function isInside(path: string, dir: string): boolean {
  return path.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/**
 * A file of a folder (a pack's, or a user's templates folder), read within `maxBytes`, after
 * checking that its real path stays inside the folder's; undefined when there is no such file.
 */
export async function readFolderFile(
  dir: string,
  name: string,
  maxBytes: number,
): Promise<{ source: string; file: string } | undefined> {
  const file = join(dir, name);
  let real: string;
  let realDir: string;
  try {
    [real, realDir] = await Promise.all([realpath(file), realpath(dir)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new PackError([
      {
        code: "file.unreadable",
        at: { file },
        params: { reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message },
      },
    ]);
  }
  if (!isInside(real, realDir))
    throw new PackError([{ code: "pack.outsideFolder", at: { file }, params: { path: real, dir: realDir } }]);
  try {
    return { source: decodeUtf8(await readLimited(real, { maxBytes }), file), file };
  } catch (error) {
    // The reader's problems name the real path; the author knows the file by its name here.
    if (error instanceof InputError) throw new PackError(error.problems.map((p) => ({ ...p, at: { ...p.at, file } })));
    throw error;
  }
}

export async function loadPack(dir: string): Promise<Pack> {
  const file = join(dir, PACK_FILE);
  let text: string;
  try {
    const read = await readFolderFile(dir, PACK_FILE, MAX_PACK_BYTES);
    if (!read) throw new PackError([{ code: "pack.unreadable", at: { file }, params: { dir, reason: "ENOENT" } }]);
    text = read.source;
  } catch (error) {
    if (error instanceof PackError && error.problems[0]?.code === "file.unreadable") {
      throw new PackError([
        {
          code: "pack.unreadable",
          at: { file },
          params: { dir, reason: String(error.problems[0].params?.["reason"]) },
        },
      ]);
    }
    throw error;
  }
  const prebuilt = PREBUILT_PACKS.get(text);
  const { data, problems } = prebuilt ? { data: prebuilt, problems: [] } : parsePackText(file, text);
  const pack: Pack = { ...data, dir };
  const letterLanguages = [...new Set([...pack.letterLanguages, ...pack.languages])];
  const kinds = [
    ["checklist", pack.languages],
    ["letter", letterLanguages],
    ["proxy", letterLanguages],
  ] as const;
  // Every template file a document may use, shared or per language; read together: one after
  // another, the waits for a dozen small files added up.
  const names = [
    ...new Set(
      kinds.flatMap(([kind, languages]) =>
        languages.flatMap((lang) => templateCandidates(dir, kind, lang).map((c) => c.name)),
      ),
    ),
  ];
  const read = new Map(
    await Promise.all(names.map(async (name) => [name, await readFolderFile(dir, name, MAX_TEMPLATE_BYTES)] as const)),
  );
  for (const [kind, languages] of kinds) {
    for (const lang of languages) {
      if (templateCandidates(dir, kind, lang).some(({ name }) => read.get(name) !== undefined)) continue;
      problems.push({
        code: "pack.templateMissing",
        at: { file: join(dir, templateFileName(kind, lang)) },
        params: { kind },
      });
    }
  }
  for (const [name, source] of read) {
    if (source === undefined) continue;
    for (const fact of factReferences(source.source))
      if (!(fact in pack.facts))
        problems.push({ code: "pack.unknownFact", at: { file: source.file }, params: { path: name, fact } });
  }
  if (problems.length > 0) throw new PackError(problems);
  return pack;
}

/** Templates read once per process, like their pack (same reasons); failures are not kept. */
const templates = new Map<string, Promise<{ source: string; file: string }>>();

export function readTemplateOnce(
  pack: Pack,
  kind: DocumentKind,
  lang: string,
  overrideDir?: string,
): Promise<{ source: string; file: string }> {
  const key = [pack.dir, kind, lang, overrideDir ?? ""].join("\u0000");
  let template = templates.get(key);
  if (!template) {
    template = readTemplate(pack, kind, lang, overrideDir);
    templates.set(key, template);
    template.catch(() => templates.delete(key));
  }
  return template;
}

/**
 * A template's source, from the first of templateCandidates that exists: `overrideDir` (a user's
 * own wording, the templatesDir option) before the pack, a language's own file before the shared one.
 */
export async function readTemplate(
  pack: Pack,
  kind: DocumentKind,
  lang: string,
  overrideDir?: string,
): Promise<{ source: string; file: string }> {
  for (const { dir, name } of templateCandidates(pack.dir, kind, lang, overrideDir)) {
    const found = await readFolderFile(dir, name, MAX_TEMPLATE_BYTES);
    if (found) return found;
  }
  throw new PackError([
    { code: "pack.templateMissing", at: { file: join(pack.dir, templateFileName(kind, lang)) }, params: { kind } },
  ]);
}

/**
 * A pack loaded once per process and folder: a batch or a server renders many documents from the
 * same pack, and parsing and validating it again each time was a sixth of a warm run.
 * A failed load is not kept, so a corrected pack is read again.
 */
const loaded = new Map<string, Promise<Pack>>();

export function loadPackOnce(dir: string): Promise<Pack> {
  let pack = loaded.get(dir);
  if (!pack) {
    pack = loadPack(dir);
    loaded.set(dir, pack);
    pack.catch(() => loaded.delete(dir));
  }
  return pack;
}
