/**
 * For the web tests: the built server (dist/web/, as `sim-cancel serve` runs it) started in this
 * process, and Debian's Chromium driven by playwright-core (no browser download: CI installs the
 * chromium package). The flags are those that work on this machine's closed network.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { ROOT } from "../support/cli.js";
import type { RunningServer, ServerOptions } from "../../src/web/serve.js";

export const CHROMIUM = process.env["SIM_CANCEL_CHROMIUM"] ?? "/usr/bin/chromium";

/** A fixed "today" so the letter's date, and so the PDFs, do not depend on the day the tests run. */
export const TODAY = "2026-11-24";

export async function startBuiltServer(options: ServerOptions = {}): Promise<RunningServer> {
  const { startServer } = (await import(
    join(ROOT, "dist", "web", "serve.js")
  )) as typeof import("../../src/web/serve.js");
  return startServer({ today: () => TODAY, ...options });
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium), as .ci/run does`);
  // Chromium puts a socket in its TMPDIR, whose path must stay under 108 bytes: the test run's
  // own temporary folder can be nested deeper than that, so the browser gets a short one.
  const browserTmp = mkdtempSync(join(existsSync("/tmp") ? "/tmp" : tmpdir(), "sc-chromium-"));
  const browser = await chromium
    .launch({
      env: { ...process.env, TMPDIR: browserTmp },
      executablePath: CHROMIUM,
      headless: true,
      // Chromium's PDF viewer is a built-in extension: with Playwright's default --disable-extensions
      // a previewed PDF stays an empty frame.
      ignoreDefaultArgs: ["--disable-extensions", "--disable-component-extensions-with-background-pages"],
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    })
    .catch((error: unknown) => {
      rmSync(browserTmp, { recursive: true, force: true });
      throw error;
    });
  browser.on("disconnected", () => rmSync(browserTmp, { recursive: true, force: true }));
  return browser;
}
