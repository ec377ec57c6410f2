/**
 * Input that cannot hurt: every case an attacker tried (issue 15), run through the real command
 * line with its memory capped. Each must end in exit 2 within seconds, with a message naming the
 * file, row or option to fix, and nothing raw on the terminal.
 */
import { execFile } from "node:child_process";
import { createWriteStream } from "node:fs";
import { copyFile, cp, mkdir, readFile, truncate, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { CLI, listFiles, ROOT, tempDir } from "../support/cli.js";
import { BUNDLED_PACK_DIR } from "../../src/paths.js";

/** What a terminal would act on: control characters (escape sequences among them) and direction overrides. */
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  seconds: number;
}

/**
 * The CLI with its heap capped at 200 MB (a run that needs more dies with another code than 2,
 * which the tests would see) and a 60-second watchdog.
 */
function run(args: string[], cwd = ROOT): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ["--max-old-space-size=200", CLI, ...args],
      {
        cwd,
        timeout: 60_000,
        killSignal: "SIGKILL",
        maxBuffer: 4 * 1024 * 1024,
        env: { ...process.env, NODE_OPTIONS: "" },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
      },
    );
    child.stdin?.end();
  });
}

/** The run was refused as bad input, quickly, naming `what`, with nothing raw on the terminal. */
function refused(result: Run, what: RegExp): void {
  expect(result.stderr).toMatch(what);
  expect(result.code, result.stderr).toBe(2);
  expect(result.seconds).toBeLessThan(30);
  expect(result.stderr).not.toMatch(RAW);
  expect(result.stdout).not.toMatch(RAW);
}

const PERSON = ["--name", "Xiaoming WANG", "--phone", "76 12 34", "--lang", "en", "--no-input"];
const BASE = [...PERSON, "--date", "2026-11-24"];

/** A file of `size` bytes made of `fill`, between `head` and `tail`, written as a stream. */
async function bigFile(path: string, head: string, fill: string, size: number, tail: string): Promise<void> {
  const stream = createWriteStream(path);
  stream.write(head);
  const chunk = fill.repeat(Math.ceil((1024 * 1024) / fill.length));
  for (let written = 0; written < size; written += chunk.length) if (!stream.write(chunk)) await once(stream, "drain");
  stream.end(tail);
  await once(stream, "close");
}

describe("details files", () => {
  it("a 0.4 KB YAML file of nested aliases in a list ends in exit 2 at once", async () => {
    const dir = await tempDir();
    const levels = ["&a [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]"];
    for (let i = 1; i < 9; i++)
      levels.push(
        `&${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(",")}]`,
      );
    await writeFile(join(dir, "bomb.yaml"), `name: A\nphone: 76 12 34\naddress: [${levels.join(", ")}]\n`);
    await writeFile(
      join(dir, "bomb-map.yaml"),
      `name: A\nphone: 76 12 34\nreason: {${levels.map((l, i) => `k${i}: ${l}`).join(", ")}}\n`,
    );
    refused(
      await run(["--details", join(dir, "bomb.yaml"), "--lang", "en", "--out", join(dir, "out")]),
      /bomb\.yaml.*(aliases|nested too deeply)/,
    );
    refused(
      await run(["--details", join(dir, "bomb-map.yaml"), "--lang", "en", "--out", join(dir, "out")]),
      /bomb-map\.yaml.*(aliases|nested too deeply)/,
    );
    expect(await listFiles(join(dir, "out"))).toEqual([]);
  });

  it("a device, random bytes and a huge file are refused before they are read", async () => {
    const dir = await tempDir();
    refused(
      await run(["--details", "/dev/urandom", "--lang", "en", "--out", dir]),
      /--details: \/dev\/urandom: is a device, not a file/,
    );
    refused(
      await run(["--details", "/dev/zero", "--lang", "en", "--out", dir]),
      /--details: \/dev\/zero: is a device, not a file/,
    );
    refused(await run(["--details", dir, "--lang", "en", "--out", dir]), /is a folder, not a file/);
    await bigFile(join(dir, "keys.yaml"), "name: A\n", "k123456789: x\n", 4 * 1024 * 1024, "");
    refused(
      await run(["--details", join(dir, "keys.yaml"), "--lang", "en", "--out", dir]),
      /keys\.yaml: is too large \(4\.0 MB\); at most 64 KB is read/,
    );
  });

  it("thousands of unknown keys give a few messages and a count, not one line per key", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "many.yaml"), Array.from({ length: 4_000 }, (_, i) => `unknown${i}: x`).join("\n"));
    const result = await run(["--details", join(dir, "many.yaml"), "--lang", "en", "--out", dir]);
    refused(result, /and 3995 more unknown fields/);
    expect(result.stderr.split("\n").length).toBeLessThan(12);
  });

  it("deep but valid JSON is too deep, not a YAML error", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "deep.json"), `{"name": ${"[".repeat(100_00)}${"]".repeat(100_00)}}`);
    const result = await run(["--details", join(dir, "deep.json"), "--lang", "en", "--out", dir]);
    refused(result, /deep\.json: is nested too deeply/);
    expect(result.stderr).not.toMatch(/YAML|call stack/);
  });

  it("a date in year 0, or any outside 2000-2099, is refused", async () => {
    refused(
      await run([...PERSON, "--date", "0000-01-01", "--out", await tempDir()]),
      /--date: is outside the years a letter can be dated \(2000-01-01 to 2099-12-31\)/,
    );
    refused(
      await run([...BASE, "--effective-date", "2206-01-01", "--out", await tempDir()]),
      /--effective-date: is outside the years/,
    );
  });
});

