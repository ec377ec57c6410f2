/**
 * Where a JSON.parse failure is: V8 names a position in some of its messages ("... in JSON at
 * position 42"), not all. Shared by the details loader and the batch's JSON readers.
 */
export function jsonErrorPlace(text: string, message: string): { line?: number; column?: number } {
  const at = /at position (\d+)/.exec(message);
  if (!at) return {};
  const before = text.slice(0, Number(at[1])).split("\n");
  return { line: before.length, column: before.at(-1)!.length + 1 };
}
