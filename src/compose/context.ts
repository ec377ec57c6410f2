/**
 * The data a template sees (docs/templates.md): the details with every user value held as a
 * placeholder, situation flags, and the pack's entries that apply to the situation.
 * Every documented field is always present (empty when unknown), so templates compile in
 * strict mode and a misspelt variable is an error, not a blank.
 */
import type { Details } from "../details/types.js";
import type { ListEntry, Pack, Step } from "../pack/types.js";
import { formatIban } from "../details/index.js";
import { selectEntries } from "../pack/index.js";
import type { UserTextTable } from "./user-text.js";

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
  phrases: Pack["phrases"];
}

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
      proxy: { name: details.proxy?.name ?? "", idNumber: details.proxy?.idNumber ?? "" },
      refund: {
        iban: details.refund ? formatIban(details.refund.iban) : "",
        bic: details.refund?.bic ?? "",
        holder: details.refund?.holder ?? "",
      },
      forwardingAddress: (details.forwardingAddress ?? []).join("\n"),
    }),
    // Closed sets checked by validation, not free text: templates may compare them.
    plan: details.plan ?? "",
    channel: details.channel,
  };
}

export function buildContext(
  details: Details,
  pack: Pack,
  users: UserTextTable,
  languages: { lang: string; letterLang: string; translation: boolean },
): TemplateContext {
  const situation = { channel: details.channel, ...(details.plan ? { plan: details.plan } : {}) };
  return {
    ...languages,
    details: detailsForTemplates(details, users),
    is: {
      prepaid: details.plan === "prepaid",
      postpaid: details.plan === "postpaid",
      planUnknown: details.plan === undefined,
      inPerson: details.channel === "in-person",
      post: details.channel === "post",
      proxy: details.channel === "proxy",
      refund: details.refund !== undefined,
    },
    pack,
    steps: selectEntries(pack.steps, situation).map((step) => ({ ...step, items: selectEntries(step.items, situation) })),
    documents: selectEntries(pack.documents, situation),
    precautions: selectEntries(pack.precautions, situation),
    phrases: pack.phrases,
  };
}
