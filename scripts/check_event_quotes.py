#!/usr/bin/env python3
"""Check the bundled event dataset against its source articles.

Usage:
    scripts/check_event_quotes.py [EVENTS_JSON [SEEDS_DIR]]

EVENTS_JSON defaults to assets/events/events.json and SEEDS_DIR to ../shared/seeds, both taken
relative to the repository root (the parent of this script's directory), so the script works from
any working directory. Paths given on the command line are taken relative to the current directory.

Checks (format "qantar-events", version 1, see docs/event-format.md):
  * the file is valid UTF-8 JSON with the expected top-level members and a known version;
  * event ids are unique and match [a-z0-9-]+; categories and precisions are from the lists;
  * start/end are ISO 8601 with an explicit UTC offset, end > start, events sorted by start;
  * places are a point (lon/lat), a region code, a country code, or nationwide;
  * every source id an event, figure or contradiction names exists in "sources";
  * every quote occurs verbatim in the seed file of the source it names.

Problems are printed one per line as
    events.json: event '<id>': <what is wrong>
(or "events.json: <where>: <what>" for problems outside an event) and the exit status is 1.
Otherwise a summary (event count by category) is printed and the exit status is 0.
Standard library only.
"""

import datetime
import json
import os
import re
import sys
from collections import Counter, OrderedDict

FORMAT = "qantar-events"
SUPPORTED_VERSIONS = {1}

CATEGORIES = [
    "protest", "clash", "looting_arson", "casualties", "arrests", "curfew",
    "state_of_emergency", "internet_blackout", "csto_deployment", "airport_closure",
    "government_action", "mourning",
]
PRECISIONS = {"exact", "hour", "day", "approximate"}
PLACE_PRECISIONS = {"site", "city", "region", "country"}
FIGURE_KINDS = {"deaths", "injured", "arrests"}
QUALIFIERS = {"exact", "about", "more than", "nearly", "at least", "dozens"}
INTERNET_STATUS = {"full", "partial", "restored"}
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
TIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HHMM_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
REGION_RE = re.compile(r"^KZ-[A-Z]{3}$")
TITLE_MAX = 60
QUOTE_MAX = 200  # characters; the brief says "max ~200"


def parse_time(text):
    """Parse an ISO 8601 date-time with an explicit offset; return an aware datetime or None."""
    if not isinstance(text, str) or not TIME_RE.match(text):
        return None
    try:
        return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


