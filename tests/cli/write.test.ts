/**
 * The command line's writing, end to end (the built CLI): no overwrite without --force, a forced
 * run that fails keeps every earlier file, nothing written when a folder or a dangling symlink is
 * in the way, and a final message (and --json) that says which files were written or replaced.
 * The writer's own rules are tested in tests/write/; processes killed mid-write in tests/faults/.
 */
import { chmod, chown, mkdir, readFile, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { listFiles, runCli, runCliAs, tempDir as makeTempDir } from "../support/cli.js";

const made: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await makeTempDir("sim-cancel-write-");
  made.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const isRoot = process.getuid?.() === 0;
const CHECKLIST = "sim-cancel-checklist-en.pdf";
const LETTER = "sim-cancel-letter-fr.pdf";
const sample = (out: string, ...more: string[]) => ["--sample", "--lang", "en", "--out", out, ...more];
/** The options of a cancellation through a representative (a procuration is made too). */
const proxy = ["--channel", "proxy", "--proxy-name", "Li CHEN", "--proxy-id-type", "passport", "--proxy-id", "E1234"];
const person = ["--birth-date", "1990-05-01", "--id-type", "passport", "--id-number", "P7654321"];

/** Each file of the folder and its bytes. */
async function snapshot(dir: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const name of await listFiles(dir))
    files.set(name, await readFile(join(dir, name)).catch(() => Buffer.from("(folder)")));
  return files;
}

