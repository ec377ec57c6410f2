/**
 * Gathers the raw details from their sources, in order of precedence: flags, then the details
 * file (or the bundled sample). Only reads; validation happens once, in the pipeline.
 */
import { readFile } from "node:fs/promises";
import type { DetailsInput } from "../details/types.js";
import { FIELD_NAMES, formatError, parseDetailsText } from "../details/index.js";
import { InputError } from "../errors.js";

async function readSource(file: string): Promise<string> {
  if (file === "-") {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  }
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError([`--details: cannot read ${file} (${code === "ENOENT" ? "no such file" : code ?? "unreadable"}); give the path of a YAML or JSON details file`]);
  }
}

export async function readDetailsFile(file: string, lang: string): Promise<DetailsInput> {
  const parsed = parseDetailsText(await readSource(file), file === "-" ? "standard input" : file);
  if (!parsed.ok) throw new InputError(parsed.errors.map((e) => formatError(e, lang)));
  return parsed.input;
}

/** Flags win over the file; absent flags leave the file's values alone. */
export function mergeFlags(fromFile: DetailsInput, flags: Record<string, unknown>): DetailsInput {
  const merged: Record<string, unknown> = { ...fromFile };
  for (const field of FIELD_NAMES) {
    const value = flags[field];
    if (value !== undefined) merged[field] = value;
  }
  return merged as DetailsInput;
}
