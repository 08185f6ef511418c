#!/usr/bin/env bash
# Rebuilding the daily history from the data on a demo platform (SQLite), against the same work done by hand with the
# sqlite3 shell (the same GROUP BY per table, the child dated through its parent) and find (file names, sizes and
# modification times), in the same run. Prints the medians and the ratio.
# Usage: bench/growth-rebuild.sh DEMO_DIR [RUNS]   (DEMO_DIR from `tidemark demo --out DIR [--scale large]`)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
data="${1:?usage: bench/growth-rebuild.sh DEMO_DIR [RUNS]}"
runs="${2:-3}"
db="$data/platform.sqlite3"
export TIDEMARK_HOME="${TIDEMARK_HOME:-$root/bench/data/home}"
[ -f "$root/app/target/tidemark.jar" ] || (cd "$root" && mvn -B -DskipTests package)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
by_hand() {
  {
    for t in "cpimessagelog log_start" "cpimessagelogruns run_start" "cpipayload created_at" "cpimessageattachment created_at" \
             "cmetricsnapshot taken_at" "cworkerjobrun started_at" "cpiarchive archive_date"; do
      set -- $t
      echo "SELECT config_id, substr($2, 1, 10), count(*) FROM $1 GROUP BY 1, 2;"
    done
    echo "SELECT r.config_id, substr(p.log_start, 1, 10), count(*) FROM cpicustomheaderproperties r JOIN cpimessagelog p ON p.id = r.message_log_id GROUP BY 1, 2;"
  } | sqlite3 "$db" > /dev/null
  find "$data" -path '*/archive/*' -type f -printf '%f %s\n' > /dev/null
  find "$data" -path '*/logs/jobs/*' -type f -printf '%f %s\n' > /dev/null
  find "$data" -path '*/logs/runs/*' -type f -printf '%TY-%Tm-%Td %s\n' > /dev/null
}
seconds() { local s e; s=$(date +%s.%N); "$@" > /dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
tidemark_rebuild() { "$root/bin/tidemark" growth --db "$db" --data-dir "$data" --json \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["rebuild_seconds"])'; }

by_hand   # warm the page cache
hand=(); tm=(); whole=()
for _ in $(seq "$runs"); do
  hand+=("$(seconds by_hand)")
  tm+=("$(tidemark_rebuild)")
  whole+=("$(seconds "$root/bin/tidemark" growth --db "$db" --data-dir "$data")")
done
h=$(printf '%s\n' "${hand[@]}" | median)
t=$(printf '%s\n' "${tm[@]}" | median)
w=$(printf '%s\n' "${whole[@]}" | median)
printf 'by hand (sqlite3 + find): %.2f s\ntidemark rebuild:         %.2f s   ratio %.2f\n' "$h" "$t" "$(echo "$t / $h" | bc -l)"
printf 'bin/tidemark growth, whole command (JVM start, rebuild, table sizes via dbstat, snapshots): %.2f s\n' "$w"
