/**
 * Every file the tool reads on a user's say-so (details, batch rows, fonts, packs, templates)
 * comes through here, so the same limits hold everywhere: the size is checked before reading (and
 * again while reading, since /proc files and pipes do not know their size), a folder, a device or
 * a pipe is refused rather than read (a font given as /dev/zero would never end), and each failure is a
 * problem naming the file. Nothing else in the tool opens a user's path for reading.
 */
import { constants, type Stats } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";
import { InputError } from "../errors.js";
import type { MessageCode, Problem } from "../problems.js";

export interface ReadLimits {
  /** Largest size accepted, in bytes. */
  maxBytes: number;
  /** Report problems with this problem code prefix's wording (e.g. fonts word their own). */
  codes?: { tooLarge?: MessageCode; unreadable?: MessageCode; notAFile?: MessageCode; missing?: MessageCode };
}

/** "64 KB", "12.0 MB": sizes in messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** What a path is when it is not a regular file (worded by the catalogues' "fileKind.*"). */
function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return "folder";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "device";
  if (stats.isFIFO()) return "pipe";
  if (stats.isSocket()) return "socket";
  return "special";
}

function fail(file: string, code: MessageCode, params?: Problem["params"]): InputError {
  return new InputError([{ code, at: { file }, ...(params ? { params } : {}) }]);
}

type Codes = Record<"tooLarge" | "unreadable" | "notAFile" | "missing", MessageCode>;

/**
 * Opens a regular file, or a pipe (a shell's process substitution, <(…)): never a folder, a device or a
 * socket. Opened without blocking first, so a named pipe nobody writes to is seen for what it is
 * before waiting on it.
 */
async function openReadable(
  file: string,
  codes: Codes,
  maxBytes: number,
): Promise<{ handle: FileHandle; stats: Stats }> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw fail(file, codes.missing, { file, reason: code });
    if (code === "EISDIR") throw fail(file, codes.notAFile, { file, kind: "folder" });
    throw fail(file, codes.unreadable, { file, reason: code ?? (error as Error).message });
  }
  const stats = await handle.stat();
  if (stats.isFile()) {
    if (stats.size <= maxBytes) return { handle, stats };
    await handle.close();
    throw fail(file, codes.tooLarge, { file, size: formatBytes(stats.size), max: formatBytes(maxBytes) });
  }
  await handle.close();
  if (!stats.isFIFO()) throw fail(file, codes.notAFile, { file, kind: kindOf(stats) });
  // A pipe is read as it comes: opened again, blocking, so reads wait for the writer.
  try {
    return { handle: await open(file, constants.O_RDONLY), stats };
  } catch (error) {
    throw fail(file, codes.unreadable, {
      file,
      reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    });
  }
}

/** The whole of a regular file or a pipe, at most `limits.maxBytes`, as bytes. */
export async function readLimited(file: string, limits: ReadLimits): Promise<Buffer> {
  const codes: Codes = {
    tooLarge: "file.tooLarge",
    unreadable: "file.unreadable",
    notAFile: "file.notAFile",
    missing: "file.missing",
    ...limits.codes,
  };
  const { handle, stats } = await openReadable(file, codes, limits.maxBytes);
  try {
    // One byte more than allowed tells a file that grew, or a pipe that never ends, from one that fits.
    const buffer = Buffer.allocUnsafe(Math.min(limits.maxBytes, Math.max(stats.size, 64 * 1024)) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limits.maxBytes)
      throw fail(file, codes.tooLarge, {
        file,
        size: `> ${formatBytes(limits.maxBytes)}`,
        max: formatBytes(limits.maxBytes),
      });
    return buffer.subarray(0, length);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw fail(file, codes.unreadable, {
      file,
      reason: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
    });
  } finally {
    await handle.close();
  }
}

/** A stream (standard input) read to its end, at most `maxBytes`. */
export async function readStreamLimited(
  stream: AsyncIterable<Buffer | string>,
  name: string,
  maxBytes: number,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    length += bytes.length;
    if (length > maxBytes)
      throw fail(name, "file.tooLarge", { file: name, size: `> ${formatBytes(maxBytes)}`, max: formatBytes(maxBytes) });
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** UTF-8 text, or the problem naming the first byte that is not UTF-8. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw fail(file, "file.notUtf8", { offset: firstInvalidByte(bytes) + 1 });
  }
}

/** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    const sequence = bytes.subarray(i, i + length);
    if (sequence.length < length) return i;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(sequence);
    } catch {
      return i;
    }
    i += length;
  }
  return 0;
}

/**
 * A regular file or a pipe opened for streaming (batch files: read row by row, never whole), with
 * the same refusals as readLimited: a folder, a device, a file over `maxBytes`. The stream also
 * stops with the size problem if more than `maxBytes` arrive (a file that grows, a pipe).
 */
export async function openLimitedStream(file: string, maxBytes: number): Promise<Readable> {
  const codes: Codes = {
    tooLarge: "file.tooLarge",
    unreadable: "file.unreadable",
    notAFile: "file.notAFile",
    missing: "file.missing",
  };
  const { handle } = await openReadable(file, codes, maxBytes);
  const max = formatBytes(maxBytes);
  let seen = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > maxBytes ? fail(file, "file.tooLarge", { file, size: `> ${max}`, max }) : null, chunk);
    },
  });
  const source = handle.createReadStream();
  source.on("error", (error) => limit.destroy(error));
  limit.on("close", () => source.destroy());
  return source.pipe(limit);
}
