/**
 * What each situation must print, written out by hand as the specification the situation table
 * checks the PDFs against: which checklist entry, counter phrase and letter enclosure belongs to
 * which plan, channel, refund account and departure. It reads pack.yaml only for the texts, never
 * for the conditions, so a `when` written wrong in the pack shows up as a difference here.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { ROOT } from "../support/cli.js";

export type Lang = "zh-Hans" | "zh-Hant" | "en" | "fr";
export type Plan = "prepaid" | "postpaid";
export type Channel = "in-person" | "post" | "proxy";

export interface Situation {
  lang: Lang;
  /** Undefined: the user did not say, and the documents cover both plans. */
  plan: Plan | undefined;
  channel: Channel;
  leaving: boolean;
  /** A refund account (IBAN) was given. */
  refund: boolean;
}

type Rule = (s: Situation) => boolean;

const not =
  (plan: Plan): Rule =>
  (s) =>
    s.plan !== plan;
const on =
  (...channels: Channel[]): Rule =>
  (s) =>
    channels.includes(s.channel);
const always: Rule = () => true;
const leaving: Rule = (s) => s.leaving;
const both =
  (a: Rule, b: Rule): Rule =>
  (s) =>
    a(s) && b(s);
/** A bank account is enclosed for a postpaid (or unknown) plan, and whenever one is given. */
const rib: Rule = (s) => s.plan !== "prepaid" || s.refund;

/** Checklist entries (steps' items, documents, the leaving section, precautions) by id. */
export const ENTRY_RULES: Record<string, Rule> = {
  "check-app": not("prepaid"),
  "prepaid-credit": not("postpaid"),
  "postpaid-last-bill": not("prepaid"),
  "postpaid-deposit": not("prepaid"),
  brand: always,
  hotline: on("in-person", "proxy"),
  "hotline-post": on("post"),
  agency: on("in-person", "proxy"),
  post: on("post"),
  proxy: on("proxy"),
  online: always,
  gather: on("in-person"),
  "gather-proxy": on("proxy"),
  "gather-post": on("post"),
  attestation: on("in-person"),
  "sim-return": on("in-person"),
  "stamped-copy": on("in-person"),
  "attestation-proxy": on("proxy"),
  "attestation-post": on("post"),
  "esim-post": on("post"),
  "id-card": on("in-person"),
  "id-copy": on("post", "proxy"),
  procuration: on("proxy"),
  "proxy-own-id": on("proxy"),
  sim: on("in-person", "proxy"),
  receipts: not("prepaid"),
  letter: always,
  rib,
  "leave-timing": leaving,
  "leave-end-date": leaving,
  "leave-direct-debit": both(leaving, not("prepaid")),
  "leave-final-bill": both(leaving, not("prepaid")),
  "leave-forwarding": leaving,
  "leave-commitment": leaving,
  backup: always,
  unbind: always,
  "number-ends": always,
  proofs: on("in-person", "proxy"),
  "proofs-post": on("post"),
};

/** Counter phrases by their French text: the holder's in person, the representative's by proxy. */
export const PHRASE_RULES: Record<string, Rule> = {
  "Bonjour, je souhaite résilier ma ligne mobile.": on("in-person"),
  "Voici ma pièce d'identité et ma carte SIM.": on("in-person"),
  "Bonjour, je viens résilier une ligne mobile pour son titulaire, qui m'a donné procuration.": on("proxy"),
  "Voici la procuration, ma pièce d'identité, la copie de celle du titulaire et sa carte SIM.": on("proxy"),
  "Pouvez-vous me donner une attestation de résiliation ?": on("in-person", "proxy"),
  "Faut-il rendre la carte SIM ?": on("in-person", "proxy"),
  "Où sera envoyée la dernière facture ?": both(on("in-person", "proxy"), not("prepaid")),
  "Pouvez-vous tamponner et dater la copie de la lettre, s'il vous plaît ?": on("in-person", "proxy"),
};

/** The letter's "PJ :" list, in order. */
export const ENCLOSURE_RULES: Record<string, Rule> = {
  "id-copy": always,
  bill: not("prepaid"),
  rib,
  procuration: on("proxy"),
};

