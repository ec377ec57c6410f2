/**
 * The bundle's prebuilt shaping (dist/fonts/prebuilt-shaping/, made by npm run build): every run
 * in it is exactly what fontkit gives the same text in the same font, and it is only used for the
 * font file it was made for.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as fontkit from "fontkit";
import { describe, expect, it } from "vitest";
import { bundledFontFile } from "../../src/fonts/bundled.js";
import {
  fontKey,
  fromPrebuilt,
  PREBUILT_SHAPING_DIR,
  shapeLive,
  shapingDifference,
  type PrebuiltFile,
} from "../../src/fonts/shaping.js";

const FACES = (["sc", "tc"] as const).flatMap((family) =>
  (["regular", "bold"] as const).map((weight) => bundledFontFile(family, weight)),
);
const fonts = FACES.map((file) => fontkit.create(readFileSync(file)) as fontkit.Font);

describe("the prebuilt shaping of the bundled templates", () => {
  const files = existsSync(PREBUILT_SHAPING_DIR) ? readdirSync(PREBUILT_SHAPING_DIR) : [];

  it("was built for each bundled face, the templates' pieces of every language", () => {
    expect(files.sort()).toEqual(fonts.map((font) => `${font.postscriptName}.json`).sort());
  });

  it.each(fonts.map((font) => [font.postscriptName, font] as const))(
    "%s: every run is fontkit's own, glyph by glyph",
    (_name, font) => {
      const prebuilt = JSON.parse(
        readFileSync(join(PREBUILT_SHAPING_DIR, `${font.postscriptName}.json`), "utf8"),
      ) as PrebuiltFile;
      expect(prebuilt.key).toBe(fontKey(font));
      expect(prebuilt.runs.length).toBeGreaterThan(50);
      const differences = prebuilt.runs.flatMap(([text, run]) => {
        // fontkit's own shaping, left to right as the layout sets every piece of the templates.
        const difference = shapingDifference(fromPrebuilt(font, text, run), shapeLive(font, text));
        return difference ? [`${JSON.stringify(text)}: ${difference}`] : [];
      });
      expect(differences).toEqual([]);
    },
  );

  it("tells a changed glyph or advance from fontkit's (the comparison is not blind)", () => {
    const font = fonts[0]!;
    const run = shapeLive(font, "Madame, ");
    expect(shapingDifference(fromPrebuilt(font, "Madame, ", { dx: [0, 0, 0, 0, 0, 0, 0, 7] }), run)).toMatch(
      /glyph 7: position/,
    );
    expect(
      shapingDifference(
        fromPrebuilt(font, "Madame, ", {
          ids: [1, 2, 3, 4, 5, 6, 7, 8],
          codePoints: [[77], [97], [100], [97], [109], [101], [44], [32]],
        }),
        run,
      ),
    ).toMatch(/glyph 0: id/);
  });
});
