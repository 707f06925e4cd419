// Bring the highlighted evidence to the middle of the screen (after the browser's own jump to #focus).
"use strict";
const focus = document.getElementById("focus");
if (focus) {
  const center = () => focus.scrollIntoView({block: "center"});
  center();
  window.addEventListener("load", () => setTimeout(center, 0));
}