export interface Entry {
  id: string;
  text: Record<string, string>;
  status: string;
  sources: string[];
}

export interface PackYaml {
  steps: { id: string; items: Entry[] }[];
  documents: Entry[];
  leaving: Entry[];
  precautions: Entry[];
  enclosures: { id: string; text: Record<string, string> }[];
  phrases: { fr: string; translation: Record<string, string> }[];
  strings: Record<string, Record<string, string>>;
  facts: Record<string, { status: string; sources: string[] }>;
  recipient: { lines: string[]; status: string; sources: string[] };
  sources: Record<string, { url: string; name?: Record<string, string>; date?: string | Record<string, string> }>;
}

export const PACK = parse(readFileSync(join(ROOT, "templates", "nc-opt", "pack.yaml"), "utf8")) as PackYaml;

/** The entries the checklist prints for a situation, in its order: steps (the documents after
 * the documents step's items), the leaving section, the precautions. */
export function printedEntries(s: Situation): Entry[] {
  const keep = (list: Entry[]) => list.filter((e) => ENTRY_RULES[e.id]!(s));
  return [
    ...PACK.steps.flatMap((step) => [...keep(step.items), ...(step.id === "documents" ? keep(PACK.documents) : [])]),
    ...keep(PACK.leaving),
    ...keep(PACK.precautions),
  ];
}

export function allEntries(): Entry[] {
  return [...PACK.steps.flatMap((s) => s.items), ...PACK.documents, ...PACK.leaving, ...PACK.precautions];
}

export const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, "");

/**
 * The words an entry is recognised by in a PDF's text: the literal text it starts with (at most
 * 24 characters, spaces removed); an entry that starts with {{#if}} gives one such start per branch.
 */
export function openings(text: string): string[] {
  if (!text.startsWith("{{#")) return [squash(text.split("{{")[0]!).slice(0, 24)];
  const starts: string[] = [];
  let depth = 0;
  let expectOpening = false;
  let last = 0;
  for (const match of text.matchAll(/\{\{[^}]*\}\}/g)) {
    const literal = text.slice(last, match.index);
    if (expectOpening && literal.trim() !== "") {
      starts.push(squash(literal).slice(0, 24));
      expectOpening = false;
    }
    const tag = match[0];
    if (tag.startsWith("{{#")) {
      depth += 1;
      expectOpening = depth === 1;
    } else if (tag.startsWith("{{/")) {
      depth -= 1;
    } else if (tag.startsWith("{{else") && depth === 1) {
      expectOpening = true;
    } else {
      // A branch that starts with a helper's output has no fixed opening.
      expectOpening = false;
    }
    last = match.index + tag.length;
  }
  return starts;
}

/** The ※ marks an entry prints: one per fact to verify it names (and the recipient's), else one if it is itself to verify. */
export function marksOf(entry: Entry, lang: Lang): number {
  const text = entry.text[lang]!;
  const facts = [...text.matchAll(/\{\{fact \\?"([^"\\]+)\\?"\}\}/g)].filter(
    (m) => PACK.facts[m[1]!]!.status === "verify",
  ).length;
  const recipient = text.includes("{{mark pack.recipient}}") && PACK.recipient.status === "verify" ? 1 : 0;
  return facts + recipient || (entry.status === "verify" ? 1 : 0);
}

/** The sources the "Sources" appendix must list: those behind every ※ the checklist prints. */
export function expectedSources(s: Situation): string[] {
  const ids = new Set<string>();
  for (const entry of printedEntries(s)) {
    const text = entry.text[s.lang]!;
    if (entry.status === "verify") for (const id of entry.sources) ids.add(id);
    for (const m of text.matchAll(/\{\{fact \\?"([^"\\]+)\\?"\}\}/g))
      if (PACK.facts[m[1]!]!.status === "verify") for (const id of PACK.facts[m[1]!]!.sources) ids.add(id);
    if (text.includes("{{mark pack.recipient}}") && PACK.recipient.status === "verify")
      for (const id of PACK.recipient.sources) ids.add(id);
  }
  ids.delete("generic");
  return [...ids];
}
