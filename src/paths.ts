/**
 * Where the project's own files are, found from this module's location so the tool works from
 * a clone (src/ under vitest, dist/ once built) and from an installed package alike.
 */
import { fileURLToPath, pathToFileURL } from "node:url";
import { join } from "node:path";

export const PROJECT_ROOT = fileURLToPath(new URL("..", import.meta.url));
/**
 * Worker threads run the built modules (dist/batch/), found from the project root: the command
 * line itself may run from the one-file bundle (dist/cli.bundle.cjs), where they are not beside it.
 */
export const RENDER_WORKER = pathToFileURL(join(PROJECT_ROOT, "dist", "batch", "worker.js"));
/** The package's bin: it runs the one-file bundle with V8's code cache of it (src/cli/launch.cts). */
export const LAUNCHER = join(PROJECT_ROOT, "dist", "cli", "launch.cjs");

/**
 * The command line's one-file bundle's build, a random id scripts/bundle.mjs gives each build
 * (esbuild's define); "" outside the bundle. A worker started from the bundle checks it runs the
 * same build as the thread that started it (src/cli/bin.ts).
 */
declare const __SIM_CANCEL_BUILD__: string | undefined;
export const BUILD_ID = typeof __SIM_CANCEL_BUILD__ === "string" ? __SIM_CANCEL_BUILD__ : "";
export const IN_BUNDLE = BUILD_ID !== "";
/** workerData.role of the batch's workers started from the bundle (dispatched in src/cli/bin.ts). */
export const WORKER_ROLES = { render: "batch-render", check: "batch-check" } as const;
export const CHECK_WORKER = pathToFileURL(join(PROJECT_ROOT, "dist", "batch", "check-worker.js"));
export const BUNDLED_PACK_DIR = join(PROJECT_ROOT, "templates", "nc-opt");
export const USER_FONTS_DIR = join(PROJECT_ROOT, "fonts");
export const SAMPLE_DETAILS_FILE = join(PROJECT_ROOT, "samples", "details.yaml");
/** Texts of the command line itself: the commented details file of `init`, the prompts. */
export const CLI_TEXTS_DIR = join(PROJECT_ROOT, "templates", "cli");
