#!/usr/bin/python3
"""The peer in the performance comparison: the same map and events drawn the way most report maps
are made, with a matplotlib script (Debian's python3-matplotlib, python3-pyproj for the same
Lambert conformal conic). It draws what qantar's export draws — neighbouring countries, the 17
regions, lakes and the Caspian, rivers, borders, key cities with labels, the events active at the
moment, a title and a time stamp — at 1920x1080.

  peer_matplotlib.py frame OUT.png [TIME]          one frame
  peer_matplotlib.py sequence OUTDIR [N]           N frames an hour apart (default 40)

A fair script: the base map is drawn once and only the events and the time stamp change per frame.
"""
import json
import os
import sys
from datetime import datetime, timedelta, timezone

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.collections import LineCollection, PolyCollection  # noqa: E402
from pyproj import Transformer  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GEO = os.path.join(ROOT, "assets", "geo")
LCC = "+proj=lcc +lat_1=45 +lat_2=51 +lat_0=48 +lon_0=67 +x_0=0 +y_0=0 +ellps=WGS84 +units=m"
TO_MAP = Transformer.from_crs("EPSG:4326", LCC, always_xy=True)
ALMATY = timezone(timedelta(hours=6))
COLORS = {"protest": "#e29600", "clash": "#be1e2d", "looting_arson": "#e8620a", "casualties": "#78141e",
          "arrests": "#6e46aa", "airport_closure": "#285aa0", "csto_deployment": "#148250",
          "government_action": "#007882"}


def load(name):
    with open(os.path.join(GEO, name), encoding="utf-8") as f:
        return json.load(f)["features"]


def rings(geom):
    polys = geom["coordinates"] if geom["type"] == "MultiPolygon" else [geom["coordinates"]]
    for poly in polys:
        for ring in poly:
            xs, ys = TO_MAP.transform([p[0] for p in ring], [p[1] for p in ring])
            yield list(zip(xs, ys))


def lines(geom):
    parts = geom["coordinates"] if geom["type"] == "MultiLineString" else [geom["coordinates"]]
    for line in parts:
        xs, ys = TO_MAP.transform([p[0] for p in line], [p[1] for p in line])
        yield list(zip(xs, ys))


def parse_time(s):
    return datetime.fromisoformat(s)


def base_map():
    fig = plt.figure(figsize=(19.2, 10.8), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_axis_off()
    ax.set_facecolor("#eceff1")
    fig.patch.set_facecolor("#eceff1")
    countries = [r for f in load("countries.geojson") if f["properties"].get("iso_a3") != "KAZ" for r in rings(f["geometry"])]
    ax.add_collection(PolyCollection(countries, facecolors="#e2e0db", edgecolors="none"))
    tints = ["#faf3e0", "#f5ead0", "#f0e4c8", "#f8eed6"]
    regions = load("kz_regions.geojson")
    for i, f in enumerate(regions):
        ax.add_collection(PolyCollection(list(rings(f["geometry"])), facecolors=tints[i % 4], edgecolors="#b0967a",
                                         linewidths=0.8))
    lakes = [r for f in load("lakes.geojson") for r in rings(f["geometry"])]
    ax.add_collection(PolyCollection(lakes, facecolors="#b3d0e3", edgecolors="#78a0be", linewidths=0.5))
    rivers = [l for f in load("rivers.geojson") for l in lines(f["geometry"])]
    ax.add_collection(LineCollection(rivers, colors="#78a8cc", linewidths=0.8))
    borders = [l for f in load("borders.geojson") for l in lines(f["geometry"])]
    ax.add_collection(LineCollection(borders, colors="#604e3c", linewidths=1.6))
    for f in load("places.geojson"):
        p = f["properties"]
        if not p.get("key_city"):
            continue
        x, y = TO_MAP.transform(*f["geometry"]["coordinates"])
        ax.plot([x], [y], "o", color="#282828", markersize=4)
        ax.annotate(p["name"], (x, y), xytext=(5, -3), textcoords="offset points", fontsize=10, fontweight="bold")
    # Kazakhstan fitted with a margin, as qantar's default view.
    xs = [x for f in regions for r in rings(f["geometry"]) for x, _ in r]
    ys = [y for f in regions for r in rings(f["geometry"]) for _, y in r]
    cx, cy = (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2
    half_h = max((max(ys) - min(ys)) / 2, (max(xs) - min(xs)) / 2 * 1080 / 1920) * 1.08
    ax.set_xlim(cx - half_h * 1920 / 1080, cx + half_h * 1920 / 1080)
    ax.set_ylim(cy - half_h, cy + half_h)
    ax.set_aspect("equal")
    return fig, ax


def events():
    with open(os.path.join(ROOT, "assets", "events", "events.json"), encoding="utf-8") as f:
        data = json.load(f)
    out = []
    for e in data["events"]:
        place = e["place"]
        if "lon" not in place:
            continue
        start = parse_time(e["start"])
        end = parse_time(e["end"]) if "end" in e else start + timedelta(hours=1)
        x, y = TO_MAP.transform(place["lon"], place["lat"])
        out.append((start, end, x, y, COLORS.get(e["category"], "#444444")))
    return out


def draw_frame(fig, ax, evs, t, artists):
    for a in artists:
        a.remove()
    artists.clear()
    active = [e for e in evs if e[0] <= t < e[1]]
    if active:
        artists.append(ax.scatter([e[2] for e in active], [e[3] for e in active], s=120, c=[e[4] for e in active],
                                  edgecolors="white", linewidths=1.2, zorder=5))
    artists.append(ax.text(0.01, 0.97, "Kazakhstan, January 2022", transform=ax.transAxes, fontsize=22,
                           fontweight="bold", va="top"))
    artists.append(ax.text(0.01, 0.92, t.astimezone(ALMATY).strftime("%a %d %b %Y, %H:%M (UTC+6)"),
                           transform=ax.transAxes, fontsize=16, va="top"))
    artists.append(ax.text(0.99, 0.01, "Map data: Natural Earth. Kazakhstan regions: geokz, CC BY 4.0",
                           transform=ax.transAxes, fontsize=9, ha="right"))


def main():
    mode, out = sys.argv[1], sys.argv[2]
    fig, ax = base_map()
    evs = events()
    artists = []
    if mode == "frame":
        t = parse_time(sys.argv[3]) if len(sys.argv) > 3 else datetime(2022, 1, 5, 20, 0, tzinfo=ALMATY)
        draw_frame(fig, ax, evs, t, artists)
        fig.savefig(out, dpi=100)
    else:
        n = int(sys.argv[3]) if len(sys.argv) > 3 else 40
        os.makedirs(out, exist_ok=True)
        t0 = datetime(2022, 1, 4, 0, 0, tzinfo=ALMATY)
        for i in range(n):
            draw_frame(fig, ax, evs, t0 + timedelta(hours=i), artists)
            fig.savefig(os.path.join(out, f"frame_{i + 1:04d}.png"), dpi=100)


if __name__ == "__main__":
    main()
