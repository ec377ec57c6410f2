/** The messages between the batch's main thread and its render workers. */
import type { DetailsInput } from "../details/index.js";
import type { GenerateOptions } from "../generate.js";

/** Given once, as the worker's workerData. */
export interface WorkerSetup {
  options: GenerateOptions;
  /** Font files read once by the main thread, shared by every worker (file path -> bytes). */
  fonts: Record<string, SharedArrayBuffer>;
}

export interface RenderJob {
  id: number;
  input: DetailsInput;
}

export interface RenderedFile {
  kind: string;
  lang: string;
  fileName: string;
  pages: number;
  /** The PDF, transferred (not copied) from the worker. */
  bytes: ArrayBuffer;
}

export type RenderReply =
  | { id: number; ok: true; files: RenderedFile[] }
  /** `input`: the row's details were the problem (e.g. a character no font has), not the program. */
  | { id: number; ok: false; input: boolean; problems: string[] };