class Checker:
    def __init__(self, events_path, seeds_dir):
        self.events_path = events_path
        self.seeds_dir = seeds_dir
        self.label = os.path.basename(events_path)
        self.problems = []
        self.seed_cache = {}

    # -- reporting -------------------------------------------------------------------------------
    def event_problem(self, event_id, message):
        self.problems.append("%s: event '%s': %s" % (self.label, event_id, message))

    def problem(self, where, message):
        self.problems.append("%s: %s: %s" % (self.label, where, message))

    # -- seeds -----------------------------------------------------------------------------------
    def seed_text(self, file_name):
        if file_name not in self.seed_cache:
            path = os.path.join(self.seeds_dir, file_name)
            try:
                with open(path, encoding="utf-8") as handle:
                    self.seed_cache[file_name] = handle.read()
            except (OSError, UnicodeDecodeError) as exc:
                self.seed_cache[file_name] = None
                self.problem("sources", "cannot read seed file %s: %s" % (path, exc))
        return self.seed_cache[file_name]

    # -- top level -------------------------------------------------------------------------------
    def run(self):
        try:
            with open(self.events_path, "rb") as handle:
                raw = handle.read()
        except OSError as exc:
            self.problems.append("%s: cannot read: %s" % (self.label, exc))
            return None
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            self.problems.append("%s: not valid UTF-8: %s" % (self.label, exc))
            return None
        try:
            data = json.loads(text, object_pairs_hook=self.no_duplicate_keys)
        except ValueError as exc:
            self.problems.append("%s: invalid JSON: %s" % (self.label, exc))
            return None
        if not isinstance(data, dict):
            self.problems.append("%s: top level is not a JSON object" % self.label)
            return None

        if data.get("format") != FORMAT:
            self.problem("format", "expected %r, found %r" % (FORMAT, data.get("format")))
        if data.get("version") not in SUPPORTED_VERSIONS:
            self.problem("version", "unsupported version %r (this checker knows %s)"
                         % (data.get("version"), sorted(SUPPORTED_VERSIONS)))
            return None
        if not isinstance(data.get("title"), str) or not data.get("title"):
            self.problem("title", "missing or not a string")
        coverage = data.get("coverage")
        if not isinstance(coverage, dict) or parse_time(coverage.get("start")) is None \
                or parse_time(coverage.get("end")) is None:
            self.problem("coverage", "needs ISO 8601 'start' and 'end' with UTC offsets")
        elif parse_time(coverage["end"]) <= parse_time(coverage["start"]):
            self.problem("coverage", "end is not after start")

        source_ids = self.check_sources(data.get("sources"))
        events = data.get("events")
        if not isinstance(events, list) or not events:
            self.problem("events", "missing or empty array")
            return None
        event_ids = self.check_events(events, source_ids)
        self.check_contradictions(data.get("contradictions"), source_ids, event_ids)
        return events

    @staticmethod
    def no_duplicate_keys(pairs):
        result = OrderedDict()
        for key, value in pairs:
            if key in result:
                raise ValueError("duplicate key %r" % key)
            result[key] = value
        return result

    def check_sources(self, sources):
        ids = {}
        if not isinstance(sources, list) or not sources:
            self.problem("sources", "missing or empty array")
            return ids
        for index, source in enumerate(sources):
            where = "sources[%d]" % index
            if not isinstance(source, dict):
                self.problem(where, "not an object")
                continue
            sid = source.get("id")
            if not isinstance(sid, str) or not ID_RE.match(sid):
                self.problem(where, "id %r is not lowercase [a-z0-9-]" % (sid,))
                continue
            if sid in ids:
                self.problem(where, "duplicate source id '%s'" % sid)
                continue
            for key in ("outlet", "headline", "file", "written", "written_reasoning"):
                if not isinstance(source.get(key), str) or not source.get(key):
                    self.problem(where, "source '%s' lacks '%s'" % (sid, key))
            if not isinstance(source.get("outlet_inferred"), bool):
                self.problem(where, "source '%s': 'outlet_inferred' must be true or false" % sid)
            if isinstance(source.get("written"), str) and not DATE_RE.match(source["written"]):
                self.problem(where, "source '%s': 'written' is not an ISO date" % sid)
            earliest = source.get("written_earliest")
            if earliest is not None:
                if not isinstance(earliest, str) or not DATE_RE.match(earliest):
                    self.problem(where, "source '%s': 'written_earliest' is not an ISO date" % sid)
                elif isinstance(source.get("written"), str) and earliest > source["written"]:
                    self.problem(where, "source '%s': 'written_earliest' is later than 'written'" % sid)
            if "published_by" in source and not isinstance(source["published_by"], str):
                self.problem(where, "source '%s': 'published_by' is not a string" % sid)
            if "published_by_inferred" in source:
                if not isinstance(source["published_by_inferred"], bool):
                    self.problem(where, "source '%s': 'published_by_inferred' must be true or false" % sid)
                elif source["published_by_inferred"] and not source.get("published_by"):
                    self.problem(where, "source '%s': 'published_by_inferred' without 'published_by'" % sid)
            file_name = source.get("file")
            if isinstance(file_name, str) and file_name:
                if os.path.basename(file_name) != file_name:
                    self.problem(where, "source '%s': 'file' must be a bare file name" % sid)
                text = self.seed_text(file_name)
                headline = source.get("headline")
                if text is not None and isinstance(headline, str) and headline not in text:
                    self.problem(where, "source '%s': headline not found in %s" % (sid, file_name))
            ids[sid] = source
        return ids

    # -- events ----------------------------------------------------------------------------------
    def check_events(self, events, source_ids):
        seen = set()
        previous_start = None
        for index, event in enumerate(events):
            if not isinstance(event, dict):
                self.problem("events[%d]" % index, "not an object")
                continue
            eid = event.get("id")
            label = eid if isinstance(eid, str) else "#%d" % index
            if not isinstance(eid, str) or not ID_RE.match(eid):
                self.event_problem(label, "id is not lowercase [a-z0-9-] (events[%d])" % index)
            elif eid in seen:
                self.event_problem(label, "duplicate id (events[%d])" % index)
            else:
                seen.add(eid)

            category = event.get("category")
            if category not in CATEGORIES:
                self.event_problem(label, "unknown category %r" % (category,))
            title = event.get("title")
            if not isinstance(title, str) or not title:
                self.event_problem(label, "missing title")
            elif len(title) > TITLE_MAX:
                self.event_problem(label, "title longer than %d characters" % TITLE_MAX)
            description = event.get("description")
            if not isinstance(description, str) or not description.strip():
                self.event_problem(label, "missing description")

            start = parse_time(event.get("start"))
            if start is None:
                self.event_problem(label, "start %r is not ISO 8601 with a UTC offset"
                                   % (event.get("start"),))
            if "end" in event:
                end = parse_time(event.get("end"))
                if end is None:
                    self.event_problem(label, "end %r is not ISO 8601 with a UTC offset"
                                       % (event.get("end"),))
                elif start is not None and end <= start:
                    self.event_problem(label, "end is not after start")
            if start is not None:
                if previous_start is not None and start < previous_start:
                    self.event_problem(label, "events are not sorted by start")
                previous_start = start
            precision = event.get("precision")
            if precision not in PRECISIONS:
                self.event_problem(label, "unknown precision %r" % (precision,))
            elif precision == "day" and start is not None:
                if (start.hour, start.minute, start.second) != (0, 0, 0):
                    self.event_problem(label, "day precision but start is not local midnight")
                if "end" not in event:
                    self.event_problem(label, "day precision needs an end (next local midnight)")
            if "date_reasoning" in event and not isinstance(event["date_reasoning"], str):
                self.event_problem(label, "date_reasoning is not a string")
            if precision in ("hour", "approximate") and not event.get("date_reasoning"):
                self.event_problem(label, "%s precision needs a date_reasoning" % precision)

            self.check_dated_by_article(label, event, start, source_ids)
            self.check_place(label, event)
            self.check_figures(label, event.get("figures"), source_ids)
            self.check_category_fields(label, event)
            self.check_event_sources(label, event.get("sources"), source_ids)
        return seen

    def check_dated_by_article(self, label, event, start, source_ids):
        """An event dated only by when an article was written is approximate and spans the article's
        whole writing window (docs/event-format.md, "Undated articles")."""
        sid = event.get("dated_by_article")
        if sid is None:
            return
        if sid not in source_ids:
            self.event_problem(label, "dated_by_article: unknown source %r" % (sid,))
            return
        cited = [r.get("source") for r in event.get("sources") or [] if isinstance(r, dict)]
        if sid not in cited:
            self.event_problem(label, "dated_by_article: the event does not cite '%s'" % sid)
        if event.get("precision") != "approximate":
            self.event_problem(label, "dated only by an article's writing, so precision must be approximate")
        source = source_ids[sid]
        last, first = source.get("written"), source.get("written_earliest") or source.get("written")
        end = parse_time(event.get("end")) if "end" in event else None
        if start is None or not isinstance(last, str) or not DATE_RE.match(last) or not DATE_RE.match(first):
            return
        zone = start.tzinfo
        first_midnight = datetime.datetime.fromisoformat(first).replace(tzinfo=zone)
        after_last = datetime.datetime.fromisoformat(last).replace(tzinfo=zone) + datetime.timedelta(days=1)
        if start > first_midnight or end is None or end < after_last:
            self.event_problem(label, "dated only by when '%s' was written (%s to %s): start and end must span those days"
                               % (sid, first, last))

    def check_place(self, label, event):
        place = event.get("place")
        if not isinstance(place, dict):
            self.event_problem(label, "missing place")
            return
        if not isinstance(place.get("name"), str) or not place.get("name"):
            self.event_problem(label, "place lacks a name")
        has_point = "lon" in place or "lat" in place
        if has_point:
            lon, lat = place.get("lon"), place.get("lat")
            if not is_number(lon) or not is_number(lat) or not -180 <= lon <= 180 \
                    or not -90 <= lat <= 90:
                self.event_problem(label, "place lon/lat missing or out of range")
            if "country" in place:
                if not isinstance(place["country"], str) or not re.match(r"^[A-Z]{3}$",
                                                                         place["country"]):
                    self.event_problem(label, "place country must be an ISO 3166-1 alpha-3 code")
            elif not isinstance(place.get("region"), str):
                self.event_problem(label, "a place in Kazakhstan needs its region code")
        if "region" in place and (not isinstance(place["region"], str)
                                  or not REGION_RE.match(place["region"])):
            self.event_problem(label, "region %r is not a KZ-XXX code" % (place.get("region"),))
        if place.get("nationwide") is True:
            if has_point or "region" in place:
                self.event_problem(label, "a nationwide place has no point or region")
        elif not has_point and "region" not in place and "country" not in place:
            self.event_problem(label, "place needs lon/lat, a region, a country, or nationwide: true")
        if not has_point and "country" in place and (not isinstance(place["country"], str)
                                                     or not re.match(r"^[A-Z]{3}$", place["country"])):
            self.event_problem(label, "place country must be an ISO 3166-1 alpha-3 code")
        if event.get("place_precision") not in PLACE_PRECISIONS:
            self.event_problem(label, "unknown place_precision %r"
                               % (event.get("place_precision"),))

    def check_figures(self, label, figures, source_ids):
        if figures is None:
            return
        if not isinstance(figures, list):
            self.event_problem(label, "figures is not an array")
            return
        for index, figure in enumerate(figures):
            where = "figures[%d]" % index
            if not isinstance(figure, dict):
                self.event_problem(label, where + " is not an object")
                continue
            if figure.get("kind") not in FIGURE_KINDS:
                self.event_problem(label, "%s: unknown kind %r" % (where, figure.get("kind")))
            qualifier = figure.get("qualifier")
            if qualifier not in QUALIFIERS:
                self.event_problem(label, "%s: unknown qualifier %r" % (where, qualifier))
            value = figure.get("value")
            if value is not None and (not is_int(value) or value < 0):
                self.event_problem(label, "%s: value must be a non-negative integer or null" % where)
            for key in ("min", "max"):
                if key in figure and (not is_int(figure[key]) or figure[key] < 0):
                    self.event_problem(label, "%s: %s must be a non-negative integer" % (where, key))
            if value is None and "min" not in figure:
                self.event_problem(label, "%s: needs a value or a min" % where)
            if qualifier == "dozens" and figure.get("min") != 24:
                self.event_problem(label, "%s: 'dozens' is written with min 24" % where)
            for key in ("subject", "reported_by"):
                if not isinstance(figure.get(key), str) or not figure.get(key):
                    self.event_problem(label, "%s: missing %s" % (where, key))
            if not isinstance(figure.get("as_of"), str) or not DATE_RE.match(figure["as_of"]):
                self.event_problem(label, "%s: as_of is not an ISO date" % where)
            if figure.get("source") not in source_ids:
                self.event_problem(label, "%s: unknown source %r" % (where, figure.get("source")))

    def check_category_fields(self, label, event):
        category = event.get("category")
        if "recurrence" in event:
            if category != "curfew":
                self.event_problem(label, "recurrence is only for curfews")
            rec = event["recurrence"]
            if not isinstance(rec, dict):
                self.event_problem(label, "recurrence is not an object")
            else:
                for key in ("daily_from", "daily_to"):
                    if not isinstance(rec.get(key), str) or not HHMM_RE.match(rec[key]):
                        self.event_problem(label, "recurrence.%s must be HH:MM" % key)
                assumed = rec.get("assumed", [])
                if not isinstance(assumed, list) or any(a not in ("daily_from", "daily_to")
                                                        for a in assumed):
                    self.event_problem(label, "recurrence.assumed lists daily_from/daily_to only")
                elif assumed and not rec.get("assumption_note"):
                    self.event_problem(label, "assumed hours need an assumption_note")
        elif category == "curfew":
            self.event_problem(label, "a curfew needs its daily hours (recurrence)")
        if "status" in event:
            if category != "internet_blackout":
                self.event_problem(label, "status is only for internet_blackout")
            elif event["status"] not in INTERNET_STATUS:
                self.event_problem(label, "unknown status %r" % (event["status"],))
        elif category == "internet_blackout":
            self.event_problem(label, "an internet_blackout needs a status")
        if "scale" in event and (event["scale"] not in (1, 2, 3)
                                 or category not in ("protest", "clash")):
            self.event_problem(label, "scale must be 1, 2 or 3, on a protest or clash")
        if "violent" in event and (not isinstance(event["violent"], bool) or category != "protest"):
            self.event_problem(label, "violent must be true/false, on a protest")

    def check_event_sources(self, label, sources, source_ids):
        if not isinstance(sources, list) or not sources:
            self.event_problem(label, "needs at least one source")
            return
        for index, ref in enumerate(sources):
            if not isinstance(ref, dict):
                self.event_problem(label, "sources[%d] is not an object" % index)
                continue
            sid = ref.get("source")
            if sid not in source_ids:
                self.event_problem(label, "unknown source id %r" % (sid,))
                continue
            quote = ref.get("quote")
            if not isinstance(quote, str) or not quote.strip():
                self.event_problem(label, "sources[%d] (%s) has no quote" % (index, sid))
                continue
            if len(quote) > QUOTE_MAX:
                self.event_problem(label, "quote from '%s' is longer than %d characters"
                                   % (sid, QUOTE_MAX))
            file_name = source_ids[sid].get("file")
            text = self.seed_text(file_name) if isinstance(file_name, str) else None
            if text is not None and quote not in text:
                self.event_problem(label, "quote not found verbatim in %s (%s): %r"
                                   % (file_name, sid, quote))

    def check_contradictions(self, contradictions, source_ids, event_ids):
        if contradictions is None:
            return
        if not isinstance(contradictions, list):
            self.problem("contradictions", "not an array")
            return
        for index, item in enumerate(contradictions):
            where = "contradictions[%d]" % index
            if not isinstance(item, dict):
                self.problem(where, "not an object")
                continue
            if not isinstance(item.get("topic"), str) or not item.get("topic"):
                self.problem(where, "missing topic")
            figures = item.get("figures")
            if not isinstance(figures, list) or len(figures) < 2:
                self.problem(where, "needs at least two figures")
            else:
                for entry in figures:
                    if not isinstance(entry, dict) or entry.get("source") not in source_ids:
                        self.problem(where, "figure with unknown source %r"
                                     % (entry.get("source") if isinstance(entry, dict) else entry,))
                    elif not isinstance(entry.get("value"), str):
                        self.problem(where, "figure values are strings")
            ids = item.get("event_ids")
            if not isinstance(ids, list) or not ids:
                self.problem(where, "needs event_ids")
            else:
                for eid in ids:
                    if eid not in event_ids:
                        self.problem(where, "unknown event id %r" % (eid,))


def main(argv):
    script_dir = os.path.dirname(os.path.abspath(__file__))
    repo_root = os.path.dirname(script_dir)
    if len(argv) > 3 or (len(argv) > 1 and argv[1] in ("-h", "--help")):
        print(__doc__.strip())
        return 0 if len(argv) > 1 and argv[1] in ("-h", "--help") else 2
    events_path = argv[1] if len(argv) > 1 else os.path.join(repo_root, "assets", "events",
                                                             "events.json")
    seeds_dir = argv[2] if len(argv) > 2 else os.path.normpath(
        os.path.join(repo_root, "..", "shared", "seeds"))
    checker = Checker(events_path, seeds_dir)
    events = checker.run()
    if checker.problems:
        for line in checker.problems:
            print(line)
        print("%d problem(s) found." % len(checker.problems), file=sys.stderr)
        return 1
    counts = Counter(event["category"] for event in events)
    print("%s: OK, %d events, every quote found in %s" % (checker.label, len(events), seeds_dir))
    for category in CATEGORIES:
        if counts.get(category):
            print("  %-20s %3d" % (category, counts[category]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
