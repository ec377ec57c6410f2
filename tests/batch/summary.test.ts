import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { csvCell, SummaryWriter, type SummaryEntry } from "../../src/batch/summary.js";

const entry = (row: number, status: SummaryEntry["status"] = "ok"): SummaryEntry => ({ row, name: `P${row}`, status, files: [], pages: 0, bytes: 0, problems: [] });

describe("the summary file", () => {
  it("quotes CSV cells and keeps spreadsheet formulas from running", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell("two\nlines")).toBe("two lines");
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("--phone: this is required")).toBe("'--phone: this is required");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(42)).toBe("42");
  });

  it("writes rows in row order however they finish, and only puts the file in place when complete", async () => {
    const dir = await mkdtemp(join(tmpdir(), "sim-cancel-summary-"));
    const writer = new SummaryWriter(dir, "json", (problem) => problem.code);
    writer.add(entry(2));
    writer.add(entry(3, "invalid"));
    expect(writer.held).toBe(2);
    await expect(readFile(join(dir, "summary.json"))).rejects.toThrow();
    writer.add(entry(1));
    expect(writer.held).toBe(0);
    await writer.finish();
    const rows = JSON.parse(await readFile(join(dir, "summary.json"), "utf8")) as SummaryEntry[];
    expect(rows.map((r) => [r.row, r.status])).toEqual([[1, "ok"], [2, "ok"], [3, "invalid"]]);
  });
});
