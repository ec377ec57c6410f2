/**
 * "Save my details": the form's values written into the same commented details file that
 * `sim-cancel init` writes (templates/cli/details.<lang>.yaml), so the file reads the same as
 * one made at a terminal and works with --details; "Load": a details file read by the same
 * reader as --details, back into the form's text fields.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseDocument, type Scalar } from "yaml";
import { FIELD_NAMES, parseDetailsText, type FieldName } from "../details/index.js";
import type { Problem } from "../problems.js";
import { CLI_TEXTS_DIR } from "../paths.js";
import type { WebLang } from "./texts.js";

/** What the page sends: each field's text, "" when empty. */
export type FormValues = Partial<Record<FieldName, string>>;

/** Only the details' own fields, only text: whatever else a request holds is dropped. */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (typeof body !== "object" || body === null) return values;
  for (const field of FIELD_NAMES) {
    const value = (body as Record<string, unknown>)[field];
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

/** The commented details file of `init`, in the page's language, with the values filled in. */
export async function detailsYaml(values: FormValues, lang: WebLang): Promise<string> {
  const template = await readFile(join(CLI_TEXTS_DIR, `details.${lang}.yaml`), "utf8");
  const doc = parseDocument(template.split("{{file}}").join("details.yaml"));
  for (const field of FIELD_NAMES) {
    const value = (values[field] ?? "").replace(/\r\n?/g, "\n");
    // A new node, so the template's "" style is not kept: plain text where YAML allows it, an
    // address's lines as a block ("|"), as a person would write them.
    const node = doc.createNode(value) as Scalar;
    if (value.includes("\n")) node.type = "BLOCK_LITERAL";
    doc.set(field, node);
  }
  return doc.toString({ lineWidth: 0 });
}

export type LoadedDetails = { ok: true; values: FormValues } | { ok: false; problems: Problem[] };

/** A details file as text fields: a list (address lines) joins with line breaks, a number is its digits. */
export function loadDetails(text: string): LoadedDetails {
  const result = parseDetailsText(text, "details.yaml");
  if (!result.ok) return { ok: false, problems: result.problems };
  const values: FormValues = {};
  for (const field of FIELD_NAMES) {
    const raw = result.input[field];
    if (raw === undefined || raw === null) continue;
    if (Array.isArray(raw)) values[field] = raw.map(String).join("\n");
    else if (typeof raw === "string" || typeof raw === "number" || typeof raw === "boolean")
      values[field] = String(raw);
    else values[field] = JSON.stringify(raw);
  }
  return { ok: true, values };
}
