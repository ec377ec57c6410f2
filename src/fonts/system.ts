/**
 * Fonts from the computer, for characters in none of the bundled faces nor the user's own. The
 * font files are those fontconfig lists where it is installed (most Linux and BSD systems),
 * otherwise those in the usual font folders of Linux, macOS and Windows. Only each face's
 * character map and names are read (the files are read on demand, never whole), once per
 * process; fontconfig, when there, also ranks the faces that have a character (sans-serif, the
 * script's language, regular weight first). Only called when a character is missing, so a
 * document the bundled fonts cover costs nothing here.
 *
 * SIM_CANCEL_FONT_DIRS, when set, replaces all of this with its own folders (separated by the
 * platform's path delimiter), without fontconfig; set to "" it turns system fonts off.
 */
import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { delimiter, join } from "node:path";
import * as fontkit from "fontkit";
import { OnDemandFile } from "./on-demand.js";

// child_process is loaded only when fontconfig is asked (2-3 ms of a cold start otherwise).
const load = createRequire(import.meta.url);

/** A face of a font file on this computer. */
export interface SystemFontFile {
  file: string;
  /** For a collection (TTC), the face's PostScript name; undefined for a single-face file. */
  faceName?: string;
  /** The family, as people know it ("Noto Sans CJK KR"). */
  family: string;
}

/**
 * The face to draw some characters with. It serves bold text too, as the user's own faces do:
 * a font of the computer is often a large CJK collection read whole, and a second one for bold
 * would not fit the memory of a batch's or the web server's render workers.
 */
export interface SystemFontMatch {
  face: SystemFontFile;
  /** The code points asked for that this face has. */
  codePoints: number[];
}

export const FONT_DIRS_VARIABLE = "SIM_CANCEL_FONT_DIRS";

/** The usual font folders of each platform, user folders first. */
export function defaultFontDirs(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string[] {
  const home = env["HOME"] ?? env["USERPROFILE"] ?? homedir();
  if (platform === "win32") {
    const windows = env["WINDIR"] ?? env["SystemRoot"] ?? "C:\\Windows";
    return [
      ...(env["LOCALAPPDATA"] ? [join(env["LOCALAPPDATA"], "Microsoft", "Windows", "Fonts")] : []),
      join(windows, "Fonts"),
    ];
  }
  if (platform === "darwin")
    return [
      join(home, "Library", "Fonts"),
      "/Library/Fonts",
      "/System/Library/Fonts",
      "/System/Library/Fonts/Supplemental",
    ];
  const dataHome = env["XDG_DATA_HOME"] ?? join(home, ".local", "share");
  return [join(dataHome, "fonts"), join(home, ".fonts"), "/usr/local/share/fonts", "/usr/share/fonts"];
}

/** Where to look: the variable's folders (no fontconfig), or fontconfig, else the usual folders. */
function lookupPlan(env: NodeJS.ProcessEnv): { fontconfig: boolean; dirs: string[] } {
  const variable = env[FONT_DIRS_VARIABLE];
  if (variable !== undefined) return { fontconfig: false, dirs: variable.split(delimiter).filter(Boolean) };
  return { fontconfig: true, dirs: defaultFontDirs(process.platform, env) };
}

/**
 * A language that fits a script, so Hangul gets a Korean face and kana a Japanese one. (A rare Han
 * character gets the computer's first choice whatever the document's Chinese: one face per
 * character for every document of a process, rather than a collection read again per language.)
 */
function langHint(codePoint: number): string | undefined {
  const char = String.fromCodePoint(codePoint);
  if (/\p{Script=Hangul}/u.test(char)) return "ko";
  if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(char)) return "ja";
  if (/\p{Script=Hebrew}/u.test(char)) return "he";
  if (/\p{Script=Arabic}/u.test(char)) return "ar";
  return undefined;
}

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

/** A face's character map and names, read without its outlines. */
interface ScannedFace extends SystemFontFile {
  font: fontkit.Font;
  postscriptName: string;
  subfamily: string;
}

const faceKey = (file: string, postscriptName: string) => `${file}#${postscriptName}`;

function fontFiles(dir: string, depth = 0, found: string[] = []): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return found;
  }
  for (const name of names) {
    const path = join(dir, name);
    if (FONT_FILE.test(name)) found.push(path);
    else if (depth < 6 && !name.startsWith(".")) {
      try {
        if (statSync(path).isDirectory()) fontFiles(path, depth + 1, found);
      } catch {
        // A folder that vanished or cannot be read: skip it.
      }
    }
  }
  return found;
}

