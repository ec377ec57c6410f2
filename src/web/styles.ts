/**
 * The page's style sheet, served as /assets/app.css. One column that reads on a phone, tap
 * targets of at least 44 px, the system's fonts (nothing fetched from outside), and a print
 * style that prints the documents' previews only, never the form.
 */
export const APP_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #8a8a8a; --accent: #0b5394; --error: #b00020; --bg: #fafafa; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 17px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; color: var(--ink); background: var(--bg); }
main, .top { max-width: 46rem; margin: 0 auto; padding: 0 1rem; }
.top { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem 1rem; padding-top: 1rem; }
h1 { font-size: 1.5rem; margin: 0; }
h2 { font-size: 1.25rem; }
.lang-switch { display: flex; align-items: center; gap: .5rem; }
.intro { margin-top: .75rem; }
.privacy { color: var(--muted); font-size: .95rem; }
.tabs { display: flex; gap: .25rem; border-bottom: 2px solid var(--line); margin: 1rem 0; flex-wrap: wrap; }
.tabs [role=tab] { border: 2px solid var(--line); border-bottom: none; border-radius: .5rem .5rem 0 0; background: #eee; margin-bottom: -2px; }
.tabs [role=tab][aria-selected=true] { background: var(--bg); border-color: var(--line); font-weight: 700; border-bottom: 2px solid var(--bg); }
fieldset.group { border: 1px solid var(--line); border-radius: .5rem; margin: 0 0 1rem; padding: .5rem 1rem 1rem; background: #fff; }
section.group { margin: 0 0 1rem; }
legend { font-weight: 700; font-size: 1.1rem; padding: 0 .25rem; }
.field { margin: .75rem 0 0; }
.field > label:not(.choice), .choices > legend { display: block; font-weight: 600; }
fieldset.choices { border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem; background: #fff; margin: 0; }
.hint { margin: .1rem 0 .35rem; color: var(--muted); font-size: .95rem; }
.example-value { display: inline-block; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: var(--ink); white-space: pre-wrap; }
.required { font-weight: 400; color: var(--muted); }
input[type=text], input[type=tel], input[type=email], input[type=date], textarea, select {
  width: 100%; min-height: 44px; font: inherit; padding: .5rem .6rem; border: 1px solid var(--line); border-radius: .4rem; background: #fff; color: var(--ink); }
select { width: auto; }
textarea { resize: vertical; }
input:focus, textarea:focus, select:focus, button:focus, .button:focus, [role=tab]:focus { outline: 3px solid var(--accent); outline-offset: 2px; }
[aria-invalid=true] { border: 2px solid var(--error); }
.error { color: var(--error); margin: .25rem 0 0; font-weight: 600; }
.error:empty { display: none; }
.choice { display: flex; align-items: center; gap: .6rem; min-height: 44px; cursor: pointer; }
.choice input { width: 1.3rem; height: 1.3rem; margin: 0; }
.checkbox > label { display: flex; align-items: center; gap: .6rem; min-height: 44px; cursor: pointer; font-weight: 600; }
.checkbox input { width: 1.3rem; height: 1.3rem; margin: 0; }
button, .button { display: inline-flex; align-items: center; justify-content: center; min-height: 44px; padding: .5rem 1rem; font: inherit; border: 2px solid var(--accent);
  border-radius: .5rem; background: #fff; color: var(--accent); cursor: pointer; text-decoration: none; }
button.primary { background: var(--accent); color: #fff; font-weight: 700; width: 100%; font-size: 1.1rem; }
button:disabled { opacity: .6; cursor: wait; }
.actions { margin: 1.25rem 0 .5rem; }
.file-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .5rem 0 1rem; }
.status { min-height: 1.5em; }
.problems:empty { display: none; }
.problems { border: 2px solid var(--error); border-radius: .5rem; padding: .5rem 1rem; background: #fff5f5; color: var(--error); margin: 0 0 1rem; }
.problems ul { margin: .25rem 0; padding-left: 1.25rem; }
.results { margin: 1.5rem 0 2rem; }
.doc { background: #fff; border: 1px solid var(--line); border-radius: .5rem; padding: .5rem 1rem 1rem; margin: 0 0 1rem; }
.doc h3 { margin: .5rem 0 .25rem; font-size: 1.1rem; }
.doc .meta { margin: 0 0 .5rem; color: var(--muted); }
.doc iframe { width: 100%; height: 32rem; max-height: 70vh; border: 1px solid var(--line); border-radius: .25rem; background: #eee; }
.doc-actions { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .5rem; }
table { border-collapse: collapse; width: 100%; background: #fff; margin: .5rem 0; }
th, td { border: 1px solid var(--line); padding: .35rem .5rem; text-align: left; vertical-align: top; }
td ul { margin: 0; padding-left: 1.1rem; }
progress { width: 100%; height: 1.5rem; }
input[type=file] { min-height: 44px; font: inherit; max-width: 100%; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[hidden] { display: none !important; }
@media (min-width: 40rem) { button.primary { width: auto; } }
@media print {
  body { background: #fff; }
  .top, .intro, .privacy, .tabs, #details-form, #panel-batch, #results-title, .doc h3, .doc .meta, .doc-actions, #zip { display: none !important; }
  main { max-width: none; padding: 0; }
  .doc { border: none; padding: 0; margin: 0; break-after: page; }
  .doc iframe { border: none; width: 100%; height: 100vh; max-height: none; }
}
`;

export const ICON_SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect x="7" y="2" width="18" height="28" rx="3" fill="#0b5394"/><rect x="10" y="6" width="12" height="17" fill="#fff"/><path d="M12 10l8 8M20 10l-8 8" stroke="#b00020" stroke-width="2.5"/></svg>`;
