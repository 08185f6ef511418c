#!/usr/bin/env bash
# VACUUM FULL through Tidemark against psql on the same bloated table, same run; and the pre-flight estimate's accuracy.
# Usage: bench/vacuum-full-vs-psql.sh [RUNS] [ROWS]
#   BENCH_PG (default: host=127.0.0.1 user=postgres) a libpq connection string of a role that may create databases.
# Each run rebuilds the table (ROWS rows, nine in ten deleted, ANALYZE) before each of the two commands.
# Prints the medians: psql's VACUUM FULL, Tidemark's statement time (result.millis: pre-flight and JVM excluded), its
# whole command (JVM start, pre-flight, progress polling), the ratios; and estimate vs. bytes returned.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
rows="${2:-1000000}"
pg="${BENCH_PG:-host=127.0.0.1 user=postgres}"
db="tidemark_bench_vacuum"
jar="$root/app/target/tidemark.jar"
export TIDEMARK_HOME="$root/bench/data/home-vacuum"
rm -rf "$TIDEMARK_HOME"   # no earlier runs in the history: every pre-flight starts from the same state
[ -f "$jar" ] || (cd "$root" && mvn -B -DskipTests package >/dev/null)
host=$(sed -n 's/.*host=\([^ ]*\).*/\1/p' <<<"$pg"); user=$(sed -n 's/.*user=\([^ ]*\).*/\1/p' <<<"$pg")
url="jdbc:postgresql://${host:-127.0.0.1}:5432/$db?user=${user:-postgres}"
psql "$pg dbname=postgres" -qc "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null

bloat() {
  psql "$pg dbname=$db" -q >/dev/null <<SQL
DROP TABLE IF EXISTS cpimessagelog;
CREATE TABLE cpimessagelog (id bigint PRIMARY KEY, at timestamptz NOT NULL, body text NOT NULL);
INSERT INTO cpimessagelog SELECT g, now(), repeat(md5(g::text), 3) FROM generate_series(1, $rows) g;
DELETE FROM cpimessagelog WHERE id % 10 <> 0;
SELECT pg_stat_force_next_flush();
ANALYZE cpimessagelog;
CHECKPOINT;
SQL
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now() { date +%s.%N; }

psql_runs=(); stmt_runs=(); cmd_runs=(); errors=()
for _ in $(seq "$runs"); do
  bloat
  s=$(now); psql "$pg dbname=$db" -qc "VACUUM (FULL) cpimessagelog" >/dev/null; e=$(now)
  psql_runs+=("$(echo "$e - $s" | bc -l)")
  bloat
  s=$(now)
  out=$("$root/bin/tidemark" vacuum --db "$url" --full --table cpimessagelog --yes --confirm cpimessagelog --json)
  e=$(now)
  cmd_runs+=("$(echo "$e - $s" | bc -l)")
  stmt_runs+=("$(python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["millis"] / 1000)' <<<"$out")")
  errors+=("$(python3 -c '
import json,sys
j = json.load(sys.stdin); p = j["preflight"]; r = j["result"]
print("%d %d %d" % (p["reclaim_bytes"], p["reclaim_error_bytes"], r["bytes_returned"]))' <<<"$out")")
  rm -rf "$TIDEMARK_HOME"   # the next pre-flight must not learn from this run either
done
psql "$pg dbname=postgres" -qc "DROP DATABASE $db" >/dev/null

p_m=$(printf '%s\n' "${psql_runs[@]}" | median)
s_m=$(printf '%s\n' "${stmt_runs[@]}" | median)
c_m=$(printf '%s\n' "${cmd_runs[@]}" | median)
printf 'rows %s, runs %s\n' "$rows" "$runs"
printf 'psql VACUUM FULL            %.3f s\n' "$p_m"
printf 'tidemark statement          %.3f s  ratio %.2f\n' "$s_m" "$(echo "$s_m / $p_m" | bc -l)"
printf 'tidemark whole command      %.3f s  ratio %.2f\n' "$c_m" "$(echo "$c_m / $p_m" | bc -l)"
for x in "${errors[@]}"; do
  read -r est err got <<<"$x"
  printf 'estimate %d ± %d, returned %d, off by %+.1f%% (within the stated error: %s)\n' "$est" "$err" "$got" \
    "$(echo "($got - $est) * 100 / $got" | bc -l)" "$( [ $(( got - est < 0 ? est - got : got - est )) -le "$err" ] && echo yes || echo NO)"
done
