/**
 * Which extra font files the user gave (the fonts option): specs (a TTC face as "file.ttc#PostScriptName"),
 * then TTF/OTF files dropped into fonts/. Only names here, no font parsing, so a caller can learn
 * whether there is anything to load without loading the font engine.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";

export interface FontFileSpec {
  file: string;
  faceName?: string;
}

/** "file.ttc#Face" -> { file, faceName } */
export function parseFontSpec(spec: string): FontFileSpec {
  const hash = spec.lastIndexOf("#");
  if (hash > 0 && /\.(ttc|otc|dfont)$/i.test(spec.slice(0, hash))) {
    return { file: spec.slice(0, hash), faceName: spec.slice(hash + 1) };
  }
  return { file: spec };
}

export function extraFontFiles(specs: readonly string[], fontsDir: string): FontFileSpec[] {
  let dropped: string[] = [];
  try {
    dropped = readdirSync(fontsDir)
      .filter((name) => /\.(ttf|otf)$/i.test(name))
      .sort();
  } catch {
    // No fonts/ folder (an installed package without one): nothing to add.
  }
  return [...specs.map(parseFontSpec), ...dropped.map((name) => ({ file: join(fontsDir, name) }))];
}
