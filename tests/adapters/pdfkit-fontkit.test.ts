/**
 * The patches on pdfkit's and fontkit's internals hold for the installed versions: each names what
 * it relies on, and this test fails with the patch's name when an upgrade changes it.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import * as fontkit from "fontkit";
import PDFDocument from "pdfkit";
import { describe, expect, it } from "vitest";
import { PATCHES, PINNED } from "../../src/adapters/pdfkit-fontkit.js";
import { ROOT } from "../support/cli.js";

const require = createRequire(import.meta.url);
const NOTO_SC = require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");

describe("patches on pdfkit and fontkit internals", () => {
  it("are pinned: package.json asks for exactly the versions the patches were checked against, and they are installed", () => {
    const manifest = JSON.parse(readFileSync(`${ROOT}/package.json`, "utf8")) as {
      dependencies: Record<string, string>;
    };
    for (const [name, version] of Object.entries(PINNED)) {
      expect(
        manifest.dependencies[name],
        `package.json must pin ${name} to ${version} (the adapter's patches rely on its internals)`,
      ).toBe(version);
      const installed = (
        JSON.parse(readFileSync(`${ROOT}/node_modules/${name}/package.json`, "utf8")) as { version: string }
      ).version;
      expect(installed, `${name} ${installed} is installed; the adapter was checked against ${version}`).toBe(version);
    }
  });

  const font = fontkit.create(readFileSync(NOTO_SC)) as fontkit.Font;
  it.each(PATCHES.map((patch) => [patch.name, patch] as const))("%s still finds what it relies on", (name, patch) => {
    let problem: string | undefined;
    try {
      problem = patch.problem({ pdfkit: PDFDocument, font });
    } catch (error) {
      problem = `checking it threw ${(error as Error).message}`;
    }
    expect(
      problem,
      `patch "${name}" (src/adapters/pdfkit-fontkit.ts) relies on ${patch.relies}: ${problem}`,
    ).toBeUndefined();
  });
});
