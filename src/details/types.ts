/**
 * Details as they arrive (flags, file, prompts: every field optional, strings) and as the rest of
 * the pipeline sees them once validated and normalised.
 */

export const PLANS = ["prepaid", "postpaid"] as const;
export const CHANNELS = ["in-person", "post", "proxy"] as const;
export type Plan = (typeof PLANS)[number];
export type Channel = (typeof CHANNELS)[number];

/** Raw details: the same field names in flags (kebab-case), files and CSV headers (camelCase). */
export interface DetailsInput {
  name?: unknown;
  phone?: unknown;
  customerNumber?: unknown;
  address?: unknown;
  email?: unknown;
  plan?: unknown;
  reason?: unknown;
  effectiveDate?: unknown;
  date?: unknown;
  channel?: unknown;
  proxyName?: unknown;
  proxyId?: unknown;
  iban?: unknown;
  bic?: unknown;
  accountHolder?: unknown;
  forwardingAddress?: unknown;
}

export interface PhoneNumber {
  /** "+687761234" */
  e164: string;
  /** "76 12 34", the way OPT-NC writes numbers locally. */
  national: string;
  /** "+687 76 12 34" */
  international: string;
}

export interface Details {
  name: string;
  phone: PhoneNumber;
  customerNumber?: string;
  /** Postal address, one entry per printed line. */
  address?: string[];
  email?: string;
  /** Undefined when the user did not say: documents then cover both plans. */
  plan?: Plan;
  reason?: string;
  /** ISO YYYY-MM-DD; undefined means "as soon as possible". */
  effectiveDate?: string;
  /** The letter's date, ISO YYYY-MM-DD. */
  date: string;
  channel: Channel;
  proxy?: { name: string; idNumber?: string };
  refund?: { iban: string; bic?: string; holder?: string };
  /** Where to send the final invoice after leaving (postal address lines or an e-mail). */
  forwardingAddress?: string[];
}
