/**
 * Batches killed half-way (SIGKILL: no chance to clean up), from outside or at a step of writing
 * a row's folder or the summary, then run again with the same command: the second run keeps the
 * rows the first finished, makes the others, and the output folder ends with every row's folder
 * whole, the summary complete, and nothing of the writer's own left. With --force over another
 * batch's folders, no row folder ever mixes the two batches' files.
 */
import { execFileSync, spawn } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI, ROOT } from "../support/cli.js";
import { cli, entries, leftovers, removeTempDirs, tempDir } from "./support.js";

afterAll(removeTempDirs);

const ROWS = 12;
const FILES = [".sim-cancel.json", "sim-cancel-checklist-en.pdf", "sim-cancel-letter-fr.pdf"];

async function people(rows = ROWS): Promise<string> {
  const file = join(await tempDir(), "people.csv");
  await writeFile(
    file,
    `name,phone,date\n${Array.from({ length: rows }, (_, i) => `Person ${i + 1},7${i % 10} ${String(i % 100).padStart(2, "0")} 34,2026-11-24`).join("\n")}\n`,
  );
  return file;
}

const batch = (input: string, out: string, more: string[] = [], env: Record<string, string> = {}) =>
  cli(["batch", input, "--out", out, "--lang", "en", "--json", ...more], env);

/** Whole row folders only (and, unless a killed run's are expected, nothing of the writer's own left). */
async function expectWholeFolders(out: string, rows: number, killed = false): Promise<string[]> {
  if (!killed) expect(await leftovers(out, [".sim-cancel.json"])).toEqual([]);
  const folders = (await entries(out)).filter((e) => /^\d{4}-/.test(e));
  for (const folder of folders) expect(await entries(join(out, folder))).toEqual(FILES);
  expect(folders.length).toBeLessThanOrEqual(rows);
  return folders;
}

/** The same command again: every row done, those already whole kept. */
async function expectResumed(input: string, out: string, more: string[] = [], rows = ROWS): Promise<void> {
  // A forced run killed while replacing a folder's files leaves that folder mid-transaction
  // until it is next opened; otherwise every folder is whole already.
  const before = more.includes("--force") ? [] : await expectWholeFolders(out, rows, true);
  const again = await batch(input, out, more);
  expect(again.code).toBe(0);
  const printed = JSON.parse(again.stdout) as { done: number; kept: number; rendered: number };
  expect(printed.done).toBe(rows);
  if (!more.includes("--force")) expect(printed.kept).toBe(before.length);
  expect(await expectWholeFolders(out, rows)).toHaveLength(rows);
  const summary = (await readFile(join(out, "summary.csv"), "utf8")).trim().split("\n").slice(1);
  expect(summary.map((line) => line.split(",")[3])).toEqual(Array(rows).fill("ok"));
}

describe("a batch killed at a step of writing, then run again", () => {
  const at = [
    // A worker filling a row's hidden folder, writing the letter, renaming the folder into place.
    "folder.fill",
    "folder.write sim-cancel-letter",
    "folder.rename",
    // The main thread putting the summary in place.
    "journal",
    "link summary.csv",
    "commit",
    "cleanup.journal",
  ];
  it.each(at)("killed at %s: the second run finishes the work", async (step) => {
    const input = await people();
    const out = join(await tempDir(), "out");
    const killed = await batch(input, out, [], { SIM_CANCEL_WRITE_FAULT: `kill@${step}` });
    // Killed: the first process ends as its child did (SIGKILL, 128 + 9).
    expect(killed.code).toBe(137);
    await expectResumed(input, out);
  });

  it("killed from outside after some rows: the second run keeps them and makes the rest", async () => {
    const input = await people(120);
    const out = join(await tempDir(), "out");
    const first = spawn(process.execPath, [CLI, "batch", input, "--out", out, "--lang", "en"], {
      cwd: ROOT,
      stdio: ["ignore", "ignore", "pipe"],
    });
    const exited = new Promise((resolve) => first.on("exit", resolve));
    await new Promise<void>((resolve) => {
      let seen = "";
      first.stderr.on("data", (chunk: Buffer) => {
        seen += chunk.toString();
        if (/rendered (1[2-9]|[2-9]\d)\//.test(seen)) resolve();
      });
    });
    // The process that renders is the second one (batch-rerun.cts): kill it, as the OOM killer would.
    const child = execFileSync("ps", ["-o", "pid=", "--ppid", String(first.pid)], { encoding: "utf8" }).trim();
    process.kill(Number(child), "SIGKILL");
    await exited;
    await expectResumed(input, out, [], 120);
  });
});

describe("a forced batch over another batch's folders, killed half-way", () => {
  it.each(["aside sim-cancel-letter", "link sim-cancel-letter", "commit", "cleanup.aside"])(
    "killed at %s: no row folder mixes the two batches",
    async (step) => {
      const input = await people();
      const out = join(await tempDir(), "out");
      expect((await batch(input, out)).code).toBe(0);
      // Another paper size: every row's documents differ, so --force replaces every folder.
      const killed = await batch(input, out, ["--force", "--paper", "letter"], {
        SIM_CANCEL_WRITE_FAULT: `kill@${step}`,
      });
      expect(killed.code).toBe(137);
      // Each row folder left is whole: the first batch's or the second's (an unfinished
      // replacement is undone when its folder is next opened, here by the second run).
      await expectResumed(input, out, ["--force", "--paper", "letter"]);
      const again = await batch(input, out, ["--paper", "letter"]);
      expect(JSON.parse(again.stdout)).toMatchObject({ done: ROWS, kept: ROWS });
    },
  );
});
