/**
 * The one writer (src/write/), in this process: a set is written whole or not at all, nothing is
 * replaced without force, a forced write that fails puts every earlier file back, one run at a
 * time per folder (stale locks taken over, live ones respected), and what a dead run left is
 * cleaned up by the next without losing a file. Faults are injected with injectFaults (the same
 * hook SIM_CANCEL_WRITE_FAULT drives in tests/faults/, where processes are killed for real).
 */
import { link, lstat, mkdir, readdir, readFile, readlink, rm, symlink, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { mkdtemp } from "node:fs/promises";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { injectFaults } from "../../src/write/faults.js";
import { isCopyOf } from "../../src/write/journal.js";
import {
  checkSet,
  createFolderIn,
  isWriteError,
  openFolder,
  writeFiles,
  WriteFailed,
  WriteRefused,
  type FileToWrite,
  type WriteError,
} from "../../src/write/index.js";
import { JOURNAL_NAME, LOCK_NAME, MANIFEST_NAME } from "../../src/write/names.js";
import { newOwner } from "../../src/write/owner.js";
import { breakStale } from "../../src/write/lock.js";

const made: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "sim-cancel-writer-"));
  made.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});
afterEach(() => injectFaults(""));

const file = (fileName: string, text: string): FileToWrite => ({ fileName, bytes: new TextEncoder().encode(text) });
const set = (who: string) => [file("checklist.pdf", `checklist of ${who}`), file("letter.pdf", `letter of ${who}`)];
const list = async (dir: string) => (await readdir(dir)).sort();
const text = (path: string) => readFile(path, "utf8");

async function writeError(promise: Promise<unknown>): Promise<WriteError> {
  try {
    await promise;
  } catch (error) {
    if (isWriteError(error)) return error;
    throw error;
  }
  throw new Error("expected a WriteError");
}

describe("writeFiles", () => {
  it("writes a set into a new folder and leaves nothing of its own behind", async () => {
    const dir = join(await tempDir(), "new", "deeper");
    const result = await writeFiles(dir, set("A"));
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    expect(result.files.map((f) => [f.fileName, f.status, f.size])).toEqual([
      ["checklist.pdf", "written", 14],
      ["letter.pdf", "written", 11],
    ]);
    expect(result.files[0]!.path).toBe(join(dir, "checklist.pdf"));
  });

  it("without force, writes nothing when any output name is taken, and says which", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "letter.pdf"), "the user's letter");
    const error = await writeError(writeFiles(dir, set("A")));
    expect(error.problems).toEqual([{ code: "write.exists", params: { paths: join(dir, "letter.pdf") } }]);
    expect(error.kept).toEqual([join(dir, "letter.pdf")]);
    expect(error).toBeInstanceOf(WriteRefused);
    expect(await list(dir)).toEqual(["letter.pdf"]);
    expect(await text(join(dir, "letter.pdf"))).toBe("the user's letter");
  });

  it("with force, replaces the whole set and says which files were replaced", async () => {
    const dir = await tempDir();
    await writeFiles(dir, set("A"));
    await writeFile(join(dir, "notes.txt"), "mine");
    const result = await writeFiles(dir, [...set("B"), file("proxy.pdf", "proxy of B")], { force: true });
    expect(result.files.map((f) => f.status)).toEqual(["replaced", "replaced", "written"]);
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf", "notes.txt", "proxy.pdf"]);
    expect(await text(join(dir, "letter.pdf"))).toBe("letter of B");
    expect(await text(join(dir, "notes.txt"))).toBe("mine");
  });

  it("never replaces a folder at an output name, even with force, and then touches nothing", async () => {
    const dir = await tempDir();
    await writeFiles(dir, set("A"));
    await rm(join(dir, "letter.pdf"));
    await mkdir(join(dir, "letter.pdf"));
    const error = await writeError(writeFiles(dir, set("B"), { force: true }));
    expect(error.problems.map((p) => p.code)).toEqual(["write.isFolder"]);
    expect(await text(join(dir, "checklist.pdf"))).toBe("checklist of A");
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
  });

  it("treats a dangling symlink as taken, and with force replaces the link, never what it points to", async () => {
    const dir = await tempDir();
    const elsewhere = join(await tempDir(), "target.pdf");
    await symlink(elsewhere, join(dir, "letter.pdf"));
    const error = await writeError(writeFiles(dir, set("A")));
    expect(error.problems).toEqual([{ code: "write.exists", params: { paths: join(dir, "letter.pdf") } }]);
    expect(await readlink(join(dir, "letter.pdf"))).toBe(elsewhere);
    await expect(lstat(elsewhere)).rejects.toThrow();
    await writeFiles(dir, set("A"), { force: true });
    expect((await lstat(join(dir, "letter.pdf"))).isFile()).toBe(true);
    await expect(lstat(elsewhere)).rejects.toThrow();
  });

  it.each([
    "../evil.pdf",
    "a/b.pdf",
    "..",
    ".",
    "",
    "a\nb.pdf",
    "a\u0000b",
    LOCK_NAME,
    MANIFEST_NAME,
    ".x.pdf.123-89abcdef.tmp",
    "é".repeat(101),
  ])("refuses the file name %j before writing anything", async (name) => {
    const dir = await tempDir();
    const error = await writeError(writeFiles(join(dir, "out"), [file("fine.pdf", "x"), file(name, "x")]));
    expect(error.problems.map((p) => p.code)).toEqual(["write.badName"]);
    expect(await list(join(dir, "out")).catch(() => [])).toEqual([]);
  });

  it("refuses two files whose names differ only by case (one file on some systems)", async () => {
    const dir = await tempDir();
    const error = await writeError(writeFiles(dir, [file("a.pdf", "1"), file("A.pdf", "2")]));
    expect(error.problems.map((p) => p.code)).toEqual(["write.badName"]);
    expect(await list(dir)).toEqual([]);
  });

  it("cannot make the output folder when a file is in the way", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "file"), "x");
    const error = await writeError(writeFiles(join(dir, "file", "sub"), set("A")));
    expect(error.problems[0]!.code).toBe("write.notAFolder");
  });
});

