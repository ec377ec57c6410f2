/**
 * The bundled pack loads and is complete; broken packs are refused with messages naming the file,
 * the path in it and, where it can, the line.
 */
import { cp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPack, PackError, readTemplate, selectEntries, templateCandidates } from "../../src/pack/index.js";
import { BUNDLED_PACK_DIR } from "../../src/paths.js";
import { tempDir } from "../support/cli.js";
import { englishProblems } from "../support/words.js";

async function brokenCopy(edit: (yaml: string) => string): Promise<string> {
  const dir = join(await tempDir(), "pack");
  await cp(BUNDLED_PACK_DIR, dir, { recursive: true });
  const file = join(dir, "pack.yaml");
  const original = await readFile(file, "utf8");
  const edited = edit(original);
  // A replacement that no longer matches the bundled pack would test nothing.
  if (edited === original) throw new Error("the edit did not change pack.yaml");
  await writeFile(file, edited);
  return dir;
}

async function problemsOf(dir: string): Promise<string[]> {
  try {
    await loadPack(dir);
  } catch (error) {
    if (error instanceof PackError) return englishProblems(error);
    throw error;
  }
  throw new Error("the pack loaded");
}

describe("the bundled New Caledonia pack", () => {
  it("loads, with the four steps of the guide in order", async () => {
    const pack = await loadPack(BUNDLED_PACK_DIR);
    expect(pack.steps.map((s) => s.id)).toEqual(["balance", "contact", "documents", "confirm"]);
  });

  it("gives every fact and every entry a known source, and marks unconfirmed ones to verify", async () => {
    const pack = await loadPack(BUNDLED_PACK_DIR);
    const entries = [...pack.steps.flatMap((s) => s.items), ...pack.documents, ...pack.precautions];
    for (const item of [...entries, ...Object.values(pack.facts)]) {
      expect(item.sources.length).toBeGreaterThan(0);
      for (const source of item.sources) expect(pack.sources[source], source).toBeDefined();
      // Deductions are never presented as confirmed.
      if (item.sources.every((s) => s === "inferred")) expect(item.status).toBe("verify");
    }
    // The postal address for cancellations (the letter's recipient) was only found in a secondary
    // source: it is sourced and to verify like any fact.
    expect(pack.recipient.status).toBe("verify");
    for (const source of pack.recipient.sources) expect(pack.sources[source], source).toBeDefined();
  });

  it("shows only what applies to each plan and channel", async () => {
    const pack = await loadPack(BUNDLED_PACK_DIR);
    const ids = (plan: "prepaid" | "postpaid" | undefined, channel: "in-person" | "post" | "proxy") => {
      const situation = { channel, ...(plan ? { plan } : {}) };
      return [
        ...selectEntries(pack.steps, situation).flatMap((s) => selectEntries(s.items, situation)),
        ...selectEntries(pack.documents, situation),
      ].map((e) => e.id);
    };
    expect(ids("prepaid", "in-person")).toContain("prepaid-credit");
    expect(ids("prepaid", "in-person")).not.toContain("postpaid-deposit");
    expect(ids("postpaid", "in-person")).toEqual(expect.arrayContaining(["postpaid-deposit", "rib"]));
    expect(ids("postpaid", "in-person")).not.toContain("prepaid-credit");
    expect(ids("prepaid", "post")).toContain("post");
    expect(ids("prepaid", "post")).not.toContain("agency");
    expect(ids("postpaid", "proxy")).toEqual(expect.arrayContaining(["proxy", "procuration"]));
    expect(ids(undefined, "in-person")).toEqual(expect.arrayContaining(["prepaid-credit", "postpaid-deposit"]));
  });

  it("gives a letter sent by post no advice meant for the agency counter", async () => {
    const pack = await loadPack(BUNDLED_PACK_DIR);
    const ids = (channel: "in-person" | "post" | "proxy") => {
      const situation = { channel, plan: "postpaid" as const };
      return [
        ...selectEntries(pack.steps, situation).flatMap((s) => selectEntries(s.items, situation)),
        ...selectEntries(pack.documents, situation),
        ...selectEntries(pack.precautions, situation),
      ].map((e) => e.id);
    };
    const agencyOnly = ["hotline", "agency", "sim", "proofs"];
    // What the holder does at the counter, and what the representative does there in their stead.
    const holderOnly = ["gather", "id-card", "attestation", "sim-return", "stamped-copy"];
    const proxyOnly = ["proxy", "gather-proxy", "procuration", "proxy-own-id", "attestation-proxy"];
    const postOnly = ["hotline-post", "post", "gather-post", "attestation-post", "esim-post", "proofs-post"];
    expect(ids("post")).toEqual(expect.arrayContaining(postOnly));
    for (const id of [...agencyOnly, ...holderOnly, ...proxyOnly]) expect(ids("post")).not.toContain(id);
    // The representative goes to the agency: a proxy gets the agency's advice, in their own words.
    expect(ids("in-person")).toEqual(expect.arrayContaining([...agencyOnly, ...holderOnly]));
    expect(ids("proxy")).toEqual(expect.arrayContaining([...agencyOnly, ...proxyOnly]));
    // A copy of the holder's ID goes in the envelope, or with the representative; in person, the original and a copy.
    expect(ids("post")).toContain("id-copy");
    expect(ids("proxy")).toContain("id-copy");
    expect(ids("in-person")).not.toContain("id-copy");
    for (const id of [...postOnly, ...proxyOnly]) expect(ids("in-person")).not.toContain(id);
    for (const id of [...postOnly, ...holderOnly]) expect(ids("proxy")).not.toContain(id);
  });

  it("names every source behind an item to verify, and dates every one that can be looked up", async () => {
    const pack = await loadPack(BUNDLED_PACK_DIR);
    const toVerify = [
      ...pack.steps.flatMap((s) => s.items),
      ...pack.documents,
      ...pack.precautions,
      ...pack.leaving,
      ...Object.values(pack.facts),
      pack.recipient,
    ].filter((item) => item.status === "verify");
    const cited = new Set(toVerify.flatMap((item) => item.sources));
    expect(cited.size).toBeGreaterThan(8);
    for (const id of cited) {
      const source = pack.sources[id]!;
      // The appendix prints the name in the checklist's language, so every language needs one.
      for (const lang of pack.languages) expect(source.name?.[lang], `${id} name ${lang}`).toBeTruthy();
      if (source.url !== "") expect(source.date, `${id} date`).toBeDefined();
    }
  });

  it("quotes Latin-script texts with narrow quotes (the bundled font draws “ ” ‘ ’ full width)", async () => {
    const pack = await loadPack(BUNDLED_PACK_DIR);
    const texts: string[] = [];
    const collect = (value: unknown): void => {
      if (typeof value === "string") texts.push(value);
      else if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === "object") {
        for (const [key, item] of Object.entries(value))
          if (key === "en" || key === "fr" || typeof item !== "string") collect(item);
      }
    };
    collect({ ...pack, sources: {} });
    // Templates shared by every language hold structure, not words, but may hold Latin text too.
    for (const file of (await readdir(BUNDLED_PACK_DIR)).filter((f) => /^[a-z]+(\.(en|fr))?\.md\.hbs$/.test(f)))
      texts.push(await readFile(join(BUNDLED_PACK_DIR, file), "utf8"));
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((text) => /[“”‘’]/.test(text))).toEqual([]);
  });
});

