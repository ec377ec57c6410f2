/**
 * The library API: the whole pipeline without the command line.
 *
 *   import { generate } from "sim-cancel";
 *   const documents = await generate({ name: "…", phone: "76 12 34" });
 */
export { generate, InputError, type GenerateOptions, type GeneratedDocument } from "./generate.js";
export type { DetailsInput, Details, Plan, Channel } from "./details/types.js";
export type { DocModel, Block, Inline, Section } from "./model/doc-model.js";
export type { PageLayout } from "./layout/page-layout.js";