describe("a forced write that fails half-way puts everything back", () => {
  for (const step of ["aside letter.pdf", "link checklist.pdf", "link letter.pdf", "commit"]) {
    it(`failing at "${step}"`, async () => {
      const dir = await tempDir();
      await writeFiles(dir, set("A"));
      injectFaults(`throw@${step}`);
      const error = await writeError(writeFiles(dir, set("B"), { force: true }));
      expect(error.problems[0]).toMatchObject({ code: "write.failed", params: { reason: "EIO" } });
      expect([...error.kept].sort()).toEqual([join(dir, "checklist.pdf"), join(dir, "letter.pdf")]);
      expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
      expect(await text(join(dir, "checklist.pdf"))).toBe("checklist of A");
      expect(await text(join(dir, "letter.pdf"))).toBe("letter of A");
    });
  }

  it("and a new set that fails half-way leaves no file of it", async () => {
    const dir = await tempDir();
    injectFaults("throw@link letter.pdf");
    await writeError(writeFiles(dir, set("B")));
    expect(await list(dir)).toEqual([]);
  });

  it("a failure while putting back keeps the journal, and the next run finishes the job", async () => {
    const dir = await tempDir();
    await writeFiles(dir, set("A"));
    injectFaults("throw@link letter.pdf,throw@rollback.restore checklist.pdf");
    const error = await writeError(writeFiles(dir, set("B"), { force: true }));
    expect(error.problems.map((p) => p.code)).toEqual(["write.failed", "write.rollbackPending"]);
    expect(await list(dir)).toContain(JOURNAL_NAME);
    injectFaults("");
    const next = await openFolder(dir);
    await next.release();
    expect(next.recovered.restored.sort()).toEqual(["checklist.pdf"]);
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    expect(await text(join(dir, "checklist.pdf"))).toBe("checklist of A");
    expect(await text(join(dir, "letter.pdf"))).toBe("letter of A");
  });
});

