// The story's map, for the map page and beside the timeline: located places with their names, each traveller's
// route in date order, a date (set by a time slider, or by the timeline) up to which places and routes are
// drawn, events that happened at the scale of a country listed beside the map (never on a capital), and the
// places with no coordinates, which an analyst can pin (a correction). Text is only ever set with textContent.
"use strict";
const ROUTE_COLORS = ["#c0392b", "#8e44ad", "#16a085", "#d68910", "#2c3e50", "#27ae60"];
const LABELS_MAX = 14;  // places named on the map besides those where events happened

async function storyMap(node, opts) {
  opts = opts || {};
  const map = await worldMap(node);
  const data = await getJSON("/api/places");
  const byId = new Map();
  const maxM = Math.max(1, ...data.items.map((p) => p.mentions));
  const named = new Set(data.items.filter((p) => p.n_events).map((p) => p.id));
  for (const p of [...data.items].sort((a, b) => b.mentions - a.mentions).slice(0, LABELS_MAX)) named.add(p.id);
  const pts = [];
  for (const p of data.items) {
    const hasEvents = p.n_events > 0;
    const m = L.circleMarker([p.lat, p.lon], {
      radius: 4 + 10 * Math.sqrt(p.mentions / maxM), weight: 1.5, className: "place" + (hasEvents ? " with-events" : ""),
      color: hasEvents ? "#a93226" : "#1f5f99", fillColor: hasEvents ? "#e74c3c" : "#3b82c4", fillOpacity: 0.8,
    });
    m.bindPopup(el("div", {class: "popup"}, [
      el("a", {href: entityUrl(p.id), text: p.name}), el("span", {class: "muted", text: " " + term("entity_types", p.type) + " · " + trn("web.js.mentions", p.mentions)}),
      ...p.events.slice(0, 10).map((e) => el("div", {}, [el("a", {href: e.url, class: "evidence", text: dateLabel(e.date) + " · " + term("event_types", e.type)}),
        " " + (e.summary || "")])),
      p.n_events > p.events.length ? el("div", {class: "muted", text: trn("web.js.map.more_events", p.n_events - p.events.length)}) : null,
    ]));
    if (named.has(p.id)) m.bindTooltip(el("span", {text: p.name}), {permanent: true, direction: "right", offset: [6, 0], className: "place-label"});
    else m.bindTooltip(el("span", {text: p.name}));
    m.on("click", () => { if (opts.onSelect && p.events.length) opts.onSelect(p.events[0].id); });
    m.addTo(map);
    byId.set(p.id, {marker: m, place: p});
    pts.push([p.lat, p.lon]);
  }
  // the routes: one polyline per journey, redrawn up to the date
  const routeLayer = L.layerGroup().addTo(map);
  const journeys = data.routes.map((r, i) => ({...r, color: ROUTE_COLORS[i % ROUTE_COLORS.length]}));
  let date = null;
  function drawRoutes() {
    routeLayer.clearLayers();
    for (const j of journeys) {
      const stops = j.stops.filter((s) => !date || s.date <= date);
      if (stops.length >= 2) {
        L.polyline(stops.map((s) => [s.lat, s.lon]), {color: j.color, weight: 3, dashArray: "7 5", className: "route", interactive: false}).addTo(routeLayer);
      }
      stops.forEach((s, k) => {
        L.circleMarker([s.lat, s.lon], {radius: 4, color: j.color, fillColor: "#fff", fillOpacity: 1, weight: 2, className: "stop"})
          .bindTooltip(el("span", {text: (k + 1) + ". " + j.name + " · " + s.name + " · " + dateLabel(s.date)}))
          .on("click", () => { if (opts.onSelect) opts.onSelect(s.event); })
          .addTo(routeLayer);
      });
    }
  }
  drawRoutes();
  const legend = opts.legend || null;
  if (legend) {
    legend.replaceChildren(...journeys.map((j) => el("li", {class: "journey"}, [
      el("span", {class: "swatch", style: "background:" + j.color}), el("a", {href: entityUrl(j.person), text: j.name}), ": ",
      ...j.stops.flatMap((s, k) => [k ? " → " : "", el("a", {href: "#", class: "stop-link", "data-event": s.event, text: s.name}),
        el("span", {class: "muted", "data-date": s.date, text: " " + dateLabel(s.date)})]),
    ])));
    legend.addEventListener("click", (ev) => {
      const a = ev.target.closest("a.stop-link");
      if (!a) return;
      ev.preventDefault();
      if (opts.onSelect) opts.onSelect(a.dataset.event);
    });
  }
  if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.3), {maxZoom: 5});

  const view = {
    map: map, data: data, dates: data.dates,
    // places and routes as of `d` (ISO day): what had happened by then is drawn, the rest faded
    setDate(d) {
      date = d;
      for (const {marker, place} of byId.values()) {
        const seen = !d || !place.first || place.first.slice(0, 10) <= d;
        marker.setStyle({opacity: seen ? 1 : 0.25, fillOpacity: seen ? 0.8 : 0.15});
        const tip = marker.getTooltip();
        if (tip && tip.getElement()) tip.getElement().classList.toggle("faded", !seen);
      }
      drawRoutes();
    },
    highlight(placeId) {
      for (const [pid, {marker, place}] of byId) {
        const on = pid === placeId;
        marker.setStyle(on ? {color: "#f1c40f", weight: 4} : {color: place.n_events ? "#a93226" : "#1f5f99", weight: 1.5});
        if (on) { marker.bringToFront(); map.panTo(marker.getLatLng()); }
      }
    },
    focus(placeId) {
      const hit = byId.get(placeId);
      if (hit) { map.setView(hit.marker.getLatLng(), 5); hit.marker.openPopup(); }
    },
  };
  return view;
}

// A slider over the days from dates[0] to dates[1] (ISO); calls onChange(day) as it moves; set(day) moves it.
function timeSlider(node, dates, onChange) {
  if (!node || !dates) return null;
  const DAY = 86400000;
  const t = (d) => { const p = d.split("-").map(Number); return Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1); };
  const first = t(dates[0]), n = Math.max(1, Math.round((t(dates[1]) - first) / DAY));
  const input = el("input", {type: "range", min: "0", max: String(n), value: String(n), step: "1", id: node.id + "-input", "aria-label": tr("web.js.map.slider")});
  const out = el("output", {for: input.id, class: "slider-date"});
  const iso = (i) => new Date(first + i * DAY).toISOString().slice(0, 10);
  const show = () => { out.textContent = tr("web.js.map.up_to", {date: dateLabel(iso(+input.value))}); out.dataset.date = iso(+input.value); };
  input.addEventListener("input", () => { show(); onChange(iso(+input.value)); });
  node.replaceChildren(el("span", {class: "muted", text: dateLabel(dates[0].slice(0, 10))}), input, el("span", {class: "muted", text: dateLabel(dates[1].slice(0, 10))}), out);
  show();
  return {
    input: input,
    set(d) { input.value = String(Math.max(0, Math.min(n, Math.round((t(d) - first) / DAY)))); show(); },
    value() { return iso(+input.value); },
  };
}