describe("fonts", () => {
  it("--font /dev/zero is refused at once, not read for gigabytes", async () => {
    refused(
      await run([...BASE, "--font", "/dev/zero", "--out", await tempDir()]),
      /--font: \/dev\/zero is a device, not a font file/,
    );
  });

  it("a truncated TrueType file is bad input naming the font", async () => {
    const dir = await tempDir();
    const font = join(dir, "cut.ttf");
    await copyFile(
      join(ROOT, "node_modules/@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf"),
      font,
    );
    for (const size of [100, 4_000, 200_000]) {
      await truncate(font, size);
      refused(await run([...BASE, "--font", font, "--out", dir]), /--font: .*cut\.ttf is not a font that can be read/);
    }
  });
});

describe("options", () => {
  it("a mistyped --templates folder, or a file given as one, is an error, never ignored", async () => {
    const dir = await tempDir();
    refused(
      await run([...BASE, "--templates", join(dir, "mine"), "--out", dir]),
      /--templates: .*mine is not a folder \(ENOENT\)/,
    );
    await writeFile(join(dir, "file.md"), "x");
    refused(
      await run([...BASE, "--templates", join(dir, "file.md"), "--out", dir]),
      /--templates: .*file\.md is not a folder \(ENOTDIR\)/,
    );
  });
});

describe("batch files", () => {
  it("a CSV with one 150 MB cell ends in exit 2 naming the line, in bounded memory", async () => {
    const dir = await tempDir();
    await bigFile(
      join(dir, "big.csv"),
      'name,phone,reason\nA,76 12 34,ok\nB,77 23 45,"',
      "x",
      150 * 1024 * 1024,
      '"\n',
    );
    refused(
      await run(["batch", join(dir, "big.csv"), "--out", join(dir, "out"), "--lang", "en"]),
      /big\.csv, line 3: a cell is too large/,
    );
  });

  it("a 150 MB JSON line is that row's problem, in bounded memory, and the other rows are made", async () => {
    const dir = await tempDir();
    const good = JSON.stringify({ name: "Léa MARTIN", phone: "76 12 34", date: "2026-11-24" });
    await bigFile(join(dir, "big.jsonl"), `${good}\n{"name": "`, "y", 150 * 1024 * 1024, `", "phone": "77 23 45"}\n`);
    const result = await run(["batch", join(dir, "big.jsonl"), "--out", join(dir, "out"), "--lang", "en"]);
    refused(result, /row 2 \(line 2\)[\s\S]*a row is too large \(> 64 KB; at most 64 KB\)/);
    expect(await listFiles(join(dir, "out"))).toContain("0001-lea-martin");
  });

  it("a batch file that is a device or a pipe is refused", async () => {
    refused(await run(["batch", "/dev/zero.csv", "--lang", "en"]), /does not exist/);
    const dir = await tempDir();
    await new Promise((resolve) => execFile("mkfifo", [join(dir, "rows.csv")], resolve));
    refused(
      await run(["batch", join(dir, "rows.csv"), "--out", join(dir, "out"), "--lang", "en"]),
      /rows\.csv: is a pipe, not a file/,
    );
    const zero = join(dir, "zero.csv");
    await new Promise((resolve) => execFile("ln", ["-s", "/dev/zero", zero], resolve));
    refused(
      await run(["batch", zero, "--out", join(dir, "out"), "--lang", "en"]),
      /zero\.csv: is a device, not a file/,
    );
  });

  it("names, header cells and JSON keys with escape or direction characters never reach the terminal or the summary raw", async () => {
    const dir = await tempDir();
    await writeFile(
      join(dir, "evil.csv"),
      `name,phone\n"\u001b[2JMallory\u001b]0;owned\u0007",26 12 34\n"Eve\u202e4321",76 12 34\n`,
    );
    const csv = await run(["batch", join(dir, "evil.csv"), "--out", join(dir, "out"), "--lang", "en"]);
    refused(csv, /\\u\{1B\}\[2JMallory\\u\{1B\}\]0;owned\\u\{7\}/);
    const summary = await readFile(join(dir, "out", "summary.csv"), "utf8");
    expect(summary).not.toMatch(RAW);
    expect(summary).toContain("\\u{1B}[2JMallory");

    await writeFile(join(dir, "evil-header.csv"), `name,phone,\u001b]0;title\u0007x\n"A",76 12 34,1\n`);
    refused(
      await run(["batch", join(dir, "evil-header.csv"), "--out", join(dir, "out2"), "--lang", "en"]),
      /column 3 "\\u\{1B\}\]0;title\\u\{7\}x" is not a field/,
    );

    await writeFile(
      join(dir, "evil.jsonl"),
      `${JSON.stringify({ name: "A", phone: "76 12 34", ["ph\u202eone"]: "x" })}\n`,
    );
    const jsonl = await run(["batch", join(dir, "evil.jsonl"), "--out", join(dir, "out3"), "--lang", "en"]);
    refused(jsonl, /unknown field "ph\\u\{202E\}one"/);
    expect(await readFile(join(dir, "out3", "summary.csv"), "utf8")).not.toMatch(RAW);
  });
});

