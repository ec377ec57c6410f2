/**
 * Shows text that came from outside (a name, a file's key or path, a CSV header cell, a library's
 * error text) safely in a message, a log line or a summary file: every character a terminal or a
 * reader could be fooled by is written as a visible code, `\u{1B}`, so an escape sequence cannot
 * clear a screen or set a window title, and a direction override cannot reorder a line.
 * Covered: control characters (C0, DEL, C1: line breaks too, so one problem stays one line),
 * format characters (bidi controls and marks, zero-width and joiners, BOM, soft hyphen), line and
 * paragraph separators, private-use and unassigned code points, and lone surrogates.
 */
const UNSAFE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\p{Cs}\p{Zl}\p{Zp}]/gu;

export function show(text: string): string {
  return text.replace(UNSAFE, (char) => `\\u{${char.codePointAt(0)!.toString(16).toUpperCase()}}`);
}

/** "U+20BB7": how a code point is named in messages. */
export function formatCodePoint(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}
