/** The messages between the batch's main thread and its render workers. */
import type { DetailsInput } from "../details/index.js";
import type { GenerateOptions } from "../generate.js";
import type { Problem } from "../problems.js";

/** Given once, as the worker's workerData. */
export interface WorkerSetup {
  options: GenerateOptions;
  /** Replace the files of a row folder that already exists. */
  force: boolean;
  /** Font files read once by the main thread, shared by every worker (file path -> bytes). */
  fonts: Record<string, SharedArrayBuffer>;
}

export interface RenderJob {
  id: number;
  input: DetailsInput;
  /** The row's own folder: the worker renders the row and writes its PDFs there. */
  dir: string;
}

/** A PDF the worker wrote: only its description comes back, never its bytes. */
export interface WrittenFile {
  kind: string;
  lang: string;
  fileName: string;
  pages: number;
  /** The file's size in bytes. */
  size: number;
}

export type RenderReply =
  | { id: number; ok: true; files: WrittenFile[] }
  /** `input`: the row's details were the problem (e.g. a character no font has), not the program. */
  | { id: number; ok: false; input: boolean; problems: readonly Problem[] };
