// Bring the highlighted evidence to the middle of the screen (after the browser's own jump to #focus).
"use strict";
const focus = document.getElementById("focus");
if (focus) {
  const center = () => focus.scrollIntoView({block: "center"});
  center();
  window.addEventListener("load", () => setTimeout(center, 0));
}
// With evidence asked for, the rest of the text is dimmed; the button shows every highlight again (and back).
const dimToggle = document.getElementById("dim-toggle");
if (dimToggle) {
  dimToggle.addEventListener("click", () => {
    const on = document.getElementById("text").classList.toggle("dimmed");
    dimToggle.setAttribute("aria-pressed", String(on));
    dimToggle.textContent = on ? tr("web.js.reader.show_all") : tr("web.js.reader.dim");
  });
}
