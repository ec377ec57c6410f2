/**
 * Details given once for the whole batch (the letter's date, the plan, the channel...): the
 * default of every row, which a row's own value replaces. A row's empty CSV cell is "not given"
 * (see rows-csv.ts), so the default fills it.
 */
import { FIELD_NAMES, validateDetails, type DetailsInput } from "../details/index.js";
import type { Problem } from "../problems.js";

/** The row's details over the defaults: a value the row gives wins. */
export function withDefaults(input: DetailsInput, defaults: DetailsInput | undefined): DetailsInput {
  if (!defaults) return input;
  const merged: Record<string, unknown> = { ...input };
  for (const field of FIELD_NAMES) {
    if (merged[field] === undefined && defaults[field] !== undefined) merged[field] = defaults[field];
  }
  return merged as DetailsInput;
}

/** Only the detail fields that are set. */
export function definedDefaults(values: Record<string, unknown>): DetailsInput {
  const defaults: Record<string, unknown> = {};
  for (const field of FIELD_NAMES) if (values[field] !== undefined) defaults[field] = values[field];
  return defaults as DetailsInput;
}

/**
 * The defaults' own problems, checked once before any row: a bad plan would otherwise make every
 * row invalid, one by one. Only the problems of the defaults' own fields are reported here (a rule
 * between fields, such as a proxy's name for the proxy channel, depends on each row).
 */
export function defaultsProblems(defaults: DetailsInput | undefined, today: string): Problem[] {
  if (!defaults || Object.keys(defaults).length === 0) return [];
  // Stand-ins for the required fields, so only the defaults' own problems remain.
  const result = validateDetails({ name: "X", phone: "76 12 34", ...defaults }, { today });
  if (result.ok) return [];
  return result.problems.filter(
    (p) => p.field !== undefined && (defaults as Record<string, unknown>)[p.field] !== undefined,
  );
}
