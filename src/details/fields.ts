/**
 * The detail fields by name: one list shared by the schema, the file loader, the front ends'
 * flags, columns and form fields, and the messages, so a field cannot be forgotten in one of them
 * (the schema and the example table below are checked against it by the compiler).
 */

/** The camelCase names used in files, CSV headers and parsed flags, in the order they are checked and reported. */
export const FIELD_NAMES = [
  "name",
  "phone",
  "customerNumber",
  "address",
  "email",
  "birthDate",
  "idType",
  "idNumber",
  "plan",
  "offer",
  "reason",
  "effectiveDate",
  "date",
  "place",
  "channel",
  "proxyName",
  "proxyId",
  "proxyIdType",
  "iban",
  "bic",
  "accountHolder",
  "forwardingAddress",
  "leaving",
] as const;

export type FieldName = (typeof FIELD_NAMES)[number];

const FIELD_SET: ReadonlySet<string> = new Set(FIELD_NAMES);

export function isFieldName(name: string): name is FieldName {
  return FIELD_SET.has(name);
}

/** "customerNumber" -> "customer-number". */
export function toKebab(field: string): string {
  return field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * Example values of each field, as a person would type them: every front end shows them in its
 * hints its own way (as a flag and its value on the command line, as a placeholder in the form).
 * All fictional.
 */
export const FIELD_EXAMPLES: Readonly<Record<FieldName, readonly string[]>> = {
  name: ["Xiaoming WANG"],
  phone: ["76 12 34", "+687 76 12 34"],
  customerNumber: ["C-0042137"],
  address: ["12 rue des Fictifs\n98800 NOUMÉA"],
  email: ["xiaoming.wang@example.com"],
  plan: ["postpaid"],
  reason: ["Départ de Nouvelle-Calédonie"],
  effectiveDate: ["2026-12-31"],
  date: ["2026-11-24"],
  channel: ["post"],
  proxyName: ["Li CHEN"],
  proxyId: ["12AB34567"],
  iban: ["FR14 2004 1010 0505 0001 3M02 606"],
  bic: ["BNPAFRPP"],
  accountHolder: ["Xiaoming WANG"],
  forwardingAddress: ["wang@example.com"],
  place: ["Paris"],
  birthDate: ["1990-05-12"],
  idType: ["passport"],
  idNumber: ["12AB34567"],
  proxyIdType: ["id-card"],
  offer: ["Forfait M 10 Go"],
  leaving: ["yes"],
};

/** A key as written in a file, camelCase or kebab-case, to its field; undefined when unknown. */
export function fieldFromKey(key: string): FieldName | undefined {
  if (isFieldName(key)) return key;
  const camel = key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
  // Only a true kebab-case spelling maps: "customerNumber" with a stray dash is not one.
  return isFieldName(camel) && toKebab(camel) === key ? camel : undefined;
}