describe("templates: one per document, shared by every language unless a language has its own", () => {
  it("the bundled pack has one checklist, one letter and one proxy template, for every language", async () => {
    const files = (await readdir(BUNDLED_PACK_DIR)).filter((f) => f.endsWith(".hbs")).sort();
    expect(files).toEqual(["checklist.md.hbs", "letter.md.hbs", "proxy.md.hbs"]);
  });

  it("a language's own file wins over the shared one, and a user's folder over the pack", async () => {
    const dir = join(await tempDir(), "pack");
    const mine = join(await tempDir(), "mine");
    try {
      await cp(BUNDLED_PACK_DIR, dir, { recursive: true });
      await cp(BUNDLED_PACK_DIR, mine, { recursive: true });
      await writeFile(join(dir, "letter.en.md.hbs"), "pack en");
      await writeFile(join(mine, "letter.md.hbs"), "mine shared");
      await writeFile(join(mine, "checklist.fr.md.hbs"), "mine fr");
      const pack = await loadPack(dir);
      const source = async (kind: "checklist" | "letter", lang: string, override?: string) =>
        (await readTemplate(pack, kind, lang, override)).source;
      expect(await source("letter", "en")).toBe("pack en");
      expect(await source("letter", "fr")).toBe(await readFile(join(BUNDLED_PACK_DIR, "letter.md.hbs"), "utf8"));
      // The user's shared letter replaces every letter, the pack's English one included.
      expect(await source("letter", "en", mine)).toBe("mine shared");
      expect(await source("checklist", "fr", mine)).toBe("mine fr");
      expect(await source("checklist", "en", mine)).toBe(
        await readFile(join(BUNDLED_PACK_DIR, "checklist.md.hbs"), "utf8"),
      );
      expect(templateCandidates("/p", "letter", "fr", "/u")).toEqual([
        { dir: "/u", name: "letter.fr.md.hbs" },
        { dir: "/u", name: "letter.md.hbs" },
        { dir: "/p", name: "letter.fr.md.hbs" },
        { dir: "/p", name: "letter.md.hbs" },
      ]);
    } finally {
      await rm(dirname(dir), { recursive: true, force: true });
      await rm(dirname(mine), { recursive: true, force: true });
    }
  });

  it("a document with neither its language's template nor a shared one is named, and a fact in any template is checked", async () => {
    const dir = join(await tempDir(), "pack");
    try {
      await cp(BUNDLED_PACK_DIR, dir, { recursive: true });
      await rm(join(dir, "proxy.md.hbs"));
      await writeFile(join(dir, "proxy.fr.md.hbs"), "Procuration");
      await writeFile(join(dir, "letter.en.md.hbs"), '{{fact "nowhere"}}');
      const problems = await problemsOf(dir);
      expect(problems).toContainEqual(
        expect.stringMatching(
          new RegExp(`^${join(dir, "proxy.zh-Hans.md.hbs")}: missing \\(every proxy language needs its template\\)`),
        ),
      );
      expect(problems.filter((p) => p.includes("proxy.fr.md.hbs"))).toEqual([]);
      expect(problems).toContainEqual(
        expect.stringMatching(new RegExp(`^${join(dir, "letter.en.md.hbs")}: .*unknown fact "nowhere"`)),
      );
    } finally {
      await rm(dirname(dir), { recursive: true, force: true });
    }
  });
});

