/**
 * The command line runs a one-file bundle in which the bundled pack comes validated and its
 * templates precompiled at build time, the source is escaped to ASCII and string-width is swapped
 * (scripts/bundle.mjs). None of that may change a byte: the bundle's PDFs must equal the library's,
 * which parses the pack and compiles the templates at run time, in every language and situation.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { generate } from "../../src/index.js";
import { ROOT, listFiles, runCli, tempDir } from "../support/cli.js";

const EPOCH = "1790000000";

const CASES: { lang: string; extra: string[]; details: Record<string, unknown> }[] = [
  { lang: "zh-Hans", extra: [], details: {} },
  {
    lang: "zh-Hant",
    extra: ["--channel", "proxy", "--proxy-name", "Li CHEN"],
    details: { channel: "proxy", proxyName: "Li CHEN" },
  },
  { lang: "en", extra: ["--plan", "prepaid", "--channel", "post"], details: { plan: "prepaid", channel: "post" } },
  {
    lang: "fr",
    extra: ["--channel", "proxy", "--proxy-name", "Anne MARTIN"],
    details: { channel: "proxy", proxyName: "Anne MARTIN" },
  },
];

describe("the command line's bundle", () => {
  it.each(CASES)("writes the same bytes as the library ($lang $extra)", async ({ lang, extra, details }) => {
    const out = await tempDir();
    const result = await runCli(["generate", "--sample", "--lang", lang, ...extra, "--out", out], {
      env: { SOURCE_DATE_EPOCH: EPOCH },
    });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    const sample = parse(await readFile(join(ROOT, "samples", "details.yaml"), "utf8")) as Record<string, unknown>;
    const documents = await generate({ ...sample, ...details }, { lang, timestamp: new Date(Number(EPOCH) * 1000) });
    expect((await listFiles(out)).sort()).toEqual(documents.map((d) => d.fileName).sort());
    for (const document of documents) {
      expect(Buffer.from(document.bytes).equals(await readFile(join(out, document.fileName))), document.fileName).toBe(
        true,
      );
    }
  });

  it("is pure ASCII and carries the bundled pack prepared at build time", async () => {
    const bundle = await readFile(join(ROOT, "dist", "cli.bundle.cjs"));
    expect(bundle.every((byte) => byte < 0x80)).toBe(true);
    // The pack's text is in the bundle, as the key of its validated data: its comments, which
    // only the YAML text holds, prove it (a boolean, so a failure does not print 1.7 MB).
    const packText = await readFile(join(ROOT, "templates", "nc-opt", "pack.yaml"), "utf8");
    const comment = packText.split("\n").find((line) => /^# [\x20-\x7e]{30,}$/.test(line) && !line.includes("`"));
    expect(comment).toBeDefined();
    expect(bundle.includes(comment!)).toBe(true);
  });

  // A batch's workers start the bundle with a role and the build they expect (src/cli/bin.ts).
  const workerError = (workerData: unknown) =>
    new Promise<string>((resolve, reject) => {
      const worker = new Worker(join(ROOT, "dist", "cli", "launch.cjs"), { workerData, stdout: true, stderr: true });
      worker.once("error", (error) => resolve(error.message));
      worker.once("exit", (code) => reject(new Error(`the worker ended (exit ${code}) without an error`)));
    });

  it("never runs the command line in a worker thread without a known role", async () => {
    // It would run `generate` with the process's arguments (a worker shares them).
    expect(await workerError(undefined)).toMatch(/without a known role \(undefined\)/);
    expect(await workerError({ role: "generate" })).toMatch(/without a known role \(generate\)/);
  });

  it("refuses a worker of another build than the batch's (the tool reinstalled during a batch)", async () => {
    expect(await workerError({ role: "batch-render", build: "an-earlier-build" })).toMatch(
      /the batch build an-earlier-build/,
    );
  });
});
