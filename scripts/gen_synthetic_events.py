#!/usr/bin/env python3
"""Write a synthetic qantar-events v1 file, for load and performance testing.

Usage:
    scripts/gen_synthetic_events.py N [--seed S] [--out FILE]

N events are placed at the key cities of assets/geo/places.geojson (those with "key_city": true)
and spread over 1-12 January 2022, with a mix of all twelve categories, durations from minutes to
days, curfews with nightly hours and internet blackouts with a status. Times are written in each
city's own offset (UTC+5 in the west, UTC+6 elsewhere), events are sorted by start, and the same
N and seed always give the same bytes. The events are made up: the file says so in its title and
its single source, and it must never be mistaken for the real dataset.

Check the result with:  build/qantar validate FILE
Standard library only.
"""

import argparse
import datetime
import json
import os
import random
import sys

WEST_REGIONS = {"KZ-MAN", "KZ-ATY", "KZ-AKT", "KZ-ZAP", "KZ-KZY"}  # UTC+5 in January 2022
CATEGORIES = [
    # (category, weight)
    ("protest", 20), ("clash", 12), ("looting_arson", 8), ("casualties", 8), ("arrests", 8),
    ("curfew", 4), ("state_of_emergency", 3), ("internet_blackout", 3), ("csto_deployment", 3),
    ("airport_closure", 3), ("government_action", 10), ("mourning", 1),
]
PRECISIONS = ["exact", "hour", "day", "approximate"]
FIGURE_KINDS = ["deaths", "injured", "arrests"]
PERIOD_START = datetime.datetime(2022, 1, 1)   # local wall clock, first day
PERIOD_DAYS = 12                               # 1..12 January


def repo_root():
    return os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def key_cities(path):
    """[(name, lon, lat, region)] of the key cities, in file order."""
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    cities = []
    for feature in data.get("features", []):
        props = feature.get("properties", {})
        if not props.get("key_city") or props.get("country") != "KAZ":
            continue
        lon, lat = feature["geometry"]["coordinates"][:2]  # GeoJSON order: [lon, lat]
        cities.append((props["name"], float(lon), float(lat), props.get("region_iso", "")))
    if not cities:
        sys.exit("%s: no key cities found" % path)
    return cities


def offset_for(region):
    return datetime.timezone(datetime.timedelta(hours=5 if region in WEST_REGIONS else 6))


def iso(local, tz):
    return local.replace(tzinfo=tz).isoformat(timespec="seconds")


def duration_minutes(rng):
    """Minutes to days, weighted towards short events as in the real data."""
    band = rng.random()
    if band < 0.35:
        return rng.randint(5, 90)                   # minutes
    if band < 0.75:
        return rng.randint(2, 12) * 60              # hours
    return rng.randint(1, 5) * 24 * 60              # days


