/**
 * A batch row's folder is complete or absent: filled under a hidden name and renamed into place;
 * what an interrupted write leaves is removed.
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanUpRowFolder, partialFolder, writeRowFolder } from "../../src/batch/row-folder.js";
import { temporaryFileName } from "../../src/cli/write.js";
import { listFiles, tempDir } from "../support/cli.js";

const files = [
  { fileName: "sim-cancel-checklist-fr.pdf", bytes: new TextEncoder().encode("%PDF checklist") },
  { fileName: "sim-cancel-letter-fr.pdf", bytes: new TextEncoder().encode("%PDF letter") },
];

describe("writeRowFolder", () => {
  it("writes the folder whole and leaves no hidden folder behind", async () => {
    const out = await tempDir("sim-cancel-row-");
    const dir = join(out, "0001-lea-martin");
    await writeRowFolder(dir, files, false);
    expect(await listFiles(out)).toEqual(["0001-lea-martin"]);
    expect(await listFiles(dir)).toEqual(["sim-cancel-checklist-fr.pdf", "sim-cancel-letter-fr.pdf"]);
    expect(await readFile(join(dir, "sim-cancel-letter-fr.pdf"), "utf8")).toBe("%PDF letter");
  });

  it("replaces what an interrupted earlier write left in the hidden folder", async () => {
    const out = await tempDir("sim-cancel-row-");
    const dir = join(out, "0001-lea-martin");
    await mkdir(partialFolder(dir));
    await writeFile(join(partialFolder(dir), "sim-cancel-checklist-fr.pdf"), "cut short");
    await writeRowFolder(dir, files, false);
    expect(await listFiles(out)).toEqual(["0001-lea-martin"]);
    expect(await readFile(join(dir, "sim-cancel-checklist-fr.pdf"), "utf8")).toBe("%PDF checklist");
  });

  it("refuses a folder that exists, touching nothing, unless forced", async () => {
    const out = await tempDir("sim-cancel-row-");
    const dir = join(out, "0001-lea-martin");
    await mkdir(dir);
    await writeFile(join(dir, "sim-cancel-letter-fr.pdf"), "keep me");
    await expect(writeRowFolder(dir, files, false)).rejects.toThrow(/0001-lea-martin already exists; nothing was written\. Use --force/);
    expect(await listFiles(out)).toEqual(["0001-lea-martin"]);
    expect(await listFiles(dir)).toEqual(["sim-cancel-letter-fr.pdf"]);
    expect(await readFile(join(dir, "sim-cancel-letter-fr.pdf"), "utf8")).toBe("keep me");

    await writeRowFolder(dir, files, true);
    expect(await listFiles(dir)).toEqual(["sim-cancel-checklist-fr.pdf", "sim-cancel-letter-fr.pdf"]);
    expect(await readFile(join(dir, "sim-cancel-letter-fr.pdf"), "utf8")).toBe("%PDF letter");
  });
});

describe("cleanUpRowFolder", () => {
  it("removes the hidden folder and this process's temporary files, and nothing else", async () => {
    const out = await tempDir("sim-cancel-row-");
    const dir = join(out, "0001-lea-martin");
    await mkdir(partialFolder(dir));
    await writeFile(join(partialFolder(dir), "sim-cancel-checklist-fr.pdf"), "cut short");
    await mkdir(dir);
    await writeFile(join(dir, temporaryFileName("sim-cancel-letter-fr.pdf")), "cut short");
    await writeFile(join(dir, "sim-cancel-checklist-fr.pdf"), "an earlier, complete file");
    await writeFile(join(dir, ".notes.txt"), "the user's own");
    await cleanUpRowFolder(dir);
    expect(await listFiles(out)).toEqual(["0001-lea-martin"]);
    expect(await listFiles(dir)).toEqual([".notes.txt", "sim-cancel-checklist-fr.pdf"]);
  });

  it("does nothing when there is nothing to clean", async () => {
    const out = await tempDir("sim-cancel-row-");
    await expect(cleanUpRowFolder(join(out, "0002"))).resolves.toBeUndefined();
    expect(await listFiles(out)).toEqual([]);
  });
});
