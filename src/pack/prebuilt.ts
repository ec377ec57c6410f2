/**
 * Packs validated at build time, by the exact text of their pack.yaml. Empty here: the command
 * line's bundle (scripts/bundle.mjs) replaces this module with the bundled packs, parsed and
 * validated by loadPack's own code during the same build, so a cold start skips the YAML parser
 * and the schema (40-50 ms). A pack.yaml that differs by one byte, or any other pack, is parsed
 * and validated at run time as before.
 */
import type { PackData } from "./schema.js";

export const PREBUILT_PACKS: ReadonlyMap<string, PackData> = new Map();
