/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The page's language in the browser: every element with data-t gets its text from the data
 * block the server wrote (all four languages), so switching keeps what was typed. Messages about
 * the details come from the server in the new language (the form asks again on a switch).
 */
type Texts = Record<string, Record<string, string>>;

const texts = JSON.parse(document.getElementById("texts")?.textContent ?? "{}") as Texts;
const listeners: (() => void)[] = [];
let current = document.documentElement.lang;

export function lang(): string {
  return current;
}

/** A text of the page in its current language, with {name} values filled in. */
export function tr(key: string, values: Record<string, string | number> = {}): string {
  const template = texts[current]?.[key] ?? texts["en"]?.[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole));
}

/** An element whose text follows the language (and its {values}). */
export function translated<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  key: string,
  values?: Record<string, string | number>,
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  element.dataset["t"] = key;
  if (values) element.dataset["tValues"] = JSON.stringify(values);
  element.textContent = tr(key, values);
  return element;
}

export function onLangChange(listener: () => void): void {
  listeners.push(listener);
}

export function setLang(next: string): void {
  if (!texts[next]) return;
  current = next;
  document.documentElement.lang = next;
  for (const element of document.querySelectorAll<HTMLElement>("[data-t]")) {
    const values = element.dataset["tValues"]
      ? (JSON.parse(element.dataset["tValues"]) as Record<string, string | number>)
      : undefined;
    element.textContent = tr(element.dataset["t"]!, values);
  }
  document.title = `${tr("title")} · sim-cancel`;
  const url = new URL(window.location.href);
  url.searchParams.set("lang", next);
  history.replaceState(null, "", url);
  for (const listener of listeners) listener();
}
