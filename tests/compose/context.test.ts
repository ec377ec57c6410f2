/**
 * docs/templates.md documents the whole template context: every name a template can use is in
 * its table, so a field added to the context without a line of documentation fails here.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildContext } from "../../src/compose/context.js";
import { UserTextTable } from "../../src/compose/user-text.js";
import { validateDetails } from "../../src/details/index.js";
import { loadPack } from "../../src/pack/index.js";
import { BUNDLED_PACK_DIR } from "../../src/paths.js";
import { ROOT } from "../support/cli.js";

const pack = await loadPack(BUNDLED_PACK_DIR);
const docs = await readFile(join(ROOT, "docs", "templates.md"), "utf8");

/** The names a template can write: "details.phone.national", "is.refund", "steps", ... */
function names(value: unknown, prefix: string, depth: number): string[] {
  if (depth === 0 || value === null || typeof value !== "object" || Array.isArray(value)) return [prefix];
  return Object.entries(value).flatMap(([key, item]) => names(item, prefix ? `${prefix}.${key}` : key, depth - 1));
}

describe("the template context", () => {
  const validated = validateDetails(
    {
      name: "Xiaoming WANG",
      phone: "76 12 34",
      channel: "proxy",
      proxyName: "Li CHEN",
      iban: "FR14 2004 1010 0505 0001 3M02 606",
    },
    { today: "2026-03-01" },
  );
  if (!validated.ok) throw new Error("sample details refused");
  const context = buildContext(validated.details, pack, new UserTextTable(), {
    lang: "fr",
    letterLang: "fr",
    translation: false,
  });

  it("is documented in docs/templates.md, name by name", () => {
    // The pack and the filtered entries are documented as wholes; details and flags one by one.
    const { details, is, ...rest } = context;
    const all = [...names({ details }, "", 4), ...names({ is }, "", 2), ...Object.keys(rest)];
    expect(all.length).toBeGreaterThan(25);
    const documented = (name: string) => {
      const [head, ...tail] = name.split(".");
      const last = tail.at(-1);
      // "details.refund.iban, .bic, .holder": a row may list sibling names after the first.
      return (
        docs.includes(`\`${name}\``) ||
        (last !== undefined && new RegExp(`\\\`${head}\\.[\\w.]*\\\`[^\\n]*\\\`\\.${last}\\\``).test(docs))
      );
    };
    expect(all.filter((name) => !documented(name))).toEqual([]);
  });
});