def make_event(index, rng, cities):
    category = rng.choices([c for c, _ in CATEGORIES], weights=[w for _, w in CATEGORIES])[0]
    name, lon, lat, region = cities[rng.randrange(len(cities))]
    tz = offset_for(region)
    precision = rng.choice(PRECISIONS)
    day = rng.randrange(PERIOD_DAYS)
    if precision in ("day", "approximate"):
        start = PERIOD_START + datetime.timedelta(days=day)
        end = start + datetime.timedelta(days=rng.randint(1, 3))
    else:
        start = PERIOD_START + datetime.timedelta(days=day, minutes=rng.randrange(24 * 60))
        end = start + datetime.timedelta(minutes=duration_minutes(rng))
    event = {
        "id": "synthetic-%06d" % index,
        "category": category,
        "title": "Synthetic %s in %s" % (category.replace("_", " "), name),
        "start": iso(start, tz),
    }
    if rng.random() < 0.15 and precision in ("exact", "hour") and category not in ("curfew", "internet_blackout"):
        pass  # an instant: no end (day and approximate precision always give their window)
    else:
        event["end"] = iso(end, tz)
    event["precision"] = precision
    if precision in ("hour", "approximate"):
        event["date_reasoning"] = "Synthetic event: the time is made up."
    if category in ("internet_blackout", "mourning", "state_of_emergency") or rng.random() < 0.05:
        event["place"] = {"nationwide": True, "name": "Kazakhstan"}
        event["place_precision"] = "country"
        tz = offset_for("")  # nationwide events use Almaty time
        event["start"] = iso(start, tz)
        if "end" in event:
            event["end"] = iso(end, tz)
    else:
        event["place"] = {"name": name, "lon": lon, "lat": lat, "region": region}
        event["place_precision"] = "city"
    if category in ("protest", "clash"):
        event["scale"] = rng.randint(1, 3)
    if category == "protest" and rng.random() < 0.5:
        event["violent"] = rng.random() < 0.5
    if category in ("casualties", "arrests"):
        kind = "arrests" if category == "arrests" else rng.choice(FIGURE_KINDS[:2])
        as_of = (PERIOD_START + datetime.timedelta(days=day)).date().isoformat()
        figure = {"kind": kind, "qualifier": "exact", "subject": rng.choice(["people", "protesters"]),
                  "reported_by": "the synthetic generator", "as_of": as_of, "source": "synthetic"}
        if rng.random() < 0.2:
            figure.update({"value": None, "min": 24, "qualifier": "dozens"})
        else:
            figure["value"] = rng.randint(1, 2000)
        event["figures"] = [figure]
    if category == "curfew":
        event["recurrence"] = {"daily_from": rng.choice(["21:00", "22:00", "23:00"]),
                               "daily_to": rng.choice(["06:00", "07:00"])}
        # A curfew lasts several nights.
        nights = rng.randint(2, 7)
        begin = PERIOD_START + datetime.timedelta(days=day, hours=23)
        event["start"] = iso(begin, tz)
        event["end"] = iso(begin + datetime.timedelta(days=nights, hours=8), tz)
        event["precision"] = "exact"
        event.pop("date_reasoning", None)
    if category == "internet_blackout":
        event["status"] = rng.choice(["full", "partial", "restored"])
    event["description"] = "A made-up event for testing; it did not happen."
    event["sources"] = [{"source": "synthetic", "quote": "synthetic"}]
    return event


def start_key(event):
    return (datetime.datetime.fromisoformat(event["start"]), event["id"])


def generate(count, seed, places_path):
    rng = random.Random(seed)
    cities = key_cities(places_path)
    events = [make_event(i, rng, cities) for i in range(count)]
    events.sort(key=start_key)
    tz = offset_for("")
    return {
        "format": "qantar-events",
        "version": 1,
        "title": "Synthetic events (%d, seed %d) - NOT REAL DATA" % (count, seed),
        "coverage": {"start": iso(PERIOD_START, tz),
                     "end": iso(PERIOD_START + datetime.timedelta(days=PERIOD_DAYS), tz)},
        "sources": [{"id": "synthetic", "outlet": "Synthetic generator", "outlet_inferred": False,
                     "headline": "Synthetic events", "file": "synthetic.txt", "written": "2022-01-13",
                     "written_reasoning": "Not an article: scripts/gen_synthetic_events.py."}],
        "events": events,
        "contradictions": [],
    }


def main(argv):
    parser = argparse.ArgumentParser(description="Write a synthetic qantar-events v1 file.")
    parser.add_argument("count", type=int, metavar="N", help="number of events")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--out", default="-", help="output file (default: stdout)")
    parser.add_argument("--places", default=os.path.join(repo_root(), "assets", "geo", "places.geojson"),
                        help="places GeoJSON with key_city flags (default: the bundled one)")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("N must be 0 or more")
    text = json.dumps(generate(args.count, args.seed, args.places), ensure_ascii=False, indent=1) + "\n"
    if args.out == "-":
        sys.stdout.write(text)
    else:
        with open(args.out, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
