/**
 * End to end: the real, built command line (`sim-cancel batch`) on small files, and a real PDF
 * parser on what it writes. Build first (npm test does).
 */
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI, listFiles, ROOT, tempDir as makeTempDir } from "../support/cli.js";
import { flat, readPdf } from "../support/pdf.js";

const made: string[] = [];
async function tempDir(prefix: string): Promise<string> {
  const dir = await makeTempDir(prefix);
  made.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

function batch(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, "batch", ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** A summary.csv's cells, for the simple cells these tests look at (no quotes inside). */
function summaryRows(text: string): Record<string, string>[] {
  const [header, ...lines] = text.trim().split("\n");
  const names = header!.split(",");
  return lines.map((line) => {
    const cells = line
      .match(/("([^"]|"")*"|[^,]*)(,|$)/g)!
      .map((c) => c.replace(/,$/, "").replace(/^"|"$/g, "").replace(/""/g, '"'));
    return Object.fromEntries(names.map((n, i) => [n, cells[i] ?? ""]));
  });
}

const squash = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, "");

// Six people, fictional: four good (one with a two-line quoted address, one with a Chinese-only
// name), then one without a phone and one with a plan that does not exist.
const CSV =
  "name,phone,plan,address,customer-number,effectiveDate,date\n" +
  'Xiaoming WANG,76 12 34,postpaid,"12 rue des Fictifs\n98800 NOUMÉA",C-0042137,2026-12-31,2026-11-24\n' +
  "王小明,77 23 45,prepaid,,,,2026-11-24\n" +
  "Zoé N'Guyen,+687 78 34 56,postpaid,,,,2026-11-24\n" +
  "../../etc,79 45 67,,,,,2026-11-24\n" +
  "Sans Téléphone,,postpaid,,,,2026-11-24\n" +
  "Mauvais Forfait,75 11 22,monthly,,,,2026-11-24\n";
const GOOD = [
  { row: 1, folder: "0001-xiaoming-wang", name: "Xiaoming WANG" },
  { row: 2, folder: "0002-王小明", name: "王小明" },
  { row: 3, folder: "0003-zoe-n-guyen", name: "Zoé N'Guyen" },
  { row: 4, folder: "0004-etc", name: "../../etc" },
];

describe("sim-cancel batch people.csv", () => {
  let dir: string;
  let out: string;
  let result: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    dir = await tempDir("sim-cancel-batch-");
    out = join(dir, "out");
    await writeFile(join(dir, "people.csv"), CSV);
    result = await batch([join(dir, "people.csv"), "--out", out, "--lang", "en"]);
  });

  it("exits with 2 (bad input) because two rows are invalid", () => {
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/6 rows: 4 done, 2 invalid/);
  });

  it("writes both PDFs for every good row, each checklist naming its person", async () => {
    expect(await listFiles(out)).toEqual([".sim-cancel.json", ...GOOD.map((g) => g.folder), "summary.csv"]);
    for (const good of GOOD) {
      const files = await listFiles(join(out, good.folder));
      expect(files).toEqual([".sim-cancel.json", "sim-cancel-checklist-en.pdf", "sim-cancel-letter-fr.pdf"]);
      const checklist = await readPdf(await readFile(join(out, good.folder, "sim-cancel-checklist-en.pdf")));
      expect(squash(checklist.text)).toContain(squash(good.name));
      const letter = await readPdf(await readFile(join(out, good.folder, "sim-cancel-letter-fr.pdf")));
      expect(letter.pages.length).toBeGreaterThan(0);
    }
    const letter = await readPdf(await readFile(join(out, "0001-xiaoming-wang", "sim-cancel-letter-fr.pdf")));
    expect(flat(letter.text)).toContain("98800 NOUMÉA");
  });

  it("reports each bad row on stderr with its row number, file line and field", () => {
    expect(result.stderr).toMatch(/row 5 \(line 7\) "Sans Téléphone":\n\s+- phone: this is required/);
    expect(result.stderr).toMatch(/row 6 \(line 8\) "Mauvais Forfait":\n\s+- plan: /);
    expect(result.stderr).not.toMatch(/row [1-4] /);
  });

  it("writes summary.csv with one line per row and the right statuses", async () => {
    const rows = summaryRows(await readFile(join(out, "summary.csv"), "utf8"));
    expect(rows.map((r) => [r["row"], r["status"], r["action"]])).toEqual([
      ["1", "ok", "written"],
      ["2", "ok", "written"],
      ["3", "ok", "written"],
      ["4", "ok", "written"],
      ["5", "invalid", ""],
      ["6", "invalid", ""],
    ]);
    expect(rows[0]!["files"]).toBe(
      "0001-xiaoming-wang/sim-cancel-checklist-en.pdf 0001-xiaoming-wang/sim-cancel-letter-fr.pdf",
    );
    expect(Number(rows[0]!["pages"])).toBeGreaterThan(1);
    expect(Number(rows[0]!["bytes"])).toBeGreaterThan(10_000);
    expect(rows[4]!["errors"]).toMatch(/^row 5 \(line 7\): phone: this is required/);
    expect(rows[5]!["errors"]).toMatch(/^row 6 \(line 8\): plan: /);
  });

  it("run again, keeps every row already done (no rendering), and with --force makes them again", async () => {
    const pdf = join(out, "0001-xiaoming-wang", "sim-cancel-letter-fr.pdf");
    const before = (await stat(pdf)).ino;
    const again = await batch([join(dir, "people.csv"), "--out", out, "--lang", "en", "--json"]);
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stdout)).toMatchObject({
      ok: false,
      rows: 6,
      done: 4,
      kept: 4,
      rendered: 0,
      pending: 0,
      stopped: false,
    });
    expect((await stat(pdf)).ino).toBe(before);
    const rows = summaryRows(await readFile(join(out, "summary.csv"), "utf8"));
    expect(rows.map((r) => r["action"])).toEqual(["kept", "kept", "kept", "kept", "", ""]);
    expect(rows[1]!["files"]).toBe("0002-王小明/sim-cancel-checklist-en.pdf 0002-王小明/sim-cancel-letter-fr.pdf");
    const forced = await batch([join(dir, "people.csv"), "--out", out, "--lang", "en", "--json", "--force"]);
    expect(forced.code).toBe(2);
    expect(JSON.parse(forced.stdout)).toMatchObject({ ok: false, rows: 6, done: 4, kept: 4, rendered: 0 });
    expect(JSON.parse(forced.stdout).invalid.map((r: { row: number; line: number }) => [r.row, r.line])).toEqual([
      [5, 7],
      [6, 8],
    ]);
  });

  it("refuses a summary changed since the last run (it may be someone's notes), unless --force", async () => {
    const copy = await tempDir("sim-cancel-batch-");
    await writeFile(join(copy, "summary.csv"), "my own notes");
    const refused = await batch([join(dir, "people.csv"), "--out", copy, "--lang", "en"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${join(copy, "summary.csv")} already exists and is not an earlier batch's summary`,
    );
    expect(refused.stderr).toContain("--force");
    expect(await listFiles(copy)).toEqual(["summary.csv"]);
  });
});

