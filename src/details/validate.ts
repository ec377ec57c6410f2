/**
 * One schema for details from every source (flags, files, prompts, CSV rows, the web form): raw
 * values in, normalised Details out, or every problem found at once so the user fixes them in one
 * go. The schema is the source of the Details type; zod's own issues (a wrong type, a value not in
 * a list, a bad format) and our checks' custom issues are mapped to problem codes in one place.
 */
import { z } from "zod";
import type { MessageCode, Problem } from "../problems.js";
import { CHANNELS, ID_TYPES, PLANS } from "./types.js";
import { FIELD_NAMES, type FieldName } from "./fields.js";
import { codePointLength, findUnsafeChar, normaliseText } from "./text.js";
import { parsePhone } from "./phone.js";
import { DATE_RANGE, isIsoDateShape, isRealIsoDate } from "./dates.js";
import { checkIban, isValidBic, normaliseBankCode } from "./iban.js";

type Params = Record<string, string | number>;

/** Longest address: lines, and characters per line. */
const MAX_LINES = 6;
const MAX_LINE_LENGTH = 80;
const CUSTOMER_NUMBER = /^[A-Za-z0-9 ./-]+$/;
// Deliberately loose: catches slips (missing @, spaces, no dot in the domain) without refusing
// real addresses; letters and digits of any script are allowed for internationalised addresses.
const EMAIL =
  /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

/** Our own problems travel in a custom issue's params, to be read back by toProblems. */
function custom(code: MessageCode, params?: Params): z.core.$ZodRawIssue {
  return { code: "custom", input: undefined, params: { code, ...(params ? { params } : {}) } };
}

interface TextRule {
  /** Longest value, in characters (code points, as people count them). */
  max?: number;
  /** Line breaks allowed (address, reason); otherwise the value must fit on one line. */
  multiline?: boolean;
  /** Codes and numbers: NFKC turns the full-width letters and digits of CJK input methods into ASCII. */
  fold?: boolean;
}

// YAML reads `phone: 761234` as a number: the user meant the digits they typed.
const scalar = z.union([z.string(), z.number().transform(String)]);
// A YAML list is a natural way to write an address's lines.
const lines = z.array(scalar).transform((items) => items.join("\n"));

/**
 * Raw value -> safe, normalised text, or undefined when absent. Absent covers undefined, null and
 * blank text, so an empty flag or an empty YAML value means "not given", never "given empty".
 * A list, a mapping or a boolean is a wrong type (zod's invalid_union: "must be text").
 */
function text(rule: TextRule = {}) {
  return z
    .preprocess(
      (raw) => (raw === null ? undefined : raw),
      (rule.multiline ? z.union([scalar, lines]) : scalar).optional(),
    )
    .check((ctx) => {
      const unsafe = ctx.value === undefined ? undefined : findUnsafeChar(ctx.value);
      if (unsafe) ctx.issues.push(custom(unsafe.code, { char: unsafe.char, position: unsafe.position }));
    })
    .transform((value) =>
      value === undefined ? undefined : normaliseText(rule.fold ? value.normalize("NFKC") : value) || undefined,
    )
    .check((ctx) => {
      if (ctx.value === undefined) return;
      if (!rule.multiline && ctx.value.includes("\n")) ctx.issues.push(custom("text.lineBreak"));
      const length = codePointLength(ctx.value);
      if (rule.max !== undefined && length > rule.max) ctx.issues.push(custom("tooLong", { max: rule.max, length }));
    });
}

/** Present text through `parse` (a zod schema on a string); absent stays undefined. */
const optional = <T extends z.ZodType<unknown, string>>(rule: TextRule, parse: T) => text(rule).pipe(parse.optional());
/** Present text through `parse`; absent is zod's invalid_type (no string), reported as "required". */
const required = <T extends z.ZodType<unknown, string>>(rule: TextRule, parse: T) =>
  text(rule).pipe(z.string()).pipe(parse);

/** A parser that returns a result or a problem code, as a zod transform. */
function parser<T>(
  parse: (value: string) => { ok: true; value: T } | { ok: false; code: MessageCode; params?: Params },
) {
  return z.string().transform((value, ctx) => {
    const result = parse(value);
    if (result.ok) return result.value;
    ctx.issues.push(custom(result.code, result.params));
    return z.NEVER;
  });
}

const phone = parser((value) => {
  const result = parsePhone(value);
  return result.ok ? { ok: true, value: result.phone } : result;
});

const customerNumber = z
  .string()
  .refine((value) => CUSTOMER_NUMBER.test(value), { params: { code: "customerNumber.format" } });

const email = z
  .string()
  .refine((value) => EMAIL.test(value) && value.lastIndexOf("@") <= 64, { params: { code: "email.format" } });

