/**
 * The helpers that fit user text and pack entries into sentences: an address on one line, a
 * reason with one full stop, one verify mark per item. Rendered with the real helpers and the
 * bundled pack; user text stays a placeholder until the document model is built.
 */
import Handlebars from "handlebars";
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/compose/context.js";
import { renderTemplate } from "../../src/compose/helpers.js";
import { validateDetails } from "../../src/details/index.js";
import { markdownToBlocks } from "../../src/compose/markdown.js";
import { TEMPLATE_OPTIONS } from "../../src/compose/precompiled.js";
import { UserTextTable } from "../../src/compose/user-text.js";
import { loadPack } from "../../src/pack/index.js";
import { BUNDLED_PACK_DIR } from "../../src/paths.js";

const pack = await loadPack(BUNDLED_PACK_DIR);

/** Renders a template with `details` held as user text; returns the Markdown and the resolved text. */
function render(source: string, details: Record<string, string | string[]> = {}, lang = "fr", extra: object = {}) {
  const users = new UserTextTable();
  const context = { details: users.holdAll(details), pack, ...extra };
  const markdown = renderTemplate(source, context, { pack, lang, users, templateName: "test.md.hbs" });
  return { markdown, text: users.resolve(markdown), users };
}

describe("inline", () => {
  it("joins an address's lines with commas, without doubling a comma that ends a line", () => {
    const { text } = render("demeurant {{inline details.address}}, titulaire", {
      address: "12 rue des Fictifs, appartement 3,\n  98800 NOUMÉA\n",
    });
    expect(text).toBe("demeurant 12 rue des Fictifs, appartement 3, 98800 NOUMÉA, titulaire");
  });

  it("keeps the joined address literal: markup in it never becomes structure", () => {
    const { markdown, users } = render("{{inline details.address}}", { address: "# **12** rue\n- [ ] 98800" });
    expect(markdown).not.toMatch(/[#*[]/);
    const [block] = markdownToBlocks(markdown, users, "test.md.hbs");
    expect(block).toEqual({
      kind: "paragraph",
      align: "left",
      // The user's text, marked as such (the renderer keeps its glyphs out of the shared subset).
      runs: [{ kind: "text", text: "# **12** rue, - [ ] 98800", user: true }],
    });
  });

  it("joins the pack's recipient lines, and leaves an empty address empty for fill", () => {
    expect(render("{{inline pack.recipient.lines}}").text).toBe(
      "OPT-NC – Helia (ex-Mobilis), Service Réclamations, 2 rue Paul Montchovet, 98800 NOUMÉA",
    );
    expect(render("[{{inline details.address}}]", { address: "" }).text).toBe("[]");
  });
});

describe("sentence", () => {
  it.each([
    ["fr", "Départ définitif", "Départ définitif."],
    ["fr", "Départ définitif.", "Départ définitif."],
    ["fr", "Départ définitif !", "Départ définitif !"],
    ["fr", "(départ)", "(départ)."],
    ["fr", "« Je pars. »", "« Je pars. »"],
    ["zh-Hans", "回国", "回国。"],
    ["zh-Hans", "回国。", "回国。"],
    ["zh-Hans", "Départ.", "Départ."],
    ["en", "Leaving…", "Leaving…"],
  ])("%s: %j ends as %j", (lang, reason, expected) => {
    expect(render("{{sentence details.reason}}", { reason }, lang).text).toBe(expected);
  });

  it("prints nothing for an empty reason", () => {
    expect(render("[{{sentence details.reason}}]", { reason: "" }).text).toBe("[]");
  });
});

describe("punctuation that differs between scripts", () => {
  it.each([
    ["fr", "76 12 34{{paren details.x}}", " (+687 76 12 34)"],
    ["en", "76 12 34{{paren details.x}}", " (+687 76 12 34)"],
    ["zh-Hans", "76 12 34{{paren details.x}}", "（+687 76 12 34）"],
    ["zh-Hant", "76 12 34{{paren details.x}}", "（+687 76 12 34）"],
  ])("paren in %s", (lang, source, tail) => {
    expect(render(source, { x: "+687 76 12 34" }, lang).text).toBe(`76 12 34${tail}`);
  });

  it("paren prints nothing for an empty value, and keeps the value literal", () => {
    expect(render("[{{paren details.x}}]", { x: "" }, "fr").text).toBe("[]");
    const { markdown } = render("{{paren details.x}}", { x: "**bold**" }, "zh-Hans");
    expect(markdown).not.toContain("**");
  });

  it.each([
    ["fr", "A.{{gap}}B{{listSep}}C", "A. B, C"],
    ["en", "A.{{gap}}B{{listSep}}C", "A. B, C"],
    ["zh-Hans", "甲。{{gap}}乙{{listSep}}丙", "甲。乙、丙"],
    ["zh-Hant", "甲。{{gap}}乙{{listSep}}丙", "甲。乙、丙"],
  ])("gap and listSep in %s", (lang, source, expected) => {
    expect(render(source, {}, lang).text).toBe(expected);
  });

  it("hasLang tells whether a pack text has this language (a French phrase needs no French translation)", () => {
    const source = "{{#each pack.phrases}}{{#if (hasLang translation)}}[{{tr translation}}]{{else}}-{{/if}}{{/each}}";
    expect(render(source, {}, "fr").text).toBe("-".repeat(pack.phrases.length));
    expect(render(source, {}, "en").text).toContain("[Hello, I would like to cancel my mobile line.]");
  });
});

describe("entry: one verify mark per item", () => {
  const entry = (text: string, status: "verify" | "confirmed") => ({
    entry: { id: "x", text: { en: text }, status, sources: ["inferred"] },
  });
  const marks = (text: string) => text.split("※").length - 1;

  it.each([
    [
      "an entry to verify",
      "Ask whether the SIM card must be returned.",
      "verify",
      "Ask whether the SIM card must be returned.※",
    ],
    ["a confirmed entry", "Back up your contacts.", "confirmed", "Back up your contacts."],
    // The fact's mark stays next to the fact; the entry's own would stutter after it.
    [
      "an entry to verify naming a fact to verify",
      'Apply at {{fact "agencyLocator"}}.',
      "verify",
      "Apply at helia.nc/trouver-un-point-de-vente※.",
    ],
    ["an entry to verify naming a confirmed fact", 'Call {{fact "hotline"}}.', "verify", "Call 1000.※"],
    [
      "a confirmed entry naming two facts to verify",
      '{{fact "agencyLocator"}} and {{fact "appointments"}}.',
      "confirmed",
      "helia.nc/trouver-un-point-de-vente※ and www.opt.nc/rdv※.",
    ],
    [
      "an entry to verify naming the recipient",
      "Send it to {{inline pack.recipient.lines}}{{mark pack.recipient}}; from abroad too.",
      "verify",
      "Send it to OPT-NC – Helia (ex-Mobilis), Service Réclamations, 2 rue Paul Montchovet, 98800 NOUMÉA※; from abroad too.",
    ],
  ] as const)("%s", (_, text, status, expected) => {
    const { text: out } = render("{{entry entry}}", {}, "en", entry(text, status));
    expect(out).toBe(expected);
    expect(marks(out)).toBeLessThanOrEqual(Math.max(1, marks(expected)));
  });

  it("every entry of the bundled pack prints at most one mark unless it names several facts to verify", () => {
    const validated = validateDetails(
      { name: "Xiaoming WANG", phone: "76 12 34", channel: "proxy", proxyName: "Li CHEN" },
      { today: "2026-03-01" },
    );
    if (!validated.ok) throw new Error("details refused");
    for (const item of [
      ...pack.steps.flatMap((s) => s.items),
      ...pack.documents,
      ...pack.precautions,
      ...pack.leaving,
    ]) {
      for (const lang of pack.languages) {
        // Entries are snippets of the whole template context (situation flags, details).
        const users = new UserTextTable();
        const context = {
          ...buildContext(validated.details, pack, users, { lang, letterLang: "fr", translation: false }),
          entry: item,
        };
        const text = users.resolve(
          renderTemplate("{{entry entry}}", context, { pack, lang, users, templateName: "test.md.hbs" }),
        );
        const facts = [...item.text[lang]!.matchAll(/\{\{fact "([^"]+)"\}\}/g)].filter(
          (m) => pack.facts[m[1]!]!.status === "verify",
        ).length;
        expect(marks(text), `${item.id} (${lang}): ${text}`).toBe(
          Math.max(
            facts + (item.text[lang]!.includes("mark pack.recipient") ? 1 : 0),
            item.status === "verify" ? 1 : 0,
          ),
        );
        expect(text, `${item.id} (${lang})`).not.toMatch(/※[^\p{L}\p{N}※]{0,3}※/u);
      }
    }
  });
});

describe("plain text", () => {
  /** Every string of the pack's data, and a few made up to be awkward. */
  function* strings(value: unknown): Generator<string> {
    if (typeof value === "string") yield value;
    else if (value && typeof value === "object") for (const item of Object.values(value)) yield* strings(item);
  }
  const plain = [
    ...strings(pack),
    "a }} b {",
    "\\ back\\slash \\\\",
    "  spaces\n\n  and lines  \n",
    "<b>&amp;</b> \"'`",
    "{ {not a mustache} }",
  ].filter((s) => !s.includes("{{"));

  it("is returned unchanged without the Handlebars compiler, exactly as Handlebars itself returns it", () => {
    expect(plain.length).toBeGreaterThan(100);
    const handlebars = Handlebars.create();
    for (const source of plain) {
      expect(handlebars.compile(source, TEMPLATE_OPTIONS)({})).toBe(source);
      expect(render(source).markdown).toBe(source);
    }
  });
});
