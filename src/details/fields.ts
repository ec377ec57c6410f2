/**
 * The detail fields by name: one list shared by the file loader, the CLI flags and the error
 * messages, so a field added to DetailsInput cannot be forgotten in one of them.
 */
import type { DetailsInput } from "./types.js";

export type FieldName = keyof DetailsInput;

// A Record rather than an array: the compiler then rejects this table when DetailsInput gains or
// loses a field. The order is the order fields are checked and reported in.
const FIELDS: Record<FieldName, true> = {
  name: true,
  phone: true,
  customerNumber: true,
  address: true,
  email: true,
  plan: true,
  reason: true,
  effectiveDate: true,
  date: true,
  channel: true,
  proxyName: true,
  proxyId: true,
  iban: true,
  bic: true,
  accountHolder: true,
  forwardingAddress: true,
};

/** The camelCase keys of DetailsInput, as used in files, CSV headers and parsed flags. */
export const FIELD_NAMES = Object.keys(FIELDS) as readonly FieldName[];

export function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(FIELDS, name);
}

/** "customerNumber" -> "customer-number". */
export function toKebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** "customerNumber" -> "--customer-number": errors name the flag, the one spelling every user sees in --help. */
export function toFlag(field: string): string {
  return `--${toKebab(field)}`;
}

/** A key as written in a file, camelCase or kebab-case, to its field; undefined when unknown. */
export function fieldFromKey(key: string): FieldName | undefined {
  if (isFieldName(key)) return key;
  const camel = key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  // Only a true kebab-case spelling maps: "customerNumber" with a stray dash is not one.
  return isFieldName(camel) && toKebab(camel) === key ? camel : undefined;
}
