/** The messages between the batch's main thread and its render workers. */
import type { DetailsInput } from "../details/index.js";
import type { GenerateOptions } from "../generate.js";
import type { Problem } from "../problems.js";

/** Given once, as the worker's workerData. */
export interface WorkerSetup {
  options: GenerateOptions;
  /** Replace the files of a row folder that holds something other than the row's documents. */
  force: boolean;
  /** Font files read once by the main thread, shared by every worker (file path -> bytes). */
  fonts: Record<string, SharedArrayBuffer>;
}

export interface RenderJob {
  id: number;
  /** The row's details, the batch's defaults applied. */
  input: DetailsInput;
  /** The batch's output folder (locked by the main thread) and the row's folder name in it. */
  out: string;
  folder: string;
  /** The row's key (see row-folder.ts): a folder with this key and unchanged files is kept. */
  key: string;
}

/** A PDF of the row: only its description comes back, never its bytes. */
export interface WrittenFile {
  kind: string;
  lang: string;
  fileName: string;
  pages: number;
  /** The file's size in bytes. */
  size: number;
}

/** What became of the row's folder: made now, made again over another set (force), or kept as it was. */
export type RowAction = "written" | "replaced" | "kept";

export type RenderReply =
  /** `removed`: an earlier set's documents removed from the folder with it (names in the folder). */
  | { id: number; ok: true; action: RowAction; files: WrittenFile[]; removed?: string[] }
  /**
   * `input`: the row's details were the problem (e.g. a character no font has), not the program.
   * `exists`: the row's folder holds something else and was left as it was (force replaces it).
   */
  | { id: number; ok: false; input: boolean; exists?: boolean; problems: readonly Problem[] };
