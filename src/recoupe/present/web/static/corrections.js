// Analyst corrections: merge, split an alias, confirm/reject; each POSTed as JSON to /api/corrections.
"use strict";
async function postCorrection(body) {
  const r = await fetch("/api/corrections", {method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)});
  if (!r.ok) {
    let msg = r.status;
    try { msg = (await r.json()).error.message; } catch (e) { /* not JSON */ }
    alert(tr("web.js.corrections.refused", {message: msg}));
    return false;
  }
  return true;
}
document.addEventListener("click", async (ev) => {
  const t = ev.target;
  if (!(t instanceof HTMLElement)) return;
  if (t.matches("button.mark")) {
    const box = t.closest(".marks");
    const note = prompt(tr("web.js.corrections.mark_note", {status: term("web.js.review", t.dataset.value)}), "");
    if (note === null) return;
    if (await postCorrection({action: box.dataset.action, target: box.dataset.target, value: t.dataset.value, note: note})) location.reload();
  } else if (t.matches("button.split")) {
    const note = prompt(tr("web.js.corrections.split_note", {alias: t.dataset.alias}), "");
    if (note === null) return;
    if (await postCorrection({action: "split_alias", target: t.dataset.entity, value: t.dataset.alias, note: note})) location.reload();
  } else if (t.matches("button.undo")) {
    if (!confirm(tr("web.js.corrections.undo", {id: t.dataset.id}))) return;
    const r = await fetch("/api/corrections/" + encodeURIComponent(t.dataset.id), {method: "DELETE"});
    if (r.ok) location.reload();
  }
});
const mergeForm = document.querySelector("form.merge");
if (mergeForm) {
  const input = mergeForm.querySelector("input[name=other]");
  const list = document.getElementById("merge-candidates");
  const ids = new Map();
  input.addEventListener("input", async () => {
    if (input.value.length < 2) return;
    const data = await getJSONSafe("/api/entities?limit=20&q=" + encodeURIComponent(input.value));
    list.replaceChildren();
    for (const e of (data ? data.items : [])) {
      if (e.id === mergeForm.dataset.entity) continue;
      const label = e.name + " (" + term("entity_types", e.type) + ", " + trn("web.js.mentions", e.mentions) + ") " + e.id;
      ids.set(label, e.id);
      const o = document.createElement("option");
      o.value = label;
      list.appendChild(o);
    }
  });
  mergeForm.addEventListener("submit", async (ev) => {
    ev.preventDefault();
    let other = ids.get(input.value);
    if (!other) {
      // typed without picking from the list: accept an exact name, or the only entity that matches
      const data = await getJSONSafe("/api/entities?limit=20&q=" + encodeURIComponent(input.value.trim()));
      const found = (data ? data.items : []).filter((e) => e.id !== mergeForm.dataset.entity);
      const exact = found.filter((e) => e.name.toLowerCase() === input.value.trim().toLowerCase());
      other = exact.length === 1 ? exact[0].id : found.length === 1 ? found[0].id : input.value.trim();
    }
    const note = mergeForm.querySelector("input[name=note]").value;
    if (await postCorrection({action: "merge_entities", target: mergeForm.dataset.entity, other: other, note: note})) location.reload();
  });
}
async function getJSONSafe(url) {
  try { const r = await fetch(url); return r.ok ? r.json() : null; } catch (e) { return null; }
}
