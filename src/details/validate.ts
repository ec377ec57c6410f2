/**
 * One schema for details from every source (flags, files, prompts, CSV rows): raw values in,
 * normalised Details out, or every problem found at once so the user fixes them in one go.
 */
import { z } from "zod";
import { CHANNELS, PLANS, type Details, type DetailsInput } from "./types.js";
import { FIELD_NAMES, type FieldName } from "./fields.js";
import { fieldError, type ErrorCode, type FieldError, type Params } from "./messages.js";
import { codePointLength, findUnsafeChar, normaliseText } from "./text.js";
import { parsePhone } from "./phone.js";
import { isIsoDateShape, isRealIsoDate } from "./dates.js";
import { checkIban, isValidBic, normaliseBic, normaliseIban } from "./iban.js";

export type ValidationResult = { ok: true; details: Details } | { ok: false; errors: FieldError[] };

type Outcome<T> = { ok: true; value: T } | { ok: false; code: ErrorCode; params?: Params };
type Ctx = z.RefinementCtx;

const MAX_LINES = 6;
const MAX_LINE_LENGTH = 80;
const CUSTOMER_NUMBER = /^[A-Za-z0-9 ./-]+$/;
// Deliberately loose: catches slips (missing @, spaces, no dot in the domain) without refusing
// real addresses; letters and digits of any script are allowed for internationalised addresses.
const EMAIL = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}$/u;

function report(ctx: Ctx, code: ErrorCode, params?: Params): never {
  // Our code and parameters ride in the issue's params; the message is made later, in toErrors.
  ctx.addIssue({ code: "custom", message: code, params: { code, params } });
  return z.NEVER;
}

interface TextRule {
  /** Longest value, in characters (code points). */
  max?: number;
  /** Line breaks allowed (address, reason); otherwise the value must fit on one line. */
  multiline?: boolean;
  /** Codes and numbers: NFKC turns the full-width letters and digits of CJK input methods into ASCII. */
  fold?: boolean;
}

/**
 * unknown -> safe, normalised text, or undefined when absent. Absent covers undefined, null and
 * blank text, so an empty flag or an empty YAML value means "not given", never "given empty".
 */
function text(rule: TextRule = {}) {
  return z.unknown().transform((raw, ctx): string | undefined => {
    let value: string;
    if (raw === undefined || raw === null) return undefined;
    if (typeof raw === "string") value = raw;
    // YAML reads `phone: 761234` as a number; the user meant the digits.
    else if (typeof raw === "number") value = String(raw);
    // A YAML list is a natural way to write an address's lines.
    else if (rule.multiline && Array.isArray(raw) && raw.every((line) => typeof line === "string" || typeof line === "number")) value = raw.join("\n");
    else return report(ctx, "notText");

    const unsafe = findUnsafeChar(value);
    if (unsafe) return report(ctx, unsafe.code, { char: unsafe.char, position: unsafe.position });
    value = normaliseText(rule.fold ? value.normalize("NFKC") : value);
    if (value === "") return undefined;
    if (!rule.multiline && value.includes("\n")) return report(ctx, "text.lineBreak");
    const length = codePointLength(value);
    if (rule.max !== undefined && length > rule.max) return report(ctx, "tooLong", { max: rule.max, length });
    return value;
  });
}

/** Runs a parser on a present value; absent values pass through untouched. */
function check<T>(parse: (value: string) => Outcome<T>) {
  return (value: string | undefined, ctx: Ctx): T | undefined => {
    if (value === undefined) return undefined;
    const outcome = parse(value);
    return outcome.ok ? outcome.value : report(ctx, outcome.code, outcome.params);
  };
}

function required<T>(value: T | undefined, ctx: Ctx): T {
  return value === undefined ? report(ctx, "required") : value;
}

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

function readPhone(value: string) {
  const result = parsePhone(value);
  return result.ok ? ok(result.phone) : result;
}

function readCustomerNumber(value: string): Outcome<string> {
  return CUSTOMER_NUMBER.test(value) ? ok(value) : { ok: false, code: "customerNumber.format" };
}

function readEmail(value: string): Outcome<string> {
  const local = value.slice(0, value.lastIndexOf("@"));
  return EMAIL.test(value) && local.length <= 64 ? ok(value) : { ok: false, code: "email.format" };
}

/** Closed sets (plan, channel): case does not matter, the canonical spelling is kept. */
function oneOf<T extends string>(accepted: readonly T[]) {
  return (value: string): Outcome<T> => {
    const found = accepted.find((a) => a === value.toLowerCase());
    return found ? ok(found) : { ok: false, code: "choice", params: { accepted: accepted.join(", ") } };
  };
}

function readDate(value: string): Outcome<string> {
  if (!isIsoDateShape(value)) return { ok: false, code: "date.format" };
  return isRealIsoDate(value) ? ok(value) : { ok: false, code: "date.invalid" };
}

function readIban(value: string) {
  const result = checkIban(normaliseIban(value));
  return result.ok ? ok(result.iban) : result;
}

function readBic(value: string): Outcome<string> {
  const bic = normaliseBic(value);
  return isValidBic(bic) ? ok(bic) : { ok: false, code: "bic.format" };
}

