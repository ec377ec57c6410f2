import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // The end-to-end tests start the CLI and parse PDFs: give them room on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
