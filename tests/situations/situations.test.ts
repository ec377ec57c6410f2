/**
 * Every checklist language x plan x channel: the PDFs show what applies to the situation and
 * nothing that does not (a letter sent by post gets no agency advice), the letter is followed by
 * its translation (marked not to be sent), and every statement to verify carries its mark, once.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { englishProblems } from "../support/words.js";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../../src/index.js";
import { applies } from "../../src/pack/index.js";
import { flat, readPdf } from "../support/pdf.js";
import { ROOT } from "../support/cli.js";

type Lang = "zh-Hans" | "zh-Hant" | "en" | "fr";
type Plan = "prepaid" | "postpaid";
type Channel = "in-person" | "post" | "proxy";
interface Entry { id: string; text: Record<string, string>; status: string; when?: { plan?: Plan[]; channel?: Channel[] } }
interface PackData {
  steps: { id: string; when?: Entry["when"]; items: Entry[] }[];
  documents: Entry[];
  precautions: Entry[];
  strings: Record<string, Record<string, string>>;
  facts: Record<string, { status: string }>;
  recipient: { lines: string[]; status: string };
  phrases: { fr: string }[];
}

const pack = parse(await readFile(join(ROOT, "templates", "nc-opt", "pack.yaml"), "utf8")) as PackData;
const entries = [...pack.steps.flatMap((s) => s.items), ...pack.documents, ...pack.precautions];
const byId = (id: string) => entries.find((e) => e.id === id)!;
const squash = (text: string) => text.replace(/[\s\u00a0]+/g, "");
/** The literal part of an entry's text before its first helper call, as printed. */
const opening = (entry: Entry, lang: Lang) => squash(entry.text[lang]!.split("{{")[0]!).slice(0, 24);

const LANGS: Lang[] = ["zh-Hans", "zh-Hant", "en", "fr"];
const PLANS: Plan[] = ["prepaid", "postpaid"];
const CHANNELS: Channel[] = ["in-person", "post", "proxy"];
const cases = LANGS.flatMap((lang) => PLANS.flatMap((plan) => CHANNELS.map((channel) => ({ lang, plan, channel }))));
const MARK = "※";

/** The entries the checklist prints, in its order: each step's items (the documents after the
 * documents step's), then the precautions. */
function printed(plan: Plan, channel: Channel): Entry[] {
  const situation = { plan, channel };
  const keep = (list: Entry[]) => list.filter((e) => applies(e.when, situation));
  return [
    ...pack.steps.filter((s) => applies(s.when, situation)).flatMap((s) => [...keep(s.items), ...(s.id === "documents" ? keep(pack.documents) : [])]),
    ...keep(pack.precautions),
  ];
}

