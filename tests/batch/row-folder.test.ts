/**
 * A batch row's folder: written whole under a hidden name and renamed into place, with a manifest
 * whose key says what it was made from; the same row and options find it complete (the batch
 * keeps it), anything else finds it taken; with force its files are replaced in one transaction.
 */
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { cleanUpRowFolder, inspectRowFolder, rowKey, writeRowFolder } from "../../src/batch/row-folder.js";
import { WriteRefused } from "../../src/write/index.js";
import { documentNameTest } from "../../src/document-names.js";
import { listFiles, tempDir as makeTempDir } from "../support/cli.js";

/** No document names beyond the manifest's own (retireOwn): what these tests are about. */
const NO_DOCUMENTS = documentNameTest([]);

const made: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await makeTempDir("sim-cancel-row-");
  made.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

const files = (who: string) => [
  {
    fileName: "sim-cancel-checklist-fr.pdf",
    bytes: new TextEncoder().encode(`%PDF checklist ${who}`),
    info: { kind: "checklist", lang: "fr", pages: 2 },
  },
  {
    fileName: "sim-cancel-letter-fr.pdf",
    bytes: new TextEncoder().encode(`%PDF letter ${who}`),
    info: { kind: "letter", lang: "fr", pages: 1 },
  },
];
const input = { name: "Léa MARTIN", phone: "76 12 34" };
const options = { lang: "fr", today: "2026-11-24" };

describe("rowKey", () => {
  it("is the same for the same row and options, whatever the key order, and differs otherwise", () => {
    const key = rowKey(input, options);
    expect(rowKey({ phone: "76 12 34", name: "Léa MARTIN" }, { today: "2026-11-24", lang: "fr" })).toBe(key);
    expect(rowKey({ ...input, phone: "76 12 35" }, options)).not.toBe(key);
    expect(rowKey(input, { ...options, lang: "en" })).not.toBe(key);
    expect(rowKey(input, { ...options, paper: "letter" })).not.toBe(key);
    expect(rowKey(input, { ...options, timestamp: new Date(0) })).not.toBe(key);
  });

  it("counts today's date only for a row without its own letter date", () => {
    expect(rowKey(input, options)).not.toBe(rowKey(input, { ...options, today: "2026-11-25" }));
    const dated = { ...input, date: "2026-11-20" };
    expect(rowKey(dated, options)).toBe(rowKey(dated, { ...options, today: "2026-11-25" }));
  });
});

