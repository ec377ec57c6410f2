/**
 * `sim-cancel packs`: the bundled carrier packs and their languages.
 */
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { CommandModule } from "yargs";
import { loadPack } from "../pack/index.js";
import { PROJECT_ROOT } from "../paths.js";
import { reportFailure } from "./report.js";

export const BUNDLED_PACKS_DIR = join(PROJECT_ROOT, "templates");

async function listPacks(): Promise<string[]> {
  const entries = await readdir(BUNDLED_PACKS_DIR, { withFileTypes: true });
  const dirs = entries.filter((e) => e.isDirectory()).map((e) => join(BUNDLED_PACKS_DIR, e.name));
  const lines: string[] = [];
  for (const dir of dirs.sort()) {
    const pack = await loadPack(dir).catch(() => undefined);
    if (!pack) continue; // a folder of other templates (templates/cli), not a pack
    lines.push(`${pack.id}  ${pack.name["en"] ?? Object.values(pack.name)[0]}`);
    lines.push(
      `  checklist languages: ${pack.languages.join(", ")}; letter languages: ${pack.letterLanguages.join(", ")}`,
    );
    lines.push(`  folder: ${dir}`);
  }
  return lines;
}

export const packsCommand: CommandModule = {
  command: "packs",
  describe: "List the bundled carrier packs and their languages",
  handler: async () => {
    try {
      process.stdout.write(`${(await listPacks()).join("\n")}\n`);
    } catch (error) {
      process.exitCode = reportFailure(error, false, "en");
    }
  },
};
