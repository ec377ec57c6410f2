/**
 * A carrier pack: the facts, steps and wording for one carrier, as data. Loaded from
 * `templates/<pack>/pack.yaml` and validated at load; the types are the schema's (schema.ts), so
 * the two cannot drift apart.
 *
 * Every user-facing string is a `Localized`: one text per language. Texts are Handlebars
 * snippets rendered with the same context and helpers as the templates, so a step may say
 * "call {{fact "hotline"}}" and get the number and its "to verify" mark.
 */
import type { PackData } from "./schema.js";

/** The documents a pack has templates for; the proxy letter only for a representative. */
export type DocumentKind = "checklist" | "letter" | "proxy";

/** Language tag -> text. Must hold every language the pack declares for that use. */
export type Localized = PackData["name"];
/**
 * A source: `title` and `url` for the pack's authors; `name` (per checklist language) and `date`
 * for the checklist's "Sources" appendix, which lists the sources behind the items marked ※.
 */
export type Source = PackData["sources"][string];
/** A fact: a plain value printed the same in every language (a phone number), or one per language. */
export type Fact = PackData["facts"][string];
export type FactStatus = Fact["status"];
/** The letter's recipient: its address block, one entry per line, sourced like a fact. */
export type Recipient = PackData["recipient"];
export type Step = PackData["steps"][number];
/** A step item, document or precaution: sourced advice, confirmed or to check with the carrier. */
export type ListEntry = Step["items"][number];
/**
 * When an entry applies: one condition, or a list of them of which any one is enough.
 * In a condition, absent keys match everything, listed values are alternatives, and all the keys
 * given must match; `refund`: a refund account was given; `leaving`: the person is leaving New
 * Caledonia (a forwarding address, or the leaving flag).
 */
export type When = NonNullable<ListEntry["when"]>;
export type Condition = Exclude<When, readonly unknown[]>;
/** A French sentence to say or show at the counter (by the holder, or the representative), with its translation per checklist language. */
export type Phrase = PackData["phrases"][number];
/** A document the letter lists as enclosed ("PJ :"), in every language, under the checklist's conditions. */
export type Enclosure = PackData["enclosures"][number];

export interface Pack extends PackData {
  /** Folder the pack was loaded from (templates live there). */
  dir: string;
}
