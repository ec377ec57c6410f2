/**
 * The situation table: every checklist language x plan (prepaid, postpaid, unsaid) x channel
 * (in person, post, proxy) x leaving or not, generated and read back from the PDFs' text. Each
 * situation prints exactly its own items (the specification is tests/situations/spec.ts, written
 * by hand, not taken from the pack's conditions): a prepaid line never reads of a bill, a
 * representative never speaks in the holder's voice, a letter sent by post gets no counter
 * phrases; the letter names where it is signed, the procuration the holder's identity with two
 * signature lines; every statement to verify carries its mark, once, and its source is listed.
 */
// The Chinese half (the Latin-script one: situations.latin.test.ts); the two run side by side.
import { situationTable } from "./table.js";

situationTable(["zh-Hans", "zh-Hant"]);
