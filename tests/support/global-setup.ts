/**
 * One temporary folder for the whole test run: TMPDIR points into it, so every folder a test (or
 * a command it starts) makes with mkdtemp lands there, and it is removed when the run ends. The
 * machine's temporary folder is left as the run found it, even when a test forgets to clean up or
 * is killed half way. And every command line a test runs checks the shaping it takes from the
 * bundle's prebuilt table against fontkit's own (src/fonts/shaping.ts).
 */
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export default function setup(): () => void {
  const previous = process.env["TMPDIR"];
  const root = mkdtempSync(join(tmpdir(), "sim-cancel-tests-"));
  // Searchable by others, like the system's own: a test runs the CLI as another user.
  chmodSync(root, 0o755);
  process.env["TMPDIR"] = root;
  // Every run of the built CLI in the tests checks each prebuilt shaping it uses against fontkit's.
  process.env["SIM_CANCEL_VERIFY_SHAPING"] = "1";
  return () => {
    if (previous === undefined) delete process.env["TMPDIR"];
    else process.env["TMPDIR"] = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
