/**
 * `sim-cancel serve` as users start it (the package's bin): it prints its address, answers only
 * as promised, stops on Ctrl+C, and nothing a user typed reaches a file or its output. The
 * server library stays out of the command line's bundle, so other commands do not load it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { CLI, ROOT, runCli } from "../support/cli.js";

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sim-cancel-${name}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Starts the bin's `serve` and waits for the address it prints. */
function startServe(args: string[], env: Record<string, string> = {}, cwd = ROOT): Promise<Started> {
  const child = spawn(process.execPath, [CLI, "serve", ...args], {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanups.push(() => child.kill("SIGKILL"));
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${output}`)), 30_000);
    const look = () => {
      // The address ends its line, whatever the language of the words before it.
      const found = /(http:\/\/127\.0\.0\.1:\d+\/\S*)\n/.exec(output);
      if (!found) return;
      clearTimeout(timer);
      child.stdout!.off("data", look);
      resolve({ child, url: found[1]!, output: () => output });
    };
    child.stdout!.on("data", look);
    child.once("exit", (code) => reject(new Error(`serve exited (${code}): ${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

/** Every file under `dir` (skipping `skip` folders) changed since `since`, with its contents. */
function filesChangedSince(dir: string, since: number, skip: ReadonlySet<string>): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!skip.has(entry.name)) found.push(...filesChangedSince(path, since, skip));
    } else if (entry.isFile() && statSync(path).mtimeMs >= since) {
      found.push(path);
    }
  }
  return found;
}

describe("sim-cancel serve", () => {
  it("writes and prints nothing of what was typed: not in the temporary folder, the home folder, the working folder, the project or its output", async () => {
    const temp = tempDir("serve-tmp");
    const home = tempDir("serve-home");
    const work = tempDir("serve-cwd");
    const since = Date.now() - 1000;
    const { child, url, output } = await startServe(
      ["--port", "0", "--lang", "en"],
      { TMPDIR: temp, HOME: home },
      work,
    );
    const origin = new URL(url).origin;
    const MARK = "Qzxmarker";
    const post = (path: string, body: string, type = "application/json") =>
      fetch(`${origin}${path}`, { method: "POST", body, headers: { Origin: origin, "Content-Type": type } });
    const details = (extra: Record<string, string>) =>
      JSON.stringify({
        details: { name: `${MARK} WANG`, phone: "76 12 34", address: `1 rue ${MARK}\n98800 NOUMÉA`, ...extra },
        lang: "en",
      });

    expect((await fetch(url)).status).toBe(200);
    expect((await post("/api/check", details({ phone: `${MARK}` }))).status).toBe(200);
    expect((await post("/api/documents", details({}))).status).toBe(200);
    expect((await post("/api/documents", details({ reason: `\u0378 ${MARK}` }))).status).toBe(422);
    expect((await post("/api/documents", details({ iban: `${MARK}` }))).status).toBe(422);
    expect((await post("/api/documents.zip", details({}))).status).toBe(200);
    expect((await post("/api/details.yaml", details({}))).status).toBe(200);
    expect((await post("/api/details/load?lang=en", `name: ${MARK}\nphnoe: 1\n`, "application/yaml")).status).toBe(422);
    const csv = `name,phone,reason\n${MARK} LI,76 11 22,${MARK}\n${MARK} BAD,${MARK},x\n`;
    expect((await post(`/api/batch/check?name=${MARK}.csv`, csv, "application/octet-stream")).status).toBe(200);
    const run = await post(`/api/batch/run?name=${MARK}.csv`, csv, "application/octet-stream");
    const events = (await run.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string; zip?: string });
    const zip = await fetch(`${origin}${events.at(-1)!.zip}`);
    expect(zip.status).toBe(200);
    expect((await post(`/api/batch/check?name=${MARK}.csv`, `name,${MARK}\n`, "application/octet-stream")).status).toBe(
      422,
    );
    // A request the server cannot read at all (broken JSON) must not be echoed either.
    expect((await post("/api/documents", `{"details": {"name": "${MARK}`)).status).toBe(400);

    expect(await stop(child)).toBe(0);
    expect(output()).not.toContain(MARK);
    expect(output()).toMatch(/Nothing typed in the page is written to disk or logged/);
    const changed = [
      ...filesChangedSince(temp, since, new Set()),
      ...filesChangedSince(home, since, new Set()),
      ...filesChangedSince(work, since, new Set()),
      ...filesChangedSince(ROOT, since, new Set(["node_modules", ".git", "dist"])),
    ];
    for (const file of changed) expect(readFileSync(file).includes(MARK), file).toBe(false);
    // Nothing was left in the temporary folder either (a batch upload is read from memory).
    expect(readdirSync(temp)).toEqual([]);
  });

  it("with --lan, prints an address with a token and its QR code, and refuses requests without the token", async () => {
    const { child, url, output } = await startServe(["--lan", "--lang", "en"]);
    try {
      const token = new URL(url).searchParams.get("token");
      expect(token).toMatch(/^[A-Za-z0-9_-]{22}$/);
      await expect.poll(output).toContain("Press Ctrl+C to stop");
      expect(output()).toContain("holds a secret token");
      const origin = new URL(url).origin;
      expect((await fetch(origin)).status).toBe(403);
      expect((await fetch(url, { redirect: "manual" })).status).toBe(303);
      expect(output()).toMatch(/Scan to open it:|No local network address/);
      if (output().includes("Scan to open it")) {
        expect(output()).toMatch(new RegExp(`http://[0-9.]+:\\d+/\\?token=${token}`));
        expect(output()).toMatch(/[▀▄█]{10}/);
      }
    } finally {
      expect(await stop(child)).toBe(0);
    }
  });

  it.each([
    [[], "sim-cancel 已就绪：", "只有这台电脑可以使用", "按 Ctrl+C 停止"],
    [["--lang", "zh-Hant"], "sim-cancel 已就緒：", "只有這台電腦可以使用", "按 Ctrl+C 停止"],
    [["--lang", "fr"], "sim-cancel est prêt à l’adresse ", "Seul cet ordinateur", "Ctrl+C pour arrêter"],
    [["--lang", "en"], "sim-cancel is ready at ", "Only this computer can use it", "Press Ctrl+C to stop"],
  ])(
    "prints its words in the command line's language (%j; Simplified Chinese by default)",
    async (args, ready, only, stopWords) => {
      const { child, url, output } = await startServe(["--port", "0", ...args]);
      try {
        await expect.poll(output).toContain(stopWords);
        expect(output()).toContain(`${ready}${url}\n`);
        expect(output()).toContain(only);
      } finally {
        expect(await stop(child)).toBe(0);
      }
    },
  );

  it("keeps the server library out of the command line's bundle (no other command loads it)", async () => {
    const bundle = readFileSync(join(ROOT, "dist", "cli.bundle.cjs"), "latin1");
    // String literals of Hono, fflate and the web modules: they would survive minifying.
    for (const marker of ["Internal Server Error", "invalid zip data", "frame-ancestors", "sim-cancel-token"])
      expect(bundle).not.toContain(marker);
    const help = await runCli(["serve", "--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--lan");
  });
});
