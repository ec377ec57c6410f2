#!/usr/bin/env node
/**
 * A small process that uses the built writer (dist/write/) the way a front end does, for the
 * fault-injection tests: started many times, killed at chosen steps (SIM_CANCEL_WRITE_FAULT),
 * raced against itself. Prints one JSON line: the result or the problems.
 *
 *   node driver.mjs write DIR WHO [--force] [--size N]   a set: checklist.pdf and letter.pdf of WHO
 *   node driver.mjs open DIR                             what opening DIR cleans up
 *
 * Each file holds "<name> of <WHO>" then filler up to N bytes, so a test can tell whose it is.
 */
import { isWriteError, openFolder, writeFiles, WriteRefused } from "../../dist/write/index.js";

const [command, dir, who, ...rest] = process.argv.slice(2);
const force = rest.includes("--force");
const sizeAt = rest.indexOf("--size");
const size = sizeAt >= 0 ? Number(rest[sizeAt + 1]) : 2_000;

export function content(name, owner, bytes) {
  const head = `${name} of ${owner}\n`;
  return new TextEncoder().encode(head + ".".repeat(Math.max(0, bytes - head.length)));
}

try {
  if (command === "open") {
    const folder = await openFolder(dir, { waitMs: 10_000 });
    await folder.release();
    process.stdout.write(`${JSON.stringify({ ok: true, recovered: folder.recovered })}\n`);
  } else {
    const files = ["checklist.pdf", "letter.pdf"].map((fileName) => ({
      fileName,
      bytes: content(fileName, who, size),
    }));
    const result = await writeFiles(dir, files, { force, waitMs: 10_000 });
    process.stdout.write(`${JSON.stringify({ ok: true, files: result.files })}\n`);
  }
} catch (error) {
  if (!isWriteError(error)) throw error;
  process.stdout.write(`${JSON.stringify({ ok: false, problems: error.problems, kept: error.kept })}\n`);
  process.exitCode = error instanceof WriteRefused ? 2 : 1;
}