/** A closed set: case does not matter, the canonical spelling is kept (zod's invalid_value: "choice"). */
const oneOf = <T extends readonly [string, ...string[]]>(accepted: T) =>
  z
    .string()
    .transform((value) => value.toLowerCase())
    .pipe(z.enum(accepted));

/** "YYYY-MM-DD" (zod's invalid_format: "date.format"), a real day, in the years letters are dated. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .check((ctx) => {
    if (!isIsoDateShape(ctx.value)) return;
    if (!isRealIsoDate(ctx.value)) ctx.issues.push(custom("date.invalid"));
    else if (ctx.value < DATE_RANGE.min || ctx.value > DATE_RANGE.max)
      ctx.issues.push(custom("date.range", { min: DATE_RANGE.min, max: DATE_RANGE.max }));
  });

/** A date of birth: "YYYY-MM-DD", a real day, not before 1900 (not after the letter: crossCheck). */
const BIRTH_MIN = "1900-01-01";
const birthDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .check((ctx) => {
    if (!isIsoDateShape(ctx.value)) return;
    if (!isRealIsoDate(ctx.value)) ctx.issues.push(custom("date.invalid"));
    else if (ctx.value < BIRTH_MIN) ctx.issues.push(custom("birthDate.tooEarly", { min: BIRTH_MIN }));
  });

const iban = parser((value) => {
  const result = checkIban(normaliseBankCode(value));
  return result.ok ? { ok: true, value: result.iban } : result;
});

const bic = z
  .string()
  .transform(normaliseBankCode)
  .refine(isValidBic, { params: { code: "bic.format" } });

/**
 * Yes or no, or undefined when absent: a flag or YAML gives a boolean, a CSV cell, a form or a
 * prompt the words true/false, yes/no or 1/0 (any case); a blank value means "not given".
 */
const YES = ["true", "yes", "1"];
const NO = ["false", "no", "0"];
const yesNo = z.unknown().transform((value, ctx): boolean | undefined => {
  if (value === undefined || value === null || typeof value === "boolean") return value ?? undefined;
  // Anything else that is not one of the words (a list, a mapping, "maybe") gets the same answer.
  const word = typeof value === "string" || typeof value === "number" ? String(value).trim().toLowerCase() : undefined;
  if (word === "") return undefined;
  if (word !== undefined && YES.includes(word)) return true;
  if (word !== undefined && NO.includes(word)) return false;
  ctx.issues.push(custom("boolean.format"));
  return z.NEVER;
});

const addressLines = z.string().transform((value, ctx) => {
  const split = value.split("\n");
  if (split.length > MAX_LINES) ctx.issues.push(custom("lines.tooMany", { max: MAX_LINES, count: split.length }));
  const long = split.findIndex((line) => codePointLength(line) > MAX_LINE_LENGTH);
  if (long >= 0)
    ctx.issues.push(
      custom("lines.tooLong", { line: long + 1, max: MAX_LINE_LENGTH, length: codePointLength(split[long]!) }),
    );
  return split;
});

const fieldSchemas = {
  name: required({ max: 80 }, z.string()),
  phone: required({ fold: true }, phone),
  customerNumber: optional({ max: 30, fold: true }, customerNumber),
  address: optional({ multiline: true }, addressLines),
  email: optional({ max: 254, fold: true }, email),
  plan: optional({}, oneOf(PLANS)),
  reason: optional({ max: 300, multiline: true }, z.string()),
  effectiveDate: optional({ fold: true }, isoDate),
  date: optional({ fold: true }, isoDate),
  channel: optional({}, oneOf(CHANNELS)),
  proxyName: optional({ max: 80 }, z.string()),
  proxyId: optional({ max: 40 }, z.string()),
  iban: optional({ fold: true }, iban),
  bic: optional({ fold: true }, bic),
  accountHolder: optional({ max: 80 }, z.string()),
  forwardingAddress: optional({ multiline: true }, addressLines),
  place: optional({ max: 80 }, z.string()),
  birthDate: optional({ fold: true }, birthDate),
  idType: optional({}, oneOf(ID_TYPES)),
  idNumber: optional({ max: 40, fold: true }, z.string()),
  proxyIdType: optional({}, oneOf(ID_TYPES)),
  offer: optional({ max: 60 }, z.string()),
  leaving: yesNo,
} satisfies Record<FieldName, z.ZodType>;

/**
 * Rules across fields. They look only at fields that passed their own checks (a field that failed
 * is already reported), and run even when some failed, so every problem comes out in one pass.
 * `today` is part of the input: the default letter date.
 */
