/**
 * Helpers of the fault-injection suite: run the writer in its own process (driver.mjs) or the
 * real CLI, with a fault at a chosen step, and check what a folder holds: complete sets only,
 * each file's owner known, nothing of the writer's own left behind.
 */
import { execFile } from "node:child_process";
import { lstat, mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CLI, ROOT } from "../support/cli.js";

export const DRIVER = fileURLToPath(new URL("./driver.mjs", import.meta.url));

export interface Run {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** The driver's or the CLI's JSON line, when it printed one. */
  json?: {
    ok: boolean;
    files?: { path: string; fileName?: string; status: string }[];
    problems?: { code: string; params?: Record<string, unknown> }[];
    kept?: string[];
  };
}

export function run(args: string[], env: Record<string, string> = {}, wrapper: string[] = []): Promise<Run> {
  return new Promise((resolve) => {
    const [command, ...rest] =
      wrapper.length > 0 ? [...wrapper, process.execPath, ...args] : [process.execPath, ...args];
    execFile(
      command!,
      rest,
      { cwd: ROOT, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const signal = (error as { signal?: NodeJS.Signals } | null)?.signal ?? null;
        const code = error ? (signal ? null : typeof error.code === "number" ? error.code : 1) : 0;
        let json: Run["json"];
        try {
          json = JSON.parse(stdout.trim().split("\n").at(-1) ?? "") as Run["json"];
        } catch {
          try {
            json = JSON.parse(stdout) as Run["json"];
          } catch {
            json = undefined;
          }
        }
        resolve({ code, signal, stdout, stderr, ...(json ? { json } : {}) });
      },
    );
  });
}

export function driver(args: string[], env: Record<string, string> = {}, wrapper: string[] = []): Promise<Run> {
  return run([DRIVER, ...args], env, wrapper);
}

export function cli(args: string[], env: Record<string, string> = {}): Promise<Run> {
  return run([CLI, ...args], env);
}

/** The writer's steps in a run, numbered as SIM_CANCEL_WRITE_FAULT counts them. */
export function steps(stderr: string): string[] {
  return stderr
    .split("\n")
    .map((line) => /^sim-cancel-write-step (\d+) (.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[2]!);
}

const made: string[] = [];

export async function tempDir(prefix = "sim-cancel-fault-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

/** Whose set a driver-written folder holds: the owner of both files, or "none"; throws if mixed. */
export async function ownerOfSet(dir: string, names = ["checklist.pdf", "letter.pdf"]): Promise<string> {
  const owners: string[] = [];
  for (const name of names) {
    const text = await readFile(join(dir, name), "utf8").catch(() => undefined);
    owners.push(text === undefined ? "none" : (/^\S+ of (\S+)\n/.exec(text)?.[1] ?? "?"));
  }
  if (new Set(owners).size !== 1)
    throw new Error(`a mixed set in ${dir}: ${names.map((n, i) => `${n} is ${owners[i]}'s`).join(", ")}`);
  return owners[0]!;
}

/** The folder's entries, hidden ones included, sorted. */
export async function entries(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [] as string[])).sort();
}

/** Every hidden entry except the ones named: the writer's leftovers. */
export async function leftovers(dir: string, allowed: string[] = []): Promise<string[]> {
  return (await entries(dir)).filter((e) => e.startsWith(".") && !allowed.includes(e));
}

export async function isFolder(path: string): Promise<boolean> {
  return lstat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
}
