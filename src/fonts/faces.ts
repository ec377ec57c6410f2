/**
 * Font faces: a parsed font file plus the name the renderer registers it under.
 * Font files are read and parsed once per process and shared by every document.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import * as fontkit from "fontkit";

export interface FontFace {
  /** Unique name, used as the pdfkit font name and in PageLayout text items. */
  name: string;
  /** Where the face came from, for messages. */
  file: string;
  /** Raw file bytes, handed to pdfkit for embedding. */
  bytes: Buffer;
  /** For a collection (TTC), the face's PostScript name. */
  faceName?: string;
  font: fontkit.Font;
}

export class FontError extends Error {}

const cache = new Map<string, FontFace>();

/**
 * Reads and parses a TTF, OTF or a face of a TTC collection. Collections need a face name,
 * because picking the first face silently would be a guess.
 */
export function loadFace(file: string, faceName?: string): FontFace {
  const key = `${file}#${faceName ?? ""}`;
  const cached = cache.get(key);
  if (cached) return cached;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new FontError(`cannot read font file ${file}: ${(error as Error).message}`);
  }
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    parsed = fontkit.create(bytes, faceName);
  } catch (error) {
    throw new FontError(`${file} is not a font fontkit can read (TTF, OTF or TTC): ${(error as Error).message}`);
  }
  if ("fonts" in parsed) {
    const names = parsed.fonts.map((f) => f.postscriptName).join(", ");
    throw new FontError(
      faceName
        ? `${file} has no face named ${faceName}; its faces are: ${names}`
        : `${file} is a font collection: name the face with ${file}#FACE (faces: ${names})`,
    );
  }
  const face: FontFace = {
    name: `F${cache.size + 1}-${parsed.postscriptName || basename(file)}`,
    file,
    bytes,
    font: parsed,
    ...(faceName ? { faceName } : {}),
  };
  cache.set(key, face);
  return face;
}

const require = createRequire(import.meta.url);

/** The Noto Sans families installed by npm (see fonts/README.md). */
const BUNDLED = {
  sc: {
    regular: "@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf",
    bold: "@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf",
  },
  tc: {
    regular: "@expo-google-fonts/noto-sans-tc/400Regular/NotoSansTC_400Regular.ttf",
    bold: "@expo-google-fonts/noto-sans-tc/700Bold/NotoSansTC_700Bold.ttf",
  },
} as const;

export type BundledFamily = keyof typeof BUNDLED;

export function loadBundledFace(family: BundledFamily, weight: "regular" | "bold"): FontFace {
  let file: string;
  try {
    file = require.resolve(BUNDLED[family][weight]);
  } catch {
    throw new FontError(
      `the bundled font ${BUNDLED[family][weight]} is missing: run "npm install" again (fonts come from npm)`,
    );
  }
  return loadFace(file);
}
