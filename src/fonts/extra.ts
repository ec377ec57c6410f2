/**
 * The user's extra fonts: files given with --font (a TTC face as "file.ttc#PostScriptName"),
 * then TTF/OTF files dropped into fonts/.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { type FontFace, loadFace } from "./faces.js";

/** "file.ttc#Face" -> { file, faceName } */
export function parseFontSpec(spec: string): { file: string; faceName?: string } {
  const hash = spec.lastIndexOf("#");
  if (hash > 0 && /\.(ttc|otc|dfont)$/i.test(spec.slice(0, hash))) {
    return { file: spec.slice(0, hash), faceName: spec.slice(hash + 1) };
  }
  return { file: spec };
}

export function loadExtraFaces(specs: readonly string[], fontsDir: string): FontFace[] {
  const fromFlags = specs.map((spec) => {
    const { file, faceName } = parseFontSpec(spec);
    return loadFace(file, faceName, true);
  });
  let dropped: string[] = [];
  try {
    dropped = readdirSync(fontsDir).filter((name) => /\.(ttf|otf)$/i.test(name)).sort();
  } catch {
    // No fonts/ folder (an installed package without one): nothing to add.
  }
  return [...fromFlags, ...dropped.map((name) => loadFace(join(fontsDir, name), undefined, true))];
}
