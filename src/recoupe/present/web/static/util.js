// Small helpers shared by the pages. Text from the dossier is untrusted: it is only ever set with
// textContent, never as HTML.
"use strict";
function el(tag, attrs, children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === "text") node.textContent = v;
    else if (k === "href") node.setAttribute("href", safeHref(v));
    else node.setAttribute(k, v);
  }
  for (const c of children || []) {
    if (c === null || c === undefined) continue;
    node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
  }
  return node;
}
// The page's labels (the reader's language), embedded by the server as JSON: every word a script shows comes from
// them. tr(key, {n: 3}) fills {n}; trn(key, n) picks the singular or plural form; dateLabel(iso) writes a date.
const LABELS = (() => {
  const node = document.getElementById("labels");
  try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
})();
function lookupLabel(key) {
  let node = LABELS;
  for (const part of key.split(".")) {
    if (node === null || typeof node !== "object" || !(part in node)) return undefined;
    node = node[part];
  }
  return node;
}
function fill(text, values) {
  return String(text).replace(/\{(\w+)\}/g, (m, k) => (values && k in values ? String(values[k]) : m));
}
function tr(key, values) {
  const text = lookupLabel(key);
  return text === undefined ? key : fill(text, values);
}
function trn(key, n, values) {
  const forms = lookupLabel(key);
  if (!forms) return key;
  const one = n === 1 || (n === 0 && LABELS.zero_is_singular);
  return fill(one ? forms.one : forms.other, {...(values || {}), n: n});
}
// a value of a vocabulary (event types, entity types, modalities) in words, or the value itself
function term(group, value) {
  const text = value === null || value === undefined ? undefined : lookupLabel(group + "." + value);
  return text === undefined ? (value || "") : String(text);
}
function dateLabel(iso) {
  if (!iso) return tr("undated");
  const p = String(iso).slice(0, 10).split("-");
  const y = +p[0], month = p.length > 1 ? (LABELS.months || [])[+p[1] - 1] : null;
  if (p.length === 1) return fill(LABELS.date_year, {y: y});
  if (p.length === 2) return fill(LABELS.date_month, {month: month, y: y});
  const d = +p[2];
  return fill(d === 1 ? LABELS.date_first_day : LABELS.date_day, {d: d, month: month, y: y});
}
function safeHref(v) {
  // only this site's own links are built by the scripts
  return typeof v === "string" && v.startsWith("/") && !v.startsWith("//") ? v : "#";
}
async function getJSON(url) {
  const r = await fetch(url, {headers: {"Accept": "application/json"}});
  if (!r.ok) throw new Error(url + ": " + r.status);
  return r.json();
}
function entityUrl(id) { return "/entity/" + encodeURIComponent(id); }
// A world map from the bundled Natural Earth outlines; no tile server.
async function worldMap(node) {
  const map = L.map(node, {worldCopyJump: true, zoomSnap: 0.5, attributionControl: true, minZoom: 1});
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Natural Earth (world-atlas)");
  map.createPane("countries");
  map.getPane("countries").style.zIndex = 200;
  try {
    const topo = await getJSON(node.dataset.world);
    const land = topojson.feature(topo, topo.objects.countries);
    unwrapAntimeridian(land);
    L.geoJSON(land, {pane: "countries", interactive: false,
      style: {color: "#8a8f98", weight: 0.6, fillColor: "#eef0e6", fillOpacity: 1}}).addTo(map);
  } catch (e) { console.warn("no basemap", e); }
  node.style.background = "#cfe3f3";
  if (node.dataset.tiles) {
    // only when the user configured a tile server (recoupe serve --tiles URL)
    L.tileLayer(node.dataset.tiles, {maxZoom: 18, opacity: 0.9}).addTo(map);
  }
  map.setView([30, 20], 2);
  return map;
}
// Rings that cross the 180th meridian (Russia, Fiji) would be drawn as bands across the whole map:
// make their longitudes continuous instead (Leaflet draws past 180 fine). A ring that circles the
// globe (Antarctica) is left as it is.
function unwrapAntimeridian(fc) {
  const ring = (r) => {
    const out = [r[0].slice()];
    for (let i = 1; i < r.length; i++) {
      let lon = r[i][0];
      const prev = out[i - 1][0];
      while (lon - prev > 180) lon -= 360;
      while (lon - prev < -180) lon += 360;
      out.push([lon, r[i][1]]);
    }
    const lons = out.map((p) => p[0]);
    return Math.max(...lons) - Math.min(...lons) > 350 ? r : out;
  };
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g) continue;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(ring);
    else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((poly) => poly.map(ring));
  }
}
