/**
 * A person's documents as the tool's own document model (DocModel), built with the library's
 * stages from dist/ exactly as src/generate.ts does before layout: options -> details -> pack
 * templates -> compose. Used to give Typst the same content as ours (bench/typst-markup.mjs).
 *
 *   const models = await docModels(SAMPLE_DETAILS);                       // [{ kind, model }, ...]
 *   const other = await docModels({ ...SAMPLE_DETAILS, name: "Mei LI 7" });
 *
 * Build first (npm run build).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = (path) => import(join(root, "dist", path));
const [{ resolveOptions }, { validateDetails }, { readTemplateOnce }, { composeDocument }] = await Promise.all([
  dist("options.js"),
  dist("details/index.js"),
  dist("pack/index.js"),
  dist("compose/index.js"),
]);

export const SAMPLE_DETAILS = parse(readFileSync(join(root, "samples", "details.yaml"), "utf8"));

/**
 * The models generate() would lay out for these details and options (default: those of
 * `generate --sample`, a zh-Hans checklist and a French letter with its translation).
 */
export async function docModels(input, options = {}) {
  const resolved = await resolveOptions(options);
  const { pack, lang, letterLang, translation, templatesDir } = resolved;
  const validated = validateDetails(input, { today: resolved.today });
  if (!validated.ok) throw new Error(`details rejected: ${JSON.stringify(validated.problems)}`);
  const details = validated.details;
  const kinds = details.channel === "proxy" ? ["checklist", "letter", "proxy"] : ["checklist", "letter"];
  const templates = new Map();
  for (const kind of kinds) {
    const languages = kind === "checklist" ? [lang] : translation ? [letterLang, lang] : [letterLang];
    for (const templateLang of new Set(languages)) {
      const { source, file } = await readTemplateOnce(pack, kind, templateLang, templatesDir);
      templates.set(`${kind}/${templateLang}`, { name: file, source });
    }
  }
  const lookup = (kind, templateLang) => templates.get(`${kind}/${templateLang}`);
  return kinds.map((kind) => ({
    kind,
    model: composeDocument(kind, details, pack, lookup, { lang, letterLang, translation }),
  }));
}