describe("the folder's lock", () => {
  it("makes another writer wait, then fail with write.locked, naming the holder", async () => {
    const dir = await tempDir();
    const held = await openFolder(dir);
    const error = await writeError(writeFiles(dir, set("B"), { waitMs: 50 }));
    expect(error.problems).toEqual([
      { code: "write.locked", params: { path: dir, pid: process.pid, host: hostname() } },
    ]);
    expect(error).toBeInstanceOf(WriteFailed);
    await held.release();
    await writeFiles(dir, set("B"));
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
  });

  // With hard links, and without (a FAT USB stick: the lock is then made by an exclusive create).
  it.each(["", "nolink"])(
    "serialises writers of one process: 20 forced writes at once end with one whole set (%j)",
    async (faults) => {
      const dir = await tempDir();
      injectFaults(faults);
      const results = await Promise.allSettled(
        Array.from({ length: 20 }, (_, i) => writeFiles(dir, set(`W${i}`), { force: true, waitMs: 30_000 })),
      );
      expect(results.every((r) => r.status === "fulfilled")).toBe(true);
      const who = (await text(join(dir, "checklist.pdf"))).replace("checklist of ", "");
      expect(await text(join(dir, "letter.pdf"))).toBe(`letter of ${who}`);
      expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    },
  );

  it("lets exactly one of 20 writers without force win an empty folder", async () => {
    const dir = await tempDir();
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => writeFiles(dir, set(`W${i}`), { waitMs: 30_000 })),
    );
    const won = results.flatMap((r, i) => (r.status === "fulfilled" ? [i] : []));
    expect(won).toHaveLength(1);
    for (const r of results)
      if (r.status === "rejected")
        expect((r.reason as WriteError).problems.map((p) => p.code)).toContain("write.exists");
    expect(await text(join(dir, "checklist.pdf"))).toBe(`checklist of W${won[0]}`);
    expect(await text(join(dir, "letter.pdf"))).toBe(`letter of W${won[0]}`);
  });

  const stale: [string, () => object, number][] = [
    ["of a process that is gone", () => ({ ...newOwner(), pid: 2 ** 22 + 12345 }), Date.now()],
    ["whose pid now belongs to another process (pid reuse)", () => ({ ...newOwner(), pid: 1, start: "1" }), Date.now()],
    ["of this host before a reboot", () => ({ ...newOwner(), boot: "another-boot" }), Date.now()],
    [
      "of another host, not refreshed for 11 minutes",
      () => ({ ...newOwner(), host: "elsewhere" }),
      Date.now() - 11 * 60_000,
    ],
  ];
  it.each(stale)("takes over a lock %s", async (_, owner, mtime) => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_NAME), JSON.stringify(owner()));
    await utimes(join(dir, LOCK_NAME), new Date(mtime), new Date(mtime));
    await writeFiles(dir, set("A"), { waitMs: 0 });
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
  });

  it("respects a fresh lock of another host, and an unreadable fresh one", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, LOCK_NAME), JSON.stringify({ ...newOwner(), host: "elsewhere", pid: 77 }));
    const error = await writeError(writeFiles(dir, set("A"), { waitMs: 0 }));
    expect(error.problems[0]).toMatchObject({ code: "write.locked", params: { host: "elsewhere", pid: 77 } });
    await writeFile(join(dir, LOCK_NAME), "not a record");
    expect((await writeError(writeFiles(dir, set("A"), { waitMs: 0 }))).problems[0]!.code).toBe("write.locked");
    expect(await list(dir)).toEqual([LOCK_NAME]);
  });

  it("never removes a live lock that replaced the stale one a slow run saw (the takeover race)", async () => {
    const dir = await tempDir();
    const stale = JSON.stringify({ ...newOwner(), pid: 2 ** 22 + 12345 });
    await writeFile(join(dir, LOCK_NAME), stale);
    // Run A takes the stale lock over; run B had read the stale record before, and acts on it only now.
    const a = await openFolder(dir, { waitMs: 0 });
    await breakStale(join(dir, LOCK_NAME), { owner: JSON.parse(stale), mtimeMs: Date.now(), text: stale });
    const error = await writeError(writeFiles(dir, set("B"), { waitMs: 0 }));
    expect(error.problems[0]!.code).toBe("write.locked");
    await a.release();
    expect(await list(dir)).toEqual([]);
  });

  it.each(["", "nolink"])("lets only one of many writers take over the same stale lock (%j)", async (faults) => {
    const dir = await tempDir();
    injectFaults(faults);
    await writeFile(join(dir, LOCK_NAME), JSON.stringify({ ...newOwner(), pid: 2 ** 22 + 12345 }));
    const inside: number[] = [];
    let overlap = false;
    await Promise.all(
      Array.from({ length: 12 }, async (_, i) => {
        const folder = await openFolder(dir, { waitMs: 30_000 });
        if (inside.length > 0) overlap = true;
        inside.push(i);
        await new Promise((resolve) => setTimeout(resolve, 2));
        inside.pop();
        await folder.release();
      }),
    );
    expect(overlap).toBe(false);
    expect(await list(dir)).toEqual([]);
  });
});

