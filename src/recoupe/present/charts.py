"""Small charts as inline SVG (no script, nothing fetched): articles per day and outlet, a timeline strip, and a
map of where events happened with the travellers' routes, drawn on the Natural Earth outlines the web UI ships.
Every text drawn comes from the dossier and is escaped here."""

from __future__ import annotations

import json
import math
from collections import Counter
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from recoupe.present.story import day

PALETTE = ["#1f5f99", "#c0392b", "#27ae60", "#8e44ad", "#d68910", "#16a085", "#7f8c8d", "#e67e22", "#2c3e50"]
FONT = 'font-family="DejaVu Sans, Noto Sans, sans-serif"'
DAYS_MAX = 62  # beyond this many days, articles are counted per month
OUTLETS_MAX = 8


def _svg(width: int, height: int, body: list[str], label: str) -> str:
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="{width}" height="{height}" '
            f'role="img" aria-label={quoteattr(label)} {FONT} font-size="11">' + "".join(body) + "</svg>")


def _text(x: float, y: float, s: str, **attrs: Any) -> str:
    a = "".join(f' {k.replace("_", "-")}={quoteattr(str(v))}' for k, v in attrs.items())
    return f'<text x="{x:.1f}" y="{y:.1f}"{a}>{escape(s)}</text>'


# --- articles per day and outlet -----------------------------------------------------------------


def per_day(docs: list[dict[str, Any]], unknown_outlet: str, month_name: Any, label: str) -> tuple[str | None, int, bool]:
    """Stacked bars of articles per publication day (per month over a long period) by outlet: (svg, number of
    articles without a day, whether bars are months)."""
    dated = [(d["published"], d.get("outlet") or unknown_outlet) for d in docs if len(d.get("published") or "") == 10]
    undated = len(docs) - len(dated)
    if not dated:
        return None, undated, False
    days = sorted({day(p) for p, _ in dated})  # type: ignore[type-var]
    by_month = (days[-1] - days[0]).days > DAYS_MAX
    key = (lambda p: p[:7]) if by_month else (lambda p: p)
    if by_month:
        first, last = days[0].replace(day=1), days[-1].replace(day=1)
        buckets, cur = [], first
        while cur <= last:
            buckets.append(cur.isoformat()[:7])
            cur = (cur + timedelta(days=32)).replace(day=1)
    else:
        buckets = [(days[0] + timedelta(days=i)).isoformat() for i in range((days[-1] - days[0]).days + 1)]
    outlets = [o for o, _ in Counter(o for _, o in dated).most_common()]
    shown = outlets[:OUTLETS_MAX]
    other = "…" if len(outlets) > OUTLETS_MAX else None
    counts: Counter[tuple[str, str]] = Counter((key(p), o if o in shown else other or o) for p, o in dated)
    series = shown + ([other] if other else [])
    top = max(sum(counts[(b, o)] for o in series) for b in buckets)
    w, h, left, bottom, legend_w = 560, 200, 28, 34, 150
    plot_w = w - left - legend_w - 10
    bw = min(plot_w / len(buckets), 48.0)
    body = []
    for i in range(top + 1) if top <= 6 else range(0, top + 1, max(1, math.ceil(top / 5))):
        y = h - bottom - (h - bottom - 10) * i / top
        body.append(f'<line x1="{left}" x2="{left + plot_w:.1f}" y1="{y:.1f}" y2="{y:.1f}" stroke="#e3e6ea"/>')
        body.append(_text(left - 4, y + 4, str(i), text_anchor="end", fill="#67707c"))
    step = max(1, math.ceil((60 if by_month else 40) / bw))  # room for a label under every `step` bars
    for i, b in enumerate(buckets):
        x = left + i * bw
        y = h - bottom
        for j, o in enumerate(series):
            n = counts[(b, o)]
            if not n:
                continue
            bh = (h - bottom - 10) * n / top
            y -= bh
            body.append(f'<rect x="{x + 1:.1f}" y="{y:.1f}" width="{max(1.0, bw - 2):.1f}" height="{bh:.1f}" fill="{PALETTE[j % len(PALETTE)]}">'
                        f'<title>{escape(f"{b} · {o}: {n}")}</title></rect>')
        if i % step == 0:
            d = day(b)
            lab = f"{month_name(d.month)[:4]} {d.year}" if by_month else f"{d.day} {month_name(d.month)[:4]}"  # type: ignore[union-attr]
            body.append(_text(x + bw / 2, h - bottom + 14, lab, text_anchor="middle", fill="#34404d"))
    for j, o in enumerate(series):
        y = 14 + j * 16
        body.append(f'<rect x="{w - legend_w}" y="{y - 9}" width="10" height="10" fill="{PALETTE[j % len(PALETTE)]}"/>')
        body.append(_text(w - legend_w + 14, y, o if len(o) <= 22 else o[:21] + "…"))
    return _svg(w, h, body, label), undated, by_month


# --- timeline strip ------------------------------------------------------------------------------


