// counterclaim workbench: the little the pages need beyond HTML. No article text is ever inserted as markup here.
"use strict";

// Chart legends toggle the stance (or source) they name.
document.querySelectorAll(".chart-box .legend .key").forEach((key) => {
  key.addEventListener("click", () => {
    const box = key.closest(".chart-box");
    const hidden = box.classList.toggle("hide-" + key.dataset.toggle);
    key.setAttribute("aria-pressed", hidden ? "false" : "true");
  });
});

// The analyse form says it is working (the first analysis loads the language model).
const form = document.getElementById("analyse-form");
if (form) {
  form.addEventListener("submit", () => {
    const button = document.getElementById("analyse-button");
    button.disabled = true;
    document.getElementById("analyse-status").textContent = "Analysing… the first article also loads the language model.";
  });
}

// A link to evidence lands on its highlighted words, centred.
const focused = document.querySelector("mark.focus");
if (focused) {
  focused.scrollIntoView({ block: "center" });
}