describe("what a dead run left, cleaned up by the next", () => {
  const tag = "999999-0badc0de";

  it("undoes an unfinished forced write from its journal: new files out, earlier files back", async () => {
    const dir = await tempDir();
    // A run died after setting both files aside and linking the new checklist.
    await writeFile(join(dir, `.checklist.pdf.${tag}.aside`), "checklist of A");
    await writeFile(join(dir, `.letter.pdf.${tag}.aside`), "letter of A");
    await writeFile(join(dir, `.checklist.pdf.${tag}.tmp`), "checklist of B");
    await writeFile(join(dir, `.letter.pdf.${tag}.tmp`), "letter of B");
    await link(join(dir, `.checklist.pdf.${tag}.tmp`), join(dir, "checklist.pdf"));
    const entries = ["checklist.pdf", "letter.pdf"].map((name) => ({
      name,
      temp: `.${name}.${tag}.tmp`,
      aside: `.${name}.${tag}.aside`,
    }));
    await writeFile(join(dir, JOURNAL_NAME), JSON.stringify({ tag, entries }));
    const folder = await openFolder(dir);
    await folder.release();
    expect(folder.recovered).toEqual({
      removed: ["checklist.pdf"],
      restored: ["letter.pdf", "checklist.pdf"],
      left: [],
    });
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    expect(await text(join(dir, "checklist.pdf"))).toBe("checklist of A");
  });

  it("does not remove an earlier file that is already back, even when its bytes equal the new file's", async () => {
    const dir = await tempDir();
    // Reproducible PDFs: the new letter has the earlier one's bytes. The run died while undoing,
    // after putting the earlier letter back (its set-aside file is gone).
    await writeFile(join(dir, "letter.pdf"), "same bytes");
    await writeFile(join(dir, `.letter.pdf.${tag}.tmp`), "same bytes");
    await writeFile(
      join(dir, JOURNAL_NAME),
      JSON.stringify({
        tag,
        entries: [{ name: "letter.pdf", temp: `.letter.pdf.${tag}.tmp`, aside: `.letter.pdf.${tag}.aside` }],
      }),
    );
    await (await openFolder(dir)).release();
    expect(await list(dir)).toEqual(["letter.pdf"]);
  });

  it("finishes the clean-up of a completed write", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "letter.pdf"), "letter of B");
    await writeFile(join(dir, `.letter.pdf.${tag}.aside`), "letter of A");
    await writeFile(
      join(dir, `${JOURNAL_NAME}.done`),
      JSON.stringify({
        tag,
        entries: [{ name: "letter.pdf", temp: `.letter.pdf.${tag}.tmp`, aside: `.letter.pdf.${tag}.aside` }],
      }),
    );
    await (await openFolder(dir)).release();
    expect(await list(dir)).toEqual(["letter.pdf"]);
    expect(await text(join(dir, "letter.pdf"))).toBe("letter of B");
  });

  it("never deletes a set-aside file without a journal: back to a free name, else kept and reported", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, `.letter.pdf.${tag}.aside`), "letter of A");
    await writeFile(join(dir, `.checklist.pdf.${tag}.aside`), "checklist of A");
    await writeFile(join(dir, "checklist.pdf"), "someone's checklist");
    const folder = await openFolder(dir);
    await folder.release();
    expect(folder.recovered.restored).toEqual(["letter.pdf"]);
    expect(folder.recovered.left).toEqual([{ name: "checklist.pdf", keptAs: `.checklist.pdf.${tag}.aside` }]);
    expect(await text(join(dir, "letter.pdf"))).toBe("letter of A");
    expect(await text(join(dir, `.checklist.pdf.${tag}.aside`))).toBe("checklist of A");
  });

  it("removes temporary files and half-filled folders, and the old writer's temporary files of dead processes only", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, `.letter.pdf.${tag}.tmp`), "cut short");
    await mkdir(join(dir, `.0001-wang.${tag}.partial`));
    await writeFile(join(dir, `.0001-wang.${tag}.partial`, "letter.pdf"), "cut short");
    await writeFile(join(dir, ".sim-cancel-letter-fr.pdf.4194999.tmp"), "old writer, dead");
    await writeFile(join(dir, `.summary.csv.${process.pid}.tmp`), "old writer, alive");
    await writeFile(join(dir, ".my-notes.tmp"), "the user's");
    await (await openFolder(dir)).release();
    expect(await list(dir)).toEqual([".my-notes.tmp", `.summary.csv.${process.pid}.tmp`]);
  });
});

