/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The helpers' tab: a batch file is sent to the server, which checks every row first (the
 * batch's first pass) and lists the bad ones; then the valid rows are rendered with a progress
 * bar, and the ZIP of row folders and summary is offered for download.
 */
import { post, type ShownProblem } from "./api.js";
import { lang, translated, tr } from "./i18n.js";

interface RowProblems {
  row: number;
  line?: number;
  name?: string;
  errors: string[];
}

interface Checked {
  rows: number;
  valid: number;
  invalid: RowProblems[];
}

type Event =
  | ({ type: "checked" } & Checked)
  | { type: "progress"; done: number; total: number }
  | { type: "done"; ok: number; failed: RowProblems[]; zip: string; size: number }
  | { type: "error"; message: string };

const fileInput = document.getElementById("batch-file") as HTMLInputElement;
const problemsBox = document.getElementById("batch-problems")!;
const report = document.getElementById("batch-report")!;
const summary = document.getElementById("batch-summary")!;
const table = document.getElementById("batch-invalid") as HTMLTableElement;
const runButton = document.getElementById("batch-run") as HTMLButtonElement;
const progressBox = document.getElementById("batch-progress-box")!;
const progress = document.getElementById("batch-progress") as HTMLProgressElement;
const doneText = document.getElementById("batch-done")!;
const zipLink = document.getElementById("batch-zip") as HTMLAnchorElement;

let chosen: { name: string; bytes: ArrayBuffer } | undefined;

function showGeneral(problems: ShownProblem[] | string[]): void {
  problemsBox.replaceChildren();
  if (problems.length === 0) return;
  const list = document.createElement("ul");
  for (const problem of problems) {
    const item = document.createElement("li");
    item.textContent = typeof problem === "string" ? problem : problem.message;
    list.append(item);
  }
  problemsBox.append(list);
}

function rowsTable(rows: RowProblems[]): void {
  const body = table.tBodies[0]!;
  body.replaceChildren(
    ...rows.map((row) => {
      const tr = document.createElement("tr");
      const number = document.createElement("td");
      number.textContent = row.line !== undefined ? `${row.row} (${row.line})` : String(row.row);
      const name = document.createElement("td");
      name.textContent = row.name ?? "";
      const errors = document.createElement("td");
      const list = document.createElement("ul");
      for (const error of row.errors) {
        const item = document.createElement("li");
        item.textContent = error;
        list.append(item);
      }
      errors.append(list);
      tr.append(number, name, errors);
      return tr;
    }),
  );
  table.hidden = rows.length === 0;
}

function query(): string {
  return `?lang=${encodeURIComponent(lang())}&name=${encodeURIComponent(chosen?.name ?? "batch")}`;
}

async function checkFile(): Promise<void> {
  const file = fileInput.files?.[0];
  report.hidden = true;
  progressBox.hidden = true;
  showGeneral([]);
  if (!file) return;
  chosen = { name: file.name, bytes: await file.arrayBuffer() };
  const reply = await post<Checked>(`/api/batch/check${query()}`, chosen.bytes, "application/octet-stream");
  if (!reply.data?.ok) {
    showGeneral(reply.data?.problems ?? [tr(reply.status === 0 ? "offline" : "failed")]);
    return;
  }
  const checked = reply.data;
  summary.replaceChildren(
    translated("span", "batchChecked", { rows: checked.rows, valid: checked.valid, invalid: checked.invalid.length }),
  );
  rowsTable(checked.invalid);
  runButton.replaceChildren(translated("span", "batchRun", { valid: checked.valid }));
  runButton.hidden = checked.valid === 0;
  report.hidden = false;
}

async function run(): Promise<void> {
  if (!chosen) return;
  runButton.disabled = true;
  progressBox.hidden = false;
  zipLink.hidden = true;
  doneText.textContent = "";
  progress.value = 0;
  try {
    let response: Response;
    try {
      response = await fetch(`/api/batch/run${query()}`, {
        method: "POST",
        body: chosen.bytes,
        headers: { "Content-Type": "application/octet-stream" },
        credentials: "same-origin",
      });
    } catch {
      doneText.textContent = tr("offline");
      return;
    }
    if (!response.ok || !response.body) {
      const data = (await response.json().catch(() => undefined)) as { problems?: ShownProblem[] } | undefined;
      showGeneral(data?.problems ?? [tr(response.status === 503 ? "busy" : "failed")]);
      return;
    }
    // One JSON event per line, as the rows finish.
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffered = "";
    for (;;) {
      const { value, done } = await reader.read();
      if (value) buffered += value;
      let newline: number;
      while ((newline = buffered.indexOf("\n")) >= 0) {
        const event = JSON.parse(buffered.slice(0, newline)) as Event;
        buffered = buffered.slice(newline + 1);
        if (event.type === "progress") {
          progress.max = Math.max(1, event.total);
          progress.value = event.done;
        } else if (event.type === "done") {
          doneText.replaceChildren(translated("span", "batchDone", { ok: event.ok, failed: event.failed.length }));
          if (event.failed.length > 0) rowsTable(event.failed);
          zipLink.href = event.zip;
          zipLink.hidden = false;
        } else if (event.type === "error") {
          doneText.textContent = event.message;
        }
      }
      if (done) break;
    }
  } finally {
    runButton.disabled = false;
  }
}

export function setUpBatch(): void {
  fileInput.addEventListener("change", () => void checkFile());
  runButton.addEventListener("click", () => void run());
}
