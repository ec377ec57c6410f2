/**
 * What the file system refuses: a folder where a file goes, a folder the user may not write, a
 * file the user may not replace (a sticky folder), a full disk (a small tmpfs mounted for the
 * test: it needs root and mount rights, and is skipped with the reason printed otherwise). Each
 * time: exit non-zero, every earlier file as it was, nothing of the writer's own left behind.
 */
import { execFileSync } from "node:child_process";
import { chmod, chown, mkdir, readFile, rm, statfs, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli, driver, entries, leftovers, ownerOfSet, removeTempDirs, run, tempDir } from "./support.js";
import { CLI } from "../support/cli.js";

const isRoot = process.getuid?.() === 0;
const AS_NOBODY = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"];

afterAll(removeTempDirs);

describe("a folder at an output name", () => {
  it("is never replaced, even with force, and then nothing changes", async () => {
    const dir = await tempDir();
    expect((await driver(["write", dir, "A"])).code).toBe(0);
    await rm(join(dir, "letter.pdf"));
    await mkdir(join(dir, "letter.pdf"));
    const forced = await driver(["write", dir, "B", "--force"]);
    expect(forced.code).toBe(2);
    expect(forced.json?.problems?.map((p) => p.code)).toEqual(["write.isFolder"]);
    expect(await readFile(join(dir, "checklist.pdf"), "utf8")).toMatch(/^checklist.pdf of A\n/);
    expect(await entries(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
  });
});

describe.runIf(isRoot)("permissions (as the user nobody, since root ignores them)", () => {
  it("a read-only folder: exit 1, write.notWritable, nothing written", async () => {
    const parent = await tempDir();
    await chmod(parent, 0o755);
    const dir = join(parent, "ro");
    await mkdir(dir);
    await writeFile(join(dir, "checklist.pdf"), "checklist.pdf of A\n");
    await chmod(dir, 0o555);
    const result = await driver(["write", dir, "B", "--force"], {}, AS_NOBODY);
    expect(result.code).toBe(1);
    expect(result.json?.problems?.[0]).toMatchObject({
      code: "write.notWritable",
      params: { path: dir, reason: "EACCES" },
    });
    expect(await entries(dir)).toEqual(["checklist.pdf"]);
  });

  it("a sticky folder where the letter is someone else's: --force fails and the own checklist comes back", async () => {
    const parent = await tempDir();
    await chmod(parent, 0o755);
    const dir = join(parent, "shared");
    await mkdir(dir);
    await chmod(dir, 0o1777);
    expect((await driver(["write", dir, "A"], {}, AS_NOBODY)).code).toBe(0);
    await chown(join(dir, "letter.pdf"), 0, 0);
    const result = await driver(["write", dir, "B", "--force"], {}, AS_NOBODY);
    expect(result.code).toBe(1);
    expect(result.json?.problems?.[0]).toMatchObject({
      code: "write.notWritable",
      params: { path: join(dir, "letter.pdf"), reason: "EPERM" },
    });
    expect(await ownerOfSet(dir)).toBe("A");
    expect(await entries(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
  });
});

/** Mounts a tmpfs of `size` at a new folder; undefined (and why) when this machine does not allow it. */
function mountTmpfs(dir: string, size: string): string | undefined {
  if (!isRoot) return "not running as root";
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${size}`, "tmpfs", dir], { stdio: "pipe" });
    return undefined;
  } catch (error) {
    return `mount -t tmpfs failed: ${String((error as { stderr?: Buffer }).stderr ?? error).trim()}`;
  }
}

describe("a full disk", () => {
  let disk = "";
  let skipped: string | undefined;

  beforeAll(async () => {
    disk = await tempDir();
    // Room for one set of 40 KB files and its lock, not for two sets at once.
    skipped = mountTmpfs(disk, "120k");
    if (skipped) console.log(`fault suite: full-disk tests skipped: ${skipped}`);
  });
  afterAll(() => {
    if (!skipped) execFileSync("umount", [disk]);
  });

  it("a new set that does not fit: exit 1, write.noSpace, nothing left", async (context) => {
    if (skipped) return context.skip();
    const dir = join(disk, "new");
    const result = await driver(["write", dir, "A", "--size", "90000"]);
    expect(result.code).toBe(1);
    expect(result.json?.problems?.[0]?.code).toBe("write.noSpace");
    expect(await entries(dir)).toEqual([]);
    await rm(dir, { recursive: true });
  });

  it("a forced set that does not fit beside the earlier one: the earlier set stays whole", async (context) => {
    if (skipped) return context.skip();
    const dir = join(disk, "forced");
    expect((await driver(["write", dir, "A", "--size", "40000"])).code).toBe(0);
    const result = await driver(["write", dir, "B", "--force", "--size", "40000"]);
    expect(result.code).toBe(1);
    expect(result.json?.problems?.[0]?.code).toBe("write.noSpace");
    expect(result.json?.kept?.sort()).toEqual([join(dir, "checklist.pdf"), join(dir, "letter.pdf")]);
    expect(await ownerOfSet(dir)).toBe("A");
    expect(await leftovers(dir)).toEqual([]);
    await rm(dir, { recursive: true });
  });

  it("sim-cancel generate on a full disk: exit 1, a clear message, nothing written", async (context) => {
    if (skipped) return context.skip();
    const out = join(disk, "generate");
    // Leave 36 KB: more than the checklist (32 KB) alone needs, less than the pair.
    const free = await statfs(disk);
    await writeFile(join(disk, "filler"), Buffer.alloc(Math.max(0, free.bavail * free.bsize - 36 * 1024)));
    const result = await run([CLI, "--sample", "--lang", "en", "--out", out]);
    await rm(join(disk, "filler"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no space left on the disk for .*; nothing was written/);
    expect(await entries(out)).toEqual([]);
    await rm(out, { recursive: true });
  });

  it("a batch on a full disk: each row folder there is whole, the others failed; with room again it resumes", async (context) => {
    if (skipped) return context.skip();
    const small = await tempDir();
    // Room for about six rows (57 KB each with their manifest).
    const why = mountTmpfs(small, "400k");
    if (why) return context.skip();
    try {
      const input = join(await tempDir(), "people.csv");
      await writeFile(
        input,
        `name,phone,date\n${Array.from({ length: 8 }, (_, i) => `Person ${i + 1},76 12 3${i},2026-11-24`).join("\n")}\n`,
      );
      const out = join(small, "batch");
      const full = await cli(["batch", input, "--out", out, "--lang", "en", "--json"]);
      expect(full.code).toBe(1);
      const printed = JSON.parse(full.stdout) as { done: number; failed: { errors: string[] }[] };
      expect(printed.done).toBeGreaterThan(0);
      expect(printed.failed.length).toBeGreaterThan(0);
      for (const failed of printed.failed)
        expect(failed.errors[0]).toMatch(
          /^row \d+ \(line \d+\): no space left on the disk for .*; nothing was written/,
        );
      const folders = (await entries(out)).filter((e) => /^\d{4}-/.test(e));
      expect(folders).toHaveLength(printed.done);
      expect(await leftovers(out)).toEqual([".sim-cancel.json"]);
      for (const folder of folders)
        expect(await entries(join(out, folder))).toEqual([
          ".sim-cancel.json",
          "sim-cancel-checklist-en.pdf",
          "sim-cancel-letter-fr.pdf",
        ]);

      execFileSync("mount", ["-o", "remount,size=1m", small]);
      const resumed = await cli(["batch", input, "--out", out, "--lang", "en", "--json"]);
      expect(resumed.code).toBe(0);
      expect(JSON.parse(resumed.stdout)).toMatchObject({
        ok: true,
        done: 8,
        kept: printed.done,
        rendered: 8 - printed.done,
      });
    } finally {
      execFileSync("umount", [small]);
    }
  });
});
