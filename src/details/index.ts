/** The details stage: reading, validating and normalising the user's details. */
export type { Details, DetailsInput, PhoneNumber, Plan, Channel } from "./types.js";
export { PLANS, CHANNELS } from "./types.js";
export { FIELD_NAMES, FIELD_EXAMPLES, fieldFromKey, isFieldName, toKebab, type FieldName } from "./fields.js";
export { parseDetailsText, unknownKeyProblems, MAX_DETAILS_BYTES, type LoadResult } from "./load.js";
export { validateDetails, type ValidationResult } from "./validate.js";
export { parsePhone, formatPhone, type PhoneResult, type PhoneProblemCode } from "./phone.js";
export { todayInNoumea, isRealIsoDate, DATE_RANGE } from "./dates.js";
export { normaliseBankCode, checkIban, formatIban, isValidBic, type IbanResult } from "./iban.js";
export { findUnsafeChar, normaliseText, codePointLength, type UnsafeChar } from "./text.js";
