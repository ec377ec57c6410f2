/**
 * The page's HTML, written by the server in the visitor's language (from Accept-Language or
 * ?lang=), with every text also in a JSON data block so the language switch needs no reload and
 * keeps what was typed. No inline script or style: the CSP allows only /assets/ files.
 */
import { FIELD_NAMES, type FieldName } from "../details/index.js";
import {
  CHECKBOX_FIELDS,
  CHOICES,
  DATE_FIELDS,
  FIELD_GROUPS,
  FIELD_TEXTS,
  isChoiceField,
  LANG_NAMES,
  MULTILINE_FIELDS,
  UI,
  WEB_LANGS,
  type ChoiceField,
  type UiKey,
  type WebLang,
} from "./texts.js";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Every text of the page by key, in one language: what the client's switch puts in [data-t]. */
export function pageTexts(lang: WebLang): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(UI)) texts[key] = value[lang];
  for (const field of FIELD_NAMES) {
    texts[`field.${field}.label`] = FIELD_TEXTS[field].label[lang];
    texts[`field.${field}.hint`] = FIELD_TEXTS[field].hint[lang];
  }
  return texts;
}

/** The first of the page's languages the browser asks for (by q-value), else Simplified Chinese. */
export function langFromAcceptLanguage(header: string | undefined): WebLang {
  const wanted = (header ?? "")
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = Number(
        params
          .find((p) => p.trim().startsWith("q="))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim().toLowerCase(), q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((w) => w.tag !== "" && w.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of wanted) {
    if (/^zh-(hant|tw|hk|mo)(-|$)/.test(tag)) return "zh-Hant";
    if (/^zh(-|$)/.test(tag)) return "zh-Hans";
    if (/^fr(-|$)/.test(tag)) return "fr";
    if (/^en(-|$)/.test(tag)) return "en";
  }
  return "zh-Hans";
}

const REQUIRED: ReadonlySet<FieldName> = new Set(["name", "phone", "proxyName"]);

function t(key: UiKey, lang: WebLang): string {
  return `<span data-t="${key}">${escapeHtml(UI[key][lang])}</span>`;
}

/** Browser autofill hints: fewer keystrokes on a phone. */
const AUTOCOMPLETE: Partial<Record<FieldName, string>> = {
  name: "name",
  phone: "tel-national",
  email: "email",
  address: "street-address",
};

/** The choice a field starts on: "in-person" for the channel, "not sure / not given" for the others. */
const DEFAULT_CHOICE: Record<ChoiceField, string> = { plan: "", channel: "in-person", idType: "", proxyIdType: "" };

function choiceField(field: ChoiceField, lang: WebLang): string {
  const options = (CHOICES[field] as readonly string[])
    .map((value) => {
      const id = `f-${field}-${value || "unsure"}`;
      const checked = value === DEFAULT_CHOICE[field] ? " checked" : "";
      return `<label class="choice" for="${id}"><input type="radio" id="${id}" name="${field}" value="${value}"${checked}>${t(`${field}.${value}` as UiKey, lang)}</label>`;
    })
    .join("");
  return `<fieldset class="field choices" data-field="${field}" aria-describedby="f-${field}-hint f-${field}-error">
<legend><span data-t="field.${field}.label">${escapeHtml(FIELD_TEXTS[field].label[lang])}</span></legend>
<p class="hint" id="f-${field}-hint"><span data-t="field.${field}.hint">${escapeHtml(FIELD_TEXTS[field].hint[lang])}</span></p>
${options}
<p class="error" id="f-${field}-error"></p>
</fieldset>`;
}

/** A yes-or-no field: a check box sending "yes" when ticked. */
function checkboxField(field: FieldName, lang: WebLang): string {
  const id = `f-${field}`;
  return `<div class="field checkbox" data-field="${field}">
<label for="${id}"><input type="checkbox" id="${id}" name="${field}" value="yes" aria-describedby="${id}-hint ${id}-error"><span data-t="field.${field}.label">${escapeHtml(FIELD_TEXTS[field].label[lang])}</span></label>
<p class="hint" id="${id}-hint"><span data-t="field.${field}.hint">${escapeHtml(FIELD_TEXTS[field].hint[lang])}</span></p>
<p class="error" id="${id}-error"></p>
</div>`;
}

function textField(field: FieldName, lang: WebLang): string {
  const text = FIELD_TEXTS[field];
  const id = `f-${field}`;
  const example = text.example
    ? ` <span class="example">${t("example", lang)}<span class="example-value">${escapeHtml(text.example.replace(/\n/g, " / "))}</span></span>`
    : "";
  const required = REQUIRED.has(field) ? ` <span class="required">${t("required", lang)}</span>` : "";
  const described = `aria-describedby="${id}-hint ${id}-error"`;
  const autocomplete = AUTOCOMPLETE[field] ? ` autocomplete="${AUTOCOMPLETE[field]}"` : ` autocomplete="off"`;
  const aria = REQUIRED.has(field) && field !== "proxyName" ? ` aria-required="true"` : "";
  const control = MULTILINE_FIELDS.has(field)
    ? `<textarea id="${id}" name="${field}" rows="${field === "reason" ? 2 : 3}" ${described}${autocomplete}${aria}></textarea>`
    : `<input id="${id}" name="${field}" type="${DATE_FIELDS.has(field) ? "date" : field === "email" ? "email" : field === "phone" ? "tel" : "text"}" ${described}${autocomplete}${aria}${field === "phone" ? ` inputmode="tel"` : ""}>`;
  return `<div class="field" data-field="${field}">
<label for="${id}"><span data-t="field.${field}.label">${escapeHtml(text.label[lang])}</span>${required}</label>
<p class="hint" id="${id}-hint"><span data-t="field.${field}.hint">${escapeHtml(text.hint[lang])}</span>${example}</p>
${control}
<p class="error" id="${id}-error"></p>
</div>`;
}

function formHtml(lang: WebLang): string {
  const groups = FIELD_GROUPS.map(({ id, fields }) => {
    const inner = fields
      .map((field: FieldName) =>
        isChoiceField(field)
          ? choiceField(field, lang)
          : CHECKBOX_FIELDS.has(field)
            ? checkboxField(field, lang)
            : textField(field, lang),
      )
      .join("\n");
    if (id === "plan" || id === "channel") return `<section class="group" id="group-${id}">${inner}</section>`;
    const hidden = id === "proxy" ? " hidden" : "";
    return `<fieldset class="group" id="group-${id}"${hidden}><legend>${t(`group.${id}` as UiKey, lang)}</legend>\n${inner}\n</fieldset>`;
  }).join("\n");
  return `<form id="details-form" novalidate>
<div id="form-problems" class="problems" role="alert"></div>
${groups}
<div class="actions">
<button type="submit" id="make" class="primary">${t("make", lang)}</button>
<p id="make-status" class="status" role="status"></p>
</div>
<div class="file-actions">
<button type="button" id="save">${t("save", lang)}</button>
<label class="button" for="load-file">${t("load", lang)}</label>
<input type="file" id="load-file" class="visually-hidden" accept=".yaml,.yml,.json,text/yaml,application/json">
</div>
</form>
<section id="results" class="results" hidden aria-labelledby="results-title">
<h2 id="results-title">${t("documents", lang)}</h2>
<div id="doc-list"></div>
<p><button type="button" id="zip">${t("zip", lang)}</button></p>
</section>`;
}

function batchHtml(lang: WebLang): string {
  return `<p>${t("batchIntro", lang)}</p>
<div class="field">
<label for="batch-file">${t("batchFile", lang)}</label>
<input type="file" id="batch-file" accept=".csv,.json,.jsonl,.ndjson,text/csv,application/json">
</div>
<div id="batch-problems" class="problems" role="alert"></div>
<div id="batch-report" hidden>
<p id="batch-summary" role="status"></p>
<table id="batch-invalid" hidden><thead><tr><th scope="col">${t("rowColumn", lang)}</th><th scope="col">${t("nameColumn", lang)}</th><th scope="col">${t("problemsColumn", lang)}</th></tr></thead><tbody></tbody></table>
<p><button type="button" id="batch-run" class="primary"></button></p>
</div>
<div id="batch-progress-box" hidden>
<label for="batch-progress">${t("batchProgress", lang)}</label>
<progress id="batch-progress" max="1" value="0"></progress>
<p id="batch-done" role="status"></p>
<p><a id="batch-zip" class="button" hidden download="sim-cancel-batch.zip" href="#">${t("batchZip", lang)}</a></p>
</div>`;
}

export function renderPage(lang: WebLang): string {
  const langOptions = WEB_LANGS.map(
    (l) => `<option value="${l}" lang="${l}"${l === lang ? " selected" : ""}>${escapeHtml(LANG_NAMES[l])}</option>`,
  ).join("");
  const texts = Object.fromEntries(WEB_LANGS.map((l) => [l, pageTexts(l)]));
  // In a JSON data block "<" is written \u003c, so no "</script>" can end it early.
  const data = JSON.stringify(texts).replace(/</g, "\\u003c");
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(UI.title[lang])} · sim-cancel</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
<script type="module" src="/assets/main.js"></script>
<script type="application/json" id="texts">${data}</script>
</head>
<body>
<header class="top">
<h1>${t("title", lang)}</h1>
<div class="lang-switch"><label for="lang">${t("language", lang)}</label>
<select id="lang">${langOptions}</select></div>
</header>
<main>
<p class="intro">${t("intro", lang)}</p>
<p class="privacy">${t("privacy", lang)}</p>
<div class="tabs" role="tablist">
<button type="button" role="tab" id="tab-form" aria-controls="panel-form" aria-selected="true">${t("tabForm", lang)}</button>
<button type="button" role="tab" id="tab-batch" aria-controls="panel-batch" aria-selected="false" tabindex="-1">${t("tabBatch", lang)}</button>
</div>
<section id="panel-form" role="tabpanel" aria-labelledby="tab-form">
${formHtml(lang)}
</section>
<section id="panel-batch" role="tabpanel" aria-labelledby="tab-batch" hidden>
${batchHtml(lang)}
</section>
</main>
</body>
</html>
`;
}
