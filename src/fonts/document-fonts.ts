/**
 * The faces one generate() call draws with: a chain per section language, built on first use
 * from the bundled faces, the user's own, and any the computer lent for missing characters.
 */
import { buildFontChain, type FontChain } from "./chain.js";
import type { FontFace } from "./faces.js";
import type { SystemFace } from "./glyph-check.js";

export class DocumentFonts {
  private readonly chains = new Map<string, FontChain>();
  private readonly systemFaces: SystemFace[] = [];

  constructor(
    private readonly extraFaces: readonly FontFace[],
    private readonly langs: readonly string[],
  ) {}

  /** The chain for a section's language (a function, to hand to the layout as it is). */
  readonly fontsFor = (lang: string): FontChain => {
    let chain = this.chains.get(lang);
    if (!chain) this.chains.set(lang, (chain = buildFontChain(lang, this.extraFaces, this.systemFaces)));
    return chain;
  };

  /** Faces that decide whether a character can be printed: every regular face of the documents' languages. */
  checkedFaces(): FontFace[] {
    return [...new Set(this.langs.flatMap((lang) => this.fontsFor(lang).regular))];
  }

  /** Faces from the computer join the end of every chain. */
  addSystemFaces(faces: readonly SystemFace[]): void {
    if (faces.length === 0) return;
    this.systemFaces.push(...faces);
    this.chains.clear();
  }

  /** Every face the layout may name, for the renderer. */
  allFaces(): FontFace[] {
    return [...new Set(this.langs.flatMap((lang) => [...this.fontsFor(lang).regular, ...this.fontsFor(lang).bold]))];
  }
}
