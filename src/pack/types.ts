/**
 * A carrier pack: the facts, steps and wording for one carrier, as data. Loaded from
 * `templates/<pack>/pack.yaml` and validated at load (see schema.ts).
 *
 * Every user-facing string is a `Localized`: one text per language. Texts are Handlebars
 * snippets rendered with the same context and helpers as the templates, so a step may say
 * "call {{fact "hotline"}}" and get the number and its "to verify" mark.
 */
import type { Channel, Plan } from "../details/types.js";

/** Language tag -> text. Must hold every language the pack declares for that use. */
export type Localized = Record<string, string>;

export type FactStatus = "confirmed" | "verify";

export interface Source {
  title: string;
  url: string;
}

export interface Fact {
  /** A plain value printed the same in every language (a phone number), or one per language. */
  value: string | Localized;
  status: FactStatus;
  /** Keys of `Pack.sources`; at least one. */
  sources: string[];
}

export interface Recipient {
  lines: string[];
  status: FactStatus;
  /** Keys of `Pack.sources`; at least one. */
  sources: string[];
}

/** When an entry applies. Absent keys match everything; listed values are alternatives. */
export interface Condition {
  plan?: Plan[];
  channel?: Channel[];
}

export interface ListEntry {
  id: string;
  text: Localized;
  when?: Condition;
  /** Whether the advice is sourced and confirmed, or must be checked with the carrier. */
  status: FactStatus;
  /** Keys of `Pack.sources`; at least one. */
  sources: string[];
}

export interface Step {
  id: string;
  title: Localized;
  when?: Condition;
  items: ListEntry[];
}

export interface Phrase {
  /** The French sentence to say or show at the counter. */
  fr: string;
  /** Its translation, one per checklist language (the French checklist shows it once). */
  translation: Localized;
}

export interface Pack {
  id: string;
  name: Localized;
  /** Checklist languages (first is the default): ["zh-Hans", "zh-Hant", "en", "fr"]. */
  languages: string[];
  /** Letter languages (first is the default, the carrier's own): ["fr"]. */
  letterLanguages: string[];
  sources: Record<string, Source>;
  facts: Record<string, Fact>;
  /** The letter's recipient: its address block, one entry per line, sourced like a fact. */
  recipient: Recipient;
  steps: Step[];
  documents: ListEntry[];
  precautions: ListEntry[];
  phrases: Phrase[];
  /** Short UI strings used by templates and the renderer's furniture, per language. */
  strings: Record<string, Localized>;
  /** Folder the pack was loaded from (templates live there). */
  dir: string;
}