describe("manifests", () => {
  it("tell a complete set made from a key from anything else", async () => {
    const dir = join(await tempDir(), "row");
    expect(await checkSet(dir, "k1")).toEqual({ state: "absent" });
    await writeFiles(dir, set("A"), { manifestKey: "k1" });
    expect((await checkSet(dir, "k1")).state).toBe("complete");
    expect((await checkSet(dir, "k2")).state).toBe("other");
    await writeFile(join(dir, "letter.pdf"), "edited by hand");
    expect((await checkSet(dir, "k1")).state).toBe("other");
  });

  it("let the writer replace its own unchanged file without force, but not one changed since", async () => {
    const dir = await tempDir();
    await writeFiles(dir, [file("summary.csv", "one")], { manifestKey: "s" });
    const again = await writeFiles(dir, [file("summary.csv", "two")], { manifestKey: "s", replaceOwn: true });
    expect(again.files[0]!.status).toBe("replaced");
    await writeFile(join(dir, "summary.csv"), "changed by the user");
    const error = await writeError(
      writeFiles(dir, [file("summary.csv", "three")], { manifestKey: "s", replaceOwn: true }),
    );
    expect(error.problems[0]!.code).toBe("write.exists");
    expect(await text(join(dir, "summary.csv"))).toBe("changed by the user");
  });

  it("with retireOwn, remove the earlier set's own files the new set lacks, in the same transaction", async () => {
    const dir = await tempDir();
    await writeFiles(dir, [...set("A"), file("proxy.pdf", "proxy of A")], { manifestKey: "a" });
    await writeFile(join(dir, "notes.txt"), "mine");
    injectFaults("throw@commit");
    await writeError(writeFiles(dir, set("B"), { force: true, manifestKey: "b", retireOwn: true }));
    expect(await list(dir)).toEqual([MANIFEST_NAME, "checklist.pdf", "letter.pdf", "notes.txt", "proxy.pdf"]);
    expect((await checkSet(dir, "a")).state).toBe("complete");
    injectFaults("");
    const result = await writeFiles(dir, set("B"), { force: true, manifestKey: "b", retireOwn: true });
    expect(result.retired).toEqual(["proxy.pdf"]);
    expect(await list(dir)).toEqual([MANIFEST_NAME, "checklist.pdf", "letter.pdf", "notes.txt"]);
    expect((await checkSet(dir, "b")).state).toBe("complete");
  });
});

