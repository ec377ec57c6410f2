import { execFileSync } from "node:child_process";
import { createWriteStream } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { readRows, type SourceRow } from "../../src/batch/rows.js";
import { checkRows } from "../../src/batch/check.js";
import { InputError } from "../../src/generate.js";
import type { Problem } from "../../src/problems.js";
import { formatProblem } from "../../src/messages/format.js";
import { BATCH_CLI_LABELS } from "../../src/cli/labels.js";

/** A problem as the batch shows it on the terminal. */
const words = (problem: Problem, lang = "en") => formatProblem(problem, lang, BATCH_CLI_LABELS);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "sim-cancel-rows-"));
});

async function file(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function all(path: string): Promise<SourceRow[]> {
  const rows: SourceRow[] = [];
  for await (const row of readRows(path)) rows.push(row);
  return rows;
}

async function inputError(promise: Promise<unknown>): Promise<string[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return (error as InputError).problems.map((p) => words(p));
}

describe("CSV rows", () => {
  it("maps camelCase and kebab-case headers, treats empty cells as absent and numbers rows and lines", async () => {
    const path = await file(
      "a.csv",
      "\uFEFFname,phone,customer-number,effectiveDate,address\r\n" +
        'Xiaoming WANG,76 12 34,,2026-12-31,"12 rue des Fictifs\r\n98800 NOUMÉA"\r\n' +
        "\r\n" +
        ",,,,\r\n" +
        '王小明,"77 23 45",C-1,,\r\n',
    );
    const rows = await all(path);
    expect(rows).toEqual([
      {
        row: 1,
        line: 2,
        input: {
          name: "Xiaoming WANG",
          phone: "76 12 34",
          effectiveDate: "2026-12-31",
          address: "12 rue des Fictifs\r\n98800 NOUMÉA",
        },
        problems: [],
      },
      { row: 2, line: 6, input: { name: "王小明", phone: "77 23 45", customerNumber: "C-1" }, problems: [] },
    ]);
  });

  it("rejects unknown and repeated columns, naming each", async () => {
    const problems = await inputError(
      all(await file("b.csv", "name,phone,Telefon,customerNumber,customer-number\nA,76 12 34,,,\n")),
    );
    expect(problems.join("\n")).toMatch(/column 3 "Telefon" is not a field/);
    expect(problems.join("\n")).toMatch(/columns 4 and 5 are both "customerNumber"/);
  });

  it("reports a row with more cells than the header as that row's problem", async () => {
    const rows = await all(await file("c.csv", "name,phone\nA,76 12 34\nB, rue X, 98800\nC,77 23 45\n"));
    expect(rows.map((r) => [r.row, r.line, r.problems.length])).toEqual([
      [1, 2, 0],
      [2, 3, 1],
      [3, 4, 0],
    ]);
    expect(words(rows[1]!.problems[0]!)).toMatch(/^row 2 \(line 3\): has 3 cells but the header has 2 columns/);
  });

  it("reports broken quoting as bad input with its line", async () => {
    const problems = await inputError(all(await file("d.csv", 'name,phone\nA,76 12 34\nB,"77 23 45\n')));
    expect(problems[0]).toMatch(/line \d+: not valid CSV/);
  });

  it("rejects an empty file and an unknown extension", async () => {
    expect((await inputError(all(await file("e.csv", ""))))[0]).toMatch(/empty/);
    expect(() => readRows(join(dir, "people.xlsx"))).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ code: "batch.unknownFormat" })] }),
    );
    expect((await inputError(all(join(dir, "missing.csv"))))[0]).toMatch(/missing\.csv: does not exist/);
  });
});