describe("writeRowFolder", () => {
  it("writes the folder whole, with a manifest the same row finds complete", async () => {
    const out = await tempDir();
    const key = rowKey(input, options);
    await writeRowFolder(out, "0001-lea-martin", files("A"), key, false, NO_DOCUMENTS);
    expect(await listFiles(out)).toEqual(["0001-lea-martin"]);
    expect(await listFiles(join(out, "0001-lea-martin"))).toEqual([
      ".sim-cancel.json",
      "sim-cancel-checklist-fr.pdf",
      "sim-cancel-letter-fr.pdf",
    ]);
    const state = await inspectRowFolder(join(out, "0001-lea-martin"), key);
    expect(state.state).toBe("complete");
    expect(state.state === "complete" && state.manifest.files.map((f) => f.info)).toEqual([
      { kind: "checklist", lang: "fr", pages: 2 },
      { kind: "letter", lang: "fr", pages: 1 },
    ]);
    expect(
      (await inspectRowFolder(join(out, "0001-lea-martin"), rowKey({ ...input, phone: "77 00 00" }, options))).state,
    ).toBe("other");
  });

  it("refuses a folder that holds anything, touching nothing, unless replacing", async () => {
    const out = await tempDir();
    const dir = join(out, "0001-lea-martin");
    await mkdir(dir);
    await writeFile(join(dir, "sim-cancel-letter-fr.pdf"), "keep me");
    await expect(writeRowFolder(out, "0001-lea-martin", files("A"), "k", false, NO_DOCUMENTS)).rejects.toBeInstanceOf(
      WriteRefused,
    );
    expect(await listFiles(out)).toEqual(["0001-lea-martin"]);
    expect(await listFiles(dir)).toEqual(["sim-cancel-letter-fr.pdf"]);
    expect(await readFile(join(dir, "sim-cancel-letter-fr.pdf"), "utf8")).toBe("keep me");

    const result = await writeRowFolder(out, "0001-lea-martin", files("A"), "k", true, NO_DOCUMENTS);
    expect(result.files.map((f) => f.status)).toEqual(["written", "replaced"]);
    expect(await readFile(join(dir, "sim-cancel-letter-fr.pdf"), "utf8")).toBe("%PDF letter A");
    expect((await inspectRowFolder(dir, "k")).state).toBe("complete");
  });

  it("replacing, removes the earlier set's files the new set lacks (a proxy letter), not the user's", async () => {
    const out = await tempDir();
    const dir = join(out, "0001");
    const proxy = { fileName: "sim-cancel-proxy-fr.pdf", bytes: new TextEncoder().encode("%PDF proxy"), info: {} };
    await writeRowFolder(out, "0001", [...files("A"), proxy], "with-proxy", false, NO_DOCUMENTS);
    await writeFile(join(dir, "notes.txt"), "mine");
    await writeRowFolder(out, "0001", files("B"), "without-proxy", true, NO_DOCUMENTS);
    expect(await listFiles(dir)).toEqual([
      ".sim-cancel.json",
      "notes.txt",
      "sim-cancel-checklist-fr.pdf",
      "sim-cancel-letter-fr.pdf",
    ]);
  });

  it("replacing, removes the earlier procuration even when it was changed since (signed, say), and a document of the pack not in the manifest, never a file of the person's", async () => {
    const out = await tempDir();
    const dir = join(out, "0001");
    const proxy = { fileName: "sim-cancel-proxy-fr.pdf", bytes: new TextEncoder().encode("%PDF proxy"), info: {} };
    await writeRowFolder(out, "0001", [...files("A"), proxy], "with-proxy", false, NO_DOCUMENTS);
    await writeFile(join(dir, "sim-cancel-proxy-fr.pdf"), "%PDF proxy, signed");
    await writeFile(join(dir, "sim-cancel-letter-en.pdf"), "%PDF copied in by hand");
    await writeFile(join(dir, "notes.txt"), "mine");
    expect((await inspectRowFolder(dir, "without-proxy")).state).toBe("other");
    await writeFile(join(dir, "sim-cancel-letter-fr-signed.pdf"), "the person's own scan");
    const written = await writeRowFolder(
      out,
      "0001",
      files("B"),
      "without-proxy",
      true,
      documentNameTest(["fr", "en"]),
    );
    expect(written.retired).toEqual(["sim-cancel-letter-en.pdf", "sim-cancel-proxy-fr.pdf"]);
    expect(await listFiles(dir)).toEqual([
      ".sim-cancel.json",
      "notes.txt",
      "sim-cancel-checklist-fr.pdf",
      "sim-cancel-letter-fr-signed.pdf",
      "sim-cancel-letter-fr.pdf",
    ]);
    expect((await inspectRowFolder(dir, "without-proxy")).state).toBe("complete");
  });
});

describe("cleanUpRowFolder", () => {
  it("removes the row's hidden half-filled folders, and nothing else", async () => {
    const out = await tempDir();
    await mkdir(join(out, ".0001-lea-martin.123-0badc0de.partial"));
    await writeFile(join(out, ".0001-lea-martin.123-0badc0de.partial", "sim-cancel-checklist-fr.pdf"), "cut short");
    await mkdir(join(out, ".0002.123-0badc0de.partial"));
    await mkdir(join(out, "0001-lea-martin-x"));
    await cleanUpRowFolder(out, "0001-lea-martin", false);
    expect(await listFiles(out)).toEqual([".0002.123-0badc0de.partial", "0001-lea-martin-x"]);
  });

  it("does nothing when there is nothing to clean, and never creates the row's folder", async () => {
    const out = await tempDir();
    await expect(cleanUpRowFolder(out, "0002", true)).resolves.toBeUndefined();
    expect(await listFiles(out)).toEqual([]);
  });
});
