/**
 * The fonts a PDF embeds, read with qpdf (not our code): each Type0 font's name, a hash of its
 * font program and the characters its ToUnicode map gives its glyphs.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";

export interface EmbeddedFont {
  /** The font's name without its subset tag ("NotoSansSC-Regular"). */
  face: string;
  /** SHA-256 of the decoded font program. */
  program: string;
  /** Every character the ToUnicode map gives a glyph. */
  chars: Set<string>;
}

type QpdfObjects = Record<string, { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } }>;

/** The Type0 fonts of a PDF, read with qpdf. */
export function embeddedFonts(file: string): EmbeddedFont[] {
  const json = execFileSync(
    "qpdf",
    ["--json=2", "--json-key=qpdf", "--json-stream-data=inline", "--decode-level=generalized", file],
    { maxBuffer: 64 << 20 },
  ).toString("utf8");
  const objects = (JSON.parse(json) as { qpdf: [unknown, QpdfObjects] }).qpdf[1];
  const object = (ref: unknown) => objects[`obj:${String(ref)}`]!;
  const data = (ref: unknown) => Buffer.from(object(ref).stream!.data!, "base64");
  const fonts: EmbeddedFont[] = [];
  for (const entry of Object.values(objects)) {
    const font = entry.value as Record<string, unknown> | undefined;
    if (!font || typeof font !== "object" || font["/Subtype"] !== "/Type0") continue;
    const descendant = object((font["/DescendantFonts"] as unknown[])[0]).value as Record<string, unknown>;
    const descriptor = object(descendant["/FontDescriptor"]).value as Record<string, unknown>;
    const program = data(descriptor["/FontFile2"] ?? descriptor["/FontFile3"]);
    const cmap = data(font["/ToUnicode"]).toString("latin1");
    // pdfkit writes ranges of glyphs, each with its characters: <first> <last> [<0041> <d83d de00> ...]
    const chars = new Set<string>();
    for (const [, list] of cmap.matchAll(/^<[0-9a-f]+> <[0-9a-f]+> \[(.*)\]$/gm))
      for (const [, hex] of list!.matchAll(/<([0-9a-f ]+)>/g)) {
        const text = String.fromCharCode(...hex!.split(" ").map((unit) => Number.parseInt(unit, 16)));
        if (text !== "\u0000") chars.add(text);
      }
    if (chars.size === 0) throw new Error(`no characters read from the ToUnicode map of ${String(font["/BaseFont"])}`);
    fonts.push({
      face: String(font["/BaseFont"]).replace(/^\/[A-Z]{6}\+/, ""),
      program: createHash("sha256").update(program).digest("hex"),
      chars,
    });
  }
  return fonts;
}
