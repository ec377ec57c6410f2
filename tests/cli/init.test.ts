/**
 * `sim-cancel init FILE`: the header of the file names the file written, and the refusal to
 * replace an existing file suggests init's own options (its file argument and --force), not --out.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FILE_PLACEHOLDER, shellArg } from "../../src/cli/init.js";
import { CLI_TEXTS_DIR } from "../../src/paths.js";
import { runCli, tempDir } from "../support/cli.js";

const LANGS = ["zh-Hans", "zh-Hant", "en", "fr"] as const;

/** What a POSIX shell (bash, for $'...') makes of `word`. */
const shellWord = (word: string) =>
  execFileSync("bash", ["-c", `printf %s ${word}`], { encoding: "utf8", env: { ...process.env, LC_ALL: "C.UTF-8" } });

describe("shellArg", () => {
  it.each(["my.yaml", "sub/dir/me.yaml", "/tmp/a-b_c.yaml"])("leaves %j bare", (name) => {
    expect(shellArg(name)).toBe(name);
  });

  it.each([
    "my details.yaml",
    "it's mine.yaml",
    '$HOME `x` "q" \\ ;&|*?.yaml',
    "données.yaml",
    "-",
    "-x.yaml",
    "a\nb: 1.yaml",
    "a\r\u2028\u0085\tb'\\.yaml",
  ])("quotes %j as one shell word, on one line, that gives the name back", (name) => {
    const word = shellArg(name);
    expect(word).not.toMatch(/[\r\n\u0085\u2028\u2029]/);
    expect(shellWord(word)).toBe(name.startsWith("-") ? `./${name}` : name);
  });
});

describe("init FILE", () => {
  it.each(LANGS)("the %s template has one file placeholder, on its run line", (lang) => {
    const text = readFileSync(join(CLI_TEXTS_DIR, `details.${lang}.yaml`), "utf8");
    expect(text.split(FILE_PLACEHOLDER)).toHaveLength(2);
    expect(text).toContain(`#   npx sim-cancel --details ${FILE_PLACEHOLDER}\n`);
  });

  it.each(LANGS)("in %s, the header names the file written, not details.yaml", async (lang) => {
    const cwd = await tempDir();
    const result = await runCli(["init", "my.yaml", "--lang", lang], { cwd });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const text = await readFile(join(cwd, "my.yaml"), "utf8");
    expect(text.split("\n")[1]).toBe("#   npx sim-cancel --details my.yaml");
    expect(text).not.toContain("details.yaml");
    expect(text).not.toContain("{{");
    expect(result.stdout).toContain("npx sim-cancel --details my.yaml\n");
  });

  it("quotes a file name with spaces and quotes, and the file stays valid YAML", async () => {
    const cwd = await tempDir();
    const name = "it's my details.yaml";
    const result = await runCli(["init", name, "--lang", "en"], { cwd });
    expect(result.code).toBe(0);
    const text = await readFile(join(cwd, name), "utf8");
    const line = text.split("\n")[1]!;
    expect(line).toBe(`#   npx sim-cancel --details 'it'\\''s my details.yaml'`);
    expect(shellWord(line.slice("#   npx sim-cancel --details ".length))).toBe(name);
    expect(parse(text)).toMatchObject({ name: "", phone: "" });
    expect(result.stdout).toContain(`npx sim-cancel --details 'it'\\''s my details.yaml'\n`);
  });

  it("keeps an existing file without --force, suggesting init's options (not --out); replaces it with --force", async () => {
    const cwd = await tempDir();
    await writeFile(join(cwd, "my.yaml"), "old");
    const refused = await runCli(["init", "my.yaml", "--lang", "en"], { cwd });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/my\.yaml already exists; nothing was written/);
    expect(refused.stderr).toContain("--force");
    expect(refused.stderr).toContain("give another file name");
    expect(refused.stderr).not.toContain("--out");
    expect(await readFile(join(cwd, "my.yaml"), "utf8")).toBe("old");
    // The options the message suggests are real ones.
    expect((await runCli(["init", "other.yaml"], { cwd })).code).toBe(0);
    const forced = await runCli(["init", "my.yaml", "--force"], { cwd });
    expect(forced.code).toBe(0);
    expect(await readFile(join(cwd, "my.yaml"), "utf8")).toContain("npx sim-cancel --details my.yaml");
  });
});
