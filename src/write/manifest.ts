/**
 * A set's manifest: a hidden file written with the set, in the same transaction, that says what
 * the set was made from (a key the caller chooses, e.g. a hash of a batch row and its options) and
 * each file's size and SHA-256. It lets a later run tell, without rendering anything, that a
 * folder holds exactly the set it would write (a batch resumes by keeping such folders), and
 * that a file is still the writer's own, unchanged (which a caller may allow it to replace).
 */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { MANIFEST_NAME } from "./names.js";

export interface ManifestFile {
  name: string;
  size: number;
  sha256: string;
  /** What the caller said about the file (a batch: its kind, language and pages). */
  info?: Record<string, unknown>;
}

export interface Manifest {
  tool: "sim-cancel";
  format: 1;
  key: string;
  files: ManifestFile[];
}

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export function manifestBytes(key: string, files: ManifestFile[]): Uint8Array {
  const manifest: Manifest = { tool: "sim-cancel", format: 1, key, files };
  return new TextEncoder().encode(`${JSON.stringify(manifest, null, 1)}\n`);
}

export async function readManifest(dir: string): Promise<Manifest | undefined> {
  try {
    const value = JSON.parse(await readFile(join(dir, MANIFEST_NAME), "utf8")) as Manifest;
    if (
      value?.tool !== "sim-cancel" ||
      value.format !== 1 ||
      typeof value.key !== "string" ||
      !Array.isArray(value.files)
    )
      return undefined;
    return value;
  } catch {
    return undefined;
  }
}

/** Whether the file at `dir/file.name` is the one the manifest describes, byte for byte. */
export async function isUnchanged(dir: string, file: ManifestFile): Promise<boolean> {
  try {
    const bytes = await readFile(join(dir, file.name));
    return bytes.length === file.size && sha256(bytes) === file.sha256;
  } catch {
    return false;
  }
}

export type SetState =
  /** No folder, or an empty one. */
  | { state: "absent" }
  /** Exactly the set made from `key`: every file of the manifest, unchanged. */
  | { state: "complete"; manifest: Manifest }
  /** Something else: another key, a changed or missing file, or files without a manifest. */
  | { state: "other"; manifest?: Manifest };

/** What `dir` holds compared with the set made from `key`. */
export async function checkSet(dir: string, key: string): Promise<SetState> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { state: "absent" };
    return { state: "other" };
  }
  if (entries.length === 0) return { state: "absent" };
  const manifest = await readManifest(dir);
  if (!manifest || manifest.key !== key) return manifest ? { state: "other", manifest } : { state: "other" };
  const unchanged = await Promise.all(manifest.files.map((file) => isUnchanged(dir, file)));
  return unchanged.every(Boolean) ? { state: "complete", manifest } : { state: "other", manifest };
}