describe("broken packs", () => {
  it("a YAML syntax error names the file, line and column", async () => {
    const dir = await brokenCopy((yaml) => yaml.replace("id: nc-opt", "id: [nc-opt"));
    const [problem] = await problemsOf(dir);
    expect(problem).toMatch(/pack\.yaml, line \d+, column \d+: not valid YAML/);
  });

  it("a missing translation names the path and the language", async () => {
    const dir = await brokenCopy((yaml) => yaml.replace("      zh-Hans: 1. 检查余额\n", ""));
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/pack\.yaml, line \d+: steps\[0\]\.title: missing zh-Hans/),
    );
  });

  it("an unknown source and an unknown fact are named", async () => {
    const dir = await brokenCopy((yaml) =>
      yaml
        .replace("sources: [riots-2024, opt-guide, helia-skill]", "sources: [riots-2025]")
        .replace('{{fact "hotline"}}', '{{fact "hotlines"}}'),
    );
    const problems = await problemsOf(dir);
    // The line is the one holding the bad value, so an editor can jump to it.
    const yamlLines = (await readFile(join(dir, "pack.yaml"), "utf8")).split("\n");
    const sourceLine = yamlLines.findIndex((line) => line.includes("sources: [riots-2025]")) + 1;
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `pack\\.yaml, line ${sourceLine}: steps\\[1\\]\\.items\\[3\\]\\.sources\\[0\\]: unknown source "riots-2025"`,
        ),
      ),
    );
    expect(problems).toContainEqual(expect.stringMatching(/pack\.yaml, line \d+: [\w.[\]-]+: unknown fact "hotlines"/));
  });

  it("the recipient needs its sources and status like a fact; an old list-shaped one says what to write", async () => {
    const unknown = await brokenCopy((yaml) =>
      yaml.replace(
        "  status: verify\n  sources: [helia-skill, helia-skill-conso, helia-complaints]\n",
        "  status: verify\n  sources: [helia-guess]\n",
      ),
    );
    expect(await problemsOf(unknown)).toContainEqual(
      expect.stringMatching(/pack\.yaml, line \d+: recipient\.sources\[0\]: unknown source "helia-guess"/),
    );
    const list = await brokenCopy((yaml) =>
      yaml.replace(
        /^recipient:\n {2}lines:\n((?: {2}- .*\n)+) {2}status: verify\n {2}sources: .*\n/m,
        "recipient:\n$1",
      ),
    );
    expect(await problemsOf(list)).toContainEqual(
      expect.stringMatching(
        /pack\.yaml, line \d+: recipient: expected the letter's address as \{ lines: \[\.\.\.\], status, sources \}/,
      ),
    );
  });

  it("a wrong field type names the path and its line", async () => {
    const dir = await brokenCopy((yaml) =>
      yaml.replace(
        "status: confirmed\n    sources: [opt-guide]\n  hotlineHours",
        "status: sure\n    sources: [opt-guide]\n  hotlineHours",
      ),
    );
    expect(await problemsOf(dir)).toContainEqual(
      expect.stringMatching(/pack\.yaml, line \d+: facts\.hotline\.status: /),
    );
  });
});

