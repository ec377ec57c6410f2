/**
 * The data a template sees (docs/templates.md): the details with every user value held as a
 * placeholder, situation flags, and the pack's entries that apply to the situation.
 * Every documented field is always present (empty when unknown), so templates compile in
 * strict mode and a misspelt variable is an error, not a blank.
 */
import type { Details } from "../details/types.js";
import type { Enclosure, ListEntry, Localized, Pack, Phrase, Step } from "../pack/types.js";
import { formatIban } from "../details/index.js";
import { selectEntries, type Situation } from "../pack/index.js";
import { factReferences } from "../pack/schema.js";
import type { UserTextTable } from "./user-text.js";

/** A source the checklist's items to verify rest on, for its "Sources" appendix. */
export interface CheckSource {
  id: string;
  /** The source's name in every language (its `name`, else its `title` for all). */
  name: Localized | string;
  /** Its date, or "" when the pack gives none. */
  date: Localized | string;
}

export interface TemplateContext {
  lang: string;
  letterLang: string;
  translation: boolean;
  details: Record<string, unknown>;
  is: Record<string, boolean>;
  pack: Pack;
  steps: (Omit<Step, "items"> & { items: ListEntry[] })[];
  documents: ListEntry[];
  precautions: ListEntry[];
  leaving: ListEntry[];
  enclosures: Enclosure[];
  phrases: Phrase[];
  checkSources: CheckSource[];
}

/** The pack's place for "<place>, le …" when the user gave none (Nouméa, 努美阿). */
const DEFAULT_PLACE = "place.default";

function detailsForTemplates(details: Details, users: UserTextTable): Record<string, unknown> {
  return {
    ...users.holdAll({
      name: details.name,
      phone: details.phone,
      customerNumber: details.customerNumber ?? "",
      address: (details.address ?? []).join("\n"),
      email: details.email ?? "",
      reason: details.reason ?? "",
      effectiveDate: details.effectiveDate ?? "",
      date: details.date,
      birthDate: details.birthDate ?? "",
      idNumber: details.idNumber ?? "",
      offer: details.offer ?? "",
      proxy: { name: details.proxy?.name ?? "", idNumber: details.proxy?.idNumber ?? "" },
      refund: {
        iban: details.refund ? formatIban(details.refund.iban) : "",
        bic: details.refund?.bic ?? "",
        holder: details.refund?.holder ?? "",
      },
      forwardingAddress: (details.forwardingAddress ?? []).join("\n"),
    }),
    // Closed sets checked by validation, not free text: templates may compare them and use them
    // in pack string keys ({{s "idType." details.idType}}).
    plan: details.plan ?? "",
    channel: details.channel,
    idType: details.idType ?? "",
  };
}

/** Whether the person is leaving New Caledonia: said so, or gave a forwarding address. */
export function isLeaving(details: Details): boolean {
  return details.leaving === true || details.forwardingAddress !== undefined;
}

export function situationOf(details: Details): Situation {
  return {
    channel: details.channel,
    ...(details.plan ? { plan: details.plan } : {}),
    refund: details.refund !== undefined,
    leaving: isLeaving(details),
  };
}

/** Sources that never name something a reader could look up. */
const NOT_LOOKED_UP = new Set(["generic"]);

/**
 * The sources behind what the checklist prints with the verify mark, in order of first use:
 * each entry to verify's own sources, and those of every fact to verify (and of the letter's
 * address) that a printed entry names.
 */
function sourcesToCheck(pack: Pack, printed: ListEntry[], lang: string): CheckSource[] {
  const ids: string[] = [];
  for (const entry of printed) {
    const text = entry.text[lang] ?? "";
    if (entry.status === "verify") ids.push(...entry.sources);
    for (const fact of factReferences(text))
      if (pack.facts[fact]?.status === "verify") ids.push(...pack.facts[fact]!.sources);
    if (text.includes("mark pack.recipient") && pack.recipient.status === "verify") ids.push(...pack.recipient.sources);
  }
  // Sources one can look up first; a deduction (a source without an address) after them.
  const unique = [...new Set(ids)].filter((id) => !NOT_LOOKED_UP.has(id) && pack.sources[id]);
  const lookedUp = (id: string) => (pack.sources[id]!.url === "" ? 1 : 0);
  return unique
    .sort((a, b) => lookedUp(a) - lookedUp(b))
    .map((id) => ({ id, name: pack.sources[id]!.name ?? pack.sources[id]!.title, date: pack.sources[id]!.date ?? "" }));
}

export function buildContext(
  details: Details,
  pack: Pack,
  users: UserTextTable,
  languages: { lang: string; letterLang: string; translation: boolean },
): TemplateContext {
  const situation = situationOf(details);
  const forTemplates = detailsForTemplates(details, users);
  forTemplates["place"] =
    details.place !== undefined ? users.hold(details.place) : (pack.strings[DEFAULT_PLACE]?.[languages.lang] ?? "");
  (forTemplates["proxy"] as Record<string, unknown>)["idType"] = details.proxy?.idType ?? "";
  const steps = selectEntries(pack.steps, situation).map((step) => ({
    ...step,
    items: selectEntries(step.items, situation),
  }));
  const documents = selectEntries(pack.documents, situation);
  const precautions = selectEntries(pack.precautions, situation);
  // The leaving section exists only for a person leaving: its entries need no condition of their own.
  const leaving = situation.leaving ? selectEntries(pack.leaving, situation) : [];
  return {
    ...languages,
    details: forTemplates,
    is: {
      prepaid: details.plan === "prepaid",
      postpaid: details.plan === "postpaid",
      planUnknown: details.plan === undefined,
      inPerson: details.channel === "in-person",
      post: details.channel === "post",
      proxy: details.channel === "proxy",
      refund: details.refund !== undefined,
      leaving: situation.leaving === true,
    },
    pack,
    steps,
    documents,
    precautions,
    leaving,
    enclosures: selectEntries(pack.enclosures, situation),
    phrases: selectEntries(pack.phrases, situation),
    checkSources: sourcesToCheck(
      pack,
      [...steps.flatMap((s) => s.items), ...documents, ...leaving, ...precautions],
      languages.lang,
    ),
  };
}
