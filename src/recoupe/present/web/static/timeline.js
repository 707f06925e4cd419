// The timeline: dated items on a zoomable axis (wheel/buttons to zoom, drag to pan), filters sent to
// /api/timeline, and a linked map: clicking an item highlights its place on the map.
"use strict";
(function () {
  const box = document.getElementById("timeline");
  if (!box) return;
  const form = document.getElementById("tl-filters");
  const detail = document.getElementById("tl-detail");
  const list = document.getElementById("tl-list");
  const DAY = 86400000;
  let items = [], t0 = 0, t1 = 1, selected = null, map = null;
  const markers = new Map();  // place id -> circle marker
  const LANE_H = 26, TOP = 34, LABEL_W = 170, MAX_LANES = 10;

  function toTime(d) {
    const p = d.split("-").map(Number);
    return Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1);
  }
  function endTime(it) {
    if (it.date_end) return toTime(it.date_end) + DAY;
    const p = it.date.split("-");
    if (p.length === 3) return toTime(it.date) + DAY;
    if (p.length === 2) return Date.UTC(+p[0], +p[1], 1);
    return Date.UTC(+p[0] + 1, 0, 1);
  }
  function params() {
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, v);
    return q;
  }
  async function load() {
    const q = params();
    history.replaceState(null, "", "?" + q.toString());
    const data = await getJSON("/api/timeline?" + q.toString());
    items = data.items.map((it) => ({...it, t: toTime(it.date), te: endTime(it)}));
    document.getElementById("tl-count").textContent =
      "(" + data.total + (data.total === 1 ? " dated item" : " dated items") + (data.truncated ? ", first " + items.length + " shown: narrow the filters" : "") + ")";
    fit();
    renderList();
    renderMarkers();
  }
  function fit() {
    if (!items.length) { t0 = Date.now() - 30 * DAY; t1 = Date.now(); draw(); return; }
    let a = Math.min(...items.map((i) => i.t)), b = Math.max(...items.map((i) => i.te));
    const pad = Math.max((b - a) * 0.05, DAY);
    t0 = a - pad; t1 = b + pad;
    draw();
  }
  function x(t) { return (t - t0) / (t1 - t0) * box.clientWidth; }
  function ticks() {
    const span = t1 - t0, out = [];
    const steps = [[DAY, "day"], [7 * DAY, "week"], [30.44 * DAY, "month"], [91.3 * DAY, "quarter"], [365.25 * DAY, "year"], [3652.5 * DAY, "decade"]];
    let unit = steps[steps.length - 1];
    for (const s of steps) if (span / s[0] <= box.clientWidth / 90) { unit = s; break; }
    const d = new Date(t0);
    let cur;
    if (unit[1] === "day" || unit[1] === "week") cur = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    else if (unit[1] === "month" || unit[1] === "quarter") cur = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
    else cur = Date.UTC(d.getUTCFullYear() - (unit[1] === "decade" ? d.getUTCFullYear() % 10 : 0), 0, 1);
    while (cur <= t1 && out.length < 400) {
      if (cur >= t0) out.push(cur);
      const c = new Date(cur);
      if (unit[1] === "day") cur += DAY;
      else if (unit[1] === "week") cur += 7 * DAY;
      else if (unit[1] === "month") cur = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 1, 1);
      else if (unit[1] === "quarter") cur = Date.UTC(c.getUTCFullYear(), c.getUTCMonth() + 3, 1);
      else if (unit[1] === "year") cur = Date.UTC(c.getUTCFullYear() + 1, 0, 1);
      else cur = Date.UTC(c.getUTCFullYear() + 10, 0, 1);
    }
    const fmt = (t) => {
      const s = new Date(t).toISOString();
      return unit[1] === "day" || unit[1] === "week" ? s.slice(0, 10) : unit[1] === "year" || unit[1] === "decade" ? s.slice(0, 4) : s.slice(0, 7);
    };
    return out.map((t) => [t, fmt(t)]);
  }
  function draw() {
    box.replaceChildren();
    for (const [t, label] of ticks()) {
      box.appendChild(el("div", {class: "tick", style: "left:" + x(t).toFixed(1) + "px"}, [el("span", {text: label})]));
    }
    const laneEnd = [];
    let shown = 0;
    for (const it of items) {
      if (it.te < t0 || it.t > t1) continue;
      const left = x(it.t), width = Math.max(8, x(it.te) - left);
      let lane = laneEnd.findIndex((e) => e <= left);
      if (lane < 0) { lane = laneEnd.length < MAX_LANES ? laneEnd.length : MAX_LANES - 1; }
      laneEnd[lane] = Math.max(laneEnd[lane] || 0, left + Math.min(width + 4, 240) + LABEL_W);
      const node = el("div", {
        class: "tl-item kind-" + it.kind + " t-" + it.type + (selected === it.id ? " selected" : ""),
        style: "left:" + left.toFixed(1) + "px;top:" + (TOP + lane * LANE_H) + "px;",
        title: it.date + " · " + it.type + " · " + it.label, "data-id": it.id, tabindex: "0",
      }, [el("span", {class: "bar", style: "width:" + width.toFixed(1) + "px"}), el("span", {class: "label", text: it.label, style: "margin-left:" + Math.min(width + 4, 240).toFixed(0) + "px"})]);
      node.addEventListener("click", () => select(it.id, true));
      box.appendChild(node);
      shown++;
    }
    box.style.height = (TOP + Math.max(1, laneEnd.length) * LANE_H + 12) + "px";
  }
  function zoom(factor, at) {
    const c = at === undefined ? (t0 + t1) / 2 : at;
    const span = Math.max((t1 - t0) * factor, DAY * 2);
    t0 = c - (c - t0) / (t1 - t0) * span;
    t1 = t0 + span;
    draw();
  }
  box.addEventListener("wheel", (ev) => {
    ev.preventDefault();
    const at = t0 + (ev.offsetX / box.clientWidth) * (t1 - t0);
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, at);
  }, {passive: false});
  let drag = null;
  box.addEventListener("mousedown", (ev) => { drag = {x: ev.clientX, t0: t0, t1: t1}; });
  window.addEventListener("mouseup", () => { drag = null; });
  window.addEventListener("mousemove", (ev) => {
    if (!drag) return;
    const dt = (ev.clientX - drag.x) / box.clientWidth * (drag.t1 - drag.t0);
    if (Math.abs(ev.clientX - drag.x) < 3) return;
    t0 = drag.t0 - dt; t1 = drag.t1 - dt;
    draw();
  });
  document.getElementById("tl-zoom-in").addEventListener("click", () => zoom(0.6));
  document.getElementById("tl-zoom-out").addEventListener("click", () => zoom(1.6));
  document.getElementById("tl-fit").addEventListener("click", fit);
  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(); });
  document.getElementById("tl-reset").addEventListener("click", () => { form.reset(); load(); });

  function renderList() {
    list.replaceChildren(...items.slice(0, 500).map((it) => el("li", {"data-id": it.id, class: "kind-" + it.kind}, [
      el("span", {class: "date", text: it.date + (it.date_end ? " – " + it.date_end : "")}), " ",
      el("span", {class: "badge", text: it.type}), " ",
      el("a", {href: it.url, class: "evidence", text: it.label}),
      it.entity_names.length ? el("span", {class: "muted", text: " · " + it.entity_names.filter(Boolean).join(", ")}) : null,
      it.outlets.length ? el("span", {class: "muted", text: " · " + it.outlets.join(", ")}) : null,
    ])));
    if (items.length > 500) list.appendChild(el("li", {class: "muted", text: "… " + (items.length - 500) + " more: narrow the filters"}));
  }
  function select(id, fromTimeline) {
    selected = id;
    const it = items.find((i) => i.id === id);
    for (const n of box.querySelectorAll(".tl-item")) n.classList.toggle("selected", n.dataset.id === id);
    for (const [pid, m] of markers) {
      const on = it && it.place === pid;
      m.setStyle(on ? {color: "#c0392b", fillColor: "#e74c3c", radius: 11, weight: 3} : {color: "#1f5f99", fillColor: "#3b82c4", radius: 6, weight: 1});
      if (on) { m.bringToFront(); if (map) map.panTo(m.getLatLng()); m.openPopup(); }
    }
    if (!it) return;
    detail.classList.remove("muted");
    detail.replaceChildren(
      el("b", {text: it.date + " · " + it.type + (it.status ? " (" + it.status + ")" : "")}), " ",
      el("span", {text: it.label}), " ",
      el("a", {href: it.url, class: "evidence", id: "tl-evidence", text: "open the evidence →"}),
      it.place ? el("span", {class: "muted", text: it.geo ? " · shown on the map" : " · place has no coordinates"}) : null,
    );
  }
  async function initMap() {
    const node = document.getElementById("tl-map");
    if (!node) return;
    map = await worldMap(node);
    renderMarkers();
  }
  function renderMarkers() {
    if (!map) return;
    for (const m of markers.values()) m.remove();
    markers.clear();
    const pts = [];
    for (const it of items) {
      if (!it.geo || markers.has(it.place)) continue;
      const m = L.circleMarker(it.geo, {radius: 6, color: "#1f5f99", fillColor: "#3b82c4", fillOpacity: 0.85, weight: 1});
      const here = items.filter((i) => i.place === it.place);
      m.bindPopup(el("div", {}, [el("b", {text: here.length + " item(s) here"}),
        ...here.slice(0, 8).map((i) => el("div", {}, [el("a", {href: i.url, class: "evidence", text: i.date}), " " + i.label]))]));
      m.on("click", () => { const first = here[0]; if (first) select(first.id, false); });
      m.addTo(map);
      markers.set(it.place, m);
      pts.push(it.geo);
    }
    if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.6), {maxZoom: 5});
  }
  // restore filters from the address
  const init = new URLSearchParams(location.search);
  for (const [k, v] of init) if (form.elements[k]) form.elements[k].value = v;
  window.addEventListener("resize", draw);
  initMap().then(load);
})();
