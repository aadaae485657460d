#!/usr/bin/env python3
"""Writes a synthetic ACLED CSV export (current columns) of N rows, about 180 bytes a row, for
measuring `qantar import` on large inputs:  gen_acled_csv.py ROWS OUT.csv"""
import random
import sys

HEADER = ("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
          "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
          "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
          "tags,timestamp")
PLACES = [("Mangystau", "Zhanaozen", 43.3412, 52.8619), ("Almaty", "Almaty", 43.2389, 76.8897),
          ("Aktobe", "Aktobe", 50.2839, 57.1670), ("Karaganda", "Karaganda", 49.8047, 73.1094),
          ("Atyrau", "Atyrau", 47.0945, 51.9238)]
TYPES = [("Protests", "Peaceful protest"), ("Riots", "Violent demonstration"),
         ("Strategic developments", "Arrests")]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]


def main():
    rows, out = int(sys.argv[1]), sys.argv[2]
    rng = random.Random(7)
    with open(out, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "\n")
        for i in range(rows):
            admin1, loc, lat, lon = PLACES[i % len(PLACES)]
            etype, sub = TYPES[rng.randrange(len(TYPES))]
            day, month, year = 1 + i % 28, MONTHS[(i // 28) % 12], 2000 + (i // 336) % 24
            f.write(f"KAZ{i + 1},{day:02d} {month} {year},{year},1,,{etype},{sub},Protesters,,,,,,,,"
                    f"398,,Kazakhstan,{admin1},{loc},,{loc},{lat + rng.random() / 10:.4f},"
                    f"{lon + rng.random() / 10:.4f},1,Wire {i % 50},National,\"Rally in {loc}, "
                    f"row {i}.\",{i % 3},,1642528800\n")


if __name__ == "__main__":
    main()
