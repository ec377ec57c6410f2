/**
 * The situation table (see situations.test.ts): every plan x channel x leaving or not, for the
 * languages a test file asks for, generated and read back from the PDFs' text against the
 * hand-written specification in spec.ts. Split in two files by language so the two halves run
 * side by side on two cores.
 */
import { describe, expect, it } from "vitest";
import { OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { generate } from "../../src/index.js";
import { flat, openPdf, readPdf, type ParsedPdf } from "../support/pdf.js";
import {
  allEntries,
  ENCLOSURE_RULES,
  expectedSources,
  marksOf,
  openings,
  PACK,
  PHRASE_RULES,
  printedEntries,
  squash,
  type Channel,
  type Lang,
  type Plan,
  type Situation,
} from "./spec.js";

const PLANS: (Plan | undefined)[] = ["prepaid", "postpaid", undefined];
const CHANNELS: Channel[] = ["in-person", "post", "proxy"];
const MARK = "※";
const IBAN = "FR14 2004 1010 0505 0001 3M02 606";

/**
 * One situation per combination. A refund account goes with every postpaid line and with a
 * prepaid one sent by post; a person leaving signs in Paris, gives an end date, and says so with
 * the leaving flag (in person), a forwarding address (by post) or both (by proxy), and by proxy
 * gives both identities in full (the others leave them to fill in by hand).
 */
const situations = (langs: readonly Lang[]): Situation[] =>
  langs.flatMap((lang) =>
    PLANS.flatMap((plan) =>
      CHANNELS.flatMap((channel) =>
        [false, true].map((leaving) => ({
          lang,
          plan,
          channel,
          leaving,
          refund: plan === "postpaid" || (plan === "prepaid" && channel === "post"),
        })),
      ),
    ),
  );

function inputOf(s: Situation): Record<string, unknown> {
  return {
    name: "Xiaoming WANG",
    phone: "76 12 34",
    date: "2026-03-01",
    channel: s.channel,
    ...(s.plan ? { plan: s.plan } : {}),
    ...(s.refund ? { iban: IBAN } : {}),
    ...(s.channel === "proxy" ? { proxyName: "Li CHEN" } : {}),
    ...(s.leaving ? { place: "Paris", effectiveDate: "2026-12-31" } : {}),
    ...(s.leaving && s.channel !== "post" ? { leaving: true } : {}),
    ...(s.leaving && s.channel !== "in-person" ? { forwardingAddress: "wang@example.com" } : {}),
    ...(s.leaving && s.channel === "proxy"
      ? { birthDate: "1990-05-12", idType: "passport", idNumber: "E12345678", proxyId: "AB123", proxyIdType: "id-card" }
      : {}),
  };
}

/** Words of a bill, in every language the documents use. */
const BILL = /factur|invoice|\bbills?\b|账单|帳單/iu;
/** The holder speaking of their own line or card at the counter (French counter phrases). */
const HOLDER_VOICE = /\b(ma ligne|ma carte SIM|ma copie|Dois-je)\b/u;

/** Horizontal strokes drawn on a page (fill-in and signature lines), top-down y, as pdf.js reads them. */
async function strokes(bytes: Uint8Array, pageNumber: number): Promise<{ y: number; x1: number; x2: number }[]> {
  const doc = await openPdf(bytes);
  try {
    const page = await doc.getPage(pageNumber);
    const ops = await page.getOperatorList();
    const found: { y: number; x1: number; x2: number }[] = [];
    ops.fnArray.forEach((fn, i) => {
      if (fn !== OPS.constructPath) return;
      const [pathOps, coords] = ops.argsArray[i] as [number[], number[]];
      // A moveTo and a lineTo at the same height: pdfkit writes the page flipped (y down), as readPdf reports text.
      if (pathOps.length === 2 && pathOps[0] === OPS.moveTo && pathOps[1] === OPS.lineTo && coords[1] === coords[3]) {
        found.push({ y: coords[1]!, x1: Math.min(coords[0]!, coords[2]!), x2: Math.max(coords[0]!, coords[2]!) });
      }
    });
    return found;
  } finally {
    await doc.destroy();
  }
}

/** Text drawn past the right margin of its page (a fill-in line that pushed the rest of a sentence out). */
async function pastMargin(bytes: Uint8Array): Promise<string[]> {
  const doc = await openPdf(bytes);
  try {
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const width = (page.view as number[])[2]!;
      for (const item of (await page.getTextContent()).items as { str: string; transform: number[]; width: number }[]) {
        if (item.str.trim() !== "" && item.transform[4]! + item.width > width - 30) out.push(`page ${n}: ${item.str}`);
      }
    }
    return out;
  } finally {
    await doc.destroy();
  }
}

