/**
 * Details as they arrive (flags, file, prompts, rows, the form: every field optional, any value)
 * and as the rest of the pipeline sees them once validated (the schema's output, validate.ts).
 */
import type { FieldName } from "./fields.js";

export const PLANS = ["prepaid", "postpaid"] as const;
export const CHANNELS = ["in-person", "post", "proxy"] as const;
/** Identity documents a procuration names: passport, national identity card, residence permit. */
export const ID_TYPES = ["passport", "id-card", "residence-permit"] as const;
export type Plan = (typeof PLANS)[number];
export type IdType = (typeof ID_TYPES)[number];
export type Channel = (typeof CHANNELS)[number];

/** Raw details: the same field names in flags (kebab-case), files and CSV headers (camelCase). */
export type DetailsInput = { [field in FieldName]?: unknown };

export interface PhoneNumber {
  /** "+687761234" */
  e164: string;
  /** "76 12 34", the way OPT-NC writes numbers locally. */
  national: string;
  /** "+687 76 12 34" */
  international: string;
}

export type { Details } from "./validate.js";
