/**
 * JSON rows: a JSON array of objects, or JSON Lines (one object per line). The array is split
 * into its elements by a small scanner, so only one element is in memory at a time however long
 * the file; each element, and each line, is then read with JSON.parse. A slip inside one element
 * or line is that row's problem; a file that is not an array at all is bad input.
 */
import { StringDecoder } from "node:string_decoder";
import { InputError } from "../errors.js";
import type { Problem } from "../problems.js";
import { jsonErrorPlace } from "../input/json.js";
import { formatBytes } from "../input/read.js";
import {
  BATCH_LIMITS,
  checkRowCount,
  objectToRow,
  rowPlace,
  unreadable,
  type RowSource,
  type SourceRow,
} from "./source-row.js";

/** A JSON.parse failure as a row problem, on the file's line where V8 says it is. */
function syntaxProblem(file: string, text: string, error: Error, row: number, firstLine: number): Problem {
  const { line } = jsonErrorPlace(text, error.message);
  return {
    code: "file.jsonSyntax",
    at: rowPlace(file, row, firstLine + (line ?? 1) - 1),
    params: { detail: error.message },
  };
}

function parseElement(text: string, row: number, line: number, file: string): SourceRow {
  checkRowCount(file, row);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { row, line, problems: [syntaxProblem(file, text, error as Error, row, line)] };
  }
  return objectToRow(value, row, line, file);
}

/** The file's text in chunks, decoded as UTF-8, through the limited reader (no devices, a size cap). */
async function* chunks(source: RowSource): AsyncGenerator<string> {
  const file = source.name;
  const stream = await source.open();
  const decoder = new StringDecoder("utf8");
  try {
    for await (const chunk of stream) yield decoder.write(chunk as Buffer);
    const rest = decoder.end();
    if (rest) yield rest;
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw unreadable(file, error);
  } finally {
    stream.destroy();
  }
}

export async function* readJsonArrayRows(source: RowSource): AsyncGenerator<SourceRow> {
  const file = source.name;
  const broken = (line: number, detail: string) =>
    new InputError([{ code: "batch.jsonShape", at: { file, line }, params: { detail } }]);
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

  for await (const chunk of chunks(source)) {
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (state === "element") {
        // Scalars (a stray number or string) end at a comma or the closing bracket, like objects.
        if (!inString && depth === 0 && (c === "," || c === "]")) {
          yield parseElement(text, ++row, startLine, file);
          text = "";
          state = c === "," ? "before" : "end";
          continue;
        }
        text += c;
        if (text.length > BATCH_LIMITS.rowChars) {
          const max = formatBytes(BATCH_LIMITS.rowChars);
          throw new InputError([
            {
              code: "batch.elementTooLarge",
              at: rowPlace(file, row + 1, startLine),
              params: { size: `> ${max}`, max },
            },
          ]);
        }
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
            yield parseElement(text, ++row, startLine, file);
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
  if (state === "start") throw new InputError([{ code: "batch.jsonEmpty", at: { file } }]);
  if (state === "element" && text.trim() !== "") throw broken(startLine, `element ${row + 1} is not closed`);
  if (state !== "end") throw broken(line, `the array is not closed with "]"`);
}

/**
 * JSON Lines: one object per line. Lines are split here rather than by readline, which holds a
 * line whole however long it is (a 150 MB line took a worker's memory): a line longer than a row
 * can be is skipped to its end and reported as that row's problem.
 */
export async function* readJsonLinesRows(source: RowSource): AsyncGenerator<SourceRow> {
  const file = source.name;
  let line = 0;
  let row = 0;
  let current = "";
  let tooLong = false;
  const max = formatBytes(BATCH_LIMITS.rowChars);
  const finish = (): SourceRow | undefined => {
    line++;
    const text = (line === 1 ? current.replace(/^\uFEFF/, "") : current).replace(/\r$/, "");
    const wasTooLong = tooLong;
    current = "";
    tooLong = false;
    if (wasTooLong) {
      checkRowCount(file, ++row);
      return {
        row,
        line,
        problems: [{ code: "batch.elementTooLarge", at: rowPlace(file, row, line), params: { size: `> ${max}`, max } }],
      };
    }
    if (text.trim() === "") return undefined;
    return parseElement(text, ++row, line, file);
  };
  for await (const chunk of chunks(source)) {
    let start = 0;
    for (let end = chunk.indexOf("\n"); end >= 0; start = end + 1, end = chunk.indexOf("\n", start)) {
      if (!tooLong) current += chunk.slice(start, end);
      if (current.length > BATCH_LIMITS.rowChars) tooLong = true;
      const parsed = finish();
      if (parsed) yield parsed;
    }
    if (!tooLong) current += chunk.slice(start);
    if (current.length > BATCH_LIMITS.rowChars) {
      tooLong = true;
      current = "";
    }
  }
  if (current !== "" || tooLong) {
    const parsed = finish();
    if (parsed) yield parsed;
  }
}
