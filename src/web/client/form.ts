/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The details form: validation as you type (the server's schema and messages, asked a quarter
 * second after the last key), each problem under its field, the proxy fields shown only for a
 * proxy, "Make my documents" with a preview, Download and Print for each PDF and a ZIP of all,
 * and saving / loading the details as a details file.
 */
import { base64ToBytes, post, postForFile, postJson, saveBlob, type ShownProblem } from "./api.js";
import type { FieldName } from "../../details/fields.js";
import { lang, onLangChange, translated, tr } from "./i18n.js";

type Field = FieldName;
/**
 * The details fields, in the page's order: the server draws one `[data-field]` per name of
 * FIELD_NAMES (src/details/fields.ts), so the list is read from the page rather than copied here.
 */
const FIELDS: readonly Field[] = Array.from(
  document.querySelectorAll<HTMLElement>("#details-form [data-field]"),
  (element) => element.dataset["field"] as Field,
);
/** Shown, and sent, only for a proxy: the representative, and the holder's identity the procuration states. */
const PROXY_FIELDS: readonly Field[] = ["proxyName", "proxyId", "proxyIdType", "birthDate", "idType", "idNumber"];
/** Chosen with radio buttons (see CHOICES in texts.ts). */
const CHOICE_FIELDS: readonly Field[] = ["plan", "channel", "idType", "proxyIdType"];
/** Check boxes: "yes" when ticked. */
const CHECKBOX_FIELDS: readonly Field[] = ["leaving"];

const isChoice = (field: Field) => CHOICE_FIELDS.includes(field);

interface MadeDocument {
  kind: string;
  lang: string;
  fileName: string;
  pages: number;
  size: number;
  pdf: string;
}

const form = document.getElementById("details-form") as HTMLFormElement;
const formProblems = document.getElementById("form-problems")!;
const status = document.getElementById("make-status")!;
const makeButton = document.getElementById("make") as HTMLButtonElement;
const results = document.getElementById("results")!;
const docList = document.getElementById("doc-list")!;
const proxyGroup = document.getElementById("group-proxy")!;

/** Fields the person has been in (or all, after pressing Make): only their problems show. */
const touched = new Set<Field>();
let checkTimer: number | undefined;
let checkSeq = 0;
let lastProblems: ShownProblem[] = [];
let blobUrls: string[] = [];
/** After "Make my documents", every field's problems show, touched or not. */
let shownAll = false;

function channel(): string {
  return form.querySelector<HTMLInputElement>('input[name="channel"]:checked')?.value ?? "in-person";
}

function control(field: Field): HTMLInputElement | HTMLTextAreaElement | null {
  return form.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#f-${field}`);
}

/** A field's value as text, whatever its control: a radio group's choice, a check box's "yes". */
function fieldValue(field: Field): string {
  if (isChoice(field)) return form.querySelector<HTMLInputElement>(`input[name="${field}"]:checked`)?.value ?? "";
  if (CHECKBOX_FIELDS.includes(field)) return (control(field) as HTMLInputElement | null)?.checked ? "yes" : "";
  return control(field)?.value ?? "";
}

/** The details as the server takes them: each field's text; proxy fields only for a proxy. */
export function values(): Record<string, string> {
  const details: Record<string, string> = {};
  for (const field of FIELDS) {
    if (PROXY_FIELDS.includes(field) && channel() !== "proxy") continue;
    details[field] = fieldValue(field);
  }
  return details;
}

function setValues(details: Record<string, string>): void {
  for (const field of FIELDS) {
    const value = details[field] ?? "";
    if (isChoice(field)) {
      const wanted = value.toLowerCase() || (field === "channel" ? "in-person" : "");
      const radio = form.querySelector<HTMLInputElement>(`input[name="${field}"][value="${CSS.escape(wanted)}"]`);
      if (radio) radio.checked = true;
    } else if (CHECKBOX_FIELDS.includes(field)) {
      const box = control(field) as HTMLInputElement | null;
      if (box) box.checked = ["yes", "true", "1"].includes(value.trim().toLowerCase());
    } else {
      const input = control(field);
      if (input) input.value = value;
    }
    if (value !== "") touched.add(field);
  }
  showProxy();
}

