#!/usr/bin/env bash
# Fetch the web UI's front-end libraries from the npm registry into a temp dir and copy the dist
# files (with their licenses) under src/recoupe/present/web/static/vendor/. The result is committed,
# so neither CI nor a user needs npm; nothing is loaded from a CDN at run time.
set -euo pipefail
cd "$(dirname "$0")/.."
DEST=src/recoupe/present/web/static/vendor
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
(
  cd "$TMP"
  npm init -y >/dev/null 2>&1
  npm install --no-audit --no-fund --ignore-scripts \
    leaflet@1.9.4 world-atlas@2.0.2 topojson-client@3.1.0 cytoscape@3.34.4 >/dev/null
)
M="$TMP/node_modules"
rm -rf "$DEST"
mkdir -p "$DEST/leaflet/images" "$DEST/world-atlas" "$DEST/topojson-client" "$DEST/cytoscape"
cp "$M/leaflet/dist/leaflet.js" "$M/leaflet/dist/leaflet.css" "$M/leaflet/LICENSE" "$DEST/leaflet/"
cp "$M/leaflet/dist/images/"*.png "$DEST/leaflet/images/"
cp "$M/world-atlas/countries-110m.json" "$M/world-atlas/LICENSE" "$DEST/world-atlas/"
cp "$M/topojson-client/dist/topojson-client.min.js" "$M/topojson-client/LICENSE" "$DEST/topojson-client/"
cp "$M/cytoscape/dist/cytoscape.min.js" "$M/cytoscape/LICENSE" "$DEST/cytoscape/"
# Record exactly what was fetched.
for p in leaflet world-atlas topojson-client cytoscape; do
  node -e "const p=require('$M/$p/package.json');console.log(p.name+'@'+p.version+'  '+(p.license||''))"
done > "$DEST/VERSIONS.txt"
cat "$DEST/VERSIONS.txt"
