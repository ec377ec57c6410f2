/**
 * What runs that stopped half-way left in a folder, cleaned up by the next run that holds the
 * folder's lock (so nobody else is writing there): an unfinished set is undone from its journal
 * (its new files removed, the files it had set aside put back), a finished one's clean-up is
 * completed, and the temporary files and half-filled hidden folders of dead runs are removed.
 * A set-aside file is never deleted unless its run completed (and meant to replace it): without
 * a journal it goes back to its name if that is free, and otherwise stays, hidden, and is reported.
 */
import { lstat, readdir, readFile, rename, rm, stat, unlink } from "node:fs/promises";
import { join } from "node:path";
import { emptyRecovery, finish, hardLink, readJournal, rollBack, type Recovery } from "./journal.js";
import { breakStale, unreadableStaleMs } from "./lock.js";
import { JOURNAL_DONE_NAME, JOURNAL_NAME, LOCK_NAME, legacyTempPid, parseHiddenName } from "./names.js";
import { ownerState, parseOwner } from "./owner.js";

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

const ignoreMissing = (error: unknown) => {
  if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
};

/** A guard of a stale lock's takeover (".sim-cancel.lock.<token>") left by a run that died. */
async function sweepGuard(path: string): Promise<void> {
  try {
    const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
    const owner = parseOwner(text);
    const stale = owner ? ownerState(owner) === "dead" : Date.now() - info.mtimeMs > unreadableStaleMs(text);
    if (stale) await breakStale(path, { ...(owner ? { owner } : {}), mtimeMs: info.mtimeMs, text });
  } catch (error) {
    ignoreMissing(error);
  }
}

/** Cleans `dir`, whose lock the caller holds; returns what it undid or put back. */
export async function sweep(dir: string): Promise<Recovery> {
  const recovery = emptyRecovery();
  let entries = await readdir(dir);
  if (entries.includes(JOURNAL_DONE_NAME)) {
    const journal = await readJournal(join(dir, JOURNAL_DONE_NAME));
    if (journal) await finish(dir, journal);
    else await unlink(join(dir, JOURNAL_DONE_NAME)).catch(ignoreMissing);
  }
  if (entries.includes(JOURNAL_NAME)) {
    const journal = await readJournal(join(dir, JOURNAL_NAME));
    // An unreadable journal (it is written whole, so only a damaged disk makes one): its
    // set-aside files are still handled below, one by one.
    const undone = journal ? await rollBack(dir, journal) : emptyRecovery();
    if (!journal) await unlink(join(dir, JOURNAL_NAME)).catch(ignoreMissing);
    recovery.removed.push(...undone.removed);
    recovery.restored.push(...undone.restored);
    recovery.left.push(...undone.left);
  }
  entries = await readdir(dir);
  for (const entry of entries) {
    const path = join(dir, entry);
    const hidden = parseHiddenName(entry);
    if (hidden) {
      const tagPid = Number(hidden.tag.split("-")[0]);
      // A lock's temporary record belongs to a run waiting for the lock, maybe alive now.
      if (hidden.name.startsWith(LOCK_NAME.slice(1)) && pidAlive(tagPid)) continue;
      if (hidden.kind === "tmp") await unlink(path).catch(ignoreMissing);
      else if (hidden.kind === "partial") await rm(path, { recursive: true, force: true });
      else if (recovery.left.some((l) => l.keptAs === entry)) continue;
      else {
        // A set-aside file without a journal: back to its name if free, otherwise kept.
        const target = join(dir, hidden.name);
        if (await exists(target)) {
          recovery.left.push({ name: hidden.name, keptAs: entry });
          continue;
        }
        try {
          await hardLink(path, target);
          await unlink(path);
        } catch {
          if (!(await exists(target))) await rename(path, target);
        }
        recovery.restored.push(hidden.name);
      }
      continue;
    }
    const legacyPid = legacyTempPid(entry);
    if (legacyPid !== undefined && !pidAlive(legacyPid)) {
      await unlink(path).catch(ignoreMissing);
      continue;
    }
    if (entry.startsWith(`${LOCK_NAME}.`)) await sweepGuard(path);
  }
  return recovery;
}
