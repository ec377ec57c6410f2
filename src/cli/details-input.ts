/**
 * Gathers the raw details from their sources, in order of precedence: flags, then the details
 * file (or the bundled sample). Only reads, within the details file's size limit; validation
 * happens once, in the pipeline.
 */
import type { DetailsInput } from "../details/types.js";
import { FIELD_NAMES, MAX_DETAILS_BYTES, parseDetailsText } from "../details/index.js";
import { InputError } from "../errors.js";
import { decodeUtf8, readLimited, readStreamLimited } from "../input/read.js";

export const STANDARD_INPUT = "standard input";

async function readSource(file: string): Promise<string> {
  try {
    const bytes =
      file === "-"
        ? await readStreamLimited(process.stdin, STANDARD_INPUT, MAX_DETAILS_BYTES)
        : await readLimited(file, { maxBytes: MAX_DETAILS_BYTES });
    return decodeUtf8(bytes, file === "-" ? STANDARD_INPUT : file);
  } catch (error) {
    // The problem is about the option's file: the front end names the option with it.
    if (error instanceof InputError) throw new InputError(error.problems.map((p) => ({ ...p, option: "details" })));
    throw error;
  }
}

export async function readDetailsFile(file: string): Promise<DetailsInput> {
  const parsed = parseDetailsText(await readSource(file), file === "-" ? STANDARD_INPUT : file);
  if (!parsed.ok) throw new InputError(parsed.problems);
  return parsed.input;
}

/** Flags win over the file; absent flags leave the file's values alone. */
export function mergeFlags(fromFile: DetailsInput, flags: Readonly<Record<string, unknown>>): DetailsInput {
  const merged: Record<string, unknown> = { ...fromFile };
  for (const field of FIELD_NAMES) {
    const value = flags[field];
    if (value !== undefined) merged[field] = value;
  }
  return merged as DetailsInput;
}
