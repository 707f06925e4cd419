// The timeline: events in one lane (a row per event type) and claims in another (a mark per article), on a
// zoomable axis that opens on the period where events are densest. Items too close to tell apart at the
// current zoom are drawn as one cluster; clicking it zooms in until they separate. Every item is clickable:
// its details and evidence show below, its place lights up on the map, and the map's time slider moves to it
// (the slider and the timeline's cursor follow each other). Text is only ever set with textContent.
"use strict";
(function () {
  const box = document.getElementById("timeline");
  if (!box) return;
  const form = document.getElementById("tl-filters");
  const detail = document.getElementById("tl-detail");
  const list = document.getElementById("tl-list");
  const DAY = 86400000, CLUSTER_PX = 18, ROW_H = 24, AXIS_H = 30, LANE_H = 20, LABEL_W = 130;
  const TYPE_ORDER = ["departure", "travel", "arrival", "visit", "meeting", "agreement", "invitation", "statement", "transfer",
    "sanction", "military_action", "launch", "other"];
  let items = [], rows = [], t0 = 0, t1 = 1, selected = null, cursor = null, period = null, slider = null, mapView = null;

  const toTime = (d) => { const p = d.split("-").map(Number); return Date.UTC(p[0], (p[1] || 1) - 1, p[2] || 1); };
  function endTime(it) {
    if (it.date_end) return toTime(it.date_end) + DAY;
    const p = it.date.split("-");
    if (p.length === 3) return toTime(it.date) + DAY;
    if (p.length === 2) return Date.UTC(+p[0], +p[1], 1);
    return Date.UTC(+p[0] + 1, 0, 1);
  }
  const iso = (t) => new Date(t).toISOString().slice(0, 10);
  const plotW = () => Math.max(100, box.clientWidth - LABEL_W);
  const x = (t) => LABEL_W + (t - t0) / (t1 - t0) * plotW();
  function params() {
    const q = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (v) q.set(k, v);
    return q;
  }

  // claims are marked once per article (and day): one mark stands for the claims an article makes
  function bundle(raw) {
    const out = [], byDoc = new Map();
    for (const it of raw) {
      if (it.kind !== "claim") { out.push(it); continue; }
      const key = (it.evidence ? it.evidence.doc : it.id) + "|" + it.date;
      let b = byDoc.get(key);
      if (!b) {
        b = {...it, id: "claims-" + key, kind: "claims", type: "claim", claims: [], label: ""};
        byDoc.set(key, b);
        out.push(b);
      }
      b.claims.push(it);
      b.label = trn("web.js.timeline.claims", b.claims.length) + (it.outlets.length ? " · " + it.outlets[0] : "");
    }
    return out.map((it) => ({...it, t: toTime(it.date), te: endTime(it)}));
  }

  async function load(keepWindow) {
    const q = params();
    history.replaceState(null, "", "?" + q.toString());
    const data = await getJSON("/api/timeline?" + q.toString());
    period = data.period;
    items = bundle(data.items);
    const types = [...new Set(items.filter((i) => i.kind === "event").map((i) => i.type))];
    types.sort((a, b) => (TYPE_ORDER.indexOf(a) + 100) % 100 - (TYPE_ORDER.indexOf(b) + 100) % 100 || a.localeCompare(b));
    rows = [{lane: tr("web.js.timeline.events_lane"), laneKey: "events"}, ...types.map((t) => ({key: t, label: term("event_types", t)})),
      {lane: tr("web.js.timeline.claims_lane"), laneKey: "claims"}, {key: "claim", label: tr("web.js.timeline.by_article")}];
    document.getElementById("tl-count").textContent = "(" + trn("web.js.timeline.dated_items", data.total) +
      (data.truncated ? tr("web.js.timeline.truncated", {n: data.items.length}) : "") + ")";
    if (!keepWindow) opening();
    draw();
    renderList();
  }
  // the densest period of events (as the server computed it for the whole dossier), else every item
  function opening() {
    if (period && items.some((i) => i.te >= toTime(period[0]) && i.t <= toTime(period[1]) + DAY)) {
      t0 = toTime(period[0]); t1 = toTime(period[1]) + DAY;
    } else fit();
  }
  function fit() {
    if (!items.length) { t0 = Date.now() - 30 * DAY; t1 = Date.now(); return; }
    const a = Math.min(...items.map((i) => i.t)), b = Math.max(...items.map((i) => i.te));
    const pad = Math.max((b - a) * 0.04, DAY);
    t0 = a - pad; t1 = b + pad;
  }
  function ticks() {
    const span = t1 - t0, out = [];
    const steps = [[DAY, "day"], [7 * DAY, "week"], [30.44 * DAY, "month"], [91.3 * DAY, "quarter"], [365.25 * DAY, "year"], [3652.5 * DAY, "decade"]];
    let unit = steps[steps.length - 1];
    for (const s of steps) if (span / s[0] <= plotW() / 60) { unit = s; break; }
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
      const s = iso(t);
      return unit[1] === "day" || unit[1] === "week" ? s : unit[1] === "year" || unit[1] === "decade" ? s.slice(0, 4) : s.slice(0, 7);
    };
    return out.map((t) => [t, fmt(t)]);  // [time, ISO of the tick's precision]
  }
  // items of one row that fall within CLUSTER_PX of each other at this zoom make one group; when a day is wide
  // enough, the items of one day are set side by side within it, so that zooming in always separates them
  function groups(rowItems) {
    const out = [], dayPx = x(t0 + DAY) - x(t0), sameDay = new Map();
    for (const it of rowItems) sameDay.set(it.t, (sameDay.get(it.t) || 0) + 1);
    const slot = new Map();
    const pos = (it) => {
      const n = sameDay.get(it.t);
      if (n < 2 || dayPx < n * (CLUSTER_PX + 2)) return x(it.t);
      const i = slot.get(it.t) || 0;
      slot.set(it.t, i + 1);
      return x(it.t) + i * (CLUSTER_PX + 2);
    };
    for (const it of rowItems.sort((a, b) => a.t - b.t || (a.id < b.id ? -1 : 1))) {
      const px = pos(it), last = out[out.length - 1];
      it.px = px;
      if (last && px - last.x0 < CLUSTER_PX) { last.items.push(it); last.x1 = Math.max(last.x1, px); }
      else out.push({x0: px, x1: px, items: [it]});
    }
    return out;
  }
  function draw() {
    box.replaceChildren();
    const visible = items.filter((it) => it.te >= t0 && it.t <= t1);
    for (const [t, when] of ticks()) {
      box.appendChild(el("div", {class: "tick", style: "left:" + x(t).toFixed(1) + "px", "data-date": when}, [el("span", {text: dateLabel(when)})]));
    }
    let top = AXIS_H;
    for (const row of rows) {
      if (row.lane) {
        box.appendChild(el("div", {class: "tl-lane", style: "top:" + top + "px", "data-lane": row.laneKey, text: row.lane}));
        top += LANE_H;
        continue;
      }
      box.appendChild(el("div", {class: "tl-row" + (row.key === "claim" ? " claims" : ""), style: "top:" + top + "px;height:" + ROW_H + "px", "data-row": row.key},
        [el("span", {class: "tl-row-label", text: row.label})]));
      const gs = groups(visible.filter((it) => it.type === row.key));
      gs.forEach((g, i) => {
        const room = (i + 1 < gs.length ? gs[i + 1].x0 : LABEL_W + plotW()) - g.x1 - 14;
        box.appendChild(g.items.length > 1 ? clusterNode(g, top) : itemNode(g.items[0], top, room));
      });
      top += ROW_H;
    }
    if (cursor !== null && cursor >= t0 && cursor <= t1) {
      box.appendChild(el("div", {class: "tl-cursor", style: "left:" + x(cursor).toFixed(1) + "px", title: tr("web.js.timeline.map_date", {date: dateLabel(iso(cursor))})}));
    }
    box.style.height = (top + 8) + "px";
  }
  function itemNode(it, top, room) {
    // a day is a point, however far one zooms in; a month, a year or a period is a bar
    const isRange = it.date.length < 10 || !!it.date_end;
    const left = it.t >= t0 ? it.px : x(t0), width = isRange ? Math.max(0, x(Math.min(it.te, t1)) - left) : 0;
    const node = el("div", {
      class: "tl-item kind-" + it.kind + " t-" + it.type + (width > 10 ? " range" : " point") + (selected === it.id ? " selected" : ""),
      style: "left:" + left.toFixed(1) + "px;top:" + (top + 2) + "px", title: dateLabel(it.date) + " · " + it.label, "data-id": it.id, tabindex: "0",
    }, [el("span", {class: "mark", style: width > 10 ? "width:" + width.toFixed(1) + "px" : null}),
      room > 40 ? el("span", {class: "label", text: it.label, style: "max-width:" + Math.min(room, 320).toFixed(0) + "px;margin-left:" + (width > 10 ? 4 : 12) + "px"}) : null]);
    node.addEventListener("click", (ev) => { ev.stopPropagation(); select(it.id, true); });
    node.addEventListener("keydown", (ev) => { if (ev.key === "Enter") select(it.id, true); });
    return node;
  }
  function clusterNode(g, top) {
    const n = g.items.reduce((s, it) => s + (it.claims ? it.claims.length : 1), 0);
    // centred on the part of the group in view: a group of periods that began before the window stays on screen
    const lo = Math.max(g.x0, x(t0)), hi = Math.max(lo, Math.min(g.x1, x(t1)));
    const node = el("div", {class: "tl-cluster", style: "left:" + ((lo + hi) / 2 - 11).toFixed(1) + "px;top:" + (top + 1) + "px",
      title: tr("web.js.timeline.cluster", {n: g.items.length, first: dateLabel(iso(Math.min(...g.items.map((i) => i.t)))),
        last: dateLabel(iso(Math.max(...g.items.map((i) => i.te)) - 1))}),
      tabindex: "0", "data-count": String(g.items.length)}, [el("span", {text: String(n)})]);
    const open = (ev) => {
      ev.stopPropagation();
      const a = Math.min(...g.items.map((i) => i.t)), b = Math.max(...g.items.map((i) => i.te));
      const span = Math.max(Math.min(b - a, (t1 - t0) / 3), 3 * DAY), mid = (a + b) / 2;
      t0 = mid - span * 0.6; t1 = mid + span * 0.6;
      draw();
    };
    node.addEventListener("click", open);
    node.addEventListener("keydown", (ev) => { if (ev.key === "Enter") open(ev); });
    return node;
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
    const rect = box.getBoundingClientRect();
    zoom(ev.deltaY > 0 ? 1.25 : 0.8, t0 + (ev.clientX - rect.left - LABEL_W) / plotW() * (t1 - t0));
  }, {passive: false});
  let drag = null;
  box.addEventListener("mousedown", (ev) => { drag = {x: ev.clientX, t0: t0, t1: t1, moved: false}; });
  window.addEventListener("mouseup", (ev) => {
    // a click on the axis (not a drag) puts the map's date there
    if (drag && !drag.moved && ev.target === box || (drag && !drag.moved && ev.target.classList && ev.target.classList.contains("tick"))) {
      const rect = box.getBoundingClientRect();
      const t = t0 + (ev.clientX - rect.left - LABEL_W) / plotW() * (t1 - t0);
      if (ev.clientX - rect.left > LABEL_W) setCursor(t, true);
    }
    drag = null;
  });
  window.addEventListener("mousemove", (ev) => {
    if (!drag || Math.abs(ev.clientX - drag.x) < 3) return;
    drag.moved = true;
    const dt = (ev.clientX - drag.x) / plotW() * (drag.t1 - drag.t0);
    t0 = drag.t0 - dt; t1 = drag.t1 - dt;
    draw();
  });
  document.getElementById("tl-zoom-in").addEventListener("click", () => zoom(0.6));
  document.getElementById("tl-zoom-out").addEventListener("click", () => zoom(1.6));
  document.getElementById("tl-fit").addEventListener("click", () => { fit(); draw(); });
  document.getElementById("tl-dense").addEventListener("click", () => { opening(); draw(); });
  form.addEventListener("submit", (ev) => { ev.preventDefault(); load(false); });
  document.getElementById("tl-reset").addEventListener("click", () => { form.reset(); load(false); });

  // the cursor (the map's date): set from the slider or a click on the axis; the slider follows
  function setCursor(t, fromTimeline) {
    cursor = t;
    if (t < t0 || t > t1) { const span = t1 - t0; t0 = t - span / 2; t1 = t + span / 2; }
    draw();
    if (fromTimeline && slider) slider.set(iso(t));
    if (mapView) mapView.setDate(iso(t));
  }

  function renderList() {
    list.replaceChildren(...items.slice(0, 500).map((it) => el("li", {"data-id": it.id, class: "kind-" + it.kind}, [
      el("span", {class: "date", "data-date": it.date, text: dateLabel(it.date)}),
      el("span", {class: "badge", "data-value": it.type, text: it.kind === "claims" ? tr("web.js.timeline.claim") : term("event_types", it.type)}), " ",
      el("a", {href: it.kind === "claims" ? it.claims[0].url : it.url, text: it.label}),
    ])));
  }
  function select(id, fromTimeline) {
    selected = id;
    const it = items.find((i) => i.id === id);
    draw();
    if (!it) return;
    if (mapView) mapView.highlight(it.place);
    if (fromTimeline) setCursor(it.t, true);
    detail.classList.remove("muted");
    if (it.kind === "claims") {
      detail.replaceChildren(el("b", {text: dateLabel(it.date) + " · " + it.label}),
        el("ul", {}, it.claims.slice(0, 30).map((c) => el("li", {}, [el("span", {class: "badge mod-" + c.status, "data-value": c.status || "", text: term("modalities", c.status)}), " ",
          el("a", {href: c.url, class: "evidence", text: c.label})]))),
        it.claims.length > 30 ? el("div", {class: "muted", text: tr("web.js.more", {n: it.claims.length - 30})}) : null);
      return;
    }
    detail.replaceChildren(
      el("b", {text: dateLabel(it.date) + " · " + term("event_types", it.type) + (it.status ? " (" + term("web.event_status", it.status) + ")" : "")}), " ",
      el("span", {text: it.label}), " ",
      el("a", {href: it.url, class: "evidence", id: "tl-evidence", text: tr("web.js.timeline.open_evidence") + " →"}),
      it.place ? el("span", {class: "muted", text: " · " + (it.geo ? tr("web.js.timeline.on_map") : tr("web.js.timeline.not_on_map"))}) : null,
    );
  }

  const init = new URLSearchParams(location.search);
  for (const [k, v] of init) if (form.elements[k]) form.elements[k].value = v;
  window.addEventListener("resize", draw);
  const mapNode = document.getElementById("tl-map");
  const start = async () => {
    if (mapNode) {
      mapView = await storyMap(mapNode, {onSelect: (eventId) => { if (items.some((i) => i.id === eventId)) select(eventId, true); }});
      slider = timeSlider(document.getElementById("tl-slider"), mapView.dates, (d) => setCursor(toTime(d), false));
    }
    await load(false);
    if (init.get("at") && slider) { slider.set(init.get("at")); setCursor(toTime(init.get("at")), false); }
  };
  start();
})();
