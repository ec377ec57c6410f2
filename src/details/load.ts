/**
 * Reads a details file's text (YAML, or JSON) into raw DetailsInput. Only the file's shape is
 * checked here: a mapping of known field names to text or lists of text. The values are validated
 * by validateDetails, like values from any other source.
 *
 * Limits hold by design, through the libraries' own mechanisms: JSON is parsed by JSON.parse
 * (never by the YAML parser, whose recursion a deep but valid JSON file could exhaust) and its
 * depth checked; YAML aliases are expanded only by the YAML library, under its alias limit; and
 * values nested deeper than a details file can be are refused before anything is converted.
 */
import {
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type DocumentOptions,
  type Node,
  type ParseOptions,
  type SchemaOptions,
} from "yaml";
import type { Problem } from "../problems.js";
import { jsonErrorPlace } from "../input/json.js";
import type { DetailsInput } from "./types.js";
import { FIELD_NAMES, fieldFromKey, toKebab, type FieldName } from "./fields.js";

export type LoadResult = { ok: true; input: DetailsInput } | { ok: false; problems: Problem[] };

/** A details file is a few hundred bytes; this leaves room for comments in four languages. */
export const MAX_DETAILS_BYTES = 64 * 1024;
/** A mapping of fields whose values are text or a list of lines: two levels, three with slack. */
const MAX_DEPTH = 3;
/** Each value's alias expansion (the YAML library's own count); real details need none. */
const MAX_ALIAS_COUNT = 20;
/** Unknown keys named one by one; past these, a count ("and 39,995 more"). */
const MAX_UNKNOWN_SHOWN = 5;
/** Keys longer than this are not compared with the fields for a suggestion (the cost is quadratic). */
const MAX_SUGGESTED_KEY = 40;