function showProxy(): void {
  proxyGroup.hidden = channel() !== "proxy";
}

/** Each problem under its field (for fields touched, or all), the others above the form. */
function showProblems(problems: ShownProblem[], all: boolean): void {
  lastProblems = problems;
  const byField = new Map<string, string[]>();
  const general: string[] = [];
  for (const problem of problems) {
    if (problem.field && (FIELDS as readonly string[]).includes(problem.field)) {
      if (!all && !touched.has(problem.field as Field)) continue;
      byField.set(problem.field, [...(byField.get(problem.field) ?? []), problem.message]);
    } else {
      general.push(problem.message);
    }
  }
  for (const field of FIELDS) {
    const error = document.getElementById(`f-${field}-error`);
    const messages = byField.get(field) ?? [];
    if (error) error.textContent = messages.join(" ");
    const target = isChoice(field) ? form.querySelector(`[data-field="${field}"]`) : control(field);
    if (messages.length > 0) target?.setAttribute("aria-invalid", "true");
    else target?.removeAttribute("aria-invalid");
  }
  formProblems.replaceChildren();
  if (general.length > 0) {
    const list = document.createElement("ul");
    for (const message of general) {
      const item = document.createElement("li");
      item.textContent = message;
      list.append(item);
    }
    formProblems.append(list);
  }
}

/** Asks the server (the schema the command line uses) about the details as they are now. */
async function check(all = false): Promise<void> {
  const seq = ++checkSeq;
  const reply = await postJson<{ problems: ShownProblem[] }>("/api/check", { details: values(), lang: lang() });
  if (seq !== checkSeq || !reply.data) return;
  showProblems(reply.data.problems ?? [], all);
}

function scheduleCheck(): void {
  window.clearTimeout(checkTimer);
  checkTimer = window.setTimeout(() => void check(), 250);
}

function setStatus(text: string): void {
  status.textContent = text;
}

function focusFirstProblem(problems: ShownProblem[]): void {
  const field = FIELDS.find((f) => problems.some((p) => p.field === f));
  if (!field) return;
  const target = isChoice(field) ? form.querySelector<HTMLInputElement>(`input[name="${field}"]`) : control(field);
  target?.focus();
}