describe("retire: the folder's files of an earlier set that this set does not write", () => {
  const withProxy = (who: string) => [...set(who), file("proxy.pdf", `proxy of ${who}`)];
  /** The names this test's sets use, as packDocumentNames is for the command line's documents. */
  const ours = (name: string) => /^(checklist|letter|proxy)(-[a-z]+)?\.pdf$/.test(name);

  it("are in the way without force: nothing written, nothing changed, each named", async () => {
    const dir = await tempDir();
    await writeFiles(dir, [file("proxy.pdf", "proxy of A"), file("letter-en.pdf", "letter-en of A")]);
    await writeFile(join(dir, "notes.txt"), "mine");
    const error = await writeError(writeFiles(dir, set("B"), { retire: ours }));
    expect(error).toBeInstanceOf(WriteRefused);
    const paths = [join(dir, "letter-en.pdf"), join(dir, "proxy.pdf")];
    expect(error.problems).toEqual([{ code: "write.earlierSet", params: { paths: paths.join(", ") } }]);
    expect(error.kept).toEqual(paths);
    expect(await list(dir)).toEqual(["letter-en.pdf", "notes.txt", "proxy.pdf"]);
    expect(await text(join(dir, "proxy.pdf"))).toBe("proxy of A");
  });

  it("are named with the files in the way at output names, and still nothing changes", async () => {
    const dir = await tempDir();
    await writeFiles(dir, withProxy("A"));
    const error = await writeError(writeFiles(dir, set("B"), { retire: ours }));
    expect(error.problems.map((p) => p.code)).toEqual(["write.exists", "write.earlierSet"]);
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf", "proxy.pdf"]);
    for (const name of ["checklist.pdf", "letter.pdf", "proxy.pdf"])
      expect(await text(join(dir, name))).toBe(`${name.replace(".pdf", "")} of A`);
  });

  it("go with the earlier set when forced, in the same transaction (put back if anything fails)", async () => {
    const dir = await tempDir();
    await writeFiles(dir, withProxy("A"));
    await writeFile(join(dir, "notes.txt"), "mine");
    for (const fault of ["throw@aside proxy.pdf", "throw@link letter.pdf", "throw@commit"]) {
      injectFaults(fault);
      await writeError(writeFiles(dir, set("B"), { force: true, retire: ours }));
      expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf", "notes.txt", "proxy.pdf"]);
      for (const name of ["checklist.pdf", "letter.pdf", "proxy.pdf"])
        expect(await text(join(dir, name))).toBe(`${name.replace(".pdf", "")} of A`);
    }
    injectFaults("");
    const result = await writeFiles(dir, set("B"), { force: true, retire: ours });
    expect(result.retired).toEqual(["proxy.pdf"]);
    expect(result.files.map((f) => f.status)).toEqual(["replaced", "replaced"]);
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf", "notes.txt"]);
    expect(await text(join(dir, "letter.pdf"))).toBe("letter of B");
  });

  it("take a symlink as a file (never its target); a folder is left alone; the writer's own files are never asked about", async () => {
    const dir = await tempDir();
    const target = join(await tempDir(), "outside.pdf");
    await writeFile(target, "not ours");
    await symlink(target, join(dir, "proxy.pdf"));
    await mkdir(join(dir, "proxy-fr.pdf"));
    const asked: string[] = [];
    const retire = (name: string) => {
      asked.push(name);
      return ours(name);
    };
    expect((await writeError(writeFiles(dir, set("B"), { retire }))).problems[0]!.code).toBe("write.earlierSet");
    expect(asked.some((name) => name.startsWith("."))).toBe(false);
    const result = await writeFiles(dir, set("B"), { force: true, retire });
    expect(result.retired).toEqual(["proxy.pdf"]);
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf", "proxy-fr.pdf"]);
    expect(await text(target)).toBe("not ours");
  });

  it("never include an output name, even in another case, and refuse a list where a test is expected", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "LETTER.pdf"), "a file some systems see as letter.pdf");
    const result = await writeFiles(dir, set("B"), { force: true, retire: (name) => /letter/i.test(name) });
    expect(result.retired).toEqual([]);
    // A plain JavaScript caller passing names: refused before anything is looked at or written.
    const names = "pdf" as unknown as (name: string) => boolean;
    await expect(writeFiles(dir, set("C"), { force: true, retire: names })).rejects.toThrow(TypeError);
    expect(await text(join(dir, "letter.pdf"))).toBe("letter of B");
  });
});

describe("on a file system without hard links (a FAT USB stick; links refused with EPERM)", () => {
  const withProxy = (who: string) => [...set(who), file("proxy.pdf", `proxy of ${who}`)];
  const ours = (name: string) => /^(checklist|letter|proxy)\.pdf$/.test(name);

  it("writes a set, replaces it when forced, and leaves nothing of its own", async () => {
    const dir = await tempDir();
    injectFaults("nolink");
    await writeFiles(dir, withProxy("A"));
    expect((await writeError(writeFiles(dir, set("B")))).problems[0]!.code).toBe("write.exists");
    const result = await writeFiles(dir, set("B"), { force: true, retire: ours });
    expect(result.retired).toEqual(["proxy.pdf"]);
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    expect(await text(join(dir, "letter.pdf"))).toBe("letter of B");
  });

  it("puts every earlier file back whatever step of a forced write fails", async () => {
    const dir = await tempDir();
    injectFaults("nolink");
    await writeFiles(dir, withProxy("A"));
    for (const step of [
      "journal",
      "aside letter.pdf",
      "aside proxy.pdf",
      "link checklist.pdf",
      "link letter.pdf",
      "commit",
    ]) {
      injectFaults(`nolink,throw@${step}`);
      await writeError(writeFiles(dir, set("B"), { force: true, retire: ours }));
      expect(await list(dir), step).toEqual(["checklist.pdf", "letter.pdf", "proxy.pdf"]);
      for (const name of ["checklist.pdf", "letter.pdf", "proxy.pdf"])
        expect(await text(join(dir, name)), step).toBe(`${name.replace(".pdf", "")} of A`);
    }
  });

  it("takes over an empty lock (a run that died between creating it and writing it) after 5 s, not before", async () => {
    const dir = await tempDir();
    injectFaults("nolink");
    await writeFile(join(dir, LOCK_NAME), "");
    const held = await writeError(writeFiles(dir, set("B"), { waitMs: 0 }));
    expect(held.problems[0]!.code).toBe("write.locked");
    const past = new Date(Date.now() - 6_000);
    await utimes(join(dir, LOCK_NAME), past, past);
    await writeFiles(dir, set("B"), { waitMs: 0 });
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
  });
});

