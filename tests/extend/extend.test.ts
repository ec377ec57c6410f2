/**
 * Making it yours without touching the code: an overriding template, a scaffolded pack edited for
 * another (fictional) carrier, clear messages for broken ones, and the library API as installed
 * from the published tarball.
 */
import { execFileSync } from "node:child_process";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { listFiles, ROOT, runCli, tempDir } from "../support/cli.js";
import { flat, readPdf } from "../support/pdf.js";

const BASE = ["--name", "Xiaoming WANG", "--phone", "76 12 34", "--date", "2026-11-24"];

describe("--templates DIR", () => {
  it("replaces a bundled template of the same file name, and keeps the others", async () => {
    const dir = await tempDir();
    const templates = join(dir, "mine");
    await mkdir(templates);
    // The pack's letter template is shared by every language; a French one of the user's own
    // replaces it for the French letter only (the translation still uses the shared one).
    const bundled = await readFile(join(ROOT, "templates", "nc-opt", "letter.md.hbs"), "utf8");
    const mine = bundled.replace('{{s "letter.salutation"}}', "Madame, Monsieur, (modèle de l'association)");
    if (mine === bundled) throw new Error("the bundled letter template has no salutation string to replace");
    await writeFile(join(templates, "letter.fr.md.hbs"), mine);
    const out = join(dir, "out");
    const result = await runCli(["generate", ...BASE, "--templates", templates, "--out", out]);
    expect(result.stderr).toBe("");
    const letter = await readPdf(await readFile(join(out, "sim-cancel-letter-fr.pdf")));
    expect(flat(letter.pages[0]!.text)).toContain("(modèle de l'association)");
    expect(flat(letter.pages[1]!.text)).not.toContain("(modèle de l'association)");
    expect(flat(letter.pages[1]!.text)).toContain("女士/先生");
    const checklist = await readPdf(await readFile(join(out, "sim-cancel-checklist-zh-Hans.pdf")));
    expect(checklist.text).toContain("注销手机线路清单");
  });

  it("a broken template is refused with its file name and line, nothing written", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "letter.fr.md.hbs"), "Bonjour\n\n{{#if details.name}}\nunclosed\n");
    const out = join(dir, "out");
    const result = await runCli(["generate", ...BASE, "--lang", "en", "--templates", dir, "--out", out]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(dir, "letter.fr.md.hbs")}, line 5: template syntax error`);
    expect(await listFiles(out)).toEqual([]);
  });

  it("a misspelt variable or an unknown helper is an error naming the template, not a blank", async () => {
    for (const body of ["{{details.nmae}}", "{{shout details.name}}"]) {
      const dir = await tempDir();
      await writeFile(join(dir, "letter.fr.md.hbs"), `Bonjour\n\n${body}\n`);
      const result = await runCli(["generate", ...BASE, "--lang", "en", "--templates", dir, "--out", join(dir, "out")]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/letter\.fr\.md\.hbs, line 3, column \d+: "(nmae|shout)" is neither a variable/);
    }
  });
});

describe("a pack of your own", () => {
  it("init --pack scaffolds a pack that, edited for a fictional carrier, makes its documents", async () => {
    const dir = await tempDir();
    const pack = join(dir, "fictel");
    expect((await runCli(["init", "--pack", pack])).code).toBe(0);
    expect((await runCli(["init", "--pack", pack])).code).toBe(2);
    const yaml = await readFile(join(pack, "pack.yaml"), "utf8");
    await writeFile(
      join(pack, "pack.yaml"),
      yaml
        .replace("id: nc-opt", "id: fictel")
        .replace(
          "  - OPT-NC – Helia (ex-Mobilis)\n  - Service Réclamations\n  - 2 rue Paul Montchovet",
          "  - Fictel Mobile (opérateur fictif)\n  - Service Résiliations\n  - 1 rue Imaginaire",
        ),
    );
    const out = join(dir, "out");
    const result = await runCli(["generate", ...BASE, "--pack", pack, "--lang", "en", "--out", out]);
    expect(result.stderr).toBe("");
    const letter = await readPdf(await readFile(join(out, "sim-cancel-letter-fr.pdf")));
    expect(flat(letter.text)).toContain("Fictel Mobile (opérateur fictif)");
    expect(flat(letter.text)).not.toContain("Paul Montchovet");
  });

  it("a broken pack is refused with the file, the line and the field", async () => {
    const dir = await tempDir();
    const pack = join(dir, "broken");
    await runCli(["init", "--pack", pack]);
    const yaml = await readFile(join(pack, "pack.yaml"), "utf8");
    await writeFile(
      join(pack, "pack.yaml"),
      yaml.replace(
        "status: confirmed\n    sources: [opt-guide]\n  hotlineHours",
        "status: maybe\n    sources: [opt-guide]\n  hotlineHours",
      ),
    );
    const result = await runCli(["generate", ...BASE, "--lang", "en", "--pack", pack, "--out", join(dir, "out")]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pack\.yaml, line \d+: facts\.hotline\.status/);
  });

  it("packs lists the bundled pack and its languages", async () => {
    const result = await runCli(["packs"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/nc-opt/);
    expect(result.stdout).toMatch(/zh-Hans, zh-Hant, en, fr/);
  });
});

describe("the library API from the published package", () => {
  it("npm pack holds what it needs and nothing from tests or output; generate() works once installed", async () => {
    const dir = await tempDir();
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], {
        cwd: ROOT,
        encoding: "utf8",
        stdio: ["ignore", "pipe", "ignore"],
      }),
    ) as { filename: string; files: { path: string }[] }[];
    const files = packed!.files.map((f) => f.path);
    expect(files).toEqual(
      expect.arrayContaining([
        "dist/index.js",
        "dist/index.d.ts",
        "dist/cli/launch.cjs",
        "dist/cli.bundle.cjs",
        "dist/data/sRGB_IEC61966_2_1.icc",
        "dist/batch/worker.js",
        "templates/nc-opt/pack.yaml",
        "fonts/README.md",
        "README.md",
      ]),
    );
    expect(files.filter((f) => /^(tests|output|scratch|bench|src)\//.test(f) || f.endsWith(".pdf"))).toEqual([]);

    const project = join(dir, "project");
    await mkdir(project);
    await writeFile(
      join(project, "package.json"),
      JSON.stringify({ name: "uses-sim-cancel", private: true, type: "module" }),
    );
    execFileSync("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(dir, packed!.filename)], {
      cwd: project,
      stdio: "ignore",
    });
    await writeFile(
      join(project, "use.mjs"),
      `
      import { generate } from "sim-cancel";
      const docs = await generate({ name: "Xiaoming WANG", phone: "76 12 34", date: "2026-11-24" }, { lang: "en" });
      console.log(JSON.stringify(docs.map((d) => ({ kind: d.kind, pages: d.pages, head: Buffer.from(d.bytes.subarray(0, 8)).toString("latin1") }))));
    `,
    );
    const output = JSON.parse(execFileSync(process.execPath, ["use.mjs"], { cwd: project, encoding: "utf8" })) as {
      kind: string;
      pages: number;
      head: string;
    }[];
    expect(output.map((d) => d.kind)).toEqual(["checklist", "letter"]);
    for (const doc of output) expect(doc.head).toBe("%PDF-1.7");
    // The command line works from the installed package too (the bundle, its colour profile, its version).
    const bin = join(project, "node_modules", ".bin", "sim-cancel");
    expect(execFileSync(bin, ["--version"], { cwd: dir, encoding: "utf8" }).trim()).toBe(
      (JSON.parse(await readFile(join(ROOT, "package.json"), "utf8")) as { version: string }).version,
    );
    execFileSync(bin, ["--sample", "--lang", "en", "--out", join(dir, "installed-out")], { cwd: dir, stdio: "ignore" });
    expect((await readdir(join(dir, "installed-out"))).sort()).toEqual([
      "sim-cancel-checklist-en.pdf",
      "sim-cancel-letter-fr.pdf",
    ]);
    // The types are published with it.
    expect(await readFile(join(project, "node_modules", "sim-cancel", "dist", "index.d.ts"), "utf8")).toMatch(
      /export .*generate/,
    );
  }, 300_000);
});
