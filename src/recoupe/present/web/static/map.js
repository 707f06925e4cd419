// The map page: the story's map (storymap.js) with a time slider, the journeys, the events that happened at the
// scale of a country, and the places with no coordinates, each of which an analyst can pin on the map.
"use strict";
(async function () {
  const node = document.getElementById("map");
  if (!node) return;
  const view = await storyMap(node, {legend: document.getElementById("journeys"),
    onSelect: (eventId) => { location.href = "/timeline?at=" + encodeURIComponent(slider ? slider.value() : "") + "#" + eventId; }});
  const data = view.data;
  const toTimeline = document.getElementById("to-timeline");
  const slider = timeSlider(document.getElementById("map-slider"), data.dates, (d) => {
    view.setDate(d);
    if (toTimeline) toTimeline.setAttribute("href", "/timeline?at=" + encodeURIComponent(d));
  });
  const at = new URLSearchParams(location.search).get("at");
  if (at && slider) { slider.set(at); view.setDate(at); }

  const list = document.getElementById("place-list");
  for (const p of data.items) {
    list.appendChild(el("li", {}, [el("a", {href: entityUrl(p.id), text: p.name}),
      el("span", {class: "muted", text: " " + p.lat.toFixed(2) + ", " + p.lon.toFixed(2) + (p.n_events ? " · " + trn("web.js.events", p.n_events) : "")})]));
  }
  const country = document.getElementById("country-events");
  country.replaceChildren(...data.country_events.map((e) => el("li", {"data-event": e.id}, [
    el("span", {class: "date", "data-date": e.date || "", text: dateLabel(e.date)}), " ", el("a", {href: entityUrl(e.place), text: e.place_name}), ": ",
    el("a", {href: e.url, class: "evidence", text: e.summary || term("event_types", e.type)})])));
  if (!data.country_events.length) country.appendChild(el("li", {class: "muted", text: tr("web.js.none")}));

  // pinning: choose a place, then click the map where it is
  const unlocated = document.getElementById("unlocated");
  const status = document.getElementById("pin-status");
  let pending = null;
  unlocated.replaceChildren(...data.unlocated.map((p) => el("li", {}, [el("a", {href: entityUrl(p.id), text: p.name}),
    el("span", {class: "muted", text: " " + trn("web.js.mentions", p.mentions) + " "}),
    el("button", {type: "button", class: "pin", "data-entity": p.id, "data-name": p.name, text: tr("web.js.map.pin")})])));
  if (!data.unlocated.length) unlocated.appendChild(el("li", {class: "muted", text: tr("web.js.none")}));
  unlocated.addEventListener("click", (ev) => {
    const b = ev.target.closest("button.pin");
    if (!b) return;
    pending = {id: b.dataset.entity, name: b.dataset.name};
    node.classList.add("pinning");
    status.textContent = tr("web.js.map.pin_where", {name: pending.name});
  });
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape" && pending) { pending = null; node.classList.remove("pinning"); status.textContent = ""; }
  });
  view.map.on("click", async (ev) => {
    if (!pending) return;
    const where = ev.latlng.wrap();
    const value = where.lat.toFixed(4) + "," + where.lng.toFixed(4);
    const note = prompt(tr("web.js.map.pin_note", {name: pending.name, value: value}), "");
    if (note === null) return;
    if (await postCorrection({action: "pin_place", target: pending.id, value: value, note: note})) {
      location.href = "/map?pinned=" + encodeURIComponent(pending.id) + "#" + encodeURIComponent(pending.id);  // a new page: the place is now on it
    }
  });
  const focusId = decodeURIComponent(location.hash.slice(1));
  if (focusId) view.focus(focusId);
})();
