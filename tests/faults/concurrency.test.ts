/**
 * Runs started together into one folder, as two users (or two scripts) would: without --force
 * exactly one wins an empty folder, the other fails and claims no file; with --force the folder
 * always ends with one person's whole set, never one person's checklist beside another's letter.
 * 50 tries each with the writer in separate processes, and a few with the real CLI.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPdf } from "../support/pdf.js";
import { cli, driver, entries, leftovers, ownerOfSet, removeTempDirs, tempDir, type Run } from "./support.js";

afterAll(removeTempDirs);

const TRIES = 50;

/** The files a run says it wrote, each checked to hold that run's content. */
async function expectOwnFiles(run: Run, who: string): Promise<void> {
  expect(run.json?.ok).toBe(true);
  for (const file of run.json!.files!)
    expect(await readFile(file.path, "utf8")).toMatch(new RegExp(`^\\S+ of ${who}\\n`));
}

describe(`${TRIES} pairs of writers into one empty folder`, () => {
  it("without force: one wins with its whole set, the other fails and claims nothing", async () => {
    for (let i = 0; i < TRIES; i++) {
      const dir = await tempDir();
      const runs = await Promise.all(["A", "B", "C"].map((who) => driver(["write", dir, who])));
      const winners = runs.flatMap((run, k) => (run.code === 0 ? ["ABC"[k]!] : []));
      expect(winners).toHaveLength(1);
      const winner = winners[0]!;
      await expectOwnFiles(runs["ABC".indexOf(winner)]!, winner);
      for (const [k, run] of runs.entries()) {
        if ("ABC"[k] === winner) continue;
        // Refused because the winner's files exist (exit 2), or the winner held the lock too long (exit 1).
        expect([1, 2]).toContain(run.code);
        expect(run.json?.ok).toBe(false);
        expect(run.json?.files).toBeUndefined();
        expect(run.json?.problems?.every((p) => p.code === "write.exists" || p.code === "write.locked")).toBe(true);
      }
      expect(await ownerOfSet(dir)).toBe(winner);
      expect(await entries(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    }
  });

  it("with force: every run succeeds in turn, and the folder holds one whole set", async () => {
    for (let i = 0; i < TRIES; i++) {
      const dir = await tempDir();
      if (i % 2 === 1) expect((await driver(["write", dir, "Z"])).code).toBe(0);
      const runs = await Promise.all(["A", "B", "C"].map((who) => driver(["write", dir, who, "--force"])));
      for (const run of runs) expect(run.code).toBe(0);
      const owner = await ownerOfSet(dir);
      expect(["A", "B", "C"]).toContain(owner);
      expect(await leftovers(dir)).toEqual([]);
      expect(await entries(dir)).toEqual(["checklist.pdf", "letter.pdf"]);
    }
  });
});

describe("two sim-cancel generate runs into one folder", () => {
  const args = (out: string, name: string, ...more: string[]) => [
    "--sample",
    "--lang",
    "en",
    "--out",
    out,
    "--name",
    name,
    "--json",
    ...more,
  ];
  /** Whose name each PDF of the folder carries. */
  const owners = async (out: string) =>
    Promise.all(
      ["sim-cancel-checklist-en.pdf", "sim-cancel-letter-fr.pdf"].map(async (name) => {
        const text = (await readPdf(await readFile(join(out, name)))).text;
        return ["Alice ANCIEN", "Bruno NOUVEAU"].filter((person) => text.includes(person));
      }),
    );

  it("without --force: one exits 0 with its own files, the other exits 2 and claims none", async () => {
    for (let i = 0; i < 5; i++) {
      const out = await tempDir();
      const runs = await Promise.all([cli(args(out, "Alice ANCIEN")), cli(args(out, "Bruno NOUVEAU"))]);
      expect(runs.map((r) => r.code).sort()).toEqual([0, 2]);
      const winner = runs[0]!.code === 0 ? "Alice ANCIEN" : "Bruno NOUVEAU";
      const loser = runs.find((r) => r.code !== 0)!;
      expect(loser.json).toMatchObject({ ok: false });
      expect(loser.json?.files).toBeUndefined();
      expect(await owners(out)).toEqual([[winner], [winner]]);
    }
  });

  it("with --force: both exit 0 and the folder holds one person's whole set", async () => {
    for (let i = 0; i < 5; i++) {
      const out = await tempDir();
      const runs = await Promise.all([
        cli(args(out, "Alice ANCIEN", "--force")),
        cli(args(out, "Bruno NOUVEAU", "--force")),
      ]);
      expect(runs.map((r) => r.code)).toEqual([0, 0]);
      const [checklist, letter] = await owners(out);
      expect(checklist).toHaveLength(1);
      expect(letter).toEqual(checklist);
      expect(await entries(out)).toEqual(["sim-cancel-checklist-en.pdf", "sim-cancel-letter-fr.pdf"]);
    }
  });
});
