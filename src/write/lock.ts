/**
 * An exclusive lock on an output folder: one file, created whole in one system call that fails
 * if it exists (the owner record is written to a temporary file, then link()ed to the lock's
 * name: link fails with EEXIST, also on NFS, and a reader never sees a half-written record).
 *
 * A lock whose process is gone (see owner.ts) is taken over. Taking over is where locks usually
 * break: two runs find the same stale lock, both remove it, and one removes the other's new lock.
 * Here only the run that holds a guard named after the stale lock's token may remove it, and it
 * checks under that guard that the lock still is that stale one; a guard left by a run that died
 * is itself stale and taken over the same way (one level deeper). A lock from another host is
 * refreshed by its holder every 30 s and counts as stale once it has not been for 10 minutes.
 */
import { open, readFile, stat, unlink, utimes, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { faultPoint } from "./faults.js";
import { hardLink, linkUnsupported } from "./journal.js";
import { newTag } from "./names.js";
import { isThisProcess, newOwner, ownerState, parseOwner, type Owner } from "./owner.js";
import { isWriteError, problemOfSystemError, writeError, writeProblem } from "./problems.js";

const REFRESH_MS = 30_000;
export const FOREIGN_STALE_MS = 10 * 60_000;
/** A lock file without a readable record (written by hand, or by something else): stale after this. */
const UNREADABLE_STALE_MS = 10 * 60_000;
/**
 * An empty lock file: on a file system without hard links (createWhole) a run that died between
 * creating its lock and writing the record's few bytes left it; a live one writes them at once.
 */
const EMPTY_STALE_MS = 5_000;

export interface LockOptions {
  /** How long to wait for a live holder to finish (default 5 s); 0 fails at once. */
  waitMs?: number;
  /**
   * Take over a lock held by this very process (another of its threads that died: a batch's
   * worker stopped by its memory limit). Only for a caller that knows no thread of its own
   * still writes there.
   */
  breakOwnProcess?: boolean;
}

export interface HeldLock {
  readonly path: string;
  readonly owner: Owner;
  release(): Promise<void>;
}

export interface Found {
  owner?: Owner;
  mtimeMs: number;
  /** The file's inode, when known: with the time, what tells a new lock from the stale one. */
  ino?: number;
  text: string;
}

async function readLock(path: string): Promise<Found | undefined> {
  try {
    const [text, info] = await Promise.all([readFile(path, "utf8"), stat(path)]);
    const owner = parseOwner(text);
    return { ...(owner ? { owner } : {}), mtimeMs: info.mtimeMs, ino: info.ino, text };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** How old a lock or guard file without a readable record must be to count as stale. */
export function unreadableStaleMs(text: string): number {
  return text === "" ? EMPTY_STALE_MS : UNREADABLE_STALE_MS;
}

function isStale(found: Found, options: LockOptions): boolean {
  const age = Date.now() - found.mtimeMs;
  if (!found.owner) return age > unreadableStaleMs(found.text);
  if (options.breakOwnProcess && isThisProcess(found.owner)) return true;
  const state = ownerState(found.owner);
  if (state === "foreign") return age > FOREIGN_STALE_MS;
  return state === "dead";
}

/**
 * Creates `path` holding `text`, or fails with EEXIST; never a partial file at `path`. On a file
 * system without hard links (a FAT USB stick) an exclusive create instead, which fails with EEXIST
 * as well: a reader may then find the record empty for an instant, and takes it for a live
 * holder's (an empty lock counts as stale after five seconds, see EMPTY_STALE_MS).
 */
export async function createWhole(path: string, text: string): Promise<void> {
  const temp = `${path}.${newTag()}.tmp`;
  await writeFile(temp, text, { flag: "wx" });
  try {
    await hardLink(temp, path);
  } catch (error) {
    if (!linkUnsupported(error)) throw error;
    const handle = await open(path, "wx");
    try {
      await handle.writeFile(text);
    } catch (failure) {
      // Ours (the exclusive create succeeded): an empty lock must not stay after a full disk.
      await handle.close().catch(() => {});
      await unlink(path).catch(() => {});
      throw failure;
    }
    await handle.close();
  } finally {
    await unlink(temp).catch(() => {});
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Takes `path` if free; undefined if a live owner holds it (after taking over a stale holder).
 * Gives up taking over at `deadline` (a guard another run holds makes each attempt wait).
 */
async function tryAcquire(
  path: string,
  owner: Owner,
  options: LockOptions,
  deadline: number,
): Promise<Found | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      await createWhole(path, JSON.stringify(owner));
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const found = await readLock(path);
    if (!found) continue; // released meanwhile: try again
    // The first takeover is always tried (a batch waits 0 ms, and a dead run's lock is still taken).
    if (!isStale(found, options) || attempt > 20 || (attempt > 0 && Date.now() >= deadline)) return found;
    await breakStale(path, found, { ...options, waitMs: Math.min(2_000, Math.max(100, deadline - Date.now())) });
  }
}

/**
 * Removes the stale lock `found` at `path`, unless someone else did first. Under a guard named
 * after its token, so at most one run does it, and only if `path` still holds that same record.
 */
export async function breakStale(path: string, found: Found, options: LockOptions = {}): Promise<void> {
  faultPoint("lock.takeover");
  const guardPath = `${path}.${found.owner?.token ?? found.mtimeMs.toString(36)}`;
  const guard = await acquireLock(guardPath, {
    waitMs: options.waitMs ?? 2_000,
    breakOwnProcess: options.breakOwnProcess ?? false,
  }).catch(() => undefined);
  if (!guard) return; // another run is taking it over: look again
  try {
    // The same record is not enough: every empty lock has the same (no record yet), and a new
    // run's lock may be empty for an instant without hard links. The same file, unchanged since.
    const again = await readLock(path);
    const same =
      again !== undefined &&
      again.text === found.text &&
      again.mtimeMs === found.mtimeMs &&
      (found.ino === undefined || again.ino === found.ino);
    if (same) await unlink(path).catch(() => {});
  } finally {
    await guard.release();
  }
}

/** Waits for `path` (a lock file) up to options.waitMs, taking over a stale one. */
export async function acquireLock(path: string, options: LockOptions = {}): Promise<HeldLock> {
  const owner = newOwner();
  const waitMs = options.waitMs ?? 5_000;
  const started = Date.now();
  for (let pause = 10; ; pause = Math.min(pause * 2, 200)) {
    const holder = await tryAcquire(path, owner, options, started + waitMs);
    if (!holder) break;
    if (Date.now() - started >= waitMs) {
      throw writeError([
        writeProblem("write.locked", {
          path: dirname(path),
          pid: holder.owner?.pid ?? "?",
          host: holder.owner?.host ?? "?",
        }),
      ]);
    }
    await sleep(pause * (0.5 + Math.random()));
  }
  faultPoint("lock.held");
  const refresh = setInterval(() => {
    const now = new Date();
    utimes(path, now, now).catch(() => {});
  }, REFRESH_MS);
  refresh.unref();
  let released = false;
  return {
    path,
    owner,
    release: async () => {
      if (released) return;
      released = true;
      clearInterval(refresh);
      faultPoint("lock.release");
      // Only our own record: a lock taken over from us (wrongly judged stale) is not ours to remove.
      const found = await readLock(path).catch(() => undefined);
      if (found?.owner?.token === owner.token) await unlink(path).catch(() => {});
    },
  };
}

/** acquireLock, with a system error (a read-only folder) turned into a WriteError. */
export async function lockFolderFile(path: string, folder: string, options: LockOptions): Promise<HeldLock> {
  try {
    return await acquireLock(path, options);
  } catch (error) {
    if (isWriteError(error)) throw error;
    throw writeError([problemOfSystemError(error, folder)]);
  }
}
