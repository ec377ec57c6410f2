/**
 * Writing a set of files into a folder so that it appears complete or not at all, and replaces
 * only what it was allowed to. The steps, under the folder's lock (lock.ts):
 *
 *   1. look at every output name first: a folder there is never replaced; a file (or a symlink,
 *      even a dangling one) is replaced only when forced (or when it is the writer's own,
 *      unchanged, and the caller allows that); otherwise nothing is written;
 *   2. write each file to a hidden temporary file in the same folder, and flush it to disk;
 *   3. write the journal (journal.ts): which temporary becomes which name, what is set aside;
 *   4. set the earlier files aside (rename to hidden names), all of them before any new file;
 *   5. put each new file in place with link(), which fails if anything is at the name: no
 *      check-then-rename, so a file that appeared meanwhile is never replaced;
 *   6. mark the journal done, then remove the set-aside files, the temporaries and the journal.
 *
 * If any step of 4-5 fails, the journal is played back at once: the new files go, the set-aside
 * files return. If the process dies instead, the next run that takes the lock does the same
 * (sweep.ts). Whatever the moment, the folder then holds the earlier set or the new one.
 */
import { lstat, mkdir, open, readdir, readFile, rename, rm, unlink } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import type { Problem } from "../problems.js";
import { faultPoint } from "./faults.js";
import {
  emptyRecovery,
  finish,
  linkNoReplace,
  markDone,
  readJournal,
  rollBack,
  syncFolder,
  writeJournal,
  writeNewFile,
  type Journal,
  type JournalEntry,
  type Recovery,
} from "./journal.js";
import { lockFolderFile, type HeldLock, type LockOptions } from "./lock.js";
import {
  checkSet,
  isUnchanged,
  manifestBytes,
  readManifest,
  sha256,
  type ManifestFile,
  type SetState,
} from "./manifest.js";
import {
  badFileName,
  hiddenName,
  isWriterName,
  JOURNAL_DONE_NAME,
  JOURNAL_NAME,
  LOCK_NAME,
  MANIFEST_NAME,
  newTag,
} from "./names.js";
import { isWriteError, problemOfSystemError, writeError, writeProblem } from "./problems.js";
import { sweep } from "./sweep.js";

/** A file to write, from its bytes. */
export interface FileToWrite {
  fileName: string;
  bytes: Uint8Array;
  /** Recorded in the manifest, when one is written (e.g. a document's kind and pages). */
  info?: Record<string, unknown>;
}

/** A file already written by the caller to a temporary path from OutputFolder.temporaryPath(). */
export interface StreamedFile {
  fileName: string;
  temporaryPath: string;
  info?: Record<string, unknown>;
}

export type SetFile = FileToWrite | StreamedFile;

export interface WriteOptions {
  /** Replace files at the output names (set aside, put back if a later step fails). */
  force?: boolean;
  /**
   * Without force, still replace a file that the folder's manifest lists and that is unchanged
   * since: the writer's own output of an earlier run (a batch's summary).
   */
  replaceOwn?: boolean;
  /** Write a manifest with this key along with the set (see manifest.ts). */
  manifestKey?: string;
  /**
   * Remove the files of the folder's earlier manifest that are not in this set and are
   * unchanged since, in the same transaction: the folder then holds this set, not a mix.
   */
  retireOwn?: boolean;
  /**
   * Which of the folder's file names belong to a set like this one (the command line's: the
   * tool's document names, `sim-cancel-<kind>-<lang>.pdf`). A file the folder holds under such a
   * name that this set does not write (an earlier run's procuration, or its letter in another
   * language) is of an earlier set: with `force` it goes with it, in the same transaction (set
   * aside, removed once the new set is in place, put back if anything fails); without, it is in
   * the way like a file at an output name. Either way the folder holds one set, never a mix.
   * Looked up under the folder's lock; names compared as the file system may (case folded).
   */
  retire?: (fileName: string) => boolean;
}

export type FileStatus = "written" | "replaced";

export interface WrittenFile {
  fileName: string;
  /** Absolute path. */
  path: string;
  /** "written": the name was free; "replaced": an earlier file was there and is gone. */
  status: FileStatus;
  size: number;
}

