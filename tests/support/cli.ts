/**
 * Runs the real, built command line as a separate process: the package's bin, as users run it
 * (dist/cli/launch.cjs, which runs the one-file bundle with its code cache). Every PDF it writes
 * is checked (see runCli).
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readdir, readFile, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve as resolvePath } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const CLI = join(
  ROOT,
  (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { bin: Record<string, string> }).bin["sim-cancel"]!,
);

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI; then every PDF it wrote (in its --out folder, or output/ by default) goes through
 * the independent check (pdf.ts: checkPdf): a PDF that fails makes this call throw.
 */
export async function runCli(
  args: string[],
  options: { cwd?: string; input?: string; env?: Record<string, string> } = {},
): Promise<CliResult> {
  const out = outFolder(args, options.cwd ?? ROOT);
  const before = await pdfsIn(out);
  const result = await new Promise<CliResult>((resolve) => {
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
  await checkWrittenPdfs(out, before);
  return result;
}

/** The folder the CLI writes to: --out DIR or --out=DIR, else output/ (generate and batch alike). */
function outFolder(args: readonly string[], cwd: string): string {
  let out = "output";
  args.forEach((arg, i) => {
    if (arg === "--out" && args[i + 1] !== undefined) out = args[i + 1]!;
    else if (arg.startsWith("--out=")) out = arg.slice("--out=".length);
  });
  return resolvePath(cwd, out);
}

/** The PDFs under `dir` (its subfolders too: a batch's rows), each with its modification time and size. */
async function pdfsIn(dir: string): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  const walk = async (folder: string): Promise<void> => {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.name.endsWith(".pdf")) {
        const info = await stat(path).catch(() => undefined);
        if (info) found.set(path, `${info.mtimeMs}:${info.size}`);
      }
    }
  };
  await walk(dir);
  return found;
}

/** Checks every PDF under `dir` that is new or changed since `before` (a test's own stand-in files are left alone). */
async function checkWrittenPdfs(dir: string, before: Map<string, string>): Promise<void> {
  const { checkPdf } = await import("./pdf.js");
  for (const [file, stamp] of await pdfsIn(dir)) {
    if (before.get(file) === stamp) continue;
    try {
      await checkPdf(await readFile(file));
    } catch (error) {
      throw new Error(`${file}: ${(error as Error).message}`);
    }
  }
}

/** Runs the CLI as another user (needs root and util-linux's setpriv), to test permissions. */
export function runCliAs(_user: "nobody", args: string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      "setpriv",
      ["--reuid=65534", "--regid=65534", "--clear-groups", process.execPath, CLI, ...args],
      { cwd: "/", env: { ...process.env, HOME: "/nonexistent" } },
      (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === "number" ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

export async function tempDir(prefix = "sim-cancel-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function listFiles(dir: string): Promise<string[]> {
  return (await readdir(dir).catch(() => [])).sort();
}
