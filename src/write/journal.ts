/**
 * The journal of a set being written: before the first file of a folder changes, the writer
 * records which temporary file becomes which name and which earlier files it sets aside. If the
 * run stops before the set is complete (an error, a kill, a power cut), whoever next holds the
 * folder's lock reads the journal and undoes the run: removes the new files that were put in
 * place and puts every set-aside file back. Once the set is complete the journal is renamed
 * ".done", after which only the clean-up (removing the set-aside and temporary files) is left.
 *
 * Undoing never deletes what it cannot prove is the run's own: a file at an output name is
 * removed only if it is the run's temporary file (the same inode, or, where the file system has
 * no hard links, the same bytes); a set-aside file goes back only to a free name, and otherwise
 * stays where it is (reported, never deleted).
 */
import { type FileHandle, link, lstat, open, readFile, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { faultPoint, injectedLinkFault } from "./faults.js";
import { JOURNAL_DONE_NAME, JOURNAL_NAME } from "./names.js";
import { newTag } from "./names.js";

export interface JournalEntry {
  /** The output name. */
  name: string;
  /** The temporary file holding the new content (a name in the same folder). */
  temp: string;
  /** Where the earlier file at `name` is set aside, when there was one. */
  aside?: string;
  /** True for a file of an earlier set that is removed, not replaced (no `temp` is put in place). */
  retire?: boolean;
}

export interface Journal {
  tag: string;
  entries: JournalEntry[];
}

/** What undoing or finishing a run did. Names are relative to the folder. */
export interface Recovery {
  /** New files of an unfinished run that were removed. */
  removed: string[];
  /** Earlier files put back in place. */
  restored: string[];
  /** Set-aside files that could not go back (something else is at their name): kept under this hidden name. */
  left: { name: string; keptAs: string }[];
}

export const emptyRecovery = (): Recovery => ({ removed: [], restored: [], left: [] });

async function fsyncPath(path: string, flags: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(path, flags);
    await handle.sync();
  } catch {
    // A folder cannot be opened for syncing on some systems (Windows): durability then rests on the OS.
  } finally {
    await handle?.close().catch(() => {});
  }
}

/** Makes a folder's entries (created, renamed, removed names) durable. */
export function syncFolder(dir: string): Promise<void> {
  return fsyncPath(dir, "r");
}

