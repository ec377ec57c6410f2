/**
 * What the situation table (situations.zh.test.ts, situations.latin.test.ts, table.ts) rests on,
 * and the situations outside it: the hand-written specification (spec.ts) names every entry,
 * phrase and enclosure of the pack and recognises each in a PDF; a letter in another language;
 * the offer's name; user text inside a sentence; the options that change the letter.
 */
import { describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { flat, readPdf } from "../support/pdf.js";
import { englishProblems } from "../support/words.js";
import { allEntries, ENCLOSURE_RULES, ENTRY_RULES, openings, PACK, PHRASE_RULES, squash, type Lang } from "./spec.js";

const LANGS: Lang[] = ["zh-Hans", "zh-Hant", "en", "fr"];

describe("the specification covers the pack", () => {
  it("names every entry, phrase and enclosure of pack.yaml, and nothing else", () => {
    expect(Object.keys(ENTRY_RULES).sort()).toEqual(
      allEntries()
        .map((e) => e.id)
        .sort(),
    );
    expect(Object.keys(PHRASE_RULES).sort()).toEqual(PACK.phrases.map((p) => p.fr).sort());
    expect(Object.keys(ENCLOSURE_RULES)).toEqual(PACK.enclosures.map((e) => e.id));
  });

  it.each(LANGS)("recognises each entry by its opening words, which no other entry starts with (%s)", (lang) => {
    for (const entry of allEntries()) {
      const mine = openings(entry.text[lang]!);
      expect(mine.length, entry.id).toBeGreaterThan(0);
      for (const words of mine) {
        expect(words.length, `${entry.id}: ${words}`).toBeGreaterThanOrEqual(5);
        for (const other of allEntries()) {
          if (other.id !== entry.id)
            expect(squash(other.text[lang]!).includes(words), `${entry.id}'s "${words}" is in ${other.id}`).toBe(false);
        }
      }
    }
  });
});

describe("a letter in another language, and the offer's name", () => {
  it("--letter-lang en: the checklist speaks of the letter in English, not of a French letter", async () => {
    const [checklist, letter] = await generate(
      { name: "Xiaoming WANG", phone: "76 12 34", date: "2026-03-01" },
      { lang: "en", letterLang: "en" },
    );
    expect(letter!.lang).toBe("en");
    const text = flat((await readPdf(checklist!.bytes)).text);
    expect(text).toContain("(the letter in English made by this tool)");
    expect(text).not.toMatch(/French letter|letter in French/);
    const zh = flat(
      (
        await readPdf(
          (
            await generate(
              { name: "Xiaoming WANG", phone: "76 12 34", date: "2026-03-01" },
              { lang: "zh-Hans", letterLang: "en" },
            )
          )[0]!.bytes,
        )
      ).text,
    );
    expect(zh).toContain("本工具生成的英文信");
    expect(zh).not.toContain("法文信");
  });

  it("names the offer only when it is given", async () => {
    const withOffer = await generate(
      { name: "Xiaoming WANG", phone: "76 12 34", date: "2026-03-01", plan: "postpaid", offer: "Forfait M 10 Go" },
      { lang: "zh-Hans" },
    );
    const letter = await readPdf(withOffer[1]!.bytes);
    expect(flat(letter.pages[0]!.text)).toContain("n° +687 76 12 34 (forfait « Forfait M 10 Go »), dont");
    expect(squash(letter.pages[1]!.text)).toContain(squash("+687 76 12 34（后付费套餐“Forfait M 10 Go”）的持有人"));
    expect(flat((await readPdf(withOffer[0]!.bytes)).text)).toContain("后付费套餐（forfait） – Forfait M 10 Go");
  });
});

describe.each(LANGS)("user text inside a sentence, %s", (lang) => {
  // Markup in the address must stay literal. (A comma typed at a line's end is tested in
  // tests/compose: here it would hide a line break kept by mistake.)
  const address = "## 12 rue des *Fictifs*, appartement 3\n98800 NOUMÉA";
  const forwarding = "Résidence Les Pins\nBP 12345\n98800 NOUMÉA";
  const reason = lang.startsWith("zh") ? "回国。" : "Départ définitif.";
  const documents = generate(
    {
      name: "Xiaoming WANG",
      phone: "76 12 34",
      plan: "postpaid",
      channel: "proxy",
      proxyName: "Li CHEN",
      date: "2026-03-01",
      address,
      forwardingAddress: forwarding,
      reason,
    },
    { lang },
  ).then((docs) => Promise.all(docs.map((d) => readPdf(d.bytes))));
  const oneLine = "## 12 rue des *Fictifs*, appartement 3, 98800 NOUMÉA";
  const forwardingLine = "Résidence Les Pins, BP 12345, 98800 NOUMÉA";

  it("an address in a sentence runs on one line, its lines joined with commas; address blocks keep their lines", async () => {
    const [checklist, letter, proxy] = await documents;
    const french = (pdf: typeof letter) => flat(pdf!.pages[0]!.text);
    const translated = (pdf: typeof letter) =>
      squash(
        pdf!.pages
          .slice(1)
          .map((p) => p.text)
          .join(""),
      );
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
    const [, letter] = await generate(
      { name: "Xiaoming WANG", phone: "76 12 34", date: "2026-03-01" },
      { translation: false },
    );
    expect(letter!.pages).toBe(1);
  });

  it("--letter-lang writes the letter to send in another language", async () => {
    const [, letter] = await generate(
      { name: "Xiaoming WANG", phone: "76 12 34", date: "2026-03-01" },
      { lang: "zh-Hans", letterLang: "en" },
    );
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
