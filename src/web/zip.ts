/**
 * ZIP files made in memory with fflate (small, no dependencies, maintained). PDFs are already
 * compressed, so entries are stored as they are; a fixed date keeps the same input's ZIP the
 * same bytes. Each entry's bytes are copied into the archive's chunks as it is added, so a
 * batch does not hold every PDF twice.
 */
import { Zip, ZipPassThrough } from "fflate";

/** 1 January 2026, noon: a ZIP entry needs a date, and a fixed one keeps archives reproducible. */
const ENTRY_DATE = new Date(Date.UTC(2026, 0, 1, 12));

export class ZipBuilder {
  private readonly chunks: Uint8Array[] = [];
  private readonly zip = new Zip((error, chunk) => {
    if (error) throw error;
    this.chunks.push(chunk);
  });

  /** `path` uses "/" between folders; it is made by the server, never taken from user text as is. */
  add(path: string, bytes: Uint8Array): void {
    const entry = new ZipPassThrough(path);
    entry.mtime = ENTRY_DATE;
    this.zip.add(entry);
    entry.push(bytes, true);
  }

  finish(): Uint8Array<ArrayBuffer> {
    this.zip.end();
    const size = this.chunks.reduce((n, c) => n + c.byteLength, 0);
    const out = new Uint8Array(size);
    let at = 0;
    for (const chunk of this.chunks.splice(0)) {
      out.set(chunk, at);
      at += chunk.byteLength;
    }
    return out;
  }
}
