/**
 * A page of two PDFs side by side in one PNG (ours left, the other right), to look at what a
 * comparison compares. Rendering by poppler's pdftoppm (not our code); the PNG is written here
 * with zlib, so nothing beyond poppler-utils is needed.
 *
 *   await sideBySide("ours.pdf", "typst.pdf", "page1.png", { page: 1, dpi: 60 });
 */
import { execFile } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";

const run = promisify(execFile);

/** One page as a binary PPM (P6) from pdftoppm's standard output. */
async function renderPage(pdf, page, dpi) {
  const { stdout } = await run(
    "pdftoppm",
    ["-r", String(dpi), "-f", String(page), "-l", String(page), "-singlefile", pdf],
    {
      encoding: "buffer",
      maxBuffer: 256 * 1024 * 1024,
    },
  );
  return parsePpm(stdout);
}

function parsePpm(bytes) {
  // Header: "P6", width, height, maxval, separated by whitespace (comments are not written by pdftoppm).
  const fields = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(bytes[i]))) i++;
    let token = "";
    while (!/\s/.test(String.fromCharCode(bytes[i]))) token += String.fromCharCode(bytes[i++]);
    fields.push(token);
  }
  i++;
  const [magic, width, height, max] = fields;
  if (magic !== "P6" || max !== "255")
    throw new Error(`side-by-side: unexpected image from pdftoppm (${magic}, max ${max})`);
  return {
    width: Number(width),
    height: Number(height),
    rgb: bytes.subarray(i, i + Number(width) * Number(height) * 3),
  };
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "latin1");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function encodePng({ width, height, rgb }) {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (width * 3 + 1) + 1, y * width * 3, (y + 1) * width * 3);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Both images next to each other on a gray background, a gap between them. */
function join(left, right, gap = 12) {
  const width = left.width + gap + right.width;
  const height = Math.max(left.height, right.height);
  const rgb = Buffer.alloc(width * height * 3, 0x80);
  for (const [image, x0] of [
    [left, 0],
    [right, left.width + gap],
  ]) {
    for (let y = 0; y < image.height; y++)
      image.rgb.copy(rgb, (y * width + x0) * 3, y * image.width * 3, (y + 1) * image.width * 3);
  }
  return { width, height, rgb };
}

export async function sideBySide(leftPdf, rightPdf, outPng, { page = 1, dpi = 60 } = {}) {
  const [left, right] = await Promise.all([renderPage(leftPdf, page, dpi), renderPage(rightPdf, page, dpi)]);
  await writeFile(outPng, encodePng(join(left, right)));
  return outPng;
}
