/**
 * A child process measured: wall time (from here), and, when GNU time is installed, its CPU time
 * (user + system, all threads) and peak resident set (the process's own maximum, threads
 * together). On a shared machine CPU time is the steadier figure; wall time is what a user waits.
 *
 *   const { ms, cpuMs, peakRssMb, code, stdout, stderr } = await measureProcess(process.execPath, [script, ...args]);
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";

const GNU_TIME = "/usr/bin/time";
export const HAVE_GNU_TIME = existsSync(GNU_TIME);
const MARK = "bench-measure";

export function measureProcess(command, args, { env = {}, allowFailure = false } = {}) {
  const [file, argv] = HAVE_GNU_TIME ? [GNU_TIME, ["-f", `${MARK} %M %U %S`, command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    const start = performance.now();
    execFile(file, argv, { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const ms = performance.now() - start;
      if (error && typeof error.code !== "number") return reject(error);
      const code = error ? error.code : 0;
      if (code !== 0 && !allowFailure)
        return reject(new Error(`${[command, ...args].join(" ")} exited with ${code}:\n${stderr.slice(-2000)}`));
      const mark = new RegExp(`${MARK} (\\d+) ([\\d.]+) ([\\d.]+)\\s*$`).exec(stderr);
      resolve({
        ms,
        cpuMs: mark ? (Number(mark[2]) + Number(mark[3])) * 1000 : undefined,
        peakRssMb: mark ? Number(mark[1]) / 1024 : undefined,
        code,
        stdout,
        stderr: mark ? stderr.slice(0, mark.index) : stderr,
      });
    });
  });
}
