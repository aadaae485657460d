#!/bin/sh
# End-to-end: scrubbing the timeline of the real GUI under Xvfb (1280x800 window).
#   1. start at 2 Jan 00:00 (UTC+6), press Right  -> the clock jumps to the next event's start
#   2. click on the tick row above the lanes at the middle of 6 Jan -> the clock is on 6 Jan
#      (a click on an event mark selects that event instead)
#   3. drag along the track from 3 Jan to 9 Jan   -> the clock follows to 9 Jan
#   4. press Space                                -> the clock plays
# After each jump, the map shows the events of the moment the clock is on (map_events_time), not
# those of the moment before the click or key.
set -eu
QANTAR=$1
here=$(cd "$(dirname "$0")" && pwd)
. "$here/gui_common.sh"


# The track spans the window from x = 158 (after the lane names) to x = 1272 and shows the dataset's
# coverage, 1 Jan 00:00 to 13 Jan 00:00 (UTC+6): 12 days. The tick row is at y ~ 558, lanes
# at y ~ 600..750.
x_of_day() { python3 -c "print(int(158 + (1272 - 158) * ($1) / 12))"; }

session next "--time 2022-01-02T00:00" key:Right
session click "--time 2022-01-02T00:00" "click:$(x_of_day 5.5),558"
session drag "--time 2022-01-02T00:00" "drag:$(x_of_day 2.5),700,$(x_of_day 8.5),700"
session play "--time 2022-01-02T00:00" key:space sleep:0.5

python3 - "$work" <<'PY'
import json, sys
from datetime import datetime, timezone, timedelta
w = sys.argv[1]
def t(name):
    return datetime.fromisoformat(json.load(open(f"{w}/{name}.json"))["time"].replace("Z", "+00:00"))
almaty = timezone(timedelta(hours=6))
fails = []
# The first event after 2 Jan 00:00 (UTC+6) is Zhanaozen's, at 2 Jan 00:00 local (UTC+5) = 19:00Z on 1 Jan.
if t("next") != datetime(2022, 1, 1, 19, 0, tzinfo=timezone.utc):
    fails.append(f"Right should jump to the Zhanaozen protest start, got {t('next')}")
c = t("click").astimezone(almaty)
if not (c.day == 6 and c.month == 1):
    fails.append(f"a click at 6 Jan should put the clock on 6 Jan, got {c}")
d = t("drag").astimezone(almaty)
if not (d.day == 9 or (d.day == 8 and d.hour >= 18) or (d.day == 10 and d.hour < 6)):
    fails.append(f"dragging to 9 Jan should leave the clock near 9 Jan noon, got {d}")
p = json.load(open(f"{w}/play.json"))
if p["playing"] is not True or not t("play") > datetime(2022, 1, 1, 18, 0, tzinfo=timezone.utc):
    fails.append(f"Space should start playback and move the clock: {p}")
for name in ("next", "click", "drag"):
    v = json.load(open(f"{w}/{name}.json"))
    if v.get("map_events_time") != v["time"]:
        fails.append(f"{name}: the map shows the events of {v.get('map_events_time')}, the clock is at {v['time']}")
for f in fails:
    print("FAIL:", f)
sys.exit(1 if fails else 0)
PY
echo "PASS"
