/**
 * Every character checked against the fonts before anything is drawn. Characters the bundled
 * faces and the user's own (the fonts option, fonts/) have cost nothing more; the others are looked for in
 * the computer's fonts (system.ts), and a face found there draws those characters only (bold
 * text too, as the user's own faces do). A
 * character no font on the machine has is a problem naming the field and the character's code,
 * never an empty box on paper.
 */
import type { Details } from "../details/types.js";
import type { Problem } from "../problems.js";
import type { PageLayout } from "../layout/page-layout.js";
import { type FontFace, loadFace } from "./faces.js";
import { hasGlyph } from "./chain.js";
import { findMissingGlyphs, type MissingGlyph } from "./coverage.js";
import { formatCodePoint } from "../show.js";
import { findSystemFonts, type SystemFontFile } from "./system.js";

/** Faces from the computer, added at the end of every chain (regular and bold), for some characters. */
export interface SystemFace {
  face: FontFace;
  /** The family as people know it, and the file, for the notice. */
  family: string;
  file: string;
}

export interface GlyphCheck {
  /** Faces from the computer that the documents need. */
  systemFaces: SystemFace[];
  /** Characters of the user's details no font on the machine has, with their field. */
  missingInDetails: MissingGlyph[];
  /** Characters of the templates no font on the machine has, with their template. */
  missingInTemplates: MissingGlyph[];
}

/** The user's own text, field by field, so a missing glyph can name the field it came from. */
export function detailTexts(details: Details): { source: string; text: string }[] {
  const fields: [string, unknown][] = [
    ["name", details.name],
    ["customerNumber", details.customerNumber],
    ["address", details.address?.join("\n")],
    ["email", details.email],
    ["reason", details.reason],
    ["proxyName", details.proxy?.name],
    ["proxyId", details.proxy?.idNumber],
    ["accountHolder", details.refund?.holder],
    ["forwardingAddress", details.forwardingAddress?.join("\n")],
    ["place", details.place],
    ["idNumber", details.idNumber],
    ["offer", details.offer],
  ];
  return fields.flatMap(([source, text]) => (typeof text === "string" ? [{ source, text }] : []));
}

function fallbackParams(face: SystemFace, codePoints: number[]): Record<string, string> {
  const sorted = [...codePoints].sort((a, b) => a - b);
  return {
    chars: String.fromCodePoint(...sorted),
    codePoints: sorted.map(formatCodePoint).join(" "),
    font: face.family,
    file: face.file,
  };
}

function systemFace(match: { face: SystemFontFile }, codePoints: readonly number[]): SystemFace | undefined {
  try {
    const face = loadFace(match.face.file, match.face.faceName, true);
    return codePoints.every((cp) => hasGlyph(face, cp))
      ? { face, family: match.face.family, file: match.face.file }
      : undefined;
  } catch {
    // A file fontkit cannot read after all: as if it were not there.
    return undefined;
  }
}

/**
 * Checks the user's details first, so a character is blamed on the field it came from; what is
 * still missing after that can only come from a template.
 */
export function checkGlyphs(
  details: readonly { source: string; text: string }[],
  templates: readonly { source: string; text: string }[],
  faces: readonly FontFace[],
  env: NodeJS.ProcessEnv = process.env,
): GlyphCheck {
  let missing = findMissingGlyphs([...details, ...templates], faces);
  const systemFaces: SystemFace[] = [];
  if (missing.length > 0) {
    const wanted = [...new Set(missing.map((m) => m.char.codePointAt(0)!))];
    for (const match of findSystemFonts(wanted, env)) {
      const face = systemFace(match, match.codePoints);
      if (face) systemFaces.push(face);
    }
    if (systemFaces.length > 0)
      missing = findMissingGlyphs([...details, ...templates], [...faces, ...systemFaces.map((f) => f.face)]);
  }
  const fields = new Set(details.map((d) => d.source));
  return {
    systemFaces,
    missingInDetails: missing.filter((m) => fields.has(m.source)),
    missingInTemplates: missing.filter((m) => !fields.has(m.source)),
  };
}

/**
 * What the computer's fonts drew in one document: a notice per face and field ("font.systemFallback",
 * with the characters, their codes, the font's family and its file), and one without a field for
 * characters of the templates.
 */
export function systemFontNotices(
  layout: PageLayout,
  systemFaces: readonly SystemFace[],
  details: readonly { source: string; text: string }[],
): Problem[] {
  const notices: Problem[] = [];
  for (const face of systemFaces) {
    const drawn = new Set<number>();
    for (const page of layout.pages) {
      for (const item of page.items) {
        if (item.kind === "text" && item.face === face.face.name)
          for (const char of item.text) if (char.trim() !== "") drawn.add(char.codePointAt(0)!);
      }
    }
    if (drawn.size === 0) continue;
    const accounted = new Set<number>();
    for (const { source, text } of details) {
      const mine = [...new Set([...text].map((c) => c.codePointAt(0)!))].filter((cp) => drawn.has(cp));
      if (mine.length === 0) continue;
      for (const cp of mine) accounted.add(cp);
      notices.push({ code: "font.systemFallback", field: source, params: fallbackParams(face, mine) });
    }
    const rest = [...drawn].filter((cp) => !accounted.has(cp));
    if (rest.length > 0) notices.push({ code: "font.systemFallback", params: fallbackParams(face, rest) });
  }
  return notices;
}