describe("sim-cancel batch: resuming, defaults and folder names", () => {
  it("after a row changed, keeps the others and leaves that row's folder as it was (force replaces it)", async () => {
    const dir = await tempDir("sim-cancel-batch-");
    const out = join(dir, "out");
    const csv = (phone: string) => `name,phone,date\nLéa MARTIN,76 12 34,2026-11-24\nHugo DUPONT,${phone},2026-11-24\n`;
    await writeFile(join(dir, "people.csv"), csv("77 23 45"));
    expect((await batch([join(dir, "people.csv"), "--out", out, "--lang", "en"])).code).toBe(0);
    const hugo = await readFile(join(out, "0002-hugo-dupont", "sim-cancel-letter-fr.pdf"));
    await writeFile(join(dir, "people.csv"), csv("77 99 99"));
    const again = await batch([join(dir, "people.csv"), "--out", out, "--lang", "en"]);
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/2 rows: 1 done \(1 kept from an earlier run\), 1 failed/);
    expect(again.stderr).toContain(`${join(out, "0002-hugo-dupont")} already exists`);
    expect(again.stderr).toMatch(/1 row folder holds other documents and was left as it was; --force replaces it/);
    expect(await readFile(join(out, "0002-hugo-dupont", "sim-cancel-letter-fr.pdf"))).toEqual(hugo);
    const forced = await batch([join(dir, "people.csv"), "--out", out, "--lang", "en", "--force", "--json"]);
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout)).toMatchObject({ ok: true, done: 2, kept: 1, rendered: 1 });
    expect(summaryRows(await readFile(join(out, "summary.csv"), "utf8")).map((r) => r["action"])).toEqual([
      "kept",
      "replaced",
    ]);
    const letter = await readPdf(await readFile(join(out, "0002-hugo-dupont", "sim-cancel-letter-fr.pdf")));
    expect(squash(letter.text)).toContain("779999");
  });

  it("with --force, removes a row's earlier procuration (signed since) when the row no longer makes one, and lists it", async () => {
    const dir = await tempDir("sim-cancel-batch-");
    const out = join(dir, "out");
    const proxy = "proxyName,proxyIdType,proxyId,birthDate,idType,idNumber";
    const csv = (channel: string) =>
      `name,phone,date,channel,${proxy}\nLéa MARTIN,76 12 34,2026-11-24,${channel},Li CHEN,passport,E1234,1990-05-01,passport,P7654321\n`;
    await writeFile(join(dir, "people.csv"), csv("proxy"));
    expect((await batch([join(dir, "people.csv"), "--out", out, "--lang", "en"])).code).toBe(0);
    const folder = join(out, "0001-lea-martin");
    expect(await listFiles(folder)).toContain("sim-cancel-proxy-fr.pdf");
    await writeFile(join(folder, "sim-cancel-proxy-fr.pdf"), "%PDF signed");
    await writeFile(join(folder, "sim-cancel-proxy-fr-scan.pdf"), "the person's own file");
    await writeFile(join(dir, "people.csv"), csv("in-person"));
    expect((await batch([join(dir, "people.csv"), "--out", out, "--lang", "en"])).code).toBe(1);
    expect(await readFile(join(folder, "sim-cancel-proxy-fr.pdf"), "utf8")).toBe("%PDF signed");
    expect((await batch([join(dir, "people.csv"), "--out", out, "--lang", "en", "--force"])).code).toBe(0);
    expect(await listFiles(folder)).toEqual([
      ".sim-cancel.json",
      "sim-cancel-checklist-en.pdf",
      "sim-cancel-letter-fr.pdf",
      "sim-cancel-proxy-fr-scan.pdf",
    ]);
    const [row] = summaryRows(await readFile(join(out, "summary.csv"), "utf8"));
    expect(row).toMatchObject({ action: "replaced", removed: "0001-lea-martin/sim-cancel-proxy-fr.pdf" });
  });

  it("uses --date, --plan and --channel as every row's default, a row's own column winning", async () => {
    const dir = await tempDir("sim-cancel-batch-");
    const out = join(dir, "out");
    await writeFile(join(dir, "people.csv"), "name,phone,plan\nÉlodie Cœur-Volant,76 12 34,\n王丽,77 23 45,prepaid\n");
    const result = await batch([
      join(dir, "people.csv"),
      "--out",
      out,
      "--date",
      "2026-10-02",
      "--plan",
      "postpaid",
      "--channel",
      "post",
      "--lang",
      "fr",
    ]);
    expect(result.stderr).not.toMatch(/invalid/);
    expect(result.code).toBe(0);
    expect(await listFiles(out)).toEqual([".sim-cancel.json", "0001-elodie-coeur-volant", "0002-王丽", "summary.csv"]);
    const first = flat(
      (await readPdf(await readFile(join(out, "0001-elodie-coeur-volant", "sim-cancel-letter-fr.pdf")))).text,
    );
    const second = flat((await readPdf(await readFile(join(out, "0002-王丽", "sim-cancel-letter-fr.pdf")))).text);
    expect(first).toContain("2 octobre 2026");
    expect(second).toContain("2 octobre 2026");
    expect(first).toMatch(/\(forfait\)/);
    expect(second).toMatch(/Liberté/);
    expect(first).not.toMatch(/Liberté/);
  });

  it("reports a bad default once, before any row", async () => {
    const dir = await tempDir("sim-cancel-batch-");
    await writeFile(join(dir, "people.csv"), "name,phone\nA,76 12 34\nB,77 23 45\n");
    const result = await batch([
      join(dir, "people.csv"),
      "--out",
      join(dir, "out"),
      "--plan",
      "monthly",
      "--lang",
      "en",
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n").filter((line) => line.includes("--plan:"))).toHaveLength(1);
    expect(result.stderr).not.toMatch(/row \d/);
    expect(await listFiles(join(dir, "out"))).toEqual([]);
  });
});

