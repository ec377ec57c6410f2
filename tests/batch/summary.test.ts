import { readFile, rm, writeFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { csvCell, csvLine, SummaryWriter, type SummaryEntry } from "../../src/batch/summary.js";
import { isWriteError, openFolder } from "../../src/write/index.js";
import { listFiles, tempDir as makeTempDir } from "../support/cli.js";

const made: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await makeTempDir("sim-cancel-summary-");
  made.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const entry = (row: number, status: SummaryEntry["status"] = "ok"): SummaryEntry => ({
  row,
  name: `P${row}`,
  status,
  files: [],
  pages: 0,
  bytes: 0,
  problems: [],
});
const pending = (row: number): SummaryEntry => ({
  row,
  status: "pending",
  files: [],
  pages: 0,
  bytes: 0,
  problems: [],
});
const word = (problem: { code: string }) => problem.code;

describe("the summary file", () => {
  it("quotes CSV cells and keeps spreadsheet formulas from running", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell("two\nlines")).toBe("two lines");
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("--phone: this is required")).toBe("'--phone: this is required");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
    expect(
      csvLine({ row: 1, name: "P1", status: "ok", action: "kept", files: [], pages: 0, bytes: 0, errors: [] }),
    ).toBe("1,,P1,ok,kept,,0,0,,");
    const removed = ["0001-p1/sim-cancel-proxy-fr.pdf", "0001-p1/sim-cancel-letter-en.pdf"];
    expect(
      csvLine({ row: 1, status: "ok", action: "replaced", files: [], pages: 0, bytes: 0, errors: [], removed }),
    ).toBe("1,,,ok,replaced,,0,0,,0001-p1/sim-cancel-proxy-fr.pdf 0001-p1/sim-cancel-letter-en.pdf");
  });

  it("writes rows in row order however they finish, and only puts the file in place when complete", async () => {
    const dir = await tempDir();
    const folder = await openFolder(dir);
    const writer = new SummaryWriter(folder, "json", word);
    writer.add(entry(2));
    writer.add(entry(3, "invalid"));
    expect(writer.held).toBe(2);
    await expect(readFile(join(dir, "summary.json"))).rejects.toThrow();
    writer.add(entry(1));
    expect(writer.held).toBe(0);
    await writer.finish(3, pending, false);
    await folder.release();
    const rows = JSON.parse(await readFile(join(dir, "summary.json"), "utf8")) as SummaryEntry[];
    expect(rows.map((r) => [r.row, r.status])).toEqual([
      [1, "ok"],
      [2, "ok"],
      [3, "invalid"],
    ]);
    expect(await listFiles(dir)).toEqual([".sim-cancel.json", "summary.json"]);
  });

  it("lists the rows a stopped batch did not reach as pending", async () => {
    const dir = await tempDir();
    const folder = await openFolder(dir);
    const writer = new SummaryWriter(folder, "csv", word);
    writer.add(entry(1));
    writer.add(entry(3));
    await writer.finish(4, pending, false);
    await folder.release();
    const lines = (await readFile(join(dir, "summary.csv"), "utf8")).trim().split("\n");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 4).join(","))).toEqual([
      "1,,P1,ok",
      "2,,,pending",
      "3,,P3,ok",
      "4,,,pending",
    ]);
  });

  it("replaces an earlier summary of its own, but not one changed since (unless forced)", async () => {
    const dir = await tempDir();
    const write = async (force: boolean) => {
      const folder = await openFolder(dir);
      try {
        const writer = new SummaryWriter(folder, "csv", word);
        writer.add(entry(1));
        return await writer.finish(1, pending, force);
      } finally {
        await folder.release();
      }
    };
    await write(false);
    await write(false);
    await writeFile(join(dir, "summary.csv"), "my notes");
    expect(isWriteError(await write(false).catch((error: unknown) => error))).toBe(true);
    expect(await readFile(join(dir, "summary.csv"), "utf8")).toBe("my notes");
    expect(await listFiles(dir)).toEqual([".sim-cancel.json", "summary.csv"]);
    await write(true);
    expect(await readFile(join(dir, "summary.csv"), "utf8")).toMatch(/^row,line,name,status,action/);
  });
});