/** Tables needed to know what a face covers and what it is called. */
const SCANNED_TABLES = ["cmap", "name", "head", "maxp", "hhea", "OS/2"];

/** Reads the table directories and the tables above of every face in a font file; nothing else. */
function scanFile(path: string): ScannedFace[] {
  let file: OnDemandFile | undefined;
  try {
    file = OnDemandFile.open(path);
    const bytes = file.bytes;
    file.ensure(0, 12);
    const collection = bytes.toString("latin1", 0, 4) === "ttcf";
    const offsets: number[] = [];
    if (collection) {
      const count = bytes.readUInt32BE(8);
      file.ensure(12, 12 + 4 * count);
      for (let i = 0; i < count; i++) offsets.push(bytes.readUInt32BE(12 + 4 * i));
    } else {
      offsets.push(0);
    }
    for (const offset of offsets) {
      file.ensure(offset, offset + 12);
      const tables = bytes.readUInt16BE(offset + 4);
      file.ensure(offset + 12, offset + 12 + 16 * tables);
      for (let i = 0; i < tables; i++) {
        const record = offset + 12 + 16 * i;
        if (!SCANNED_TABLES.includes(bytes.toString("latin1", record, record + 4))) continue;
        const start = bytes.readUInt32BE(record + 8);
        file.ensure(start, start + bytes.readUInt32BE(record + 12));
      }
    }
    const parsed = fontkit.create(bytes);
    const fonts = "fonts" in parsed ? parsed.fonts : [parsed];
    return fonts.map((font) => ({
      file: path,
      ...(collection ? { faceName: font.postscriptName } : {}),
      postscriptName: font.postscriptName,
      family: font.familyName || font.postscriptName,
      subfamily: font.subfamilyName || "",
      font,
    }));
  } catch {
    // Not a font fontkit reads, or damaged: not a candidate.
    return [];
  } finally {
    file?.close();
  }
}

/** Faces per font file, read once per process. */
const scannedFiles = new Map<string, ScannedFace[]>();

function scanFiles(files: readonly string[]): ScannedFace[] {
  return files.flatMap((path) => {
    let faces = scannedFiles.get(path);
    if (!faces) scannedFiles.set(path, (faces = scanFile(path)));
    return faces;
  });
}

function runFontconfig(command: string, args: string[]): string[] | undefined {
  const { spawnSync } = load("node:child_process") as typeof import("node:child_process");
  const result = spawnSync(command, args, { encoding: "utf8", timeout: 10_000, windowsHide: true });
  if (result.error || result.status !== 0) return undefined;
  return result.stdout.split("\n").filter(Boolean);
}

const FORMAT = "%{file}\\t%{postscriptname}\\t%{fontformat}\\n";

/** Faces fontconfig lists, in its order; TrueType and OpenType only (others cannot be embedded). */
function parseFontconfig(lines: readonly string[]): { file: string; postscriptName: string }[] {
  return lines.flatMap((line) => {
    const [file, postscriptName, format] = line.split("\t");
    if (!file || !FONT_FILE.test(file) || (format && !/TrueType|CFF/i.test(format))) return [];
    return [{ file, postscriptName: postscriptName ?? "" }];
  });
}

/** The faces on this computer, per lookup plan: undefined for fontconfig when it is not installed. */
const candidates = new Map<string, ScannedFace[] | undefined>();

function facesOf(plan: { fontconfig: boolean; dirs: string[] }): { faces: ScannedFace[]; fontconfig: boolean } {
  if (plan.fontconfig) {
    if (!candidates.has("fontconfig")) {
      const listed = runFontconfig("fc-list", ["--format", FORMAT]);
      candidates.set(
        "fontconfig",
        listed && scanFiles([...new Set(parseFontconfig(listed).map((f) => f.file))].sort()),
      );
    }
    const faces = candidates.get("fontconfig");
    if (faces) return { faces, fontconfig: true };
  }
  const key = `dirs:${plan.dirs.join(delimiter)}`;
  if (!candidates.has(key)) candidates.set(key, scanFiles(plan.dirs.flatMap((dir) => fontFiles(dir))));
  return { faces: candidates.get(key)!, fontconfig: false };
}

