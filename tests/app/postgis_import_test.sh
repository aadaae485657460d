#!/bin/sh
# `qantar import "PG:..."` against a real PostgreSQL + PostGIS server from Debian's packages,
# started for this test only: a throwaway cluster in a temporary directory, listening on loopback
# on a free port, its socket in the same directory. Reads the table as a layer and through SQL,
# checks the files with `qantar validate`, then stops the server and removes everything (trap).
# Fails, never skips, when PostgreSQL or PostGIS is missing: scripts/install-deps.sh installs them.
# Usage: postgis_import_test.sh path/to/qantar
set -eu

QANTAR=${1:?usage: postgis_import_test.sh path/to/qantar}
fail() { echo "FAIL: $*" >&2; exit 1; }

PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$PGBIN" ] && [ -x "$PGBIN/initdb" ] && [ -x "$PGBIN/pg_ctl" ] && [ -x "$PGBIN/psql" ] ||
    fail "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin (run scripts/install-deps.sh)"
ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 ||
    fail "the PostGIS extension is not installed (postgresql-15-postgis-3; run scripts/install-deps.sh)"
command -v timeout >/dev/null || fail "timeout (coreutils) is missing"
command -v python3 >/dev/null || fail "python3 is missing (used to find a free port)"

# PostgreSQL refuses to run as root; CI runs as root, so the server runs as the postgres user.
if [ "$(id -u)" -eq 0 ]; then
    id postgres >/dev/null 2>&1 || fail "there is no 'postgres' system user (installed with postgresql-common)"
    as_pg() { runuser -u postgres -- "$@"; }
