/**
 * The bundled pack loads and is complete; broken packs are refused with messages naming the file,
 * the path in it and, where it can, the line.
 */
import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadPack, PackError, selectEntries } from "../../src/pack/index.js";
import { BUNDLED_PACK_DIR } from "../../src/paths.js";
import { tempDir } from "../support/cli.js";

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
    if (error instanceof PackError) return error.problems;
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
    // The postal address for cancellations was only found in a secondary source.
    expect(pack.facts["postalAddress"]!.status).toBe("verify");
  });

  it("shows only what applies to each plan and channel", async () => {
    const pack = await loadPack(BUNDLED_PACK_DIR);
    const ids = (plan: "prepaid" | "postpaid" | undefined, channel: "in-person" | "post" | "proxy") => {
      const situation = { channel, ...(plan ? { plan } : {}) };
      return [...selectEntries(pack.steps, situation).flatMap((s) => selectEntries(s.items, situation)), ...selectEntries(pack.documents, situation)].map((e) => e.id);
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
});

describe("broken packs", () => {
  it("a YAML syntax error names the file, line and column", async () => {
    const dir = await brokenCopy((yaml) => yaml.replace("id: nc-opt", "id: [nc-opt"));
    const [problem] = await problemsOf(dir);
    expect(problem).toMatch(/pack\.yaml:\d+:\d+: /);
  });

  it("a missing translation names the path and the language", async () => {
    const dir = await brokenCopy((yaml) => yaml.replace("      zh-Hans: 1. 检查余额和未付账单\n", ""));
    expect(await problemsOf(dir)).toContainEqual(expect.stringMatching(/pack\.yaml: steps\[0\]\.title: missing zh-Hans/));
  });

  it("an unknown source and an unknown fact are named", async () => {
    const dir = await brokenCopy((yaml) => yaml.replace("sources: [riots-2024, opt-guide, helia-skill]", "sources: [riots-2025]").replace('{{fact "hotline"}}', '{{fact "hotlines"}}'));
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/steps\[1\]\.items\[2\]\.sources: unknown source "riots-2025"/));
    expect(problems).toContainEqual(expect.stringMatching(/unknown fact "hotlines"/));
  });

  it("a wrong field type names the path and its line", async () => {
    const dir = await brokenCopy((yaml) => yaml.replace("status: confirmed\n    sources: [opt-guide]\n  hotlineHours", "status: sure\n    sources: [opt-guide]\n  hotlineHours"));
    expect(await problemsOf(dir)).toContainEqual(expect.stringMatching(/pack\.yaml:\d+: facts\.hotline\.status: /));
  });
});
