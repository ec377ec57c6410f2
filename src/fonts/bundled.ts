/**
 * The bundled Noto Sans families (installed by npm, see fonts/README.md): where their files are
 * and which family a language uses first. No font parsing here, so the batch's main thread can
 * find the files to share with its workers without loading the font engine.
 */
import { createRequire } from "node:module";
import { FontError } from "../errors.js";

const require = createRequire(import.meta.url);

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
export type Weight = "regular" | "bold";

/**
 * The families in order of preference for a language: Traditional Chinese glyph shapes for
 * zh-Hant, Simplified otherwise; both cover Latin and French.
 */
export function familiesFor(lang: string): readonly [BundledFamily, BundledFamily] {
  return /^zh-(Hant|TW|HK|MO)/i.test(lang) ? ["tc", "sc"] : ["sc", "tc"];
}

export function bundledFontFile(family: BundledFamily, weight: Weight): string {
  try {
    return require.resolve(BUNDLED[family][weight]);
  } catch {
    throw new FontError([{ code: "font.bundledMissing", params: { file: BUNDLED[family][weight] } }]);
  }
}

/** The files every document in these languages uses: each language's first family, both weights. */
export function primaryFontFiles(langs: readonly string[]): string[] {
  const families = new Set(langs.map((lang) => familiesFor(lang)[0]));
  return [...families].flatMap((family) => [bundledFontFile(family, "regular"), bundledFontFile(family, "bold")]);
}
