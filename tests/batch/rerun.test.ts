/**
 * `sim-cancel batch` runs itself again with V8's --single-threaded-gc (src/cli/batch-rerun.cts).
 * The second process must really carry the flag, and stopping the first must stop the second:
 * no batch may go on writing files after the user or a supervisor stopped it.
 */
import { execFileSync, spawn } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CLI, ROOT, tempDir } from "../support/cli.js";

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

/** Starts a 200-row batch as its own process group (as a terminal would) and waits for its first row. */
async function startBatch() {
  const dir = await tempDir("sim-cancel-rerun-");
  const out = join(dir, "out");
  const rows = Array.from({ length: 200 }, (_, i) => `Person ${i + 1},76 12 ${String(i % 100).padStart(2, "0")},postpaid,2026-11-24`);
  await writeFile(join(dir, "people.csv"), `name,phone,plan,date\n${rows.join("\n")}\n`);
  const parent = spawn(process.execPath, [CLI, "batch", join(dir, "people.csv"), "--out", out], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"], detached: true });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => parent.on("exit", (code, signal) => resolve({ code, signal })));
  let output = "";
  parent.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  parent.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  await until(() => /rendered \d+\/200/.test(output), "the first rendered row");
  return { parent, out, exited, output: () => output };
}

describe("sim-cancel batch's second process", () => {
  it("has --single-threaded-gc, and a SIGTERM to the first process alone stops it too", async () => {
    const { parent, out, exited, output } = await startBatch();
    const children = processesMentioning(out).filter((p) => p.ppid === parent.pid);
    expect(children).toHaveLength(1);
    expect(children[0]!.args).toContain("--single-threaded-gc");
    expect(children[0]!.args).toContain(" batch ");

    parent.kill("SIGTERM");
    expect(await exited).toEqual({ code: null, signal: "SIGTERM" });
    await until(() => processesMentioning(out).length === 0, "the second process to end", 5_000);
    expect(output()).not.toMatch(/rendered 200\/200/);
  });

  it("stops on Ctrl-C (SIGINT to the whole process group), and the first process says so", async () => {
    const { parent, out, exited, output } = await startBatch();
    process.kill(-parent.pid!, "SIGINT");
    expect(await exited).toEqual({ code: null, signal: "SIGINT" });
    await until(() => processesMentioning(out).length === 0, "the second process to end", 5_000);
    expect(output()).not.toMatch(/rendered 200\/200/);
  });
});
