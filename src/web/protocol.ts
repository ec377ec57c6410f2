/** The messages between the web server and its render workers (render-worker.ts). */
import type { DetailsInput } from "../details/index.js";
import type { Problem } from "../problems.js";

export interface WebRenderJob {
  id: number;
  input: DetailsInput;
  /** The documents' language (checklist and translation); the letter stays in the carrier's. */
  lang: string;
  /** Today in Nouméa, the default letter date, fixed by the server so a page and its ZIP agree. */
  today: string;
}

export interface WebDocument {
  kind: string;
  lang: string;
  fileName: string;
  pages: number;
  bytes: Uint8Array;
}

export type WebRenderReply =
  | { id: number; ok: true; documents: WebDocument[] }
  /** `input`: the details were the problem (a character no font has), not the program. */
  | { id: number; ok: false; input: boolean; problems: readonly Problem[] };
