/**
 * Random cases for the layout's property tests: valid details with every free-text field often at
 * its maximum length, long unbreakable strings, mixed scripts (Latin, French with its glued
 * spaces, Chinese, Korean and rare CJK from the computer's fonts, Hebrew and Arabic), fill-in blanks (fields
 * left empty), across every language x plan x channel x paper; and sometimes a checklist template
 * of random blocks (notices and list items longer than a page, nested and numbered lists, tables,
 * addresses, signatures, page breaks) given as the user's own --templates.
 */
import { existsSync } from "node:fs";
import fc from "fast-check";
import type { DetailsInput } from "../../src/details/types.js";

export const DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
const HAS_DEJAVU = existsSync(DEJAVU);
/** Hangul and rare CJK come from the computer's fonts (fonts-noto-cjk), found by fontconfig. */
const HAS_SYSTEM_HANGUL = existsSync("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc");

const LATIN = [
  "Xiaoming",
  "WANG",
  "Zoé",
  "N'GUYEN-LEFÈVRE",
  "rue",
  "des",
  "Fictifs",
  "appartement",
  "Nouméa",
  "Cedex",
  "BP",
  "Dumbéa",
  "œuvre",
  "Ça",
  "Mont-Dore",
  "résiliation",
  "l'attestation",
  "forfait",
  "Liberté",
  "Helia",
  "OPT-NC",
  "WWWWWW",
  "mmmmmmm",
];
const FRENCH = [
  "15 h 45",
  "7 h 30",
  "n° 12",
  "N° 4",
  "2 300 F",
  "12 500 XPF",
  "+687 76 12 34",
  "« oui »",
  "merci !",
  "vraiment ?",
  "tél. :",
  "10 %",
];
const CJK = [
  "新喀里多尼亚",
  "努美阿",
  "注销",
  "手机号码",
  "账单，",
  "（后付费）",
  "「确认」",
  "。",
  "繁體中文",
  "王小明",
];
/** Beyond the BMP and in neither bundled face: drawn with the computer's Noto Sans CJK. */
const RARE = ["𠀋", "𠮷田"];
const HANGUL = ["김민준", "서울"];
const RTL = ["דוד", "כהן", "רחוב", "הרצל", "علي", "محمد", "(כהן)"];

/** A string no line break opportunity splits, longer than some boxes are wide. */
const unbreakable = fc.stringMatching(/^[A-Z0-9]{20,90}$/);

interface Scripts {
  hangul: boolean;
  rtl: boolean;
}

function word(scripts: Scripts): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...LATIN), weight: 6 },
    { arbitrary: fc.constantFrom(...FRENCH), weight: 3 },
    { arbitrary: fc.constantFrom(...CJK), weight: 3 },
    { arbitrary: unbreakable, weight: 1 },
    { arbitrary: fc.integer({ min: 0, max: 99999 }).map(String), weight: 1 },
    ...(scripts.hangul ? [{ arbitrary: fc.constantFrom(...HANGUL, ...RARE), weight: 1 }] : []),
    ...(scripts.rtl ? [{ arbitrary: fc.constantFrom(...RTL), weight: 2 }] : []),
  );
}

/** Text of at most `max` characters (code points), at exactly that length about half the time. */
function text(max: number, scripts: Scripts): fc.Arbitrary<string> {
  return fc
    .tuple(fc.array(word(scripts), { minLength: 1, maxLength: 60 }), fc.boolean(), fc.boolean())
    .map(([words, full, spaced]) => {
      let value = words.join(spaced ? " " : "");
      while (full && [...value].length < max) value += ` ${value}`;
      return [...value].slice(0, max).join("").trim() || "X";
    });
}

function lines(maxLines: number, maxLength: number, scripts: Scripts): fc.Arbitrary<string> {
  return fc.array(text(maxLength, scripts), { minLength: 1, maxLength: maxLines }).map((ls) => ls.join("\n"));
}

const email = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,64}$/),
    fc.array(fc.stringMatching(/^[a-z0-9]{1,40}$/), { minLength: 1, maxLength: 4 }),
  )
  .map(([local, labels]) => `${local}@${labels.join(".")}.nc`);

export interface LayoutCase {
  input: DetailsInput;
  lang: "zh-Hans" | "zh-Hant" | "en" | "fr";
  paper: "a4" | "letter";
  translation: boolean;
  /** Extra fonts (DejaVu Sans when the case has Hebrew or Arabic). */
  fonts: string[];
  /** A checklist template of random blocks, or none (the bundled templates). */
  template?: string;
  scripts: Scripts;
}

/** Safe template words: no Markdown or Handlebars syntax, so the blocks are the ones meant. */
const SAFE = [...LATIN, ...FRENCH.filter((w) => !/^[+]/.test(w)), ...CJK];
const sentence = fc.array(fc.constantFrom(...SAFE), { minLength: 3, maxLength: 14 }).map((ws) => `${ws.join(" ")}.`);
/** A text block of `min` to `max` sentences, user fields and blanks among them. */
function prose(min: number, max: number): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { arbitrary: sentence, weight: 12 },
    {
      arbitrary: fc.constantFrom(
        "{{details.name}}",
        "{{fill details.customerNumber 14}}",
        "{{fill (inline details.address)}}",
        "{{blank}}",
        "{{blank 30}}",
        "{{details.phone.international}}",
      ),
      weight: 2,
    },
  );
  return fc.array(piece, { minLength: min, maxLength: max }).map((ps) => ps.join(" "));
}