describe("the CLI's writing", () => {
  it("keeps existing PDFs without --force (exit 2), replaces them with it, and says which it replaced", async () => {
    const out = await tempDir();
    const first = await runCli(sample(out));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(`^written  ${join(out, CHECKLIST)}  \\(checklist, en, \\d+ pages?, [\\d.]+ KB\\)$`, "m"),
    );
    const before = await snapshot(out);
    const again = await runCli(sample(out, "--name", "Someone ELSE"));
    expect(again.code).toBe(2);
    expect(again.stderr).toContain(`${join(out, CHECKLIST)}, ${join(out, LETTER)} already exists; nothing was written`);
    expect(again.stderr).toMatch(/Use --force to replace .*, or --out for another folder/);
    expect(await snapshot(out)).toEqual(before);
    const forced = await runCli(sample(out, "--name", "Someone ELSE", "--force"));
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(new RegExp(`^replaced  ${join(out, LETTER)}  `, "m"));
    expect(await readFile(join(out, LETTER))).not.toEqual(before.get(LETTER));
    expect(await listFiles(out)).toEqual([CHECKLIST, LETTER]);
  });

  it("holds one set: an earlier procuration (or letter in another language) is in the way without --force, removed with it", async () => {
    const out = await tempDir();
    const PROXY = "sim-cancel-proxy-fr.pdf";
    expect((await runCli(sample(out, ...proxy, ...person))).code).toBe(0);
    expect(await listFiles(out)).toEqual([CHECKLIST, LETTER, PROXY]);
    const before = await snapshot(out);
    // Only the procuration left (the person moved the others away): still not a set to mix with.
    await rm(join(out, CHECKLIST));
    await rm(join(out, LETTER));
    const refused = await runCli(sample(out, "--channel", "in-person"));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `an earlier set of documents is in the folder, and this run does not make these: ${join(out, PROXY)}`,
    );
    expect(refused.stderr).toMatch(/Use --force to replace the earlier set/);
    expect(await listFiles(out)).toEqual([PROXY]);
    expect(await readFile(join(out, PROXY))).toEqual(before.get(PROXY));
    const forced = await runCli(sample(out, "--channel", "in-person", "--force", "--json"));
    expect(forced.code).toBe(0);
    const report = JSON.parse(forced.stdout) as { files: { status: string }[]; earlierRemoved: string[] };
    expect(report.earlierRemoved).toEqual([join(out, PROXY)]);
    expect(report.files.map((f) => f.status)).toEqual(["written", "written"]);
    expect(await listFiles(out)).toEqual([CHECKLIST, LETTER]);
  });

  it("holds one set when the languages change too: the earlier letter and procuration go, listed in the user's language", async () => {
    const out = await tempDir();
    expect((await runCli(sample(out, "--letter-lang", "en", ...proxy, ...person))).code).toBe(0);
    expect(await listFiles(out)).toEqual([CHECKLIST, "sim-cancel-letter-en.pdf", "sim-cancel-proxy-en.pdf"]);
    const zh = await runCli(["--sample", "--out", out, "--force"]);
    expect(zh.code).toBe(0);
    for (const name of [CHECKLIST, "sim-cancel-letter-en.pdf", "sim-cancel-proxy-en.pdf"])
      expect(zh.stdout).toContain(`已移除  ${join(out, name)}  (属于之前的一套文件`);
    expect(await listFiles(out)).toEqual(["sim-cancel-checklist-zh-Hans.pdf", LETTER]);
  });

  it("shows a folder's control characters escaped in the final message", async () => {
    const out = join(await tempDir(), "e\u001b[31mX\u0007");
    const result = await runCli(sample(out));
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(/[\u0000-\u0008\u001b]/);
    expect(result.stdout).toContain("e\\u{1B}[31mX\\u{7}");
  });

  it("words the refusal in the user's language (--lang)", async () => {
    const out = await tempDir();
    await writeFile(join(out, "sim-cancel-letter-fr.pdf"), "mine");
    const result = await runCli(["--sample", "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(out, LETTER)} 已存在；没有写入任何文件`);
  });

  it("with --force, keeps the old checklist when a folder sits at the letter's name (exit 2, nothing written)", async () => {
    const out = await tempDir();
    expect((await runCli(sample(out))).code).toBe(0);
    const checklist = await readFile(join(out, CHECKLIST));
    await rm(join(out, LETTER));
    await mkdir(join(out, LETTER));
    const result = await runCli(sample(out, "--name", "Someone ELSE", "--force"));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(out, LETTER)} is a folder, which is never replaced; nothing was written`);
    expect(await readFile(join(out, CHECKLIST))).toEqual(checklist);
    expect(await listFiles(out)).toEqual([CHECKLIST, LETTER]);
  });

  it("does not replace a dangling symlink at an output name without --force", async () => {
    const out = await tempDir();
    const nowhere = join(out, "nowhere.pdf");
    await symlink(nowhere, join(out, LETTER));
    const result = await runCli(sample(out));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(out, LETTER)} already exists`);
    expect(await readlink(join(out, LETTER))).toBe(nowhere);
    expect(await listFiles(out)).toEqual([LETTER]);
  });

  it("prints the result with --json: each file's path and status, and the problems as codes on failure", async () => {
    const out = await tempDir();
    const result = await runCli(sample(out, "--json"));
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as {
      ok: boolean;
      files: { path: string; status: string; pages: number; bytes: number }[];
    };
    expect(summary.ok).toBe(true);
    expect(summary.files.map((f) => [f.path, f.status])).toEqual([
      [join(out, CHECKLIST), "written"],
      [join(out, LETTER), "written"],
    ]);
    for (const f of summary.files) expect(f.bytes).toBeGreaterThan(1000);
    const refused = await runCli(sample(out, "--json"));
    expect(refused.code).toBe(2);
    const failure = JSON.parse(refused.stdout) as { ok: boolean; problems: unknown[]; kept: string[] };
    expect(failure.ok).toBe(false);
    expect(failure.problems).toEqual([
      {
        code: "write.exists",
        params: { paths: `${join(out, CHECKLIST)}, ${join(out, LETTER)}` },
        message: expect.stringMatching(/already exists; nothing was written/),
      },
    ]);
    expect(failure.kept).toEqual([join(out, CHECKLIST), join(out, LETTER)]);
  });

  it("reports an output folder it cannot create, writing nothing (exit 2: something is in the way)", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "not-a-folder"), "x");
    const result = await runCli(sample(join(dir, "not-a-folder", "sub")));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/cannot create the output folder .*not-a-folder\/sub/);
  });

  it("reports a read-only folder clearly and leaves nothing in it", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "ro"));
    await chmod(dir, 0o755);
    await chmod(join(dir, "ro"), 0o555);
    // Root ignores permissions, so as root the CLI runs as "nobody" against the root-owned folder.
    const args = sample(join(dir, "ro"));
    const result = isRoot ? await runCliAs("nobody", args) : await runCli(args);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `cannot write ${join(dir, "ro")} (EACCES); nothing was written. Choose another folder with --out`,
    );
    expect(await listFiles(join(dir, "ro"))).toEqual([]);
  });

  it.runIf(isRoot)(
    "with --force in a sticky folder, keeps every earlier file when the letter belongs to someone else",
    async () => {
      // /tmp-like: anyone may create files, only a file's owner may rename or remove it.
      const dir = await tempDir();
      const out = join(dir, "shared");
      await mkdir(out);
      await chmod(dir, 0o755);
      await chmod(out, 0o1777);
      expect((await runCliAs("nobody", sample(out))).code).toBe(0);
      // The letter now belongs to root: "nobody" may not replace it; the checklist is nobody's own.
      await chown(join(out, LETTER), 0, 0);
      const before = await snapshot(out);
      const result = await runCliAs("nobody", sample(out, "--name", "Someone ELSE", "--force"));
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`cannot write ${join(out, LETTER)} (EPERM); nothing was written`);
      expect(await snapshot(out)).toEqual(before);
    },
  );

  it("init writes a commented details file in the chosen language that the tool reads back", async () => {
    const dir = await tempDir();
    const target = join(dir, "me.yaml");
    const result = await runCli(["init", target, "--lang", "fr"]);
    expect(result.code).toBe(0);
    const text = await readFile(target, "utf8");
    expect(text).toMatch(/# Obligatoire/);
    expect(await listFiles(dir)).toEqual(["me.yaml"]);
    expect((await runCli(["init", target])).code).toBe(2);
    // Filled in with just the two required fields, it produces the documents.
    await writeFile(
      target,
      text.replace('name: ""', 'name: "Xiaoming WANG"').replace('phone: ""', 'phone: "76 12 34"'),
    );
    const generated = await runCli(["--details", target, "--out", join(dir, "out")]);
    expect(generated.stderr).toBe("");
    expect(generated.code).toBe(0);
  });

  it("reads details from standard input with --details -", async () => {
    const out = await tempDir();
    const result = await runCli(["--details", "-", "--out", out], {
      input: '{"name": "Xiaoming WANG", "phone": "+687761234"}',
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("never prompts when standard input is not a terminal: missing details are an error", async () => {
    const out = await tempDir();
    const result = await runCli(["--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--name/);
    expect(result.stderr).toMatch(/--phone/);
  });
});