describe("what the writer never removes", () => {
  it("a journal an earlier write through the same open folder left (its undoing stopped): a later write is refused, and the next run finishes the undoing", async () => {
    const dir = await tempDir();
    const three = (who: string) => ["a.pdf", "b.pdf", "c.pdf"].map((name) => file(name, `${name} of ${who}`));
    await writeFiles(dir, three("OLD"));
    const folder = await openFolder(dir);
    injectFaults("throw@commit,throw@rollback.restore b.pdf");
    const failed = await writeError(folder.write(three("NEW"), { force: true }));
    expect(failed.problems.map((p) => p.code)).toContain("write.rollbackPending");
    injectFaults("");
    const refused = await writeError(folder.write([file("d.pdf", "d")], { force: true }));
    expect(refused.problems.map((p) => p.code)).toEqual(["write.rollbackPending"]);
    expect(await list(dir)).toContain(JOURNAL_NAME);
    await folder.release();
    const next = await openFolder(dir);
    await next.release();
    expect(await list(dir)).toEqual(["a.pdf", "b.pdf", "c.pdf"]);
    for (const name of ["a.pdf", "b.pdf", "c.pdf"]) expect(await text(join(dir, name))).toBe(`${name} of OLD`);
  });

  it("when undoing, a copy cut short (even at its start, as a FAT stick pulled out leaves it) is the run's; another file is not (isCopyOf)", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "temp"), "%PDF-1.7 a document");
    await writeFile(join(dir, "empty"), "");
    await writeFile(join(dir, "prefix"), "%PDF-1.7 a do");
    await writeFile(join(dir, "other"), "%PDF-1.7 b");
    await link(join(dir, "temp"), join(dir, "linked"));
    expect(await isCopyOf(join(dir, "empty"), join(dir, "temp"))).toBe(true);
    expect(await isCopyOf(join(dir, "prefix"), join(dir, "temp"))).toBe(true);
    expect(await isCopyOf(join(dir, "other"), join(dir, "temp"))).toBe(false);
    expect(await isCopyOf(join(dir, "linked"), join(dir, "temp"))).toBe(true);
  });

  it("an earlier write's unfinished clean-up (its journal marked done): finished before the next write through the same folder", async () => {
    const dir = await tempDir();
    const ours = (name: string) => /^(checklist|letter|proxy)\.pdf$/.test(name);
    await writeFiles(dir, [...set("A"), file("proxy.pdf", "proxy of A")]);
    const folder = await openFolder(dir);
    injectFaults("throw@cleanup.aside proxy.pdf");
    expect((await folder.write(set("B"), { force: true, retire: ours })).retired).toEqual(["proxy.pdf"]);
    injectFaults("");
    await folder.write(set("C"), { force: true, retire: ours });
    await folder.release();
    await (await openFolder(dir)).release();
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    expect(await text(join(dir, "letter.pdf"))).toBe("letter of C");
  });

  it("finishing that clean-up touches only its own files: a file the caller is streaming for the next write stays", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.pdf"), "old a");
    const folder = await openFolder(dir);
    injectFaults("throw@cleanup.aside a.pdf");
    await folder.write([file("a.pdf", "new a")], { force: true });
    injectFaults("");
    const streamed = folder.temporaryPath("b.pdf");
    await writeFile(streamed, "streamed b");
    await folder.write([{ fileName: "b.pdf", temporaryPath: streamed }]);
    await folder.release();
    expect(await list(dir)).toEqual(["a.pdf", "b.pdf"]);
    expect(await text(join(dir, "b.pdf"))).toBe("streamed b");
  });

  it("a clean-up that fails again stops the next write with a WriteError, not a raw one", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.pdf"), "old a");
    const folder = await openFolder(dir);
    injectFaults("throw@cleanup.aside a.pdf,throw@cleanup.aside a.pdf");
    await folder.write([file("a.pdf", "new a")], { force: true });
    const error = await folder.write([file("c.pdf", "c")]).catch((e: unknown) => e);
    expect(isWriteError(error)).toBe(true);
    injectFaults("");
    await folder.release();
    await (await openFolder(dir)).release();
    expect(await list(dir)).toEqual(["a.pdf"]);
    expect(await text(join(dir, "a.pdf"))).toBe("new a");
  });

  it("a stale lock replaced by a new run's lock before the takeover: never removed, even when both are empty", async () => {
    const dir = await tempDir();
    const path = join(dir, LOCK_NAME);
    await writeFile(path, "");
    const past = new Date(Date.now() - 10_000);
    await utimes(path, past, past);
    const info = await lstat(path);
    const stale = { mtimeMs: info.mtimeMs, ino: info.ino, text: "" };
    // Another run took it over meanwhile, and its own lock is still empty (no hard links).
    await rm(path);
    await writeFile(path, "");
    await breakStale(path, stale);
    expect(await list(dir)).toEqual([LOCK_NAME]);
  });

  it("a takeover guard left empty by a run that died: the wait stays within the caller's limit", async () => {
    const dir = await tempDir();
    injectFaults("nolink");
    const dead = { ...newOwner(), pid: 2 ** 22 + 12345 };
    await writeFile(join(dir, LOCK_NAME), JSON.stringify(dead));
    await writeFile(join(dir, `${LOCK_NAME}.${dead.token}`), "");
    const started = Date.now();
    const error = await writeError(writeFiles(dir, set("B"), { waitMs: 1_000 }));
    expect(error.problems[0]!.code).toBe("write.locked");
    expect(Date.now() - started).toBeLessThan(6_000);
    // Once the empty guard is older than a live run could leave it, the dead run's lock is taken.
    const past = new Date(Date.now() - 6_000);
    await utimes(join(dir, `${LOCK_NAME}.${dead.token}`), past, past);
    await writeFiles(dir, set("B"), { waitMs: 1_000 });
    expect(await list(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
  });
});

