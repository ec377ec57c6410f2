/**
 * Every checklist language x plan x channel: the PDFs show what applies to the situation and
 * nothing that does not, the letter is followed by its translation (marked not to be sent), and
 * every statement to verify carries its mark.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../../src/index.js";
import { readPdf } from "../support/pdf.js";
import { ROOT } from "../support/cli.js";

type Lang = "zh-Hans" | "zh-Hant" | "en" | "fr";
type Plan = "prepaid" | "postpaid";
type Channel = "in-person" | "post" | "proxy";
interface Entry { id: string; text: Record<string, string>; status: string; when?: { plan?: Plan[]; channel?: Channel[] } }
interface PackData { steps: { items: Entry[] }[]; documents: Entry[]; precautions: Entry[]; strings: Record<string, Record<string, string>> }

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

/** Entries that must show for the situation, and those that must not. */
const EXPECTED: Record<string, (plan: Plan, channel: Channel) => boolean> = {
  "prepaid-credit": (plan) => plan === "prepaid",
  "postpaid-deposit": (plan) => plan === "postpaid",
  "postpaid-last-bill": (plan) => plan === "postpaid",
  rib: (plan) => plan === "postpaid",
  post: (_, channel) => channel === "post",
  agency: (_, channel) => channel !== "post",
  proxy: (_, channel) => channel === "proxy",
  procuration: (_, channel) => channel === "proxy",
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
    // Every printed statement to verify carries the mark; the note explaining the mark is there.
    const shownToVerify = entries.filter((e) => e.status === "verify" && text.includes(opening(e, lang)));
    expect(shownToVerify.length).toBeGreaterThan(3);
    expect(text.split("※").length - 1).toBeGreaterThanOrEqual(shownToVerify.length + 1);
    expect(text).toContain(squash(pack.strings["verifyNote"]![lang]!));
    if (plan === "postpaid") expect(text).toContain("FR14200410100505");

    // The letter is French; a translation in the user's language follows unless they read French.
    expect(documents[1]!.lang).toBe("fr");
    expect(squash(letter!.pages[0]!.text)).toContain("Madame,Monsieur,");
    expect(squash(letter!.pages[0]!.text)).toContain("Nouméa,le1ermars2026");
    const translation = squash(letter!.pages.slice(1).map((p) => p.text).join(""));
    if (lang === "fr") {
      expect(letter!.pages.length).toBe(1);
    } else {
      expect(translation).toContain(squash(pack.strings["translationNotice"]![lang]!));
      expect(translation).toContain(lang === "en" ? "1March2026" : "2026年3月1日");
    }
    if (channel === "post") expect(squash(letter!.text)).toContain("Lettrerecommandéeavecaccuséderéception");
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
    [{ lang: "de" }, /--lang: "de".*zh-Hans, zh-Hant, en, fr/],
    [{ letterLang: "de" }, /--letter-lang: "de".*fr, zh-Hans, zh-Hant, en/],
  ])("an unknown language %j lists the accepted values", async (options, message) => {
    await expect(generate({ name: "Xiaoming WANG", phone: "76 12 34" }, options)).rejects.toThrow(message);
  });
});
