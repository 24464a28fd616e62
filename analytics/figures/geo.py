"""Where countries lie: the view a world map needs to show the countries it draws.

Why: under a one-country filter the world map stayed a whole-world map, so in a phone-width window the
country was a dot in an empty box (QA round fourteen). Plotly's own ``fitbounds`` fits a country's every
polygon with no margin: France's view ran from French Guiana to Paris, and a small country at 1:110m filled
the box as a rough polygon with no neighbour to place it. The boxes here come from the same vendored
outlines Plotly draws (static/topojson, Natural Earth 1:110m), read once.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from pathlib import Path

TOPOJSON = Path(__file__).resolve().parents[2] / "static" / "topojson"  # as analytics.export.render reads it
WORLD = {"lon": (-180.0, 180.0), "lat": (-58.0, 84.0)}  # the whole world, Antarctica left out
MAIN_SHARE = 0.2  # a country's parts at least this share of its largest: French Guiana (about 0.15) is not
PAD = 0.2  # room around the countries, a share of their span each side: their neighbours place them
MIN_SPAN = {"lon": 24.0, "lat": 14.0}  # degrees: a small country is shown among its neighbours
Box = tuple[float, float, float, float]  # west, south, east, north


@functools.cache
def _boxes() -> dict[str, Box]:
    """Each country's box by its ISO-3 code: the box of its main parts (see MAIN_SHARE)."""
    topo = json.loads((TOPOJSON / "world_110m.json").read_text(encoding="utf-8"))
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:  # quantised and delta-encoded
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    out: dict[str, Box] = {}
    for geom in topo["objects"]["countries"]["geometries"]:
        polygons = {"Polygon": [geom.get("arcs")], "MultiPolygon": geom.get("arcs")}.get(geom["type"]) or []
        parts = []
        for polygon in polygons:
            if not polygon or not polygon[0]:
                continue
            ring = [p for i in polygon[0] for p in arcs[i if i >= 0 else ~i]]  # the outer ring
            xs, ys = [p[0] for p in ring], [p[1] for p in ring]
            parts.append(((max(xs) - min(xs)) * (max(ys) - min(ys)), (min(xs), min(ys), max(xs), max(ys))))
        if not parts or not geom.get("id"):
            continue
        largest = max(a for a, _ in parts)
        main = [b for a, b in parts if a >= MAIN_SHARE * largest]
        out[str(geom["id"])] = (min(b[0] for b in main), min(b[1] for b in main),
                                max(b[2] for b in main), max(b[3] for b in main))
    return out


def view(iso3: Iterable[str]) -> dict[str, tuple[float, float]] | None:
    """The longitude and latitude ranges that show these countries with room around them, or None where
    that is the whole world anyway (many countries, or none the map can draw): then the world map."""
    boxes = [b for c in set(iso3) if (b := _boxes().get(str(c)))]
    if not boxes:
        return None
    west, south = min(b[0] for b in boxes), min(b[1] for b in boxes)
    east, north = max(b[2] for b in boxes), max(b[3] for b in boxes)
    out = {}
    for axis, lo, hi in (("lon", west, east), ("lat", south, north)):
        span = max(hi - lo, MIN_SPAN[axis] / (1 + 2 * PAD))
        mid = (lo + hi) / 2
        half = span * (1 + 2 * PAD) / 2
        w_lo, w_hi = WORLD[axis]
        out[axis] = (max(w_lo, mid - half), min(w_hi, mid + half))
    # a view over half the world's width or height reads as the world: draw the whole of it
    if out["lon"][1] - out["lon"][0] > 180 or out["lat"][1] - out["lat"][0] > 90:
        return None
    return out


def _natural_earth(lon: float, lat: float) -> tuple[float, float]:
    """d3's natural earth projection (geoNaturalEarth1Raw, the one Plotly draws "natural earth" with) of a
    point in degrees, its longitude taken from the view's centre."""
    lam, phi = math.radians(lon), math.radians(lat)
    phi2 = phi * phi
    phi4 = phi2 * phi2
    x = lam * (0.8707 - 0.131979 * phi2 + phi4 * (-0.013791 + phi4 * (0.003971 * phi2 - 0.001529 * phi4)))
    y = phi * (1.007226 + phi2 * (0.015085 + phi4 * (-0.044475 + 0.028874 * phi2 - 0.005916 * phi4)))
    return x, y


def aspect(ranges: dict[str, tuple[float, float]]) -> float:
    """Height over width of a view's box (``view``'s ranges) as Plotly draws it: natural earth, turned to
    the box's middle longitude (regions.world). Its edges sampled, as the curved parallels bulge. Pure.
    Why: a fitted map in a narrow window is given the chart height its map needs (QA round twenty-seven:
    Germany's drew 242 px in a 420-px plot at 390 px, the rest blank)."""
    (w, e), (s, n) = ranges["lon"], ranges["lat"]
    mid = (w + e) / 2
    steps = [i / 40 for i in range(41)]
    edge = [(w + (e - w) * t, lat) for t in steps for lat in (s, n)] + [
        (lon, s + (n - s) * t) for t in steps for lon in (w, e)]
    points = [_natural_earth(lon - mid, lat) for lon, lat in edge]
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (max(ys) - min(ys)) / (max(xs) - min(xs))