/** Writes a new file (EEXIST if anything is at `path`) and flushes it to disk. */
export async function writeNewFile(path: string, bytes: Uint8Array | string): Promise<void> {
  const handle = await open(path, "wx");
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export async function writeJournal(dir: string, journal: Journal): Promise<void> {
  const temp = join(dir, `${JOURNAL_NAME}.${newTag()}.tmp`);
  await writeNewFile(temp, JSON.stringify(journal));
  try {
    // Under the folder's lock no other journal can appear; link keeps even that from being replaced.
    await hardLink(temp, join(dir, JOURNAL_NAME));
  } catch (error) {
    if (!linkUnsupported(error)) throw error;
    // No hard links (FAT): a rename, whole as well; the lock is what keeps other journals away.
    if (await lstatOrUndefined(join(dir, JOURNAL_NAME)))
      throw Object.assign(new Error(`${JOURNAL_NAME} exists`), { code: "EEXIST" });
    await rename(temp, join(dir, JOURNAL_NAME));
  } finally {
    await unlink(temp).catch(() => {});
  }
  await syncFolder(dir);
}

export async function readJournal(path: string): Promise<Journal | undefined> {
  try {
    const value = JSON.parse(await readFile(path, "utf8")) as Journal;
    return Array.isArray(value?.entries) ? value : undefined;
  } catch {
    return undefined;
  }
}

export async function markDone(dir: string): Promise<void> {
  await rename(join(dir, JOURNAL_NAME), join(dir, JOURNAL_DONE_NAME));
  await syncFolder(dir);
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

/**
 * Whether `path` is the content of `temp`: the same inode, or the same bytes (a copy, maybe cut
 * short). An empty file counts too: a copy cut short at its start (a FAT stick pulled out) must
 * go, so that the earlier file comes back; an empty file someone made at the name during the
 * run would go with it, which loses no content.
 */
export async function isCopyOf(path: string, temp: string): Promise<boolean> {
  const [a, b] = await Promise.all([lstatOrUndefined(path), lstatOrUndefined(temp)]);
  if (!a || !b || !a.isFile() || !b.isFile()) return false;
  if (a.ino === b.ino && a.dev === b.dev) return true;
  if (a.size > b.size) return false;
  const [x, y] = await Promise.all([readFile(path), readFile(temp)]);
  return y.subarray(0, x.length).equals(x);
}

/** The errors of a file system that has no hard links (FAT, some network shares). */
export const linkUnsupported = (error: unknown) =>
  ["EPERM", "ENOTSUP", "EOPNOTSUPP", "ENOSYS", "EXDEV", "EMLINK"].includes((error as NodeJS.ErrnoException).code ?? "");

/** link(), through the fault hook that can play a file system without hard links (faults.ts). */
export async function hardLink(from: string, to: string): Promise<void> {
  const injected = injectedLinkFault();
  if (injected) throw injected;
  await link(from, to);
}

/**
 * Copies `from` to a new file `to` (EEXIST if anything is there), flushed. Not copyFile(): it
 * also copies the mode, which some file systems without hard links refuse (fusefat: ENOSYS).
 * A copy cut short is a prefix of `from`, which the undoing recognises (isCopyOf).
 */
async function copyExclusive(from: string, to: string): Promise<void> {
  await writeNewFile(to, await readFile(from));
}

/**
 * Puts `from` at `to` only if nothing is at `to` (EEXIST otherwise), in one system call: a hard
 * link. Where the file system has none (FAT, some network shares), an exclusive copy instead.
 */
export async function linkNoReplace(from: string, to: string): Promise<void> {
  try {
    await hardLink(from, to);
  } catch (error) {
    if (!linkUnsupported(error)) throw error;
    await copyExclusive(from, to);
  }
}

/**
 * Puts a set-aside file back at its name, if that name is free; returns false (the file stays
 * set aside) when something else is there.
 */
async function putBack(aside: string, target: string): Promise<boolean> {
  try {
    await hardLink(aside, target);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (!linkUnsupported(error) && code !== "EISDIR") throw error;
    // No hard links (or a folder was set aside by hand): rename, having checked the name is free.
    if (await lstatOrUndefined(target)) return false;
    await rename(aside, target);
    return true;
  }
  await unlink(aside);
  return true;
}

/**
 * Undoes an unfinished run described by `journal`: removes the new files it put in place, puts
 * every set-aside file back, removes its temporary files and the journal. Safe to run again
 * after being cut short itself: each step checks what is there first.
 */
export async function rollBack(dir: string, journal: Journal, journalName: string = JOURNAL_NAME): Promise<Recovery> {
  const recovery = emptyRecovery();
  for (const entry of [...journal.entries].reverse()) {
    const target = join(dir, entry.name);
    const aside = entry.aside === undefined ? undefined : join(dir, entry.aside);
    const asideThere = aside !== undefined && (await lstatOrUndefined(aside)) !== undefined;
    faultPoint(`rollback.remove ${entry.name}`);
    // With a set-aside file that is gone, the earlier file is already back (or was never moved):
    // what is at the name is not the run's, even if its bytes are the same (reproducible PDFs).
    if (!entry.retire && (aside === undefined || asideThere) && (await isCopyOf(target, join(dir, entry.temp)))) {
      await unlink(target);
      recovery.removed.push(entry.name);
    }
    if (aside !== undefined && asideThere) {
      faultPoint(`rollback.restore ${entry.name}`);
      if (await putBack(aside, target)) recovery.restored.push(entry.name);
      else recovery.left.push({ name: entry.name, keptAs: entry.aside! });
    }
    if (!entry.retire) {
      await unlink(join(dir, entry.temp)).catch((error) => {
        if (!isMissing(error)) throw error;
      });
    }
  }
  await syncFolder(dir);
  faultPoint("rollback.journal");
  await unlink(join(dir, journalName)).catch((error) => {
    if (!isMissing(error)) throw error;
  });
  return recovery;
}

/** Finishes a complete run's clean-up: removes its set-aside and temporary files, then the journal. */
export async function finish(dir: string, journal: Journal): Promise<void> {
  for (const entry of journal.entries) {
    if (entry.aside !== undefined) {
      faultPoint(`cleanup.aside ${entry.name}`);
      await unlink(join(dir, entry.aside)).catch((error) => {
        if (!isMissing(error)) throw error;
      });
    }
  }
  for (const entry of journal.entries) {
    if (entry.retire) continue;
    faultPoint(`cleanup.temp ${entry.name}`);
    await unlink(join(dir, entry.temp)).catch((error) => {
      if (!isMissing(error)) throw error;
    });
  }
  faultPoint("cleanup.journal");
  await unlink(join(dir, JOURNAL_DONE_NAME)).catch((error) => {
    if (!isMissing(error)) throw error;
  });
}