/** Marks an entry must show: one per fact to verify inside it, else one if it is itself to verify. */
function marksOf(entry: Entry, lang: Lang): number {
  const text = entry.text[lang]!;
  const facts = [...text.matchAll(/\{\{fact "([^"]+)"\}\}/g)].filter((m) => pack.facts[m[1]!]!.status === "verify").length;
  const recipient = text.includes("{{mark pack.recipient}}") && pack.recipient.status === "verify" ? 1 : 0;
  return facts + recipient || (entry.status === "verify" ? 1 : 0);
}

/** Entries that must show for the situation, and those that must not. */
const EXPECTED: Record<string, (plan: Plan, channel: Channel) => boolean> = {
  "prepaid-credit": (plan) => plan === "prepaid",
  "postpaid-deposit": (plan) => plan === "postpaid",
  "postpaid-last-bill": (plan) => plan === "postpaid",
  "check-app": (plan) => plan === "postpaid",
  receipts: (plan) => plan === "postpaid",
  rib: (plan) => plan === "postpaid",
  post: (_, channel) => channel === "post",
  agency: (_, channel) => channel !== "post",
  proxy: (_, channel) => channel === "proxy",
  procuration: (_, channel) => channel === "proxy",
  // The agency's advice (appointment, originals, stamped copy) is for whoever goes there; a letter
  // sent by post gets its own: confirm the address first, copies in the envelope, proofs of sending.
  hotline: (_, channel) => channel !== "post",
  "hotline-post": (_, channel) => channel === "post",
  gather: (_, channel) => channel === "in-person",
  "gather-proxy": (_, channel) => channel === "proxy",
  "gather-post": (_, channel) => channel === "post",
  "id-card": (_, channel) => channel === "in-person",
  "proxy-own-id": (_, channel) => channel === "proxy",
  "id-copy": (_, channel) => channel !== "in-person",
  attestation: (_, channel) => channel === "in-person",
  "sim-return": (_, channel) => channel === "in-person",
  "stamped-copy": (_, channel) => channel === "in-person",
  "attestation-proxy": (_, channel) => channel === "proxy",
  "attestation-post": (_, channel) => channel === "post",
  "esim-post": (_, channel) => channel === "post",
  proofs: (_, channel) => channel !== "post",
  "proofs-post": (_, channel) => channel === "post",
  "number-ends": () => true,
  unbind: () => true,
};

describe.each(cases)("$lang, $plan, $channel", ({ lang, plan, channel }) => {
  it("shows what applies, hides what does not, and marks what to verify", async () => {
    const documents = await generate(
      {
        name: "Xiaoming WANG",
        phone: "76 12 34",
        plan,
        channel,
        date: "2026-03-01",
        ...(channel === "proxy" ? { proxyName: "Li CHEN" } : {}),
        ...(plan === "postpaid" ? { iban: "FR14 2004 1010 0505 0001 3M02 606" } : {}),
      },
      { lang },
    );
    expect(documents.map((d) => d.kind)).toEqual(channel === "proxy" ? ["checklist", "letter", "proxy"] : ["checklist", "letter"]);
    const [checklist, letter] = await Promise.all(documents.slice(0, 2).map((d) => readPdf(d.bytes)));
    const text = squash(checklist!.text);

    for (const [id, shown] of Object.entries(EXPECTED)) {
      const words = opening(byId(id), lang);
      if (shown(plan, channel)) expect(text, `${id} missing`).toContain(words);
      else expect(text, `${id} shown`).not.toContain(words);
    }
    // Strings of the agency visit, and the counter phrases, only when someone goes there.
    const strings = (key: string) => squash(pack.strings[key]![lang]!);
    for (const key of ["label.visitDate", "label.agent"]) {
      if (channel === "post") expect(text, `${key} shown`).not.toContain(strings(key));
      else expect(text, `${key} missing`).toContain(strings(key));
    }
    for (const key of ["label.sentDate", "label.registeredNumber"]) {
      if (channel === "post") expect(text, `${key} missing`).toContain(strings(key));
      else expect(text, `${key} shown`).not.toContain(strings(key));
    }
    // The holder's phrases in person, the representative's by proxy, none by post.
    for (const phrase of pack.phrases as { fr: string; when?: Entry["when"] }[]) {
      expect(text.includes(squash(phrase.fr)), phrase.fr).toBe(channel !== "post" && applies(phrase.when, { plan, channel }));
    }

    // Every printed statement to verify carries the mark; the note explaining the mark is there.
    const shown = printed(plan, channel);
    const shownToVerify = shown.filter((e) => e.status === "verify");
    expect(shownToVerify.length).toBeGreaterThan(3);
    expect(text.split(MARK).length - 1).toBeGreaterThanOrEqual(shownToVerify.length + 1);
    expect(text).toContain(squash(pack.strings["verifyNote"]![lang]!));
    // One mark per item, never two in a row ("helia.nc※.※"): cut the text at each printed entry's
    // opening words and count the marks in each piece.
    expect(text).not.toMatch(/※[^\p{L}\p{N}※]{0,3}※/u);
    const starts = shown.reduce<number[]>((at, entry) => {
      const found = text.indexOf(opening(entry, lang), at.at(-1) ?? 0);
      expect(found, `${entry.id} not found in order`).toBeGreaterThanOrEqual(0);
      return [...at, found];
    }, []);
    starts.push(text.indexOf(squash(pack.strings["verifyNote"]![lang]!)));
    shown.forEach((entry, i) => {
      const piece = text.slice(starts[i], starts[i + 1]);
      expect(piece.split(MARK).length - 1, `marks in ${entry.id}: ${piece}`).toBe(marksOf(entry, lang));
    });

    // The letter's address is to verify: the post checklist gives it, on one line with the mark,
    // where it says where to send the letter; the letter itself, read by the carrier, has no mark.
    const recipient = squash(pack.recipient.lines.join(", "));
    if (channel === "post") expect(text).toContain(`${recipient}${MARK}`);
    else expect(text).not.toContain(recipient);
    expect(squash(letter!.pages[0]!.text)).toContain(squash(pack.recipient.lines.join("")));
    expect(letter!.text).not.toContain(MARK);

    // Latin-script checklists quote with narrow quotes: the bundled font draws “ ” full width.
    if (lang === "en") expect(text).toContain('"Mesdémarchesenligne"');
    if (lang === "fr") expect(text).toContain("«Mesdémarchesenligne»");
    if (lang === "en" || lang === "fr") expect(checklist!.text).not.toMatch(/[“”‘’]/);
    if (plan === "postpaid") expect(text).toContain("FR14200410100505");

    // The letter is French; a translation in the user's language follows unless they read French.
    expect(documents[1]!.lang).toBe("fr");
    expect(squash(letter!.pages[0]!.text)).toContain("Madame,Monsieur,");
    expect(squash(letter!.pages[0]!.text)).toContain("Nouméa,le1ermars2026");
    const translation = squash(letter!.pages.slice(1).map((p) => p.text).join(""));
    if (lang === "fr") {
      expect(letter!.pages.length).toBe(1);
    } else {
      expect(translation).toContain(squash(pack.strings["translationNotice"]![lang]!.split("{{")[0]!));
      expect(translation).toContain(lang === "en" ? "1March2026" : "2026年3月1日");
    }
    if (channel === "post") expect(squash(letter!.text)).toContain("Lettrerecommandéeavecaccuséderéception");
  });
});

describe.each(LANGS)("user text inside a sentence, %s", (lang) => {
  // Markup in the address must stay literal. (A comma typed at a line's end is tested in
  // tests/compose: here it would hide a line break kept by mistake.)
  const address = "## 12 rue des *Fictifs*, appartement 3\n98800 NOUMÉA";
  const forwarding = "Résidence Les Pins\nBP 12345\n98800 NOUMÉA";
  const reason = lang.startsWith("zh") ? "回国。" : "Départ définitif.";
  const documents = generate(
    { name: "Xiaoming WANG", phone: "76 12 34", plan: "postpaid", channel: "proxy", proxyName: "Li CHEN", date: "2026-03-01", address, forwardingAddress: forwarding, reason },
    { lang },
  ).then((docs) => Promise.all(docs.map((d) => readPdf(d.bytes))));
  const oneLine = "## 12 rue des *Fictifs*, appartement 3, 98800 NOUMÉA";
  const forwardingLine = "Résidence Les Pins, BP 12345, 98800 NOUMÉA";

  it("an address in a sentence runs on one line, its lines joined with commas; address blocks keep their lines", async () => {
    const [checklist, letter, proxy] = await documents;
    const french = (pdf: typeof letter) => flat(pdf!.pages[0]!.text);
    const translated = (pdf: typeof letter) => squash(pdf!.pages.slice(1).map((p) => p.text).join(""));
    expect(french(proxy)).toContain(`demeurant ${oneLine}, titulaire`);
    expect(french(letter)).toContain(`à l'adresse suivante : ${forwardingLine}. Je vous saurais gré`);
    const inTranslation: Record<Exclude<Lang, "fr">, [string, string]> = {
      en: [`living at ${oneLine}, holder`, `at the following address: ${forwardingLine}. I would be grateful`],
      "zh-Hans": [`住址 ${oneLine}，手机线路`, `寄到以下地址：${forwardingLine}。如有余额`],
      "zh-Hant": [`住址 ${oneLine}，手機線路`, `寄到以下地址：${forwardingLine}。如有餘額`],
    };
    if (lang !== "fr") {
      expect(translated(proxy)).toContain(squash(inTranslation[lang][0]));
      expect(translated(letter)).toContain(squash(inTranslation[lang][1]));
    }
    // The sender block and the checklist's rows are blocks: one printed line per line typed.
    const senderLines = letter!.pages[0]!.lines.map((l) => l.text);
    expect(senderLines).toContain("## 12 rue des *Fictifs*, appartement 3");
    expect(senderLines).toContain("98800 NOUMÉA");
    expect(checklist!.pages[0]!.lines.map((l) => l.text)).toContain("BP 12345");
  });

  it("a reason that already ends with a full stop gets no second one", async () => {
    const [, letter] = await documents;
    const text = squash(letter!.text);
    expect(text).toContain(squash(`Motif : ${reason}`));
    expect(text).not.toMatch(/\.\.|。。|。\./);
    // The proxy's letter says next who hands it in.
    if (lang === "en") expect(text).toContain("Reason:Départdéfinitif.Thisrequestishandedin");
    if (lang === "zh-Hans") expect(text).toContain("原因：回国。本申请由受托人");
    if (lang === "zh-Hant") expect(text).toContain("原因：回国。本申請由受託人");
  });
});

describe("options that change the letter", () => {
  it("--no-translation drops the translation page", async () => {
    const [, letter] = await generate({ name: "Xiaoming WANG", phone: "76 12 34", date: "2026-03-01" }, { translation: false });
    expect(letter!.pages).toBe(1);
  });

  it("--letter-lang writes the letter to send in another language", async () => {
    const [, letter] = await generate({ name: "Xiaoming WANG", phone: "76 12 34", date: "2026-03-01" }, { lang: "zh-Hans", letterLang: "en" });
    const pdf = await readPdf(letter!.bytes);
    expect(letter!.lang).toBe("en");
    expect(pdf.pages[0]!.text).toContain("Dear Sir or Madam");
    expect(squash(pdf.pages[1]!.text)).toContain("女士/先生");
  });

  it.each([
    [{ lang: "de" }, /^--lang: "de" is not available; accepted values: zh-Hans, zh-Hant, en, fr$/],
    [{ letterLang: "de" }, /^--letter-lang: "de" is not available; accepted values: fr, zh-Hans, zh-Hant, en$/],
  ])("an unknown language %j lists the accepted values", async (options, message) => {
    const error = await generate({ name: "Xiaoming WANG", phone: "76 12 34" }, options).catch((e: unknown) => e);
    expect(englishProblems(error)).toEqual([expect.stringMatching(message)]);
  });
});
