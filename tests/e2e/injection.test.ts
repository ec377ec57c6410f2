/**
 * Injection-proof documents: whatever a person types is printed as the text it is. Markup in a
 * name or address never changes the document's structure; control and direction characters are
 * refused with a message naming the field.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, listFiles, tempDir } from "../support/cli.js";
import { flat, readPdf } from "../support/pdf.js";

const BASE = ["--phone", "76 12 34", "--date", "2026-11-24"];

async function lettersFor(args: string[]) {
  const out = await tempDir();
  const result = await runCli(["generate", ...BASE, ...args, "--out", out]);
  expect(result.stderr).toBe("");
  expect(result.code).toBe(0);
  return {
    checklist: await readPdf(await readFile(join(out, "sim-cancel-checklist-zh-Hans.pdf"))),
    letter: await readPdf(await readFile(join(out, "sim-cancel-letter-fr.pdf"))),
  };
}

describe("details containing markup", () => {
  const plain = lettersFor(["--name", "Xiaoming WANG"]);

  it.each([
    ["Handlebars", "{{details.phone.e164}} {{#each steps}}X{{/each}}"],
    ["Markdown heading and list", "# WANG - [ ] **bold** _it_"],
    ["Markdown link and code", "[click](http://example.com) `code` ---"],
    ["HTML", "<b>WANG</b> <script>alert(1)</script> &amp;"],
    ["a container fence", "::: notice"],
  ])("%s in the name is printed literally and the structure is unchanged", async (_, name) => {
    const { checklist, letter } = await lettersFor(["--name", name]);
    const reference = await plain;
    expect(flat(checklist.text)).toContain(flat(name));
    expect(flat(letter.text)).toContain(flat(name));
    // Same number of pages and of lines as with a plain name: nothing became a heading, list or box.
    expect(checklist.pages.length).toBe(reference.checklist.pages.length);
    expect(letter.pages.length).toBe(reference.letter.pages.length);
    expect(checklist.pages[0]!.lines.length).toBe(reference.checklist.pages[0]!.lines.length);
  });

  it("prints a multi-line address as lines, with markup inside kept literal", async () => {
    const { letter } = await lettersFor([
      "--name",
      "Xiaoming WANG",
      "--address",
      "## 12 rue des *Fictifs*\\n98800 NOUMÉA",
    ]);
    const lines = letter.pages[0]!.lines.map((l) => l.text);
    expect(lines).toContain("## 12 rue des *Fictifs*");
    expect(lines).toContain("98800 NOUMÉA");
  });

  it.each([
    ["a line break in the name", "Xiaoming\nWANG", /--name/],
    ["a control character", "Xiaoming\u0007WANG", /--name/],
    ["a right-to-left override", "Xiaoming \u202eGNAW", /--name/],
    ["a private-use character", "Xiaoming \ue000WANG", /--name/],
  ])("%s is refused with a message, nothing written", async (_, name, field) => {
    const out = await tempDir();
    const result = await runCli(["generate", ...BASE, "--name", name, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(field);
    expect(await listFiles(out)).toEqual([]);
  });
});