/** Optimal string alignment distance: edits plus swaps of neighbours ("phnoe" is 1 from "phone"). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/** The field a misspelt key most likely meant, in the user's own style (kebab or camel). */
export function suggestField(key: string): string | undefined {
  if (key.length > MAX_SUGGESTED_KEY) return undefined;
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

/**
 * The problems of unknown keys: the first few by name (with a suggestion when one is close), the
 * rest as a count, so 40,000 unknown keys make six messages, not 40,000.
 */
export function unknownKeyProblems(
  keys: readonly { key: string; line?: number }[],
  at: { file?: string; row?: number },
): Problem[] {
  const problems = keys.slice(0, MAX_UNKNOWN_SHOWN).map(({ key, line }): Problem => {
    const suggestion = suggestField(key);
    const place = { ...at, ...(line !== undefined ? { line } : {}) };
    return suggestion
      ? { code: "file.unknownKeySuggestion", at: place, params: { key, suggestion } }
      : { code: "file.unknownKey", at: place, params: { key, fields: FIELD_NAMES.join(", ") } };
  });
  if (keys.length > MAX_UNKNOWN_SHOWN)
    problems.push({ code: "file.unknownKeysMore", at, params: { count: keys.length - MAX_UNKNOWN_SHOWN } });
  return problems;
}

/** How deep a JSON value nests, counting only up to `limit` + 1 (no recursion, any depth). */
function jsonDepthExceeds(value: unknown, limit: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: item, depth } = stack.pop()!;
    if (item === null || typeof item !== "object") continue;
    if (depth + 1 > limit) return true;
    for (const child of Object.values(item)) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/** The same for a YAML node; aliases count as leaves (their expansion is the library's to limit). */
function yamlDepthExceeds(node: unknown, limit: number): boolean {
  const stack: { node: unknown; depth: number }[] = [{ node, depth: 0 }];
  while (stack.length > 0) {
    const { node: item, depth } = stack.pop()!;
    if (!isMap(item) && !isSeq(item)) continue;
    if (depth + 1 > limit) return true;
    for (const child of item.items) {
      if (isNode(child)) stack.push({ node: child, depth: depth + 1 });
      else if (child && typeof child === "object" && "value" in child)
        stack.push({ node: (child as { value: unknown }).value, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * YAML's core schema without numbers: `phone: +687761234` and `customerNumber: 0042137` stay the
 * text the user typed (as numbers they would lose their + and 0). true/false and null keep their
 * meaning (a wrong type, and "not given").
 */
const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  customTags: (tags) => tags.filter((tag) => typeof tag !== "object" || !/:(int|float)$/.test(tag.tag)),
  prettyErrors: false,
  uniqueKeys: true,
};

function toPlain(
  node: unknown,
  doc: Document,
  file: string,
): { ok: true; value: unknown } | { ok: false; problem: Problem } {
  try {
    return { ok: true, value: isNode(node) ? (node as Node).toJS(doc, { maxAliasCount: MAX_ALIAS_COUNT }) : null };
  } catch (error) {
    return { ok: false, problem: { code: "file.aliases", at: { file }, params: { detail: (error as Error).message } } };
  }
}

/** Parses a details file. `sourceName` (a path, or "standard input") labels the problems. */
export function parseDetailsText(text: string, sourceName: string): LoadResult {
  const file = sourceName;
  const fail = (problem: Problem): LoadResult => ({ ok: false, problems: [problem] });
  const content = text.replace(/^\uFEFF/, "");
  // JSON is YAML, but YAML's error for a JSON slip (a trailing comma, a single quote) would be
  // about YAML, and its parser recurses: JSON's own parser judges JSON, and its depth is checked
  // before the YAML parser (which gives the keys' lines) ever sees it.
  if (/\.json$/i.test(sourceName) || /^\s*[{[]/.test(content)) {
    let value: unknown;
    try {
      value = JSON.parse(content);
    } catch (error) {
      return fail({
        code: "file.jsonSyntax",
        at: { file, ...jsonErrorPlace(content, (error as Error).message) },
        params: { detail: (error as Error).message },
      });
    }
    if (jsonDepthExceeds(value, MAX_DEPTH))
      return fail({ code: "file.tooDeep", at: { file }, params: { max: MAX_DEPTH } });
  }

  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(content, { ...YAML_OPTIONS, lineCounter });
  } catch (error) {
    // The parser's own recursion on absurd nesting: the text is still only 64 KB at most.
    if (error instanceof RangeError) return fail({ code: "file.tooDeep", at: { file }, params: { max: MAX_DEPTH } });
    throw error;
  }
  // The YAML library catches its own stack overflow on absurd nesting and reports it as an error.
  if (doc.errors.some((e) => /call stack/i.test(e.message)))
    return fail({ code: "file.tooDeep", at: { file }, params: { max: MAX_DEPTH } });
  if (doc.errors.length > 0) {
    // The parser often reports a second, derived error at the same place: the first says more.
    const byPlace = new Map<string, Problem>();
    for (const e of doc.errors) {
      const { line, col } = lineCounter.linePos(e.pos[0]);
      if (!byPlace.has(`${line}:${col}`))
        byPlace.set(`${line}:${col}`, {
          code: "file.yamlSyntax",
          at: { file, line, column: col },
          params: { detail: e.message },
        });
    }
    return { ok: false, problems: [...byPlace.values()] };
  }
  if (doc.contents === null || (isScalar(doc.contents) && doc.contents.value === null))
    return fail({ code: "file.empty", at: { file } });
  if (!isMap(doc.contents)) return fail({ code: "file.notMapping", at: { file } });
  if (yamlDepthExceeds(doc.contents, MAX_DEPTH))
    return fail({ code: "file.tooDeep", at: { file }, params: { max: MAX_DEPTH } });

  const input: Record<string, unknown> = {};
  const keyOf = new Map<FieldName, string>();
  const problems: Problem[] = [];
  const unknown: { key: string; line: number }[] = [];
  for (const pair of doc.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const line = lineCounter.linePos(isNode(pair.key) ? (pair.key.range?.[0] ?? 0) : 0).line;
    const field = fieldFromKey(key);
    if (!field) {
      unknown.push({ key, line });
      continue;
    }
    const other = keyOf.get(field);
    if (other !== undefined) {
      problems.push({ code: "file.duplicateKey", at: { file, line }, params: { key, other } });
      continue;
    }
    keyOf.set(field, key);
    const value = toPlain(pair.value, doc, file);
    if (!value.ok) {
      problems.push({ ...value.problem, at: { file, line } });
      continue;
    }
    input[field] = value.value;
  }
  problems.push(...unknownKeyProblems(unknown, { file }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, input: input as DetailsInput };
}
