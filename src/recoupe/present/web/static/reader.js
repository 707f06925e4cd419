// Scroll the highlighted evidence into the middle of the screen.
"use strict";
const focus = document.getElementById("focus");
if (focus) {
  const target = focus.nextElementSibling || focus;
  target.scrollIntoView({block: "center"});
}
