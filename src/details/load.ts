/**
 * Reads a details file (YAML, or JSON, which is YAML too) into raw DetailsInput. Only the file's
 * shape is checked here: a mapping of known field names. The values are validated by
 * validateDetails, like values from any other source.
 */
import { isAlias, isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import type { DetailsInput } from "./types.js";
import { FIELD_NAMES, fieldFromKey, toKebab, type FieldName } from "./fields.js";
import { fieldError, type FieldError } from "./messages.js";
import { formatCodePoint, findUnsafeChar } from "./text.js";

export type LoadResult = { ok: true; input: DetailsInput } | { ok: false; errors: FieldError[] };

/** Optimal string alignment distance: edits plus swaps of neighbours ("phnoe" is 1 from "phone"). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The field a misspelt key most likely meant, in the user's own style (kebab or camel). */
function suggestField(key: string): string | undefined {
  // Case and separators do not count: "Customer_Number" is 0 away from "customerNumber".
  const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, "");
  const wanted = squash(key);
  let best: { field: FieldName; distance: number } | undefined;
  for (const field of FIELD_NAMES) {
    const distance = editDistance(wanted, squash(field));
    if (!best || distance < best.distance) best = { field, distance };
  }
  // Short keys get less slack, or "plan" would be suggested for "name".
  if (!best || best.distance > (wanted.length > 5 ? 2 : 1)) return undefined;
  return key.includes("-") ? toKebab(best.field) : best.field;
}

/** A key echoed in a message: characters that could garble the terminal are shown as U+XXXX. */
function showKey(key: string): string {
  let shown = "";
  for (const char of key) shown += findUnsafeChar(char) || char === "\n" || char === "\r" ? `<${formatCodePoint(char.codePointAt(0)!)}>` : char;
  return shown;
}

/**
 * A value as the user wrote it. Numbers keep their source text: YAML reads `phone: +687761234`
 * as 687761234 and `customerNumber: 0042137` as 42137, losing what makes them right.
 */
function plainValue(node: unknown, doc: Document): unknown {
  if (isAlias(node)) return plainValue(node.resolve(doc), doc);
  if (isScalar(node)) return typeof node.value === "number" && node.source !== undefined ? node.source : node.value;
  if (isSeq(node)) return node.items.map((item) => plainValue(item, doc));
  return (node as Node | null)?.toJS(doc) ?? null;
}

function jsonError(text: string, error: Error, source: string): FieldError {
  // V8 gives a position for some JSON errors ("... in JSON at position 42") but not all.
  const at = /at position (\d+)/.exec(error.message);
  if (!at) return fieldError(source, "file.jsonSyntaxUnplaced", { detail: error.message });
  const before = text.slice(0, Number(at[1])).split("\n");
  return fieldError(source, "file.jsonSyntax", { line: before.length, column: before.at(-1)!.length + 1, detail: error.message });
}

/** Parses a details file. `sourceName` (a path, or "standard input") labels the errors. */
export function parseDetailsText(text: string, sourceName: string): LoadResult {
  const content = text.replace(/^\uFEFF/, "");
  // JSON is YAML, but YAML's error for a JSON slip (a trailing comma, a single quote) would be
  // about YAML: when the file is meant as JSON, JSON's own parser judges its syntax.
  if (/\.json$/i.test(sourceName) || /^\s*[{[]/.test(content)) {
    try {
      JSON.parse(content);
    } catch (error) {
      return { ok: false, errors: [jsonError(content, error as Error, sourceName)] };
    }
  }

  const lineCounter = new LineCounter();
  const doc = parseDocument(content, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    // The parser often reports a second, derived error at the same place: the first says more.
    const byPlace = new Map<string, FieldError>();
    for (const e of doc.errors) {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      if (!byPlace.has(`${line}:${col}`)) byPlace.set(`${line}:${col}`, fieldError(sourceName, "file.yamlSyntax", { line, column: col, detail: e.message }));
    }
    return { ok: false, errors: [...byPlace.values()] };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null)) {
    return { ok: false, errors: [fieldError(sourceName, "file.empty")] };
  }
  if (!isMap(doc.contents)) return { ok: false, errors: [fieldError(sourceName, "file.notMapping")] };

  const input: Record<string, unknown> = {};
  const keyOf = new Map<FieldName, string>();
  const errors: FieldError[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineCounter.linePos(isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0).line;
    const field = fieldFromKey(key);
    if (!field) {
      const suggestion = suggestField(key);
      errors.push(
        suggestion
          ? fieldError(sourceName, "file.unknownKeySuggestion", { line, key: showKey(key), suggestion })
          : fieldError(sourceName, "file.unknownKey", { line, key: showKey(key), fields: FIELD_NAMES.join(", ") }),
      );
      continue;
    }
    const other = keyOf.get(field);
    if (other !== undefined) {
      errors.push(fieldError(sourceName, "file.duplicateKey", { line, key, other }));
      continue;
    }
    keyOf.set(field, key);
    input[field] = plainValue(pair.value, doc);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, input: input as DetailsInput };
}
