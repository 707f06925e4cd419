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
