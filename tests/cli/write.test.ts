/**
 * Safe writing: no overwrite without --force, no partial file on failure, nothing outside the folder.
 */
import { chmod, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeAll } from "../../src/cli/write.js";
import { listFiles, runCli, runCliAs, tempDir } from "../support/cli.js";

const file = (fileName: string, text: string) => ({ fileName, bytes: new TextEncoder().encode(text) });
const isRoot = process.getuid?.() === 0;

describe("writeAll", () => {
  it("writes complete files and leaves no temporary file", async () => {
    const dir = await tempDir();
    await writeAll(join(dir, "new"), [file("a.pdf", "A"), file("b.pdf", "B")], false);
    expect(await readdir(join(dir, "new"))).toEqual(["a.pdf", "b.pdf"]);
  });

  it("keeps an existing file without force, replaces it with force", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "a.pdf"), "old");
    await expect(writeAll(dir, [file("a.pdf", "new"), file("b.pdf", "B")], false)).rejects.toMatchObject({ problems: [{ code: "write.exists", params: { paths: join(dir, "a.pdf") } }] });
    expect(await readFile(join(dir, "a.pdf"), "utf8")).toBe("old");
    expect(await listFiles(dir)).toEqual(["a.pdf"]);
    await writeAll(dir, [file("a.pdf", "new")], true);
    expect(await readFile(join(dir, "a.pdf"), "utf8")).toBe("new");
  });

  it.each(["../evil.pdf", "a/b.pdf", ".hidden.pdf", "..", ""])("refuses the file name %j", async (name) => {
    const dir = await tempDir();
    await expect(writeAll(join(dir, "out"), [file(name, "x")], false)).rejects.toMatchObject({ problems: [{ code: "write.badName" }] });
    expect(await listFiles(dir)).toEqual([]);
  });

  it("reports a read-only folder clearly and leaves no partial file", async () => {
    const dir = await tempDir();
    await mkdir(join(dir, "ro"));
    await chmod(dir, 0o755);
    await chmod(join(dir, "ro"), 0o555);
    // Root ignores permissions, so as root the CLI runs as "nobody" against the root-owned folder.
    const result = isRoot
      ? await runCliAs("nobody", ["--sample", "--lang", "en", "--out", join(dir, "ro")])
      : await runCli(["--sample", "--lang", "en", "--out", join(dir, "ro")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/not writable/);
    expect(await listFiles(join(dir, "ro"))).toEqual([]);
  });
});

describe("the CLI's writing", () => {
  it("keeps existing PDFs without --force (exit 2) and replaces them with it", async () => {
    const out = await tempDir();
    expect((await runCli(["--sample", "--out", out])).code).toBe(0);
    const before = await readFile(join(out, "sim-cancel-letter-fr.pdf"));
    const again = await runCli(["--sample", "--lang", "en", "--out", out, "--name", "Someone ELSE"]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists.*--force/s);
    expect(again.stderr).toMatch(/--out for another folder/); // generate has --out (init's own message is in init.test.ts)
    expect(await readFile(join(out, "sim-cancel-letter-fr.pdf"))).toEqual(before);
    const forced = await runCli(["--sample", "--out", out, "--name", "Someone ELSE", "--force"]);
    expect(forced.code).toBe(0);
    expect(await readFile(join(out, "sim-cancel-letter-fr.pdf"))).not.toEqual(before);
  });

  it("reports an output folder it cannot create, writing nothing (exit 1)", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "not-a-folder"), "x");
    const result = await runCli(["--sample", "--lang", "en", "--out", join(dir, "not-a-folder", "sub")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cannot create the output folder/);
  });

  it("prints a JSON summary with --json", async () => {
    const out = await tempDir();
    const result = await runCli(["--sample", "--out", out, "--json"]);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as { ok: boolean; files: { path: string; pages: number; bytes: number }[] };
    expect(summary.ok).toBe(true);
    expect(summary.files).toHaveLength(2);
    for (const f of summary.files) expect(f.bytes).toBeGreaterThan(1000);
  });

  it("init writes a commented details file in the chosen language that the tool reads back", async () => {
    const dir = await tempDir();
    const target = join(dir, "me.yaml");
    const result = await runCli(["init", target, "--lang", "fr"]);
    expect(result.code).toBe(0);
    const text = await readFile(target, "utf8");
    expect(text).toMatch(/# Obligatoire/);
    expect((await runCli(["init", target])).code).toBe(2);
    // Filled in with just the two required fields, it produces the documents.
    await writeFile(target, text.replace('name: ""', 'name: "Xiaoming WANG"').replace('phone: ""', 'phone: "76 12 34"'));
    const generated = await runCli(["--details", target, "--out", join(dir, "out")]);
    expect(generated.stderr).toBe("");
    expect(generated.code).toBe(0);
  });

  it("reads details from standard input with --details -", async () => {
    const out = await tempDir();
    const result = await runCli(["--details", "-", "--out", out], { input: '{"name": "Xiaoming WANG", "phone": "+687761234"}' });
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