export interface WriteResult {
  /** Absolute folder. */
  dir: string;
  files: WrittenFile[];
  /** Files of an earlier set removed with retireOwn or retire (names in the folder). */
  retired: string[];
  /** What the folder's lock holder cleaned up from runs that stopped half-way. */
  recovered: Recovery;
}

const isStreamed = (file: SetFile): file is StreamedFile => "temporaryPath" in file;

async function lstatOrUndefined(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Finishes the clean-up of a write whose journal is marked done (see the caller); a WriteError if it cannot. */
async function finishEarlierCleanUp(dir: string): Promise<void> {
  const path = join(dir, JOURNAL_DONE_NAME);
  if (!(await lstatOrUndefined(path))) return;
  try {
    const journal = await readJournal(path);
    if (journal) await finish(dir, journal);
    else await unlink(path);
  } catch (error) {
    throw writeError([problemOfSystemError(error, dir)]);
  }
}

/** A name as a file system that ignores case and normalisation may see it. */
const folded = (name: string) => name.normalize("NFC").toLowerCase();

/**
 * The folder's names that `retire` accepts and the set does not write (compared case folded: on a
 * file system that ignores case they are the same file), sorted. None without `retire`.
 */
async function earlierSetNames(
  dir: string,
  files: readonly SetFile[],
  retire: WriteOptions["retire"],
): Promise<string[]> {
  if (retire === undefined) return [];
  // A plain JavaScript caller's list of names would be read character by character.
  if (typeof retire !== "function") throw new TypeError("WriteOptions.retire must be a function of a file name");
  const written = new Set(files.map((file) => folded(file.fileName)));
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries.filter((name) => !badFileName(name) && !written.has(folded(name)) && retire(name)).sort();
}

/** Every file name checked at once, duplicates too (by case: some file systems ignore it). */
function checkNames(files: readonly SetFile[]): void {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    const bad = badFileName(file.fileName);
    const name = folded(file.fileName);
    if (bad) problems.push(bad);
    else if (seen.has(name)) problems.push(writeProblem("write.badName", { name: file.fileName }));
    seen.add(name);
  }
  if (problems.length > 0) throw writeError(problems);
}