else
    as_pg() { "$@"; }
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/qantar-postgis.XXXXXX")
chmod 755 "$WORK"
mkdir "$WORK/data" "$WORK/sock" "$WORK/out"
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK/data" "$WORK/sock"
STARTED=0
cleanup() {
    if [ "$STARTED" -eq 1 ]; then
        as_pg timeout 30 "$PGBIN/pg_ctl" -D "$WORK/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')

as_pg timeout 120 "$PGBIN/initdb" -D "$WORK/data" -U postgres -A trust -E UTF8 --no-sync >"$WORK/initdb.log" 2>&1 ||
    { cat "$WORK/initdb.log" >&2; fail "initdb failed"; }
STARTED=1
as_pg timeout 60 "$PGBIN/pg_ctl" -D "$WORK/data" -l "$WORK/data/server.log" -w -t 45 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $WORK/sock -c fsync=off -c TimeZone=UTC" start >/dev/null ||
    { cat "$WORK/data/server.log" >&2; fail "the PostgreSQL server did not start"; }

psql_run() { timeout 60 "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PORT" -U postgres "$@"; }
psql_run -d postgres -c "CREATE DATABASE qantar_events" || fail "could not create the database"
psql_run -d qantar_events <<'SQL' || fail "could not create the PostGIS table"
CREATE EXTENSION postgis;
CREATE TABLE events (
    id          serial PRIMARY KEY,
    title       text NOT NULL,
    category    text,
    description text,
    source      text,
    region      text,
    start_time  timestamptz,
    end_time    timestamptz,
    geom        geometry(Point, 4326)
);
INSERT INTO events (title, category, description, source, region, start_time, end_time, geom) VALUES
 ('Rally in Zhanaozen', 'protest', 'Residents gather on the square (sample text).', 'Steppe Courier', 'KZ-MAN',
  '2022-01-02 10:00+05', '2022-01-02 18:00+05', ST_SetSRID(ST_MakePoint(52.8619, 43.3412), 4326)),
 ('Town hall stormed', 'looting_arson', 'Rioters storm the town hall (sample text).', 'Caspian Wire', 'KZ-ALA',
  '2022-01-05 14:30+06', NULL, ST_SetSRID(ST_MakePoint(76.9286, 43.2567), 4326)),
 ('Night clashes', 'clash', 'Gunfire through the night (sample text).', 'Caspian Wire', NULL,
  '2022-01-05 23:00+06', '2022-01-06 07:00+06', ST_SetSRID(ST_MakePoint(76.95, 43.24), 4326)),
 ('Rally in Aktobe', 'Protests', 'A crowd in the central square (sample text).', 'Steppe Courier', 'Aktobe',
  '2022-01-04 12:00+05', NULL, ST_SetSRID(ST_MakePoint(57.167, 50.2839), 4326)),
 ('Undated report', 'protest', 'No time known (sample text).', NULL, NULL,
  NULL, NULL, ST_SetSRID(ST_MakePoint(71.4704, 51.1605), 4326));
SQL

CONN="PG:host=127.0.0.1 port=$PORT dbname=qantar_events user=postgres"

# 1. The table as a layer: 5 rows, the undated one rejected and reported.
timeout 60 "$QANTAR" import "$CONN" --layer events --out "$WORK/out/layer.json" 2>"$WORK/layer.err" ||
    { cat "$WORK/layer.err" >&2; fail "import --layer failed"; }
grep -q "5 rows read, 4 imported, 1 rejected" "$WORK/layer.err" || { cat "$WORK/layer.err" >&2; fail "unexpected layer report"; }
grep -q "rejected PG:host=127.0.0.1 port=$PORT dbname=qantar_events user=postgres, layer 'events':feature 5: no time" \
    "$WORK/layer.err" || { cat "$WORK/layer.err" >&2; fail "the undated row is not reported"; }
grep -q '"region": "KZ-AKT"' "$WORK/out/layer.json" || fail "region name not mapped to its code"
grep -q "detected PostgreSQL, time from fields 'start_time' with end 'end_time'" "$WORK/layer.err" ||
    { cat "$WORK/layer.err" >&2; fail "time fields not detected"; }
VALID=$(timeout 30 "$QANTAR" validate "$WORK/out/layer.json") || fail "the layer import does not validate"
[ "$VALID" = "$WORK/out/layer.json: OK, 4 events, 3 sources" ] || fail "validate said: $VALID"
grep -q '"start": "2022-01-05T14:30:00+06:00"' "$WORK/out/layer.json" || fail "timestamptz not kept as the same instant"
grep -q '"start": "2022-01-02T10:00:00+05:00"' "$WORK/out/layer.json" || fail "Mangystau time not in UTC+5"
grep -q '"lon": 52.8619' "$WORK/out/layer.json" || fail "geometry lost"

# 2. An SQL query: only the clashes and the looting, in the server's own SQL.
timeout 60 "$QANTAR" import "$CONN" --sql "SELECT * FROM events WHERE category IN ('clash', 'looting_arson')" \
    --out "$WORK/out/sql.json" 2>"$WORK/sql.err" || { cat "$WORK/sql.err" >&2; fail "import --sql failed"; }
VALID=$(timeout 30 "$QANTAR" validate "$WORK/out/sql.json") || fail "the SQL import does not validate"
[ "$VALID" = "$WORK/out/sql.json: OK, 2 events, 2 sources" ] || fail "validate said: $VALID"

# 3. A wrong table name: exit 1 and one line naming the layers there are.
if timeout 60 "$QANTAR" import "$CONN" --layer nosuchtable --out "$WORK/out/none.json" 2>"$WORK/none.err"; then
    fail "a missing table was accepted"
fi
[ "$(wc -l <"$WORK/none.err")" -eq 1 ] || { cat "$WORK/none.err" >&2; fail "expected one line for a missing table"; }
grep -q "no layer 'nosuchtable'; its layers: 'events'" "$WORK/none.err" || { cat "$WORK/none.err" >&2; fail "unexpected message"; }

# 4. Credentials in every form libpq takes (the server trusts loopback, so the password is not
# checked): the import succeeds, and the password is in no message and not in the written file.
for SRC in "PG:postgresql://postgres:S3CRET@127.0.0.1:$PORT/qantar_events" \
           "PG:postgresql://postgres:S3%43RET@127.0.0.1:$PORT/qantar_events" \
           "PG:host=127.0.0.1 port=$PORT dbname=qantar_events user=postgres password='a\\'S3CRET'"; do
    timeout 60 "$QANTAR" import "$SRC" --layer events --out "$WORK/out/secret.json" >"$WORK/secret.out" 2>"$WORK/secret.err" ||
        { cat "$WORK/secret.err" >&2; fail "import with a password failed"; }
    if grep -q -e S3CRET -e 'S3%43RET' "$WORK/secret.out" "$WORK/secret.err" "$WORK/out/secret.json"; then
        fail "the password of $SRC was printed or written"
    fi
    grep -q 'password=\*\*\*' "$WORK/secret.err" || { cat "$WORK/secret.err" >&2; fail "the masked password is not shown"; }
    grep -q '"title": "Imported from PG:host=127.0.0.1 port='"$PORT"' dbname=qantar_events user=postgres password=\*\*\*' \
        "$WORK/out/secret.json" || { head -5 "$WORK/out/secret.json" >&2; fail "unexpected title"; }
done

echo "postgis import: layer and SQL imports validated, passwords hidden (port $PORT)"