function readLines(value: string): Outcome<string[]> {
  const lines = value.split("\n");
  if (lines.length > MAX_LINES) return { ok: false, code: "lines.tooMany", params: { max: MAX_LINES, count: lines.length } };
  const index = lines.findIndex((line) => codePointLength(line) > MAX_LINE_LENGTH);
  if (index < 0) return ok(lines);
  return { ok: false, code: "lines.tooLong", params: { line: index + 1, max: MAX_LINE_LENGTH, length: codePointLength(lines[index]!) } };
}

const lines = () => text({ multiline: true }).transform(check(readLines));

/** A field that failed holds z.NEVER; cross-field rules only look at fields that passed. */
function passed<T>(value: T | undefined): value is T {
  return value !== undefined && value !== (z.NEVER as unknown);
}

function detailsSchema(opts: { today: string }) {
  return z
    .object({
      name: text({ max: 80 }).transform(required),
      phone: text({ fold: true }).transform(check(readPhone)).transform(required),
      customerNumber: text({ max: 30, fold: true }).transform(check(readCustomerNumber)),
      address: lines(),
      email: text({ max: 254, fold: true }).transform(check(readEmail)),
      plan: text().transform(check(oneOf(PLANS))),
      reason: text({ max: 300, multiline: true }),
      effectiveDate: text({ fold: true }).transform(check(readDate)),
      date: text({ fold: true }).transform(check(readDate)).transform((value) => value ?? opts.today),
      channel: text().transform(check(oneOf(CHANNELS))).transform((value) => value ?? "in-person"),
      proxyName: text({ max: 80 }),
      proxyId: text({ max: 40 }),
      iban: text({ fold: true }).transform(check(readIban)),
      bic: text({ fold: true }).transform(check(readBic)),
      accountHolder: text({ max: 80 }),
      forwardingAddress: lines(),
    } satisfies Record<FieldName, z.ZodType>)
    .superRefine(
      (d, ctx) => {
        const at = (path: FieldName, code: ErrorCode, params?: Params) =>
          ctx.addIssue({ code: "custom", message: code, path: [path], params: { code, params } });
        if (passed(d.effectiveDate) && passed(d.date) && d.effectiveDate < d.date) {
          at("effectiveDate", "effectiveDate.beforeDate", { date: d.date });
        }
        if (d.proxyName === undefined) {
          if (d.channel === "proxy") at("proxyName", "proxyName.required");
          // An ID number alone would be dropped: it only prints next to the representative's name.
          else if (d.proxyId !== undefined) at("proxyName", "proxyName.neededForId");
        }
        // Given, even if invalid: the refund still lacks an account to pay into.
        const refundParts = (["bic", "accountHolder"] as const).filter((f) => d[f] !== undefined);
        if (d.iban === undefined && refundParts.length > 0) {
          at("iban", "iban.neededForRefund", { given: refundParts.map((f) => (f === "bic" ? "--bic" : "--account-holder")).join(", ") });
        }
      },
      // Run even when a field failed, so cross-field problems are reported in the same pass.
      { when: () => true },
    )
    .transform((d): Details => ({
      name: d.name,
      phone: d.phone,
      customerNumber: d.customerNumber,
      address: d.address,
      email: d.email,
      plan: d.plan,
      reason: d.reason,
      effectiveDate: d.effectiveDate,
      date: d.date,
      channel: d.channel,
      proxy: d.proxyName === undefined ? undefined : { name: d.proxyName, idNumber: d.proxyId },
      refund: d.iban === undefined ? undefined : { iban: d.iban, bic: d.bic, holder: d.accountHolder },
      forwardingAddress: d.forwardingAddress,
    }));
}

function toErrors(issues: z.core.$ZodIssue[]): FieldError[] {
  return issues.map((issue) => {
    // Every field accepts unknown and reports through report(): no other issue can arise.
    if (issue.code !== "custom") throw new Error(`unexpected validation issue: ${issue.message}`);
    const { code, params } = issue.params as { code: ErrorCode; params?: Params };
    return fieldError(String(issue.path[0]), code, params);
  });
}

/**
 * The schema for one default date, kept for the next call: zod builds a schema slowly and
 * compiles its parser on first use, which was most of the validation's time when every call of
 * a batch built its own (about 1.5 ms a row, twice per row).
 */
let lastSchema: { today: string; schema: ReturnType<typeof detailsSchema> } | undefined;

function schemaFor(today: string): ReturnType<typeof detailsSchema> {
  if (lastSchema?.today !== today) lastSchema = { today, schema: detailsSchema({ today }) };
  return lastSchema.schema;
}

/** `opts.today` is the default letter date, "YYYY-MM-DD" (see todayInNoumea). */
export function validateDetails(input: DetailsInput, opts: { today: string }): ValidationResult {
  if (!isRealIsoDate(opts.today)) throw new Error(`today must be a YYYY-MM-DD date, got "${opts.today}"`);
  // Every field present, even as undefined: zod reports an absent key before our own rules can
  // say "required" or fill a default. Keys that are not fields are left out.
  const fields = Object.fromEntries(FIELD_NAMES.map((field) => [field, input[field]]));
  const result = schemaFor(opts.today).safeParse(fields);
  return result.success ? { ok: true, details: result.data } : { ok: false, errors: toErrors(result.error.issues) };
}
