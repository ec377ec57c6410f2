/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** Talking to the server: JSON in and out, files out as downloads. */

export interface ShownProblem {
  code: string;
  field?: string;
  message: string;
}

export interface Reply<T> {
  status: number;
  /** The JSON body, or undefined when the server could not be reached or did not answer JSON. */
  data?: T & { ok: boolean; problems?: ShownProblem[] };
}

export async function post<T>(path: string, body: BodyInit, contentType: string): Promise<Reply<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      body,
      headers: { "Content-Type": contentType },
      credentials: "same-origin",
    });
  } catch {
    return { status: 0 };
  }
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("application/json")) return { status: response.status };
  return { status: response.status, data: (await response.json()) as T & { ok: boolean; problems?: ShownProblem[] } };
}

export function postJson<T>(path: string, body: unknown): Promise<Reply<T>> {
  return post<T>(path, JSON.stringify(body), "application/json");
}

/** A POST whose answer is a file: its bytes, or the problems. */
export async function postForFile(
  path: string,
  body: unknown,
): Promise<{ blob?: Blob; problems?: ShownProblem[]; status: number }> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "Content-Type": "application/json" },
      credentials: "same-origin",
    });
  } catch {
    return { status: 0 };
  }
  if (response.ok) return { blob: await response.blob(), status: response.status };
  const data = (await response.json().catch(() => undefined)) as { problems?: ShownProblem[] } | undefined;
  return { status: response.status, ...(data?.problems ? { problems: data.problems } : {}) };
}

/** Saves a blob under `fileName` (the browser's own download). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
