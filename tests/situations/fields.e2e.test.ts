/**
 * Every detail field, the new ones included, is a flag of the command line (the built one).
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { flagOf } from "../../src/cli/labels.js";
import { FIELD_NAMES } from "../../src/details/index.js";
import { runCli, tempDir } from "../support/cli.js";
import { flat, readPdf } from "../support/pdf.js";

describe("the command line's flags", () => {
  it("generate --help offers a flag for every field", async () => {
    const help = await runCli(["generate", "--help"]);
    for (const field of FIELD_NAMES) expect(help.stdout, field).toContain(`${flagOf(field)} `);
  });

  it("the new fields' flags reach the procuration, and a wrong one is named by its flag", async () => {
    const out = join(await tempDir(), "out");
    const ok = await runCli([
      "generate",
      "--name",
      "Xiaoming WANG",
      "--phone",
      "76 12 34",
      "--channel",
      "proxy",
      "--proxy-name",
      "Li CHEN",
      "--place",
      "Paris",
      "--birth-date",
      "1990-05-12",
      "--id-type",
      "passport",
      "--id-number",
      "E12345678",
      "--proxy-id-type",
      "id-card",
      "--offer",
      "Forfait M",
      "--leaving",
      "--date",
      "2026-03-01",
      "--lang",
      "en",
      "--out",
      out,
    ]);
    expect(ok.stderr).toBe("");
    const proxy = flat((await readPdf(await readFile(join(out, "sim-cancel-proxy-fr.pdf")))).pages[0]!.text);
    expect(proxy).toContain("né(e) le 12 mai 1990, pièce d'identité : passeport n° E12345678");
    expect(proxy).toContain("Fait à Paris, le 1er mars 2026");
    const checklist = flat((await readPdf(await readFile(join(out, "sim-cancel-checklist-en.pdf")))).text);
    expect(checklist).toContain("Leaving New Caledonia");
    const bad = await runCli([
      "generate",
      "--name",
      "Xiaoming WANG",
      "--phone",
      "76 12 34",
      "--id-type",
      "visa",
      "--no-input",
      "--lang",
      "en",
      "--out",
      out,
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--id-type: is not an accepted value; accepted values: passport, id-card, residence-permit\. Expected: .*--id-type passport/,
    );
  });
});
