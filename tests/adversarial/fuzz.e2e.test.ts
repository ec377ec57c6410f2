/**
 * Random bytes and random YAML thrown at the details loader and the batch readers: every case ends
 * in data or problems (never another error, never a hang), and through the real command line in
 * exit 0 or 2 with nothing raw on the terminal.
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseDetailsText, validateDetails } from "../../src/details/index.js";
import { readRows } from "../../src/batch/rows.js";
import { InputError } from "../../src/errors.js";
import { formatProblem } from "../../src/messages/format.js";
import { BATCH_CLI_LABELS, CLI_LABELS } from "../../src/cli/labels.js";
import { CLI, tempDir } from "../support/cli.js";

const RUNS = Number(process.env["FUZZ_RUNS"] ?? 1500);
const CLI_RUNS = Number(process.env["FUZZ_CLI_RUNS"] ?? 40);
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** Pieces YAML is made of, including its dangerous ones: anchors, aliases, tags, flow and block nesting. */
const yamlToken = fc.oneof(
  fc.constantFrom("name", "phone", "address", "plan", "reason", "nmae", "__proto__", "constructor", "toString", "x"),
  fc.constantFrom(
    ": ",
    ":",
    "\n",
    "  ",
    "- ",
    "[",
    "]",
    "{",
    "}",
    ", ",
    "&a ",
    "*a",
    "&b ",
    "*b",
    "<<: *a",
    "!!str ",
    "!!binary ",
    "!!js/function ",
    "!!map",
    "? ",
    "|",
    ">",
    "#",
    "'",
    '"',
    "---",
    "...",
    "%YAML 1.2\n",
  ),
  fc.constantFrom(
    "76 12 34",
    "+687761234",
    "0042137",
    "2026-11-24",
    "true",
    "null",
    "~",
    "1e400",
    "0x1F",
    "Xiaoming WANG",
    "王小明",
    "\u202e",
    "\u001b[2J",
    "\u0000",
    "\ufffd",
  ),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);
const randomYaml = fc.array(yamlToken, { maxLength: 60 }).map((tokens) => tokens.join(""));
const randomBytes = fc.uint8Array({ maxLength: 400 }).map((bytes) => new TextDecoder("utf-8").decode(bytes));
const anyText = fc.oneof(randomYaml, randomBytes, fc.json(), fc.string({ unit: "binary", maxLength: 200 }));

/** Throws if a problem's words hold a raw control or direction character. */
function wordsAreSafe(problems: readonly Parameters<typeof formatProblem>[0][]): void {
  for (const problem of problems) {
    expect(formatProblem(problem, "en", CLI_LABELS)).not.toMatch(RAW);
    expect(formatProblem(problem, "zh-Hans", BATCH_CLI_LABELS)).not.toMatch(RAW);
  }
}

describe("the details loader on random text", () => {
  it(`returns details or problems, never throws (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(anyText, fc.constantFrom("details.yaml", "me.json", "standard input"), (text, source) => {
        const result = parseDetailsText(text, source);
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          wordsAreSafe(result.problems);
          return;
        }
        // Whatever was read, validation judges it without throwing.
        const validated = validateDetails(result.input, { today: "2026-11-24" });
        if (!validated.ok) wordsAreSafe(validated.problems);
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe("the batch readers on random files", () => {
  it(`yield rows or refuse the file as bad input, never another error (${Math.round(RUNS / 5)} cases per format)`, async () => {
    const dir = await tempDir();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(anyText, fc.constantFrom("csv", "json", "jsonl"), async (text, format) => {
        const file = join(dir, `r${n++}.${format}`);
        await writeFile(file, text);
        try {
          for await (const row of readRows(file)) wordsAreSafe(row.problems);
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          wordsAreSafe((error as InputError).problems);
        }
      }),
      { numRuns: Math.round(RUNS / 5) * 3 },
    );
  }, 180_000);
});

describe("the command line on random details files", () => {
  it(`exits 0 or 2 within its time cap, with nothing raw on the terminal (${CLI_RUNS} runs)`, async () => {
    const dir = await tempDir();
    const samples = fc.sample(anyText, { numRuns: CLI_RUNS, seed: 20261130 });
    for (const [i, text] of samples.entries()) {
      const file = join(dir, `d${i}.yaml`);
      await writeFile(file, text);
      const result = await new Promise<{ code: number | null; stderr: string; stdout: string }>((resolve) => {
        execFile(
          process.execPath,
          [
            "--max-old-space-size=200",
            CLI,
            "--details",
            file,
            "--no-input",
            "--lang",
            "en",
            "--date",
            "2026-11-24",
            "--out",
            join(dir, `out${i}`),
          ],
          { timeout: 30_000, killSignal: "SIGKILL" },
          (error, stdout, stderr) =>
            resolve({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stderr, stdout }),
        );
      });
      expect([0, 2], `case ${i}: ${JSON.stringify(text)}\n${result.stderr}`).toContain(result.code);
      expect(result.stderr).not.toMatch(RAW);
      expect(result.stdout).not.toMatch(RAW);
    }
  }, 600_000);
});
