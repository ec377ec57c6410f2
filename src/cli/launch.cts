#!/usr/bin/env node
/**
 * The package's bin. It runs the command line from its one-file bundle (dist/cli.bundle.cjs,
 * made by scripts/bundle.mjs) with V8's code cache of that bundle, made at build time by running
 * the sample once: most of a cold start was spent loading and compiling JavaScript, which the
 * bundle and the cache skip. V8 checks that a cache fits the file and this Node.js exactly and
 * ignores one that does not, so a stale or foreign cache only costs speed. Without the bundle
 * (a plain `tsc` build) it runs the unbundled modules.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire, wrap } from "node:module";
import { join } from "node:path";
import { Script } from "node:vm";
import { isMainThread } from "node:worker_threads";
import { rerunBatchWithSingleThreadedGc } from "./batch-rerun.cjs";

const BUNDLE = join(__dirname, "..", "cli.bundle.cjs");
const CODE_CACHE = `${BUNDLE}.v8cache`;

function readOrUndefined(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Runs the command line: the bundle with its code cache, or the unbundled modules. */
function runCommandLine(): void {
  const bundle = readOrUndefined(BUNDLE);
  if (bundle === undefined) {
    void import("./bin.js");
    return;
  }
  // The bundle is pure ASCII (scripts/bundle.mjs escapes the rest), so Latin-1 decodes it, fast.
  // It keeps bin.ts's "#!" line, which is not JavaScript inside a function wrapper.
  const source = wrap(bundle.toString("latin1").replace(/^#!.*/, ""));
  const script = new Script(source, { filename: BUNDLE, cachedData: readOrUndefined(CODE_CACHE) });
  if (process.env["SIM_CANCEL_WRITE_CODE_CACHE"] === "1" && isMainThread) {
    // Build time only (scripts/bundle.mjs): after a whole run, every function used is compiled.
    process.once("beforeExit", () => writeFileSync(CODE_CACHE, script.createCachedData()));
  }
  const module = { exports: {} };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(BUNDLE), module, BUNDLE, join(__dirname, ".."));
}

// A batch's workers run the bundle too (src/batch/pool.ts, check.ts); they share the process's
// arguments, and must not start the batch again.
if (!isMainThread || !rerunBatchWithSingleThreadedGc(__filename, runCommandLine)) runCommandLine();
