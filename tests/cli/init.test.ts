/**
 * `sim-cancel init FILE`: the header of the file names the file written, and the refusal to
 * replace an existing file suggests init's own options (its file argument and --force), not --out.
 * `init --pack DIR`: the bundled pack copied as one set, complete or not at all.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { FILE_PLACEHOLDER, scaffoldPack, shellArg } from "../../src/cli/init.js";
import { packDocumentNames } from "../../src/generate.js";
import { InputError } from "../../src/errors.js";
import { BUNDLED_PACK_DIR, CLI_TEXTS_DIR } from "../../src/paths.js";
import { injectFaults } from "../../src/write/faults.js";
import { isWriteError } from "../../src/write/index.js";
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

describe("init --pack DIR", () => {
  afterEach(() => injectFaults(""));
  const bundled = async () => {
    const names = (await readdir(BUNDLED_PACK_DIR)).sort();
    return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(BUNDLED_PACK_DIR, n))] as const)));
  };
  const contents = async (dir: string) => {
    const names = (await readdir(dir)).sort();
    return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n))] as const)));
  };

  it("copies the bundled pack whole into a new folder, and refuses any existing one without --force", async () => {
    const dir = join(await tempDir("sim-cancel-init-pack-"), "fictel", "pack");
    expect(await scaffoldPack(dir, false)).toBe(dir);
    expect(await contents(dir)).toEqual(await bundled());
    const error = await scaffoldPack(dir, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems[0]!.code).toBe("write.packFolderExists");
  });

  it("with --force, replaces an edited pack as one set: at each failing step every edited file stays", async () => {
    const dir = await tempDir("sim-cancel-init-pack-");
    const names = [...(await bundled()).keys()];
    for (const name of names) await writeFile(join(dir, name), `edited ${name}`);
    await writeFile(join(dir, "notes.txt"), "mine");
    const edited = await contents(dir);
    const steps = [...names.map((n) => `write ${n}`), "journal", ...names.map((n) => `aside ${n}`), "commit"];
    steps.push(...names.map((n) => `link ${n}`));
    for (const step of steps) {
      injectFaults(`throw@${step}`);
      const error = await scaffoldPack(dir, true).catch((e: unknown) => e);
      expect(isWriteError(error), step).toBe(true);
      expect(await contents(dir), step).toEqual(edited);
    }
    injectFaults("");
    await scaffoldPack(dir, true);
    expect(await contents(dir)).toEqual(new Map([...(await bundled()), ["notes.txt", Buffer.from("mine")]]));
  });

  it("a pack of its own: an earlier run's documents are those of its languages and of the bundled pack's (packDocumentNames)", async () => {
    const dir = join(await tempDir("sim-cancel-init-pack-"), "pack");
    await scaffoldPack(dir, false);
    const yaml = await readFile(join(dir, "pack.yaml"), "utf8");
    const own = yaml
      .replace("languages: [zh-Hans, zh-Hant, en, fr]", "languages: [en, fr]")
      .replace("letterLanguages: [fr, zh-Hans, zh-Hant, en]", "letterLanguages: [fr, en]");
    expect(own.match(/^(letterL|l)anguages: \[(fr, en|en, fr)\]$/gm)).toHaveLength(2);
    await writeFile(join(dir, "pack.yaml"), own);
    const earlier = await packDocumentNames({ packDir: dir });
    for (const name of ["sim-cancel-checklist-zh-Hans.pdf", "sim-cancel-checklist-en.pdf", "sim-cancel-proxy-fr.pdf"])
      expect(earlier(name), name).toBe(true);
    for (const name of ["sim-cancel-checklist-ko.pdf", "sim-cancel-letter-fr-signed.pdf", "sim-cancel-letter-FR.pdf"])
      expect(earlier(name), name).toBe(false);
  });

  it("never replaces a folder at a template's name, even with --force, and then writes nothing", async () => {
    const dir = await tempDir("sim-cancel-init-pack-");
    await mkdir(join(dir, "letter.md.hbs"));
    const error = await scaffoldPack(dir, true).catch((e: unknown) => e);
    expect(isWriteError(error)).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(["letter.md.hbs"]);
    await rm(join(dir, "letter.md.hbs"), { recursive: true });
  });
});