describe("a pack stays in its folder", () => {
  it("refuses a language code that is not a BCP 47 tag, so no file name can hold a path", async () => {
    for (const bad of ["e/../../outside/evil", "..", "fr\\x", "fr.md", "zh Hans", ""]) {
      const dir = await brokenCopy((yaml) =>
        yaml.replace(/^languages: \[zh-Hans,/m, `languages: [${JSON.stringify(bad)}, zh-Hans,`),
      );
      const problems = await problemsOf(dir);
      const line =
        (await readFile(join(dir, "pack.yaml"), "utf8")).split("\n").findIndex((l) => l.startsWith("languages:")) + 1;
      expect(problems.join("\n"), bad).toMatch(
        new RegExp(`pack\\.yaml, line ${line}: languages\\[0\\]: ".*" is not a language tag`),
      );
    }
  });

  it.each(["checklist.md.hbs", "letter.en.md.hbs"])(
    "refuses a template that is a link to a file outside the pack (%s: shared or a language's own)",
    async (name) => {
      const dir = await brokenCopy((yaml) => yaml.replace("id: nc-opt", "id: nc-opt-linked"));
      const outside = join(dir, "..", "outside.md.hbs");
      await writeFile(outside, "# stolen\n");
      const target = join(dir, name);
      await rm(target, { force: true });
      await symlink(outside, target);
      expect((await problemsOf(dir)).join("\n")).toMatch(
        new RegExp(`${name.replace(/\./g, "\\.")}: .*outside\\.md\\.hbs is outside the pack folder`),
      );
    },
  );

  it("refuses a template larger than a template can sensibly be", async () => {
    const dir = await brokenCopy((yaml) => yaml.replace("id: nc-opt", "id: nc-opt-big"));
    await writeFile(join(dir, "letter.fr.md.hbs"), "Madame, Monsieur.\n\n".repeat(20_000));
    expect((await problemsOf(dir)).join("\n")).toMatch(
      /letter\.fr\.md\.hbs: is too large \(\d+ KB\); at most 128 KB is read/,
    );
  });
});
