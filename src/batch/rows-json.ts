/**
 * JSON rows: a JSON array of objects, or JSON Lines (one object per line). The array is split
 * into its elements by a small scanner, so only one element is in memory at a time however long
 * the file; each element, and each line, is then read with JSON.parse. A slip inside one element
 * or line is that row's problem; a file that is not an array at all is bad input.
 */
import { createReadStream } from "node:fs";
import { createInterface } from "node:readline";
import { fieldError, formatError } from "../details/index.js";
import { InputError } from "../errors.js";
import { objectToRow, unreadable, type ReadOptions, type SourceRow } from "./source-row.js";

/** Longest element accepted: a person's details are a few hundred bytes. */
const MAX_ELEMENT = 1024 * 1024;

/** A JSON.parse failure as a row problem, placed in the file where V8 says where. */
function syntaxProblem(file: string, text: string, error: Error, firstLine: number, options: ReadOptions): string {
  const at = /at position (\d+)/.exec(error.message);
  if (!at) return formatError(fieldError(file, "file.jsonSyntaxUnplaced", { detail: error.message }), options.lang);
  const before = text.slice(0, Number(at[1])).split("\n");
  const e = fieldError(file, "file.jsonSyntax", { line: firstLine + before.length - 1, column: before.at(-1)!.length + 1, detail: error.message });
  return formatError(e, options.lang);
}

function parseElement(text: string, row: number, line: number, file: string, options: ReadOptions): SourceRow {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { row, line, problems: [syntaxProblem(file, text, error as Error, line, options)] };
  }
  return objectToRow(value, row, line, file, options);
}

async function* chunks(file: string): AsyncGenerator<string> {
  try {
    for await (const chunk of createReadStream(file, { encoding: "utf8" })) yield chunk as string;
  } catch (error) {
    throw unreadable(file, error);
  }
}

export async function* readJsonArrayRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const broken = (line: number, what: string) =>
    new InputError([`${file}, line ${line}: ${what}; a .json batch file is one array of objects: [{"name": "…", "phone": "…"}, …] (or use .jsonl, one object per line)`]);
  let state: "start" | "before" | "element" | "after" | "end" = "start";
  let line = 1;
  let row = 0;
  // The element being read: its text, the line it starts on, and the scanner's place in it.
  let text = "";
  let startLine = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let first = true;

  for await (const chunk of chunks(file)) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (state === "element") {
        // Scalars (a stray number or string) end at a comma or the closing bracket, like objects.
        if (!inString && depth === 0 && (c === "," || c === "]")) {
          yield parseElement(text, ++row, startLine, file, options);
          text = "";
          state = c === "," ? "before" : "end";
          continue;
        }
        text += c;
        if (text.length > MAX_ELEMENT) throw broken(startLine, `element ${row + 1} is longer than 1 MB`);
        if (c === "\n") line++;
        if (inString) {
          if (escaped) escaped = false;
          else if (c === "\\") escaped = true;
          else if (c === '"') inString = false;
        } else if (c === '"') inString = true;
        else if (c === "{" || c === "[") depth++;
        else if (c === "}" || c === "]") {
          depth--;
          if (depth === 0) {
            yield parseElement(text, ++row, startLine, file, options);
            text = "";
            state = "after";
          }
        }
        continue;
      }
      if (c === "\n") line++;
      if (c === " " || c === "\t" || c === "\r" || c === "\n" || (c === "\uFEFF" && first)) {
        first = false;
        continue;
      }
      first = false;
      if (state === "start") {
        if (c !== "[") throw broken(line, `expected "[" but found "${c}"`);
        state = "before";
      } else if (state === "before") {
        // "[]" is an empty batch; "[1,]" (a trailing comma) is read as the end too.
        if (c === "]") {
          state = "end";
          continue;
        }
        state = "element";
        startLine = line;
        depth = 0;
        inString = false;
        escaped = false;
        i--;
      } else if (state === "after") {
        if (c === ",") state = "before";
        else if (c === "]") state = "end";
        else throw broken(line, `expected "," or "]" after element ${row} but found "${c}"`);
      } else {
        throw broken(line, `unexpected "${c}" after the closing "]"`);
      }
    }
  }
  if (state === "start") throw new InputError([`${file}: the file is empty; write an array of objects: [{"name": "…", "phone": "…"}]`]);
  if (state === "element" && text.trim() !== "") throw broken(startLine, `element ${row + 1} is not closed`);
  if (state !== "end") throw broken(line, `the array is not closed with "]"`);
}

export async function* readJsonLinesRows(file: string, options: ReadOptions): AsyncGenerator<SourceRow> {
  const stream = createReadStream(file, { encoding: "utf8" });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let line = 0;
  let row = 0;
  try {
    for await (const raw of lines) {
      line++;
      const text = line === 1 ? raw.replace(/^\uFEFF/, "") : raw;
      if (text.trim() === "") continue;
      yield parseElement(text, ++row, line, file, options);
    }
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadable(file, error);
  } finally {
    lines.close();
    stream.destroy();
  }
}
