/** The details stage: reading, validating and normalising the user's details, and its messages. */
export type { Details, DetailsInput, PhoneNumber, Plan, Channel } from "./types.js";
export { PLANS, CHANNELS } from "./types.js";
export { FIELD_NAMES, toFlag, fieldFromKey, type FieldName } from "./fields.js";
export { parseDetailsText, type LoadResult } from "./load.js";
export { validateDetails, type ValidationResult } from "./validate.js";
export {
  formatError,
  fieldError,
  resolveMessageLang,
  ERROR_CODES,
  MESSAGE_LANGS,
  type ErrorCode,
  type FieldError,
  type MessageLang,
  type Params,
} from "./messages.js";
export { parsePhone, formatPhone, type PhoneResult, type PhoneProblemCode } from "./phone.js";
export { todayInNoumea, isRealIsoDate } from "./dates.js";
export { normaliseIban, checkIban, formatIban, normaliseBic, isValidBic, type IbanResult } from "./iban.js";
export { findUnsafeChar, normaliseText, codePointLength, type UnsafeChar } from "./text.js";