async function syncFile(path: string): Promise<void> {
  const handle = await open(path, "r+");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A folder this process holds the lock of; made with openFolder. */
export class OutputFolder {
  private released = false;

  constructor(
    /** Absolute path. */
    readonly dir: string,
    private readonly lock: HeldLock,
    /** What opening it cleaned up (see sweep.ts). */
    readonly recovered: Recovery,
  ) {}

  /** A hidden temporary path in the folder for a file the caller streams, then passes to write(). */
  temporaryPath(fileName: string): string {
    const bad = badFileName(fileName);
    if (bad) throw writeError([bad]);
    return join(this.dir, hiddenName(fileName, newTag(), "tmp"));
  }

  /** Writes the set complete or not at all (see the steps above); throws a WriteError (problems.ts). */
  async write(files: readonly SetFile[], options: WriteOptions = {}): Promise<WriteResult> {
    if (this.released) throw new Error("the output folder's lock was released");
    const created: string[] = [];
    try {
      return await this.writeSet(files, options, created);
    } catch (error) {
      // Step 2 or a refusal: only temporary files exist; they go (a journal's rollback did the rest).
      await Promise.all(created.map((path) => unlink(path).catch(() => {})));
      throw error;
    }
  }

  private async writeSet(files: readonly SetFile[], options: WriteOptions, created: string[]): Promise<WriteResult> {
    const dir = this.dir;
    for (const file of files) if (isStreamed(file)) created.push(file.temporaryPath);
    checkNames(files);
    for (const file of files) {
      if (isStreamed(file) && resolve(dirname(file.temporaryPath)) !== dir)
        throw new Error("a streamed file's temporary path must come from this folder's temporaryPath()");
    }
    // An earlier write through this folder left its journal (its undoing stopped half-way): that
    // is for the next run to finish (sweep.ts); writing over it now would mix the two sets.
    if (await lstatOrUndefined(join(dir, JOURNAL_NAME)))
      throw writeError([writeProblem("write.rollbackPending", { path: dir })]);
    // An earlier write's clean-up that stopped half-way (its set is in place): finished first, or
    // this write's own journal would take its place and the earlier set's files come back later.
    // Only that journal's files: this write's own temporaries are in the folder already.
    await finishEarlierCleanUp(dir);
    const earlier = options.replaceOwn || options.retireOwn ? await readManifest(dir) : undefined;
    const ownUnchanged = new Set<string>();
    for (const file of earlier?.files ?? []) if (await isUnchanged(dir, file)) ownUnchanged.add(file.name);

    // 1. What is at each name.
    const problems: Problem[] = [];
    const kept: string[] = [];
    const taken: string[] = [];
    const replacing = new Set<string>();
    for (const file of files) {
      const path = join(dir, file.fileName);
      const found = await lstatOrUndefined(path);
      if (!found) continue;
      if (found.isDirectory()) {
        problems.push(writeProblem("write.isFolder", { path }));
        kept.push(path);
      } else if (options.force || (options.replaceOwn && ownUnchanged.has(file.fileName))) {
        replacing.add(file.fileName);
      } else {
        taken.push(path);
        kept.push(path);
      }
    }
    // Files of an earlier set at names this set does not write: retired when forced, in the
    // way otherwise. A folder there is nobody's document: it stays, and is not in the way.
    const names = new Set(files.map((f) => f.fileName));
    const retiring: string[] = [];
    const earlierSet: string[] = [];
    for (const name of await earlierSetNames(dir, files, options.retire)) {
      const path = join(dir, name);
      const found = await lstatOrUndefined(path);
      if (!found || found.isDirectory()) continue;
      if (options.force) retiring.push(name);
      else {
        earlierSet.push(path);
        kept.push(path);
      }
    }
    if (earlierSet.length > 0) problems.unshift(writeProblem("write.earlierSet", { paths: earlierSet.join(", ") }));
    if (taken.length > 0) problems.unshift(writeProblem("write.exists", { paths: taken.join(", ") }));
    if (problems.length > 0) throw writeError(problems, kept);
    faultPoint("checked");
    // From here on, a failure leaves every file at an output name as it was.
    const keptOnFailure = [...replacing, ...retiring].map((name) => join(dir, name));

    // 2. Temporary files, flushed; the manifest's hashes from the same bytes.
    const tag = newTag();
    const entries: JournalEntry[] = [];
    const described: ManifestFile[] = [];
    for (const file of files) {
      let temp: string;
      let bytes: Uint8Array | undefined;
      try {
        if (isStreamed(file)) {
          temp = file.temporaryPath;
          await syncFile(temp);
          if (options.manifestKey !== undefined) bytes = await readFile(temp);
        } else {
          temp = join(dir, hiddenName(file.fileName, tag, "tmp"));
          created.push(temp);
          faultPoint(`write ${file.fileName}`);
          await writeNewFile(temp, file.bytes);
          bytes = file.bytes;
        }
      } catch (error) {
        throw writeError([problemOfSystemError(error, join(dir, file.fileName))], keptOnFailure);
      }
      const size = bytes?.byteLength ?? (await lstat(temp)).size;
      if (bytes && options.manifestKey !== undefined)
        described.push({ name: file.fileName, size, sha256: sha256(bytes), ...(file.info ? { info: file.info } : {}) });
      entries.push({
        name: file.fileName,
        temp: temp.slice(dir.length + 1),
        ...(replacing.has(file.fileName) ? { aside: hiddenName(file.fileName, tag, "aside") } : {}),
      });
    }
    const sizes = new Map<string, number>();
    for (const file of files)
      sizes.set(file.fileName, isStreamed(file) ? (await lstat(file.temporaryPath)).size : file.bytes.byteLength);
    if (options.manifestKey !== undefined) {
      const temp = join(dir, hiddenName(MANIFEST_NAME.slice(1), tag, "tmp"));
      created.push(temp);
      try {
        await writeNewFile(temp, manifestBytes(options.manifestKey, described));
      } catch (error) {
        throw writeError([problemOfSystemError(error, join(dir, MANIFEST_NAME))], keptOnFailure);
      }
      // The writer's own file: replaced whatever set it described. Put in place last.
      const there = await lstatOrUndefined(join(dir, MANIFEST_NAME));
      entries.push({
        name: MANIFEST_NAME,
        temp: temp.slice(dir.length + 1),
        ...(there ? { aside: hiddenName(MANIFEST_NAME.slice(1), tag, "aside") } : {}),
      });
    }
    const retired: string[] = [...retiring];
    if (options.retireOwn) {
      for (const name of ownUnchanged) {
        if (names.has(name) || name === MANIFEST_NAME || retired.includes(name)) continue;
        retired.push(name);
      }
    }
    for (const name of retired) entries.push({ name, temp: "", aside: hiddenName(name, tag, "aside"), retire: true });

    // 3. The journal: from here on, a stop at any point is undone (now, or by the next run).
    const journal: Journal = { tag, entries };
    try {
      faultPoint("journal");
      await writeJournal(dir, journal);
    } catch (error) {
      // A journal that was there already is an earlier write's, still to be undone: never ours to remove.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") await unlink(join(dir, JOURNAL_NAME)).catch(() => {});
      throw writeError([problemOfSystemError(error, dir)], keptOnFailure);
    }
    created.length = 0; // the journal owns the temporary files now

    try {
      // 4. Earlier files set aside, every one before any new file goes in.
      for (const entry of entries) {
        if (entry.aside === undefined) continue;
        faultPoint(`aside ${entry.name}`);
        try {
          await rename(join(dir, entry.name), join(dir, entry.aside));
        } catch (error) {
          throw problemOfSystemError(error, join(dir, entry.name));
        }
        // A folder put at the name since it was checked: never replaced (the undoing renames it back).
        if ((await lstatOrUndefined(join(dir, entry.aside)))?.isDirectory())
          throw writeProblem("write.isFolder", { path: join(dir, entry.name) });
      }
      // 5. New files in place; link() fails if anything took the name meanwhile.
      for (const entry of entries) {
        if (entry.retire) continue;
        faultPoint(`link ${entry.name}`);
        try {
          await linkNoReplace(join(dir, entry.temp), join(dir, entry.name));
        } catch (error) {
          const path = join(dir, entry.name);
          throw (error as NodeJS.ErrnoException).code === "EEXIST"
            ? writeProblem("write.exists", { paths: path })
            : problemOfSystemError(error, path);
        }
      }
      await syncFolder(dir);
      faultPoint("commit");
      await markDone(dir);
    } catch (failure) {
      const problem: Problem = isProblem(failure) ? failure : problemOfSystemError(failure, dir);
      let undone: Recovery;
      try {
        undone = await rollBack(dir, journal);
      } catch {
        // The journal stays: the next run that takes the lock finishes putting things back.
        throw writeError([problem, writeProblem("write.rollbackPending", { path: dir })]);
      }
      if (undone.left.length > 0) {
        throw writeError([
          problem,
          ...undone.left.map((l) =>
            writeProblem("write.restoreIncomplete", { path: join(dir, l.name), kept: join(dir, l.keptAs) }),
          ),
        ]);
      }
      throw writeError([problem], keptOnFailure);
    }

    // 6. Done: what is left is clean-up, which the next run completes if this one stops.
    try {
      await finish(dir, journal);
    } catch {
      // The set is complete; a leftover set-aside or temporary file is removed by the next run.
    }
    return {
      dir,
      files: files.map((f) => ({
        fileName: f.fileName,
        path: join(dir, f.fileName),
        status: replacing.has(f.fileName) ? "replaced" : "written",
        size: sizes.get(f.fileName)!,
      })),
      retired,
      recovered: this.recovered,
    };
  }

  /**
   * A new sub-folder holding `files`, complete or absent: filled under a hidden name, then
   * renamed into place. An existing sub-folder with anything in it is never replaced (an empty
   * one is: nothing is lost). Throws a WriteError (write.exists) then.
   */
  createFolder(
    name: string,
    files: readonly FileToWrite[],
    options: { manifestKey?: string } = {},
  ): Promise<WriteResult> {
    return createFolderIn(this.dir, name, files, options, this.recovered);
  }

  /** Ends the lock; the folder may then be written by others. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.lock.release();
  }
}

function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Problem).code === "string" &&
    !(value instanceof Error)
  );
}

/**
 * createFolder for a caller that holds the lock of `parent` from another thread (a batch's
 * worker, whose main thread opened the output folder). Not for anyone else: the hidden folder's
 * leftovers are swept by whoever next opens `parent`.
 */
export async function createFolderIn(
  parent: string,
  name: string,
  files: readonly FileToWrite[],
  options: { manifestKey?: string } = {},
  recovered: Recovery = emptyRecovery(),
): Promise<WriteResult> {
  const badFolder = badFileName(name);
  if (badFolder) throw writeError([badFolder]);
  checkNames(files);
  const dir = join(parent, name);
  const partial = join(parent, hiddenName(name, newTag(), "partial"));
  try {
    faultPoint(`folder.fill ${name}`);
    await mkdir(partial);
    for (const file of files) {
      faultPoint(`folder.write ${file.fileName}`);
      await writeNewFile(join(partial, file.fileName), file.bytes);
    }
    if (options.manifestKey !== undefined) {
      const described = files.map((f) => ({
        name: f.fileName,
        size: f.bytes.byteLength,
        sha256: sha256(f.bytes),
        ...(f.info ? { info: f.info } : {}),
      }));
      await writeNewFile(join(partial, MANIFEST_NAME), manifestBytes(options.manifestKey, described));
    }
    await syncFolder(partial);
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => {});
    throw writeError([problemOfSystemError(error, dir)]);
  }
  try {
    faultPoint(`folder.rename ${name}`);
    // rename() moves a folder onto an empty folder or nothing; a non-empty folder (ENOTEMPTY,
    // EEXIST) or a file or symlink (ENOTDIR) at the name makes it fail: nothing is replaced.
    await rename(partial, dir);
  } catch (error) {
    await rm(partial, { recursive: true, force: true }).catch(() => {});
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOTEMPTY" || code === "EEXIST" || code === "ENOTDIR")
      throw writeError([writeProblem("write.exists", { paths: dir })], [dir]);
    throw writeError([problemOfSystemError(error, dir)]);
  }
  await syncFolder(parent);
  return {
    dir,
    files: files.map((f) => ({
      fileName: f.fileName,
      path: join(dir, f.fileName),
      status: "written",
      size: f.bytes.byteLength,
    })),
    retired: [],
    recovered,
  };
}

export interface OpenOptions extends LockOptions {}

/**
 * Opens `dir` for writing: creates it if needed, takes its lock (waiting up to waitMs for
 * another run, taking over the lock of a dead one) and cleans up what dead runs left there.
 */
export async function openFolder(dir: string, options: OpenOptions = {}): Promise<OutputFolder> {
  const abs = resolve(dir);
  try {
    await mkdir(abs, { recursive: true });
  } catch (error) {
    throw writeError([problemOfSystemError(error, abs)]);
  }
  const lock = await lockFolderFile(join(abs, LOCK_NAME), abs, options);
  try {
    return new OutputFolder(abs, lock, await sweep(abs));
  } catch (error) {
    await lock.release();
    throw isWriteError(error) ? error : writeError([problemOfSystemError(error, abs)]);
  }
}

/**
 * What `dir` holds compared with the set made from `key` (see manifest.ts), after finishing or
 * undoing whatever a run that stopped half-way left there: a folder in the middle of a forced
 * write may hold all the new files and still be rolled back by the next run that opens it.
 */
export async function checkFolder(dir: string, key: string, options: OpenOptions = {}): Promise<SetState> {
  const names = await readdir(dir).catch(() => [] as string[]);
  if (names.some((name) => name !== MANIFEST_NAME && isWriterName(name))) {
    const folder = await openFolder(dir, { waitMs: 2_000, ...options });
    await folder.release();
  }
  return checkSet(dir, key);
}

/** The usual call: opens `dir`, writes the set (complete or not at all), releases the folder. */
export async function writeFiles(
  dir: string,
  files: readonly SetFile[],
  options: WriteOptions & OpenOptions = {},
): Promise<WriteResult> {
  const folder = await openFolder(dir, options);
  try {
    return await folder.write(files, options);
  } finally {
    await folder.release();
  }
}