/** fontconfig's order of preference for a language, once per process each. */
const fontconfigOrders = new Map<string, Map<string, number>>();

function fontconfigOrder(lang: string | undefined): Map<string, number> {
  const key = lang ?? "";
  let order = fontconfigOrders.get(key);
  if (!order) {
    const sorted =
      runFontconfig("fc-match", [
        "--sort",
        "--format",
        FORMAT,
        `sans-serif${lang ? `:lang=${lang}` : ""}:weight=regular`,
      ]) ?? [];
    order = new Map(
      parseFontconfig(sorted)
        .map((face, index) => [faceKey(face.file, face.postscriptName), index] as const)
        .reverse(),
    );
    fontconfigOrders.set(key, order);
  }
  return order;
}

/** Family names that say a CJK face is drawn for a language. */
const LANG_FAMILY: Record<string, RegExp> = { ko: /\b(KR|Korean)\b/i, ja: /\b(JP|Japanese)\b/i };

/**
 * Without fontconfig: sans before serif and monospace, upright regular before other styles, a
 * face made for the script's language (Korean for Hangul) first; otherwise the folders' order.
 */
function preference(face: ScannedFace, lang: string | undefined): number {
  const serifOrMono = /mono/i.test(face.family) || (/serif/i.test(face.family) && !/sans/i.test(face.family));
  const regular = face.subfamily === "" || /^(regular|book|normal|roman)$/i.test(face.subfamily);
  const slanted = /italic|oblique/i.test(face.subfamily);
  const otherLang = lang !== undefined && LANG_FAMILY[lang] !== undefined && !LANG_FAMILY[lang]!.test(face.family);
  return (slanted ? 8 : 0) + (serifOrMono ? 4 : 0) + (regular ? 0 : 2) + (otherLang ? 1 : 0);
}

function hasCodePoint(font: fontkit.Font, codePoint: number): boolean {
  try {
    return font.hasGlyphForCodePoint(codePoint);
  } catch {
    return false;
  }
}

const plain = ({ file, faceName, family }: ScannedFace): SystemFontFile => ({
  file,
  ...(faceName ? { faceName } : {}),
  family,
});

/** The best face having every one of `codePoints`, or null when no face has them all. */
function match(
  codePoints: readonly number[],
  faces: readonly ScannedFace[],
  fontconfig: boolean,
): SystemFontMatch | null {
  const having = faces.filter((face) => codePoints.every((cp) => hasCodePoint(face.font, cp)));
  if (having.length === 0) return null;
  const lang = langHint(codePoints[0]!);
  let ranked: ScannedFace[];
  if (fontconfig) {
    const order = fontconfigOrder(lang);
    // Faces fontconfig's sort left out come last, in the files' order.
    const rank = (face: ScannedFace) => order.get(faceKey(face.file, face.postscriptName)) ?? Number.MAX_SAFE_INTEGER;
    ranked = [...having].sort((a, b) => rank(a) - rank(b));
  } else {
    ranked = [...having].sort((a, b) => preference(a, lang) - preference(b, lang));
  }
  return { face: plain(ranked[0]!), codePoints: [...codePoints] };
}

/**
 * Faces on this computer for the code points no other font has: as few faces as possible (one
 * that has them all when there is one, else one per character), and the code points none has
 * left out of every match.
 */
export function findSystemFonts(
  codePoints: readonly number[],
  env: NodeJS.ProcessEnv = process.env,
): SystemFontMatch[] {
  const plan = lookupPlan(env);
  const unique = [...new Set(codePoints)].sort((a, b) => a - b);
  if (unique.length === 0 || (!plan.fontconfig && plan.dirs.length === 0)) return [];
  const { faces, fontconfig } = facesOf(plan);
  const all = unique.length > 1 ? match(unique, faces, fontconfig) : null;
  if (all) return [all];
  // No face has them all: one match per character, faces shared where they can be.
  const matches = new Map<string, SystemFontMatch>();
  for (const codePoint of unique) {
    const found = match([codePoint], faces, fontconfig);
    if (!found) continue;
    const key = faceKey(found.face.file, found.face.faceName ?? "");
    const known = matches.get(key);
    if (known) known.codePoints.push(codePoint);
    else matches.set(key, { ...found, codePoints: [codePoint] });
  }
  return [...matches.values()];
}
