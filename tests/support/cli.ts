/**
 * Runs the real, built command line as a separate process: the package's bin, as users run it
 * (dist/cli/launch.cjs, which runs the one-file bundle with its code cache).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(ROOT, (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> }).bin["sim-cancel"]!);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: { cwd?: string; input?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    child.stdin?.end(options.input ?? "");
  });
}

/** Runs the CLI as another user (needs root and util-linux's setpriv), to test permissions. */
export function runCliAs(user: "nobody", args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      "setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, ...args],
      { cwd: "/", env: { ...process.env, HOME: "/nonexistent" } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

export async function tempDir(prefix = "sim-cancel-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).sort();
}
