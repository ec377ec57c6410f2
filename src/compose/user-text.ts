/**
 * Keeps what the user typed out of the Markdown parser. Every user value is replaced by an
 * opaque placeholder (private-use characters, which validation refuses in input) before the
 * template is rendered; the placeholders survive Markdown parsing as plain text and are swapped
 * back for the literal value in the document model. So `{{`, `**`, `#`, `<b>` or a line break in
 * a name can never become structure: they are printed as the text they are.
 */

const OPEN = "\ue000";
const CLOSE = "\ue001";
const PLACEHOLDER = /\ue000([0-9a-z]+)\ue001/g;

export class UserTextTable {
  private readonly values: string[] = [];

  /** The placeholder for `value` (empty values stay empty, so `{{#if}}` still works). */
  hold(value: string): string {
    if (value === "") return "";
    this.values.push(value);
    return `${OPEN}${(this.values.length - 1).toString(36)}${CLOSE}`;
  }

  /** The literal text of a string that may be or contain placeholders. */
  resolve(text: string): string {
    return text.replace(PLACEHOLDER, (_, index: string) => this.values[parseInt(index, 36)] ?? "");
  }

  /** Splits text into literal pieces, marking which came from the user (for line-break handling). */
  split(text: string): { text: string; fromUser: boolean }[] {
    const pieces: { text: string; fromUser: boolean }[] = [];
    let last = 0;
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (match.index > last) pieces.push({ text: text.slice(last, match.index), fromUser: false });
      pieces.push({ text: this.values[parseInt(match[1]!, 36)] ?? "", fromUser: true });
      last = match.index + match[0].length;
    }
    if (last < text.length) pieces.push({ text: text.slice(last), fromUser: false });
    return pieces;
  }

  /** Replaces every string inside a plain data value by its placeholder, recursively. */
  holdAll<T>(value: T): T {
    if (typeof value === "string") return this.hold(value) as T;
    if (Array.isArray(value)) return value.map((item) => this.holdAll(item)) as T;
    if (value && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, this.holdAll(item)])) as T;
    }
    return value;
  }
}