/** The line of a page holding `text`, and its y. */
function lineWith(pdf: ParsedPdf, page: number, text: string): { y: number; text: string } {
  const line = pdf.pages[page]!.lines.find((l) => flat(l.text).includes(text));
  if (!line) throw new Error(`no line with ${JSON.stringify(text)} on page ${page + 1}:\n${pdf.pages[page]!.text}`);
  return line;
}

const string = (key: string, lang: Lang) => PACK.strings[key]![lang]!;

/** "fr, prepaid, proxy, leaving": a name to run one situation with vitest -t. */
const title = (s: Situation) =>
  [s.lang, s.plan ?? "plan unsaid", s.channel, s.leaving ? "leaving" : "staying"].join(", ");

export function situationTable(langs: readonly Lang[]): void {
  describe.each(situations(langs).map((s) => [title(s), s] as const))("%s", (_, s) => {
    const documents = generate(inputOf(s), { lang: s.lang });
    const parsed = documents.then((docs) => Promise.all(docs.map((d) => readPdf(d.bytes, { fonts: false }))));

    it("the checklist prints exactly its own items, in order, each to verify with one mark", async () => {
      const [checklist] = await parsed;
      const text = squash(checklist!.text);
      const shown = printedEntries(s);
      for (const entry of allEntries()) {
        const found = openings(entry.text[s.lang]!).some((words) => text.includes(words));
        expect(found, `${entry.id} ${shown.includes(entry) ? "missing" : "shown"}`).toBe(shown.includes(entry));
      }
      // Cut the text at each printed entry's opening and count the marks in each piece.
      const starts = shown.reduce<number[]>((at, entry) => {
        const from = at.at(-1) ?? 0;
        const found = Math.min(
          ...openings(entry.text[s.lang]!)
            .map((w) => text.indexOf(w, from))
            .filter((i) => i >= 0),
        );
        expect(found, `${entry.id} not found in order`).toBeLessThan(Infinity);
        at.push(found);
        return at;
      }, []);
      const note = text.indexOf(squash(string("verifyNote", s.lang)));
      expect(note).toBeGreaterThan(starts.at(-1)!);
      starts.push(note);
      shown.forEach((entry, i) => {
        const piece = text.slice(starts[i], starts[i + 1]);
        expect(piece.split(MARK).length - 1, `marks in ${entry.id}: ${piece}`).toBe(marksOf(entry, s.lang));
      });
      expect(text).not.toMatch(/※[^\p{L}\p{N}※]{0,3}※/u);
      expect(checklist!.text).not.toMatch(/\{\{|\}\}|undefined|\[object/);
    });

    it("sections and fill-in rows fit the situation: counter phrases in the right voice, none by post", async () => {
      const [checklist] = await parsed;
      const text = squash(checklist!.text);
      const has = (key: string) => text.includes(squash(string(key, s.lang).split("{{")[0]!));
      expect(has("leavingHeading"), "leaving section").toBe(s.leaving);
      expect(has("label.visitDate") && has("label.agent"), "visit rows").toBe(s.channel !== "post");
      expect(has("label.sentDate") || has("label.registeredNumber"), "sending rows").toBe(s.channel === "post");
      for (const [fr, rule] of Object.entries(PHRASE_RULES)) {
        expect(text.includes(squash(fr)), fr).toBe(s.channel !== "post" && rule(s));
      }
      const phraseLines = checklist!.pages
        .flatMap((p) => p.lines)
        .filter((l) => Object.keys(PHRASE_RULES).some((fr) => flat(l.text).includes(fr.slice(0, 20))));
      if (s.channel === "proxy")
        expect(phraseLines.filter((l) => HOLDER_VOICE.test(l.text)).map((l) => l.text)).toEqual([]);
      if (s.channel === "post") expect(phraseLines).toEqual([]);
    });

    it("a prepaid line never reads of a bill, in the checklist, the letter or its translation", async () => {
      const pdfs = await parsed;
      const bills = pdfs
        .flatMap((pdf) => pdf.pages.flatMap((p) => p.lines))
        .filter((l) => BILL.test(l.text))
        .map((l) => l.text);
      if (s.plan === "prepaid") expect(bills).toEqual([]);
      else expect(bills.length).toBeGreaterThan(0);
    });

    it("ends with the sources of its ※ items, by name and date, in the checklist's language", async () => {
      const [checklist] = await parsed;
      const text = squash(checklist!.text);
      const appendix = text.slice(text.lastIndexOf(squash(string("sourcesHeading", s.lang))));
      const expected = expectedSources(s);
      expect(expected.length).toBeGreaterThan(3);
      for (const [id, source] of Object.entries(PACK.sources)) {
        if (!source.name) continue;
        const named = appendix.includes(squash(source.name[s.lang]!));
        expect(named, `${id} ${expected.includes(id) ? "missing" : "listed"}`).toBe(expected.includes(id));
        if (named && source.date)
          expect(appendix).toContain(squash(typeof source.date === "string" ? source.date : source.date[s.lang]!));
      }
    });

    it("the letter: the place it is signed, who hands it in, the refund, the SIM question, its enclosures", async () => {
      const [, letter] = await parsed;
      const page = flat(letter!.pages[0]!.text);
      expect(page).toContain(s.leaving ? "Paris, le 1er mars 2026" : "Nouméa, le 1er mars 2026");
      expect(page).toContain("Madame, Monsieur,");
      for (const line of PACK.recipient.lines) expect(page).toContain(line);
      expect(letter!.text).not.toContain(MARK);
      expect(letter!.text).not.toContain("Forfait M");
      expect(page).toContain(
        s.plan === "prepaid"
          ? "n° +687 76 12 34 (offre prépayée Liberté), dont"
          : s.plan === "postpaid"
            ? "n° +687 76 12 34 (forfait), dont"
            : "n° +687 76 12 34, dont",
      );
      expect(page.includes("Lettre recommandée avec accusé de réception")).toBe(s.channel === "post");
      expect(page.includes("Cette demande vous est remise par Li CHEN")).toBe(s.channel === "proxy");
      expect(page.includes("carte SIM doit vous être restituée")).toBe(s.channel === "post");
      expect(page.includes("Je vous saurais gré de me rembourser")).toBe(s.plan !== "prepaid");
      expect(page.includes("Si le crédit restant sur la ligne peut être remboursé")).toBe(
        s.plan === "prepaid" && s.refund,
      );
      if (s.refund) expect(page).toContain("IBAN FR14 2004 1010 0505 0001 3M02 606");
      else if (s.plan !== "prepaid")
        expect(page).toContain("sur le compte dont le relevé d'identité bancaire (RIB) est joint");
      const enclosures = PACK.enclosures.filter((e) => ENCLOSURE_RULES[e.id]!(s)).map((e) => e.text["fr"]);
      expect(page).toContain(`PJ : ${enclosures.join(", ")}`);
      expect(page).not.toMatch(/PJ : .*, ,|PJ : ,/);
      if (s.leaving && s.channel !== "in-person") expect(page).toContain("à l'adresse suivante : wang@example.com");
    });

    // A French reader gets no translation (checked below, with the options): nothing to read here.
    if (s.lang !== "fr")
      it("the translation: a notice that fits the channel, the place, Chinese closing on two lines", async () => {
        const [, letter] = await parsed;
        const translation = letter!.pages.slice(1);
        expect(translation.length).toBeGreaterThan(0);
        const text = flat(translation.map((p) => p.text).join("\n"));
        const notice: Record<Exclude<Lang, "fr">, [string, string]> = {
          en: ["do not send it", "do not hand it in"],
          "zh-Hans": ["请勿寄出", "请勿交出"],
          "zh-Hant": ["請勿寄出", "請勿交出"],
        };
        const [posted, handed] = notice[s.lang as Exclude<Lang, "fr">];
        expect(text.includes(posted)).toBe(s.channel === "post");
        expect(text.includes(handed)).toBe(s.channel !== "post");
        const place = s.leaving ? "Paris" : s.lang === "en" ? "Nouméa" : "努美阿";
        expect(text).toContain(s.lang === "en" ? `${place}, 1 March 2026` : `${place}，2026年3月1日`);
        if (s.lang !== "en") {
          const lines = translation.flatMap((p) => p.lines.map((l) => l.text.trim()));
          const closing = s.lang === "zh-Hans" ? "敬礼" : "敬禮";
          expect(lines[lines.indexOf("此致") + 1]).toBe(closing);
          expect(text).not.toMatch(/此致敬[礼禮]|敬[礼禮]。/);
          if (s.leaving)
            expect(squash(text)).toContain(s.lang === "zh-Hans" ? "请于2026年12月31日起" : "請於2026年12月31日起");
          expect(text).not.toContain("請于");
        }
      });

    if (s.channel === "proxy")
      it("the procuration: the holder's identity, the representative's document, the place, two signature lines", async () => {
        const docs = await documents;
        const [, , proxy] = await parsed;
        const page = flat(proxy!.pages[0]!.text);
        expect(page).toContain(`Fait à ${s.leaving ? "Paris" : "Nouméa"}, le 1er mars 2026`);
        if (s.leaving) {
          expect(page).toContain(
            "Je soussigné(e) Xiaoming WANG, né(e) le 12 mai 1990, pièce d'identité : passeport n° E12345678, demeurant",
          );
          expect(page).toContain(
            "donne procuration à Li CHEN, pièce d'identité : carte nationale d'identité n° AB123,",
          );
        } else {
          // Nothing given: the same words with lines to fill in by hand where the values go.
          expect(page).toContain("Je soussigné(e) Xiaoming WANG, né(e) le , pièce d'identité : n° , demeurant");
          expect(page).toContain("donne procuration à Li CHEN, pièce d'identité : n° ,");
        }
        expect(page).toContain(
          "Le mandataire présentera sa propre pièce d'identité, une copie de la mienne et la présente procuration.",
        );
        // Lines to fill in inside a sentence have a width: the words after them stay on the page.
        expect(await pastMargin(docs[2]!.bytes)).toEqual([]);
        // « Bon pour pouvoir » above the holder's room to sign, a line to sign on, the name under it; the same for the representative.
        const lines = await strokes(docs[2]!.bytes, 1);
        for (const [mention, name] of [
          ["« Bon pour pouvoir »", "Le mandant : Xiaoming WANG"],
          ["« Bon pour acceptation »", "Le mandataire : Li CHEN"],
        ] as const) {
          const above = lineWith(proxy!, 0, mention);
          const under = lineWith(proxy!, 0, name);
          expect(under.y - above.y, `room to sign under ${mention}`).toBeGreaterThan(40);
          const signOn = lines.filter((l) => l.y > above.y + 30 && l.y < under.y && l.x2 - l.x1 > 150);
          expect(signOn, `a line to sign on between ${mention} and ${name}`).toHaveLength(1);
        }
        if (s.lang !== "fr") {
          const translation = squash(
            proxy!.pages
              .slice(1)
              .map((p) => p.text)
              .join(""),
          );
          const own: Record<Exclude<Lang, "fr">, string> = {
            en: "Myrepresentativewillshowtheirown",
            "zh-Hans": "受托人须出示自己的身份证件",
            "zh-Hant": "受託人須出示自己的身分證件",
          };
          expect(translation).toContain(own[s.lang as Exclude<Lang, "fr">]);
          expect(translation).not.toMatch(/受[托託]人[须須]出示本人/);
        }
      });
  });
}
