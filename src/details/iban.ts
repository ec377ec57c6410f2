/**
 * Bank account for a refund: IBAN (ISO 13616) and BIC (ISO 9362). A wrong digit here sends the
 * refund nowhere, so the IBAN's check digits are verified, not just its shape.
 */

export type IbanProblemCode = "iban.format" | "iban.country" | "iban.length" | "iban.checksum";

export type IbanResult =
  | { ok: true; iban: string }
  | { ok: false; code: IbanProblemCode; params?: Record<string, string | number> };

/**
 * IBAN length by country: the SWIFT IBAN registry, plus the French overseas territories, which
 * have their own country codes with the French layout (New Caledonia's banks issue both
 * "FR..." and "NC..." IBANs, 27 characters either way).
 */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AT: 20,
  AX: 18,
  AZ: 28,
  BA: 20,
  BE: 16,
  BG: 22,
  BH: 22,
  BI: 27,
  BL: 27,
  BR: 29,
  BY: 28,
  CH: 21,
  CR: 22,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GB: 22,
  GE: 22,
  GF: 27,
  GI: 23,
  GL: 18,
  GP: 27,
  GR: 27,
  GT: 28,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IS: 26,
  IT: 27,
  JO: 30,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MC: 27,
  MD: 24,
  ME: 22,
  MF: 27,
  MK: 19,
  MN: 20,
  MQ: 27,
  MR: 27,
  MT: 31,
  MU: 30,
  NC: 27,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PF: 27,
  PK: 24,
  PL: 28,
  PM: 27,
  PS: 29,
  PT: 25,
  QA: 29,
  RE: 27,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SO: 23,
  ST: 25,
  SV: 28,
  TF: 27,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  WF: 27,
  XK: 20,
  YT: 27,
};

/**
 * An IBAN or a BIC as typed ("fr14 2004 1010 ...", "bnpa frpp") to the form banks print and
 * check ("FR1420041010...", "BNPAFRPP"): no spaces, upper case.
 */
export function normaliseBankCode(raw: string): string {
  return raw.replace(/\s+/g, "").toUpperCase();
}

/** ISO 7064 mod 97-10 over the IBAN with its first four characters moved to the end. */
function mod97(iban: string): number {
  let remainder = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    // Letters count as two-digit numbers, A = 10 ... Z = 35.
    const value = parseInt(char, 36);
    remainder = (remainder * (value < 10 ? 10 : 100) + value) % 97;
  }
  return remainder;
}

/** Checks a normalised IBAN: shape, country, the country's length, then the check digits. */
export function checkIban(iban: string): IbanResult {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return { ok: false, code: "iban.format" };
  const country = iban.slice(0, 2);
  const expected = IBAN_LENGTHS[country];
  if (expected === undefined) return { ok: false, code: "iban.country", params: { country } };
  if (iban.length !== expected)
    return { ok: false, code: "iban.length", params: { country, expected, length: iban.length } };
  return mod97(iban) === 1 ? { ok: true, iban } : { ok: false, code: "iban.checksum" };
}

/** "FR1420041010..." -> "FR14 2004 1010 ...", the grouping bank documents use. */
export function formatIban(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, "$1 ");
}

/** 4 letters bank, 2 letters country, 2 location, optionally 3 branch: 8 or 11 characters. */
export function isValidBic(bic: string): boolean {
  return /^[A-Z]{4}[A-Z]{2}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic);
}