function crossCheck(d: Readonly<Record<string, unknown>>, ctx: z.RefinementCtx): void {
  const failed = new Set(ctx.issues.map((issue) => issue.path?.[0]));
  const ok = (field: FieldName) => !failed.has(field);
  const at = (field: FieldName, code: MessageCode, params?: Params) =>
    ctx.addIssue({ ...custom(code, params), path: [field] });
  const letterDate = (d.date ?? d.today) as string;
  if (ok("effectiveDate") && ok("date") && typeof d.effectiveDate === "string" && d.effectiveDate < letterDate) {
    at("effectiveDate", "effectiveDate.beforeDate", { date: letterDate });
  }
  if (ok("birthDate") && ok("date") && typeof d.birthDate === "string" && d.birthDate >= letterDate) {
    at("birthDate", "birthDate.afterDate", { date: letterDate });
  }
  if (ok("proxyName") && d.proxyName === undefined) {
    if (ok("channel") && d.channel === "proxy") at("proxyName", "proxyName.required");
    // An ID number or type alone would be dropped: they only print next to the representative's name.
    else if (d.proxyId !== undefined) at("proxyName", "proxyName.neededForId");
    else if (d.proxyIdType !== undefined) at("proxyName", "proxyName.neededForIdType");
  }
  // Given, even if invalid: the refund still lacks an account to pay into.
  const refundParts = (["bic", "accountHolder"] as const).filter(
    (field) => failed.has(field) || d[field] !== undefined,
  );
  if (ok("iban") && d.iban === undefined && refundParts.length > 0)
    at("iban", "iban.neededForRefund", { given: refundParts.join(",") });
}

function buildSchema() {
  return z
    .object({ ...fieldSchemas, today: z.string() })
    .superRefine((d, ctx) => crossCheck(d, ctx), { when: () => true })
    .transform((d) => ({
      name: d.name,
      phone: d.phone,
      customerNumber: d.customerNumber,
      address: d.address,
      email: d.email,
      plan: d.plan,
      reason: d.reason,
      effectiveDate: d.effectiveDate,
      date: d.date ?? d.today,
      channel: d.channel ?? "in-person",
      proxy: d.proxyName === undefined ? undefined : { name: d.proxyName, idNumber: d.proxyId, idType: d.proxyIdType },
      refund: d.iban === undefined ? undefined : { iban: d.iban, bic: d.bic, holder: d.accountHolder },
      forwardingAddress: d.forwardingAddress,
      /** Where the letters are signed; undefined: the pack's default place (Nouméa). */
      place: d.place,
      /** The holder's birth date and identity document, for the procuration. */
      birthDate: d.birthDate,
      idType: d.idType,
      idNumber: d.idNumber,
      /** The offer's commercial name, printed only when given. */
      offer: d.offer,
      /** Leaving New Caledonia (a forwarding address also says so: see compose/context.ts). */
      leaving: d.leaving,
    }));
}

/** Built on first use (zod builds schemas eagerly; a cold start that never validates skips it). */
let schema: ReturnType<typeof buildSchema> | undefined;

/** Validated details: the schema's output. */
export type Details = z.output<ReturnType<typeof buildSchema>>;

export type ValidationResult = { ok: true; details: Details } | { ok: false; problems: Problem[] };

/** zod's issues as problems: our custom ones carry their code; zod's own map to ours. */
function toProblem(issue: z.core.$ZodIssue): Problem {
  const field = String(issue.path[0]);
  switch (issue.code) {
    case "custom": {
      const { code, params } = issue.params as { code: MessageCode; params?: Params };
      return { code, field, ...(params ? { params } : {}) };
    }
    case "invalid_union":
      return { code: "notText", field };
    case "invalid_type":
      // Only the pipe into a required field's parser sees anything but text: an absent value.
      return { code: "required", field };
    case "invalid_value":
      return { code: "choice", field, params: { accepted: issue.values.map(String).join(", ") } };
    case "invalid_format":
      return { code: "date.format", field };
    default:
      throw new Error(`unexpected validation issue ${issue.code} on ${field}: ${issue.message}`);
  }
}

/** `opts.today` is the default letter date, "YYYY-MM-DD" (see todayInNoumea). */
export function validateDetails(input: Readonly<Record<string, unknown>>, opts: { today: string }): ValidationResult {
  if (!isRealIsoDate(opts.today)) throw new Error(`today must be a YYYY-MM-DD date, got "${opts.today}"`);
  schema ??= buildSchema();
  // Only the fields: any other key (a caller's extra data) is not ours to judge.
  const fields: Record<string, unknown> = { today: opts.today };
  for (const field of FIELD_NAMES) fields[field] = input[field];
  const result = schema.safeParse(fields);
  return result.success
    ? { ok: true, details: result.data }
    : { ok: false, problems: result.error.issues.map(toProblem) };
}