const block: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: prose(1, 6).map((t) => `# ${t.replace(/\{\{[^}]*\}\}/g, "")}`), weight: 1 },
  { arbitrary: prose(1, 4).map((t) => `## ${t}`), weight: 2 },
  { arbitrary: prose(1, 40), weight: 6 },
  // Longer than a page: a notice of up to 150 sentences, list items of up to 100 (the 300-sentence
  // notice of the issue has its own test).
  { arbitrary: prose(10, 150).map((t) => `::: notice\n${t}\n:::`), weight: 2 },
  {
    arbitrary: fc
      .array(prose(1, 100), { minLength: 1, maxLength: 3 })
      .map((items) => items.map((t) => `- ${t}`).join("\n")),
    weight: 3,
  },
  {
    arbitrary: fc
      .array(prose(1, 30), { minLength: 1, maxLength: 6 })
      .map((items) => items.map((t) => `- [ ] ${t}`).join("\n")),
    weight: 2,
  },
  {
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.array(prose(1, 20), { minLength: 1, maxLength: 4 }))
      .map(([start, items]) => items.map((t, i) => `${start + i}. ${t}`).join("\n")),
    weight: 2,
  },
  {
    arbitrary: fc
      .array(prose(1, 10), { minLength: 2, maxLength: 12 })
      .map((items) => items.map((t, depth) => `${"  ".repeat(depth)}- ${t}`).join("\n")),
    weight: 1,
  },
  {
    arbitrary: fc
      .array(fc.tuple(prose(1, 3), prose(1, 25)), { minLength: 1, maxLength: 8 })
      .map((rows) => rows.map(([label, value]) => `${label.replace(/\{\{[^}]*\}\}/g, "x")}\n: ${value}`).join("\n\n")),
    weight: 2,
  },
  {
    arbitrary: fc.constantFrom(
      "::: address right\n{{details.name}}\n{{details.address}}\n:::",
      "::: address left\n**{{details.name}}**\n{{details.address}}\n{{details.email}}\n:::",
    ),
    weight: 1,
  },
  { arbitrary: prose(1, 8).map((t) => `::: signature\n${t}\n{{details.name}}\n:::`), weight: 1 },
  { arbitrary: prose(1, 10).map((t) => `::: small\n${t}\n:::`), weight: 1 },
  { arbitrary: prose(1, 10).map((t) => `::: right\n${t}\n:::`), weight: 1 },
  { arbitrary: fc.constant("---"), weight: 1 },
);

const template = fc.array(block, { minLength: 1, maxLength: 8 }).map((blocks) => `${blocks.join("\n\n")}\n`);

const PHONES = ["76 12 34", "+687 51 22 33", "76.12.34", "+687761234", "97 00 00"];

export const layoutCase: fc.Arbitrary<LayoutCase> = fc
  .record({
    lang: fc.constantFrom("zh-Hans", "zh-Hant", "en", "fr") as fc.Arbitrary<LayoutCase["lang"]>,
    plan: fc.constantFrom("prepaid", "postpaid", undefined),
    channel: fc.constantFrom("in-person", "post", "proxy"),
    paper: fc.constantFrom("a4", "letter") as fc.Arbitrary<LayoutCase["paper"]>,
    translation: fc.oneof({ arbitrary: fc.constant(true), weight: 4 }, { arbitrary: fc.constant(false), weight: 1 }),
    hangul: fc.oneof(
      { arbitrary: fc.constant(false), weight: 9 },
      { arbitrary: fc.constant(HAS_SYSTEM_HANGUL), weight: 1 },
    ),
    rtl: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(HAS_DEJAVU), weight: 1 }),
    // A third of the cases bring their own checklist template.
    template: fc.oneof({ arbitrary: fc.constant(undefined), weight: 2 }, { arbitrary: template, weight: 1 }),
  })
  .chain(({ hangul, rtl, plan, channel, ...rest }) => {
    const scripts = { hangul, rtl };
    const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { freq: 4, nil: undefined });
    return fc
      .record({
        name: text(80, scripts),
        phone: fc.constantFrom(...PHONES),
        customerNumber: optional(fc.stringMatching(/^[A-Z0-9][A-Za-z0-9 ./-]{0,29}$/).map((v) => v.trim() || "C1")),
        address: optional(lines(6, 80, scripts)),
        email: optional(email),
        reason: optional(text(300, scripts)),
        effectiveDate: optional(fc.constantFrom("2026-12-31", "2027-02-28")),
        proxyName: channel === "proxy" ? text(80, scripts) : optional(text(80, scripts)),
        proxyId: optional(fc.stringMatching(/^[A-Z0-9]{1,40}$/)),
        iban: optional(fc.constantFrom("FR14 2004 1010 0505 0001 3M02 606")),
        forwardingAddress: optional(lines(6, 80, scripts)),
      })
      .chain((fields) =>
        fc
          .record({
            bic: fields.iban ? optional(fc.constantFrom("AGRIFRPP", "BNPAFRPPXXX")) : fc.constant(undefined),
            accountHolder: fields.iban ? optional(text(80, scripts)) : fc.constant(undefined),
          })
          .map((refund) => ({ ...fields, ...refund })),
      )
      .map((fields): LayoutCase => {
        const input: DetailsInput = { date: "2026-11-24", channel, ...(plan ? { plan } : {}) };
        for (const [key, value] of Object.entries(fields))
          if (value !== undefined) (input as Record<string, unknown>)[key] = value;
        // An ID number prints only next to the representative's name: validation wants both.
        if (input.proxyId !== undefined && input.proxyName === undefined) delete input.proxyId;
        return {
          input,
          ...rest,
          fonts: rtl ? [DEJAVU] : [],
          scripts,
          ...(rest.template ? { template: rest.template } : {}),
        };
      });
  });
