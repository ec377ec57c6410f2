/**
 * No test reads or makes a PDF around the check: pdf.js is only used by tests/support/pdf.ts
 * (whose readPdf checks what it reads) and by tests that read it on PDFs made in their own process
 * (checked as they were rendered, see check-every-pdf.ts), every test file runs with the setup
 * that checks each PDF rendered in-process, and runCli checks each PDF the command line writes.
 */
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { generate } from "../../src/index.js";
import { ROOT } from "../support/cli.js";

async function testFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) =>
      e.isDirectory()
        ? testFiles(join(dir, e.name))
        : Promise.resolve(e.name.endsWith(".ts") ? [join(dir, e.name)] : []),
    ),
  );
  return nested.flat();
}

describe("every PDF of the test suite is checked", () => {
  it("only the shared reader uses pdf.js, and every test file gets the setup that checks", async () => {
    const users: string[] = [];
    for (const file of await testFiles(join(ROOT, "tests"))) {
      if (file.endsWith("every-pdf-checked.test.ts")) continue;
      if (/from "pdfjs-dist|import\("pdfjs-dist/.test(await readFile(file, "utf8"))) users.push(relative(ROOT, file));
    }
    // tests/situations/table.ts reads strokes and text positions of PDFs it makes with generate().
    expect(users).toEqual(["tests/situations/table.ts", "tests/support/pdf.ts"]);
    expect(await readFile(join(ROOT, "vitest.config.ts"), "utf8")).toMatch(
      /setupFiles: \["tests\/support\/check-every-pdf\.ts"\]/,
    );
  });

  it("the check runs on every document generate() renders", async () => {
    const counts = () => ({
      ...((globalThis as { __pdfChecks?: { checked: number; withModel: number } }).__pdfChecks ?? {
        checked: 0,
        withModel: 0,
      }),
    });
    const before = counts();
    const documents = await generate({
      name: "Mei LIN",
      phone: "76 12 34",
      channel: "proxy",
      proxyName: "Li CHEN",
      date: "2026-11-24",
    });
    const after = counts();
    expect(after.checked - before.checked).toBe(documents.length);
    expect(after.withModel - before.withModel).toBe(documents.length);
  });
});
