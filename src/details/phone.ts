/**
 * New Caledonian mobile numbers: +687 then 6 digits, no trunk 0. The numbering plan gives mobiles
 * the ranges 50-59, 70-79, 80-87 and 89-99; 88 is payphones and 2x-4x are fixed lines, which
 * cannot be the SIM line being cancelled.
 */
import type { PhoneNumber } from "./types.js";

export type PhoneProblemCode =
  | "phone.characters"
  | "phone.country"
  | "phone.length"
  | "phone.fixedLine"
  | "phone.payphone"
  | "phone.notMobile";

export type PhoneResult =
  | { ok: true; phone: PhoneNumber }
  | { ok: false; code: PhoneProblemCode; params?: Record<string, string | number> };

const MOBILE = /^[579]\d{5}$|^8[0-79]\d{4}$/;
const FIXED_LINE = /^[234]/;
const PAYPHONE = /^88/;
/** The ways of writing +687 in front of the number: "+687", "00687", "(+687)". */
const NC_PREFIX = /^(?:\(\+687\)|\+687|00687)/;
/** Any other international prefix. */
const FOREIGN_PREFIX = /^(?:\(?\+|00)/;

/** "761234" -> the three ways the documents print it. */
export function formatPhone(digits: string): PhoneNumber {
  const national = `${digits.slice(0, 2)} ${digits.slice(2, 4)} ${digits.slice(4)}`;
  return { e164: `+687${digits}`, national, international: `+687 ${national}` };
}

export function parsePhone(raw: string): PhoneResult {
  // NFKC turns full-width digits and spaces, which Chinese input methods produce, into ASCII.
  const text = raw.normalize("NFKC").trim();
  if (!/^[\d\s.\-()+]+$/.test(text)) return { ok: false, code: "phone.characters" };
  const compact = text.replace(/[\s.-]/g, "");
  const prefix = NC_PREFIX.exec(compact)?.[0] ?? "";
  const digits = compact.slice(prefix.length);
  if (!prefix && FOREIGN_PREFIX.test(compact)) return { ok: false, code: "phone.country" };
  if (!/^\d+$/.test(digits)) return { ok: false, code: "phone.characters" };
  if (digits.length !== 6) return { ok: false, code: "phone.length", params: { count: digits.length } };
  const phone = formatPhone(digits);
  if (MOBILE.test(digits)) return { ok: true, phone };
  const params = { number: phone.national };
  if (FIXED_LINE.test(digits)) return { ok: false, code: "phone.fixedLine", params };
  if (PAYPHONE.test(digits)) return { ok: false, code: "phone.payphone", params };
  return { ok: false, code: "phone.notMobile", params };
}