describe("createFolderIn", () => {
  it("makes a new folder whole, and never replaces one with anything in it", async () => {
    const out = await tempDir();
    await createFolderIn(out, "0001-王丽", set("A"), { manifestKey: "k" });
    expect(await list(out)).toEqual(["0001-王丽"]);
    expect((await checkSet(join(out, "0001-王丽"), "k")).state).toBe("complete");
    const error = await writeError(createFolderIn(out, "0001-王丽", set("B")));
    expect(error.problems[0]!.code).toBe("write.exists");
    expect(await text(join(out, "0001-王丽", "letter.pdf"))).toBe("letter of A");
    expect(await list(out)).toEqual(["0001-王丽"]);
  });

  it("fills an empty folder (nothing to lose) but not a name taken by a file or a symlink", async () => {
    const out = await tempDir();
    await mkdir(join(out, "empty"));
    await createFolderIn(out, "empty", set("A"));
    expect(await list(join(out, "empty"))).toEqual(["checklist.pdf", "letter.pdf"]);
    await writeFile(join(out, "file"), "x");
    await symlink(join(out, "nowhere"), join(out, "link"));
    for (const name of ["file", "link"])
      expect((await writeError(createFolderIn(out, name, set("B")))).problems[0]!.code).toBe("write.exists");
    expect(await list(out)).toEqual(["empty", "file", "link"]);
  });

  it("leaves nothing when a file cannot be written", async () => {
    const out = await tempDir();
    injectFaults("throw@folder.write letter.pdf");
    await writeError(createFolderIn(out, "0002", set("A")));
    expect(await list(out)).toEqual([]);
  });
});

describe("a streamed file", () => {
  it("is put in place from the temporary path the folder gave, like any other", async () => {
    const dir = await tempDir();
    const folder = await openFolder(dir);
    try {
      const temp = folder.temporaryPath("summary.csv");
      await writeFile(temp, "row,status\n");
      const result = await folder.write([{ fileName: "summary.csv", temporaryPath: temp }]);
      expect(result.files).toMatchObject([{ fileName: "summary.csv", status: "written", size: 11 }]);
    } finally {
      await folder.release();
    }
    expect(await list(dir)).toEqual(["summary.csv"]);
  });
});
