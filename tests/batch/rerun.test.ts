/**
 * `sim-cancel batch` runs itself again with V8's --single-threaded-gc (src/cli/batch-rerun.cts).
 * The second process must really carry the flag, and stopping the first must stop the second,
 * cleanly: Ctrl-C, `kill -INT` or `kill -TERM` on the pid the user sees, or the output pipe
 * closing, each end with the rows in flight finished, the summary written (the rows not reached
 * "pending"), nothing half-written, and the same command again finishes the work.
 */
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkSet } from "../../src/write/index.js";
import { CLI, ROOT, tempDir } from "../support/cli.js";

const made: string[] = [];
/** Batches started here: stopped at the end (their whole group) if a failed test left one running. */
const started: ChildProcess[] = [];
afterAll(async () => {
  for (const parent of started) {
    if (parent.exitCode === null && parent.signalCode === null) process.kill(-parent.pid!, "SIGKILL");
  }
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Processes whose command line mentions `text`, from ps. */
function processesMentioning(text: string): { pid: number; ppid: number; args: string }[] {
  const lines = execFileSync("ps", ["-eo", "pid=,ppid=,args="], { encoding: "utf8" }).split("\n");
  return lines
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && m[3]!.includes(text))
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3]! }));
}

async function until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const ROWS = 200;

async function peopleFile(): Promise<{ dir: string; csv: string; out: string }> {
  const dir = await tempDir("sim-cancel-rerun-");
  made.push(dir);
  const rows = Array.from(
    { length: ROWS },
    (_, i) => `Person ${i + 1},76 12 ${String(i % 100).padStart(2, "0")},postpaid,2026-11-24`,
  );
  await writeFile(join(dir, "people.csv"), `name,phone,plan,date\n${rows.join("\n")}\n`);
  return { dir, csv: join(dir, "people.csv"), out: join(dir, "out") };
}

/** Starts a 200-row batch as its own process group (as a terminal would) and waits for its first row. */
async function startBatch() {
  const { csv, out } = await peopleFile();
  const parent = spawn(process.execPath, [CLI, "batch", csv, "--out", out], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  started.push(parent);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    parent.on("exit", (code, signal) => resolve({ code, signal })),
  );
  let output = "";
  parent.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  parent.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await until(() => /rendered \d+\/200/.test(output), "the first rendered row");
  return { parent, csv, out, exited, output: () => output };
}

/** The summary's statuses by row, and what the output folder holds. */
async function outcome(out: string): Promise<{ statuses: string[]; entries: string[] }> {
  const lines = (await readFile(join(out, "summary.csv"), "utf8")).trim().split("\n").slice(1);
  return { statuses: lines.map((line) => line.split(",")[3]!), entries: (await readdir(out)).sort() };
}

/** Every "ok" row's folder is complete; no other row has one; nothing hidden is left but the manifest. */
async function expectCleanStop(out: string): Promise<number> {
  const { statuses, entries } = await outcome(out);
  expect(statuses).toHaveLength(ROWS);
  const done = statuses.filter((s) => s === "ok").length;
  expect(done).toBeGreaterThan(0);
  expect(done).toBeLessThan(ROWS);
  expect(statuses.slice(done).every((s) => s === "pending")).toBe(true);
  expect(entries.filter((e) => e.startsWith("."))).toEqual([".sim-cancel.json"]);
  const folders = entries.filter((e) => /^\d{4}-/.test(e));
  expect(folders).toHaveLength(done);
  for (const folder of folders)
    expect((await readdir(join(out, folder))).sort()).toEqual([
      ".sim-cancel.json",
      "sim-cancel-checklist-zh-Hans.pdf",
      "sim-cancel-letter-fr.pdf",
    ]);
  return done;
}

/** The same command again: keeps what was done, finishes the rest. */
async function expectResume(csv: string, out: string, done: number): Promise<void> {
  const result = await new Promise<{ code: number; stdout: string }>((resolve) =>
    execFile(process.execPath, [CLI, "batch", csv, "--out", out, "--json"], { cwd: ROOT }, (error, stdout) =>
      resolve({ code: error ? Number(error.code) : 0, stdout }),
    ),
  );
  expect(result.code).toBe(0);
  expect(JSON.parse(result.stdout)).toMatchObject({
    ok: true,
    done: ROWS,
    kept: done,
    rendered: ROWS - done,
    pending: 0,
  });
  const { statuses, entries } = await outcome(out);
  expect(statuses.every((s) => s === "ok")).toBe(true);
  expect(entries).toHaveLength(ROWS + 2);
  expect((await checkSet(join(out, "0001-person-1"), "not the key")).state).toBe("other");
}

describe("sim-cancel batch's second process", () => {
  it("has --single-threaded-gc, and a SIGTERM to the first process alone stops it cleanly", async () => {
    const { parent, csv, out, exited, output } = await startBatch();
    const children = processesMentioning(out).filter((p) => p.ppid === parent.pid);
    expect(children).toHaveLength(1);
    expect(children[0]!.args).toContain("--single-threaded-gc");
    expect(children[0]!.args).toContain(" batch ");

    parent.kill("SIGTERM");
    expect(await exited).toEqual({ code: null, signal: "SIGTERM" });
    await until(() => processesMentioning(out).length === 0, "the second process to end", 5_000);
    expect(output()).toMatch(/stopping \(SIGTERM\)/);
    expect(output()).toMatch(/not done yet/);
    await expectResume(csv, out, await expectCleanStop(out));
  });

  it("stops cleanly on kill -INT to the first process alone (the pid a user sees)", async () => {
    const { parent, out, exited } = await startBatch();
    parent.kill("SIGINT");
    expect(await exited).toEqual({ code: null, signal: "SIGINT" });
    await until(() => processesMentioning(out).length === 0, "the second process to end", 5_000);
    await expectCleanStop(out);
  });

  it("refuses a second batch into the same folder while one runs; stops cleanly on Ctrl-C (SIGINT to the whole group)", async () => {
    const { parent, csv, out, exited, output } = await startBatch();
    const second = await new Promise<{ code: number; stderr: string }>((resolve) =>
      execFile(
        process.execPath,
        [CLI, "batch", csv, "--out", out, "--lang", "en"],
        { cwd: ROOT },
        (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
      ),
    );
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `another run \\(process \\d+ on .+\\) is writing into ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}; nothing was written\\. Try again when it has finished`,
      ),
    );
    process.kill(-parent.pid!, "SIGINT");
    expect(await exited).toEqual({ code: null, signal: "SIGINT" });
    await until(() => processesMentioning(out).length === 0, "the second process to end", 5_000);
    expect(output()).not.toMatch(/rendered 200\/200/);
    await expectCleanStop(out);
  });

  it("stops cleanly when its output pipe closes (`2>&1 | head -1`), with exit code 1", async () => {
    const { csv, out } = await peopleFile();
    const shell = `"${process.execPath}" "${CLI}" batch "${csv}" --out "${out}" 2>&1 | head -1; echo "exit \${PIPESTATUS[0]}"`;
    const printed = execFileSync("bash", ["-c", shell], { cwd: ROOT, encoding: "utf8" });
    expect(printed).toBe("rendering 200 rows\nexit 1\n");
    await until(() => processesMentioning(out).length === 0, "the batch to end", 5_000);
    const { statuses } = await outcome(out);
    expect(statuses).toHaveLength(ROWS);
    expect(statuses.at(-1)).toBe("pending");
    expect((await readdir(out)).filter((e) => e.startsWith("."))).toEqual([".sim-cancel.json"]);
  });
});