describe("JSON and JSON Lines rows", () => {
  it("reads a JSON array element by element, with the line each starts on", async () => {
    const path = await file(
      "a.json",
      '[\n  {"name": "A", "phone": "76 12 34"},\n  {\n    "name": "B",\n    "proxy-name": "C", "phone": 771234\n  },\n  {"name": "D",, "phone": "1"},\n  ["x"],\n  {"nmae": "E", "name": "E", "customerNumber": "1", "customer-number": "2"}\n]\n',
    );
    const rows = await all(path);
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 3],
      [3, 7],
      [4, 8],
      [5, 9],
    ]);
    expect(rows[0]!.input).toEqual({ name: "A", phone: "76 12 34" });
    expect(rows[1]!.input).toEqual({ name: "B", proxyName: "C", phone: 771234 });
    expect(rows[2]!.input).toBeUndefined();
    expect(words(rows[2]!.problems[0]!)).toMatch(/^row 3 \(line 7\): not valid JSON/);
    expect(words(rows[3]!.problems[0]!)).toMatch(/must be an object/);
    expect(rows[4]!.problems.map((p) => words(p)).join("\n")).toMatch(/unknown field "nmae"; did you mean "name"/);
    expect(rows[4]!.problems.map((p) => words(p)).join("\n")).toMatch(/"customer-number" repeats "customerNumber"/);
  });

  it("refuses a file that is not one array", async () => {
    expect((await inputError(all(await file("b.json", '{"name": "A"}'))))[0]).toMatch(/expected "\["/);
    expect((await inputError(all(await file("c.json", '[{"name": "A"}'))))[0]).toMatch(/not closed/);
    expect((await inputError(all(await file("d.json", '[{"name": "A"}] x'))))[0]).toMatch(/after the closing/);
    expect(await all(await file("e.json", " [ ] "))).toEqual([]);
  });

  it("reads JSON Lines, skipping blank lines, one row per object", async () => {
    const rows = await all(
      await file("a.jsonl", '{"name": "A"}\n\n{"name": "B",}\n{"name": "C", "plan": "prepaid"}\n'),
    );
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 1],
      [2, 3],
      [3, 4],
    ]);
    expect(words(rows[1]!.problems[0]!, "fr")).toMatch(/^ligne de données 2 \(ligne 3 du fichier\): JSON non valide/);
    expect(rows[2]!.input).toEqual({ name: "C", plan: "prepaid" });
  });
});

describe("the validation pass", () => {
  it("keeps only the counts and every invalid row's problems, worded in any language", async () => {
    const path = await file(
      "v.csv",
      "name,phone,plan\nA,76 12 34,prepaid\nB,,prepaid\nC,77 23 45,monthly\nD,78 34 56,\n",
    );
    const result = await checkRows(path, { today: "2026-11-24" });
    expect(result.rows).toBe(4);
    expect(result.valid).toBe(2);
    expect(result.invalid.map((r) => [r.row, r.line, r.name])).toEqual([
      [2, 3, "B"],
      [3, 4, "C"],
    ]);
    expect(words(result.invalid[0]!.problems[0]!)).toMatch(
      /^row 2 \(line 3\): phone: this is required. Expected: .* e\.g\. "76 12 34"/,
    );
    expect(words(result.invalid[1]!.problems[0]!, "zh-Hans")).toMatch(
      /^第 3 行数据（文件第 4 行）: plan: 不是可接受的值/,
    );
  });
});

describe("streaming", () => {
  const ROWS = 5000;
  const line = (i: number) =>
    `Person ${i},7${i % 9} ${String(i % 100).padStart(2, "0")} 00,"${i} rue X\n98800 Nouméa",postpaid\n`;

  /** A named pipe: the reader must hand out rows while the writer is still writing. */
  async function fifo(name: string): Promise<string> {
    const path = join(dir, name);
    execFileSync("mkfifo", [path]);
    return path;
  }

  it("hands out the first rows of a 5,000-row CSV before the rest is written, and counts them all", async () => {
    const path = await fifo("stream.csv");
    const writer = createWriteStream(path);
    writer.write("name,phone,address,plan\n");
    for (let i = 1; i <= 100; i++) writer.write(line(i));
    let count = 0;
    let writtenWhenFirstSeen = -1;
    let written = 100;
    for await (const row of readRows(path)) {
      count++;
      expect(row.row).toBe(count);
      if (count === 1) {
        writtenWhenFirstSeen = written;
        // Only now write the rest, in small pieces: the reader has to keep up with the pipe.
        void (async () => {
          for (let i = 101; i <= ROWS; i++) {
            written = i;
            if (!writer.write(line(i))) await new Promise<void>((r) => writer.once("drain", () => r()));
          }
          writer.end();
        })();
      }
    }
    expect(writtenWhenFirstSeen).toBe(100);
    expect(count).toBe(ROWS);
  });

  it("hands out the first elements of a JSON array before the rest is written", async () => {
    const path = await fifo("stream.json");
    const writer = createWriteStream(path);
    writer.write('[{"name": "Person 1", "phone": "76 12 34"}');
    let count = 0;
    for await (const row of readRows(path)) {
      count++;
      expect(row.problems).toEqual([]);
      if (count === 1) {
        void (async () => {
          for (let i = 2; i <= ROWS; i++) {
            if (!writer.write(`,\n{"name": "Person ${i}", "address": "${i} rue X\\n98800"}`))
              await new Promise<void>((r) => writer.once("drain", () => r()));
          }
          writer.end("]\n");
        })();
      }
    }
    expect(count).toBe(ROWS);
  });
});
