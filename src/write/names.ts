/**
 * The names the writer gives its own files in an output folder, and the names it accepts for the
 * files it writes. Its own files are hidden (a leading dot) and carry a tag unique to one write
 * ("<pid>-<8 hex digits>"), so a later run recognises them, and only them, as leftovers.
 */
import { randomBytes } from "node:crypto";
import type { Problem } from "../problems.js";
import { writeProblem } from "./problems.js";

/** The folder's lock (see lock.ts). Guards of a stale lock's takeover add ".<token>" to it. */
export const LOCK_NAME = ".sim-cancel.lock";
/** The record of a set being written, so a run killed half-way is rolled back (see journal.ts). */
export const JOURNAL_NAME = ".sim-cancel.journal";
/** The journal once the set is complete: only the clean-up was left. */
export const JOURNAL_DONE_NAME = ".sim-cancel.journal.done";
/** What a set written with a manifest is made of (see manifest.ts). */
export const MANIFEST_NAME = ".sim-cancel.json";

/** Longest name accepted, in UTF-8 bytes: leaves room for the hidden names below (255 in all). */
export const MAX_NAME_BYTES = 200;

export function newTag(): string {
  return `${process.pid}-${randomBytes(4).toString("hex")}`;
}

export type HiddenKind = "tmp" | "aside" | "partial";

/** ".sim-cancel-letter-fr.pdf.1234-89abcdef.tmp": a file being written, set aside, or a folder being filled. */
export function hiddenName(name: string, tag: string, kind: HiddenKind): string {
  return `.${name}.${tag}.${kind}`;
}

const HIDDEN = /^\.(.+)\.(\d+-[0-9a-f]{8})\.(tmp|aside|partial)$/;

/** The parts of one of the writer's hidden names, or undefined for any other name. */
export function parseHiddenName(entry: string): { name: string; tag: string; kind: HiddenKind } | undefined {
  const match = HIDDEN.exec(entry);
  return match ? { name: match[1]!, tag: match[2]!, kind: match[3] as HiddenKind } : undefined;
}

/**
 * Temporary files of the writer before this module (".sim-cancel-letter-fr.pdf.1234.tmp",
 * ".summary.csv.1234.tmp"): incomplete copies of new files, removed once their process is gone.
 */
const LEGACY_TEMP = /^\.(sim-cancel-.+\.pdf|summary\.(csv|json)|.+\.yaml)\.(\d+)\.tmp$/;

export function legacyTempPid(entry: string): number | undefined {
  const match = LEGACY_TEMP.exec(entry);
  return match ? Number(match[3]) : undefined;
}

/** Names of the writer's own: a set may not use them. */
export function isWriterName(name: string): boolean {
  return (
    name.startsWith(LOCK_NAME) ||
    name.startsWith(JOURNAL_NAME) ||
    name === MANIFEST_NAME ||
    parseHiddenName(name) !== undefined
  );
}

/**
 * Why a file name cannot be written, or undefined: it must be one plain name in the folder
 * (no separator, not "." or ".."), without control characters, not one of the writer's own
 * names, and short enough for every common file system.
 */
export function badFileName(name: string): Problem | undefined {
  const bad =
    name === "" ||
    name === "." ||
    name === ".." ||
    /[/\\\0\p{Cc}]/u.test(name) ||
    isWriterName(name) ||
    Buffer.byteLength(name) > MAX_NAME_BYTES;
  return bad ? writeProblem("write.badName", { name }) : undefined;
}
