/** Types of serve-load.mjs, for the tests that run it. */
export interface LoadResult {
  clients: number;
  requests: number;
  ok: number;
  invalid: number;
  busy: number;
  unclear: number;
  unclearExamples: string[];
  p50: number;
  p95: number;
  max: number;
  idleRssMb: number | undefined;
  peakRssMb: number;
  afterFirstRoundMb: number | undefined;
  endRssMb: number | undefined;
  rounds: number;
  /** The server's resident set each time every client has finished one more request. */
  roundRssMb: number[];
  serverOutput: string;
}
export function planned(client: number, request: number): "valid" | "fieldError" | "missingGlyph";
export function benchServeLoad(options?: {
  clients?: number;
  requests?: number;
  onPdf?: (bytes: Buffer) => void | Promise<void>;
}): Promise<LoadResult>;
export function describeLoad(result: LoadResult): string;