describe("packs and templates", () => {
  it("a pack's language code cannot name a path: refused when the pack loads, nothing read outside", async () => {
    const dir = await tempDir();
    const pack = join(dir, "pack");
    await cp(BUNDLED_PACK_DIR, pack, { recursive: true });
    const yaml = await readFile(join(pack, "pack.yaml"), "utf8");
    await writeFile(
      join(pack, "pack.yaml"),
      yaml.replace(/^languages: \[zh-Hans,/m, 'languages: ["e/../../outside/evil", zh-Hans,'),
    );
    await mkdir(join(dir, "outside"));
    await writeFile(join(dir, "outside", "evil.md.hbs"), "# read me");
    refused(
      await run([...BASE, "--pack", pack, "--out", join(dir, "out")]),
      /pack\.yaml, line \d+: languages\[0\]: "e\/\.\.\/\.\.\/outside\/evil" is not a language tag/,
    );
    expect(await listFiles(join(dir, "out"))).toEqual([]);
  });

  it("13 nested loops stop at once with a message, not after minutes and a gigabyte", async () => {
    const dir = await tempDir();
    const open = Array.from({ length: 13 }, () => "{{#each @root.pack.steps}}").join("");
    const close = Array.from({ length: 13 }, () => "{{/each}}").join("");
    await writeFile(join(dir, "letter.fr.md.hbs"), `# Lettre\n\n${open}x${close}\n`);
    refused(
      await run([...BASE, "--templates", dir, "--out", join(dir, "out")]),
      /letter\.fr\.md\.hbs: the template repeats its loops too often \(more than 20000 times\)/,
    );
  });

  it("a 4.4 MB template is refused for its size; a template of many pages for its pages", async () => {
    const dir = await tempDir();
    await writeFile(join(dir, "letter.fr.md.hbs"), "Madame, Monsieur, je vous écris.\n\n".repeat(140_000));
    refused(
      await run([...BASE, "--templates", dir, "--out", join(dir, "out")]),
      /letter\.fr\.md\.hbs: is too large \(4\.\d MB\); at most 128 KB is read/,
    );
    const pages = join(dir, "pages");
    await mkdir(pages);
    await writeFile(
      join(pages, "letter.fr.md.hbs"),
      "Madame, Monsieur, je vous écris une lettre très longue.\n\n".repeat(2_000),
    );
    refused(
      await run([...BASE, "--templates", pages, "--out", join(dir, "out")]),
      /the letter would have \d+ pages; at most 40 are made/,
    );
  });
});
