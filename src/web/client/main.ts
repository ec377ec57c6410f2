/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** The page's script: the language switch, the two tabs, the form and the batch tab. */
import { setUpBatch } from "./batch.js";
import { setUpForm } from "./form.js";
import { setLang } from "./i18n.js";

function setUpTabs(): void {
  const tabs = [...document.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const select = (tab: HTMLButtonElement) => {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      document.getElementById(other.getAttribute("aria-controls")!)!.hidden = !selected;
    }
  };
  tabs.forEach((tab, i) => {
    tab.addEventListener("click", () => select(tab));
    tab.addEventListener("keydown", (event) => {
      if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
      const next = tabs[(i + (event.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length]!;
      select(next);
      next.focus();
    });
  });
}

const langSelect = document.getElementById("lang") as HTMLSelectElement;
langSelect.addEventListener("change", () => setLang(langSelect.value));
setUpTabs();
setUpForm();
setUpBatch();