describe("sim-cancel batch people.jsonl --summary json --json", () => {
  it("renders JSON Lines rows, prints the result as JSON and writes summary.json", async () => {
    const dir = await tempDir("sim-cancel-batch-");
    const out = join(dir, "out");
    const lines = [
      { name: "Léa MARTIN", phone: "76 12 34", plan: "prepaid", date: "2026-11-24" },
      {
        name: "陳大文",
        phone: "+687 77 23 45",
        "customer-number": "C-1",
        channel: "post",
        address: ["1 rue X", "98800 Nouméa"],
        date: "2026-11-24",
      },
    ];
    await writeFile(join(dir, "people.jsonl"), `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    const result = await batch([
      join(dir, "people.jsonl"),
      "--out",
      out,
      "--summary",
      "json",
      "--json",
      "--lang",
      "zh-Hant",
    ]);
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ ok: true, rows: 2, rendered: 2, kept: 0, invalid: [], failed: [] });
    const summary = JSON.parse(await readFile(join(out, "summary.json"), "utf8"));
    expect(
      summary.map((s: { row: number; status: string; files: string[] }) => [s.row, s.status, s.files.length]),
    ).toEqual([
      [1, "ok", 2],
      [2, "ok", 2],
    ]);
    expect(await listFiles(out)).toEqual([".sim-cancel.json", "0001-lea-martin", "0002-陳大文", "summary.json"]);
    const checklist = await readPdf(await readFile(join(out, "0002-陳大文", "sim-cancel-checklist-zh-Hant.pdf")));
    expect(squash(checklist.text)).toContain("陳大文");
  });

  it("keeps a row folder that already exists, fails only that row, and writes the others", async () => {
    const dir = await tempDir("sim-cancel-batch-");
    const out = join(dir, "out");
    const lines = [
      { name: "Léa MARTIN", phone: "76 12 34", date: "2026-11-24" },
      { name: "Hugo DUPONT", phone: "77 23 45", date: "2026-11-24" },
    ];
    await writeFile(join(dir, "people.jsonl"), `${lines.map((l) => JSON.stringify(l)).join("\n")}\n`);
    // Row 2's folder is there from some other work: nothing in it may change.
    await mkdir(join(out, "0002-hugo-dupont"), { recursive: true });
    await writeFile(join(out, "0002-hugo-dupont", "sim-cancel-letter-fr.pdf"), "not a PDF, and keep me");
    const result = await batch([join(dir, "people.jsonl"), "--out", out, "--json", "--lang", "en"]);
    expect(result.code).toBe(1);
    const printed = JSON.parse(result.stdout);
    expect(printed).toMatchObject({ ok: false, rows: 2, rendered: 1 });
    expect(printed.failed).toHaveLength(1);
    expect(printed.failed[0]).toMatchObject({ row: 2 });
    expect(printed.failed[0].errors[0]).toContain(
      `${join(out, "0002-hugo-dupont")} already exists; nothing was written. Use --force to replace`,
    );
    expect(printed.failed[0].problems[0]).toMatchObject({
      code: "write.exists",
      params: { paths: join(out, "0002-hugo-dupont") },
    });
    expect(await readFile(join(out, "0002-hugo-dupont", "sim-cancel-letter-fr.pdf"), "utf8")).toBe(
      "not a PDF, and keep me",
    );
    expect(await listFiles(join(out, "0002-hugo-dupont"))).toEqual(["sim-cancel-letter-fr.pdf"]);
    const letter = await readPdf(await readFile(join(out, "0001-lea-martin", "sim-cancel-letter-fr.pdf")));
    expect(letter.text).toContain("Léa MARTIN");
  });

  it("reports an unknown CSV column as bad input, naming it, before rendering anything", async () => {
    const dir = await tempDir("sim-cancel-batch-");
    await writeFile(join(dir, "people.csv"), "name,phone,telephone\nA,76 12 34,\n");
    const result = await batch([join(dir, "people.csv"), "--out", join(dir, "out"), "--lang", "en"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/column 3 "telephone" is not a field/);
    expect(await listFiles(join(dir, "out"))).toEqual([]);
  });
});
