// The map page: places with coordinates on the bundled world outlines; popups list the events there.
"use strict";
(async function () {
  const node = document.getElementById("map");
  if (!node) return;
  const map = await worldMap(node);
  const data = await getJSON("/api/places");
  const list = document.getElementById("place-list");
  const pts = [], byId = new Map();
  const maxM = Math.max(1, ...data.items.map((p) => p.mentions));
  for (const p of data.items) {
    const hasEvents = p.events.length > 0;
    const m = L.circleMarker([p.lat, p.lon], {
      radius: 5 + 12 * Math.sqrt(p.mentions / maxM), weight: 1.5,
      color: hasEvents ? "#a93226" : "#1f5f99", fillColor: hasEvents ? "#e74c3c" : "#3b82c4", fillOpacity: 0.8,
    });
    m.bindPopup(el("div", {class: "popup"}, [
      el("a", {href: entityUrl(p.id), text: p.name}), el("span", {class: "muted", text: " " + p.type + " · " + p.mentions + " mentions"}),
      ...p.events.slice(0, 10).map((e) => el("div", {}, [el("a", {href: e.url, class: "evidence", text: (e.date || "undated") + " · " + (e.type || "")}),
        " " + (e.summary || "")])),
      p.n_events > p.events.length ? el("div", {class: "muted", text: "+" + (p.n_events - p.events.length) + " more events"}) : null,
    ]));
    m.bindTooltip(p.name);
    m.addTo(map);
    byId.set(p.id, m);
    pts.push([p.lat, p.lon]);
    list.appendChild(el("li", {}, [el("a", {href: entityUrl(p.id), text: p.name}),
      el("span", {class: "muted", text: " " + p.lat.toFixed(2) + ", " + p.lon.toFixed(2) + (hasEvents ? " · " + p.events.length + " events" : "")})]));
  }
  if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.4), {maxZoom: 5});
  const focusId = decodeURIComponent(location.hash.slice(1));
  if (focusId && byId.has(focusId)) { map.setView(byId.get(focusId).getLatLng(), 5); byId.get(focusId).openPopup(); }
})();
