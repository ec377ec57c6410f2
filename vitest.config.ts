import { defineConfig } from "vitest/config";

/**
 * Two projects. "unit": the library, in process, fast enough to run on every change (npm test).
 * "e2e": what runs the built command line, worker threads, browsers, fault injection and the
 * long property runs (npm run test:e2e). npm run test:all runs both, as CI does.
 */
const E2E = [
  "tests/e2e/**/*.test.ts",
  "tests/extend/**/*.test.ts",
  "tests/faults/**/*.test.ts",
  "tests/web/**/*.test.ts",
  "tests/property/**/*.test.ts",
  "tests/**/*.e2e.test.ts",
  "tests/batch/cli.test.ts",
  "tests/batch/rerun.test.ts",
  "tests/cli/write.test.ts",
];

export default defineConfig({
  test: {
    // Every test's temporary files go into one folder, removed when the run ends.
    globalSetup: ["tests/support/global-setup.ts"],
    // Every PDF a test renders in its process is checked from the PDF itself (geometry, text).
    setupFiles: ["tests/support/check-every-pdf.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["tests/**/*.test.ts"], exclude: E2E } },
      // The end-to-end tests start the CLI and parse PDFs: give them room on a shared 2-core machine.
      { extends: true, test: { name: "e2e", include: E2E } },
    ],
  },
});