function sizeText(bytes: number): string {
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** One document: its title, a preview of the PDF, and its Download and Print buttons. */
function documentCard(doc: MadeDocument): HTMLElement {
  const url = URL.createObjectURL(new Blob([base64ToBytes(doc.pdf)], { type: "application/pdf" }));
  blobUrls.push(url);
  const card = document.createElement("article");
  card.className = "doc";
  card.dataset["kind"] = doc.kind;
  const title = translated("h3", `doc.${doc.kind}`);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.append(
    translated("span", "pages", { n: doc.pages }),
    document.createTextNode(` · ${sizeText(doc.size)} · ${doc.fileName}`),
  );
  const frame = document.createElement("iframe");
  frame.src = url;
  frame.title = `${tr("preview")}${tr(`doc.${doc.kind}`)}`;
  const actions = document.createElement("div");
  actions.className = "doc-actions";
  const download = translated("a", "download");
  download.className = "button";
  download.href = url;
  download.download = doc.fileName;
  const print = translated("button", "print");
  print.type = "button";
  print.addEventListener("click", () => {
    // The browser's PDF viewer prints the document itself, not the page around it.
    try {
      frame.contentWindow?.focus();
      frame.contentWindow?.print();
    } catch {
      window.open(url, "_blank");
    }
  });
  actions.append(download, print);
  card.append(title, meta, frame, actions);
  return card;
}

function showDocuments(documents: MadeDocument[]): void {
  for (const url of blobUrls) URL.revokeObjectURL(url);
  blobUrls = [];
  docList.replaceChildren(...documents.map(documentCard));
  results.hidden = false;
  results.scrollIntoView({ behavior: "smooth", block: "start" });
}

async function make(event: Event): Promise<void> {
  event.preventDefault();
  for (const field of FIELDS) touched.add(field);
  shownAll = true;
  makeButton.disabled = true;
  setStatus(tr("making"));
  try {
    const reply = await postJson<{ documents: MadeDocument[] }>("/api/documents", { details: values(), lang: lang() });
    if (reply.data?.ok && reply.data.documents) {
      showProblems([], true);
      setStatus("");
      showDocuments(reply.data.documents);
      return;
    }
    if (reply.status === 0) return setStatus(tr("offline"));
    const problems = reply.data?.problems ?? [];
    showProblems(problems, true);
    if (reply.status === 422) {
      setStatus(tr("fixFields"));
      focusFirstProblem(problems);
    } else {
      setStatus(reply.status === 503 ? tr("busy") : tr("failed"));
    }
  } finally {
    makeButton.disabled = false;
  }
}

async function downloadZip(): Promise<void> {
  const file = await postForFile("/api/documents.zip", { details: values(), lang: lang() });
  if (file.blob) saveBlob(file.blob, `sim-cancel-${lang()}.zip`);
  else setStatus(file.status === 503 ? tr("busy") : tr("failed"));
}

async function saveDetails(): Promise<void> {
  // Every field, the proxy's too: a saved file is what was typed, whatever the channel.
  const details: Record<string, string> = { ...values() };
  for (const field of PROXY_FIELDS) details[field] = fieldValue(field);
  const file = await postForFile("/api/details.yaml", { details, lang: lang() });
  if (file.blob) saveBlob(file.blob, "details.yaml");
  else setStatus(tr("failed"));
}

async function loadDetails(input: HTMLInputElement): Promise<void> {
  const file = input.files?.[0];
  input.value = "";
  if (!file) return;
  const reply = await post<{ details: Record<string, string> }>(
    `/api/details/load?lang=${encodeURIComponent(lang())}`,
    await file.arrayBuffer(),
    "application/yaml",
  );
  if (reply.data?.ok && reply.data.details) {
    setValues(reply.data.details);
    setStatus(tr("loaded"));
    await check(true);
  } else {
    showProblems(reply.data?.problems ?? [{ code: "web.failed", message: tr("failed") }], false);
  }
}

export function setUpForm(): void {
  form.addEventListener("input", (event) => {
    const name = (event.target as HTMLInputElement).name as Field;
    if ((FIELDS as readonly string[]).includes(name) && (event.target as HTMLInputElement).type !== "radio")
      touched.add(name);
    scheduleCheck();
  });
  form.addEventListener("change", (event) => {
    const name = (event.target as HTMLInputElement).name as Field;
    if ((FIELDS as readonly string[]).includes(name)) touched.add(name);
    showProxy();
    scheduleCheck();
  });
  form.addEventListener("focusout", (event) => {
    const name = (event.target as HTMLInputElement).name as Field;
    if ((FIELDS as readonly string[]).includes(name) && (event.target as HTMLInputElement).type !== "radio") {
      touched.add(name);
      scheduleCheck();
    }
  });
  form.addEventListener("submit", (event) => void make(event));
  document.getElementById("zip")!.addEventListener("click", () => void downloadZip());
  document.getElementById("save")!.addEventListener("click", () => void saveDetails());
  const load = document.getElementById("load-file") as HTMLInputElement;
  load.addEventListener("change", () => void loadDetails(load));
  onLangChange(() => {
    if (lastProblems.length > 0) void check(shownAll);
    for (const frame of docList.querySelectorAll("iframe")) {
      const kind = (frame.closest(".doc") as HTMLElement | null)?.dataset["kind"];
      if (kind) frame.title = `${tr("preview")}${tr(`doc.${kind}`)}`;
    }
  });
  showProxy();
}