def timeline_strip(items: list[tuple[str, str, str]], first: str, last: str, month_name: Any, label: str) -> str | None:
    """Events (date, number in the story list, type) on a strip from `first` to `last` (ISO days)."""
    a, b = day(first), day(last)
    if a is None or b is None or not items:
        return None
    n_days = max(1, (b - a).days)
    w, h, left, right = 560, 110, 20, 20
    x = lambda d: left + (w - left - right) * (d - a).days / n_days  # noqa: E731
    body = [f'<line x1="{left}" x2="{w - right}" y1="70" y2="70" stroke="#34404d" stroke-width="1.5"/>']
    step = max(1, math.ceil(n_days / 14))
    for i in range(0, n_days + 1, step):
        d = a + timedelta(days=i)
        body.append(f'<line x1="{x(d):.1f}" x2="{x(d):.1f}" y1="66" y2="74" stroke="#34404d"/>')
        lab = f"{d.day} {month_name(d.month)[:4]}" if i == 0 or d.day <= step else str(d.day)
        body.append(_text(x(d), 90, lab, text_anchor="middle", fill="#34404d"))
    types = sorted({t for _, _, t in items})
    placed: Counter[str] = Counter()
    for iso, num, typ in sorted(items):
        d = day(iso)
        if d is None:
            continue
        row = placed[iso]
        placed[iso] += 1
        cx, cy = x(d), 70 - 12 - row * 14
        color = PALETTE[types.index(typ) % len(PALETTE)]
        body.append(f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="{color}"><title>{escape(f"{num}. {iso} {typ}")}</title></circle>')
        body.append(_text(cx, cy + 3.5, num, text_anchor="middle", fill="#fff", font_size="8", font_weight="bold"))
    for j, t in enumerate(types):
        body.append(f'<circle cx="{left + 6 + j * 95}" cy="104" r="4" fill="{PALETTE[j % len(PALETTE)]}"/>')
        body.append(_text(left + 13 + j * 95, 108, t, fill="#34404d", font_size="9"))
    return _svg(w, h + 6, body, label)


# --- map -----------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _countries() -> list[list[list[tuple[float, float]]]]:
    """Country polygons (lists of rings of (lon, lat)) from the world-atlas TopoJSON the web UI ships."""
    topo = json.loads(resources.files("recoupe.present.web").joinpath("static", "vendor", "world-atlas", "countries-110m.json").read_text("utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        px = py = 0
        pts = []
        for dx, dy in arc:
            px += dx
            py += dy
            pts.append((px * sx + tx, py * sy + ty))
        arcs.append(pts)

    def ring(idx: list[int]) -> list[tuple[float, float]]:
        out: list[tuple[float, float]] = []
        for i in idx:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts[1:] if out else pts)
        return _unwrap(out)

    polys = []
    for g in topo["objects"]["countries"]["geometries"]:
        if g.get("type") == "Polygon":
            polys.append([ring(r) for r in g["arcs"]])
        elif g.get("type") == "MultiPolygon":
            polys.extend([ring(r) for r in p] for p in g["arcs"])
    return polys


def _unwrap(r: list[tuple[float, float]]) -> list[tuple[float, float]]:
    # rings that cross the 180th meridian are made continuous (as the web map does), unless they circle the globe
    out = [r[0]]
    for lon, lat in r[1:]:
        prev = out[-1][0]
        while lon - prev > 180:
            lon -= 360
        while lon - prev < -180:
            lon += 360
        out.append((lon, lat))
    lons = [p[0] for p in out]
    return r if max(lons) - min(lons) > 350 else out


def places_map(points: list[dict[str, Any]], routes: list[list[tuple[float, float]]], label: str) -> str | None:
    """Located places (dicts with lat, lon, name, n) and routes (lists of (lat, lon)) on the country outlines,
    framed on the places."""
    if not points:
        return None
    lats = [p["lat"] for p in points]
    lons = [p["lon"] for p in points]
    mid = (min(lats) + max(lats)) / 2
    k = max(0.2, math.cos(math.radians(mid)))
    w, h = 560, 340
    span_lon = max(max(lons) - min(lons), 8.0) * 1.3
    span_lat = max(max(lats) - min(lats), 5.0) * 1.3
    # one scale for both axes (equirectangular, shrunk by cos(latitude) east-west), the frame fitted to the places
    scale = min(w / (span_lon * k), h / span_lat)
    cx, cy = (min(lons) + max(lons)) / 2, mid
    lon0, lon1 = cx - w / scale / k / 2, cx + w / scale / k / 2
    lat0, lat1 = cy - h / scale / 2, cy + h / scale / 2
    px = lambda lon: (lon - lon0) * scale * k  # noqa: E731
    py = lambda lat: (lat1 - lat) * scale  # noqa: E731
    body = [f'<rect width="{w}" height="{h}" fill="#dce9f5"/>']
    for poly in _countries():
        ring0 = poly[0]
        if max(p[0] for p in ring0) < lon0 or min(p[0] for p in ring0) > lon1 or max(p[1] for p in ring0) < lat0 or min(p[1] for p in ring0) > lat1:
            continue
        d = "".join("M" + "L".join(f"{px(lon):.1f},{py(lat):.1f}" for lon, lat in r) + "Z" for r in poly)
        body.append(f'<path d="{d}" fill="#f2f1ea" stroke="#9a9fa6" stroke-width="0.6"/>')
    for j, route in enumerate(routes):
        pts = " ".join(f"{px(lon):.1f},{py(lat):.1f}" for lat, lon in route)
        body.append(f'<polyline points="{pts}" fill="none" stroke="{PALETTE[(j + 1) % len(PALETTE)]}" stroke-width="2.5" '
                    'stroke-dasharray="6 3" stroke-linejoin="round"/>')
    top = max(p.get("n", 1) for p in points)
    for p in sorted(points, key=lambda p: -p.get("n", 1)):
        x, y = px(p["lon"]), py(p["lat"])
        r = 3 + 5 * math.sqrt(p.get("n", 1) / top)
        body.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="#c0392b" stroke="#fff" stroke-width="1"/>')
        right = x > w - 110  # near the right edge, the name goes to the left of its dot
        body.append(_text(x - r - 2 if right else x + r + 2, y + 4, p["name"], fill="#1d232b", stroke="#fff", stroke_width="3",
                          paint_order="stroke", text_anchor="end" if right else "start"))
    return _svg(w, h, body, label)
