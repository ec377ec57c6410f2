/**
 * Loads a carrier pack folder: pack.yaml validated (errors name the file, the path and, for YAML
 * syntax, the line), and its templates checked to exist for every declared language.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseDocument } from "yaml";
import type { Pack } from "./types.js";
import { crossCheck, factReferences, formatPath, packSchema, type PackData } from "./schema.js";
import { PREBUILT_PACKS } from "./prebuilt.js";

export type DocumentKind = "checklist" | "letter" | "proxy";

import { PackError } from "../errors.js";

export { PackError };

export const PACK_FILE = "pack.yaml";

export function templateFileName(kind: DocumentKind, lang: string): string {
  return `${kind}.${lang}.md.hbs`;
}

/** Line (1-based) of a value in the YAML source, for messages; undefined when not found. */
function lineOf(doc: ReturnType<typeof parseDocument>, text: string, path: readonly PropertyKey[]): number | undefined {
  for (let depth = path.length; depth > 0; depth--) {
    const node = doc.getIn(path.slice(0, depth) as (string | number)[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === "object" && node.range) return text.slice(0, node.range[0]).split("\n").length;
  }
  return undefined;
}

/**
 * A pack.yaml's text parsed and validated: the pack's data and the problems found across its
 * parts (reported together with the template checks); a YAML or schema error throws at once.
 * `file` is the path used in messages.
 */
export function parsePackText(file: string, text: string): { data: PackData; problems: string[] } {
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new PackError(doc.errors.map((e) => `${file}:${e.linePos?.[0]?.line ?? "?"}:${e.linePos?.[0]?.col ?? "?"}: ${e.message.split("\n")[0]}`));
  }
  // "pack.yaml:42: steps[1].title: missing en": the file, the line, the value at fault.
  const describe = (path: readonly PropertyKey[], message: string) => {
    const line = lineOf(doc, text, path);
    return `${file}${line ? `:${line}` : ""}: ${formatPath(path) || "(top level)"}: ${message}`;
  };
  const parsed = packSchema().safeParse(doc.toJS());
  if (!parsed.success) throw new PackError(parsed.error.issues.map((issue) => describe(issue.path, issue.message)));
  return { data: parsed.data, problems: crossCheck(parsed.data).map((problem) => describe(problem.path, problem.message)) };
}

export async function loadPack(dir: string): Promise<Pack> {
  const file = join(dir, PACK_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new PackError([`${file}: cannot read the pack file (is ${dir} a carrier pack folder?)`]);
  }
  const prebuilt = PREBUILT_PACKS.get(text);
  const { data, problems } = prebuilt ? { data: prebuilt, problems: [] } : parsePackText(file, text);
  const pack: Pack = { ...data, dir };
  const letterLanguages = [...new Set([...pack.letterLanguages, ...pack.languages])];
  const expected = ([["checklist", pack.languages], ["letter", letterLanguages], ["proxy", letterLanguages]] as const).flatMap(([kind, languages]) =>
    languages.map((lang) => ({ kind, template: join(dir, templateFileName(kind, lang)) })),
  );
  // Read together: one after another, the waits for a dozen small files added up.
  const sources = await Promise.all(expected.map(({ template }) => readFile(template, "utf8").catch(() => undefined)));
  expected.forEach(({ kind, template }, i) => {
    const source = sources[i];
    if (source === undefined) {
      problems.push(`${template}: missing (every ${kind} language needs its template)`);
      return;
    }
    for (const fact of factReferences(source)) if (!(fact in pack.facts)) problems.push(`${template}: unknown fact "${fact}"`);
  });
  if (problems.length > 0) throw new PackError(problems);
  return pack;
}

/** Templates read once per process, like their pack (same reasons); failures are not kept. */
const templates = new Map<string, Promise<{ source: string; file: string }>>();

export function readTemplateOnce(pack: Pack, kind: DocumentKind, lang: string, overrideDir?: string): Promise<{ source: string; file: string }> {
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
 * A template's source: from `overrideDir` when it holds a file of that name (a user's own wording,
 * `--templates DIR`), else from the pack.
 */
export async function readTemplate(pack: Pack, kind: DocumentKind, lang: string, overrideDir?: string): Promise<{ source: string; file: string }> {
  const name = templateFileName(kind, lang);
  for (const file of overrideDir ? [join(overrideDir, name), join(pack.dir, name)] : [join(pack.dir, name)]) {
    const source = await readFile(file, "utf8").catch(() => undefined);
    if (source !== undefined) return { source, file };
  }
  throw new PackError([`${join(pack.dir, name)}: missing`]);
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
