#!/usr/bin/env bash
# Purge throughput on PostgreSQL, same data, same run: 5,000,000 cel rows of which 4,600,000 are older than the cutoff.
#   1. one DELETE ... WHERE eventtime < cutoff (what xivo-purge-db does)
#   2. naive batches: DELETE ... WHERE id IN (SELECT id ... LIMIT 50000) until none left
#   3. tidemark purge -d 30 --yes (profile xivo)
# each with a concurrent writer inserting into the same table (per-insert latency p99, and no inserted row lost);
# then a table partitioned by month: tidemark (drops whole partitions) against one DELETE of the same rows.
# Usage: bench/purge-vs-delete.sh [RUNS]    needs BENCH_PG_URL (a JDBC URL of a role that may create databases;
# default jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres) and psql. Prints medians and ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-3}"
rows="${BENCH_ROWS:-5000000}"
old="${BENCH_OLD:-4600000}"
jar="$root/app/target/tidemark.jar"
admin="${BENCH_PG_URL:-jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}"
export TIDEMARK_HOME="$root/bench/data/home"
[ -f "$jar" ] || (cd "$root" && mvn -B -DskipTests package >/dev/null)
libpq() { local u="${1#jdbc:}"; u="${u/\?user=/?user=}"; echo "$u"; }
base="${admin%%\?*}"; params="${admin#"$base"}"; host="${base%/*}"
url="$host/tidemark_bench$params"
psql_admin() { psql -X -q -v ON_ERROR_STOP=1 "$(libpq "$admin")" "$@"; }
psql_bench() { psql -X -q -v ON_ERROR_STOP=1 "$(libpq "$url")" "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
now_s() { date +%s.%N; }

psql_admin -c "DROP DATABASE IF EXISTS tidemark_bench WITH (FORCE)" -c "CREATE DATABASE tidemark_bench"
# The template: new rows (last 30 days) and old rows (31 to 400 days back), interleaved in key order as a live table is not.
psql_bench <<SQL
CREATE TABLE template (id bigint, eventtype varchar(30), eventtime timestamptz, payload text);
INSERT INTO template SELECT g, 'CHAN_START',
  CASE WHEN g <= $old THEN now() - interval '31 days' - (g::float / $old) * interval '369 days'
       ELSE now() - ((g - $old)::float / ($rows - $old)) * interval '29 days' END,
  md5(g::text) || md5((g * 7)::text)
FROM generate_series(1, $rows) g;
SQL

fresh() { # the table as the platform has it: serial key, time index
  psql_bench <<SQL
DROP TABLE IF EXISTS cel CASCADE;
CREATE TABLE cel (id bigserial PRIMARY KEY, eventtype varchar(30) NOT NULL, eventtime timestamptz NOT NULL, payload text);
INSERT INTO cel SELECT * FROM template ORDER BY eventtime;
SELECT setval('cel_id_seq', $rows);
CREATE INDEX cel__idx__eventtime ON cel (eventtime);
VACUUM ANALYZE cel;
SQL
}

fresh_partitioned() {
  psql_bench <<SQL
DROP TABLE IF EXISTS cel CASCADE;
CREATE TABLE cel (id bigserial, eventtype varchar(30) NOT NULL, eventtime timestamptz NOT NULL, payload text,
  PRIMARY KEY (id, eventtime)) PARTITION BY RANGE (eventtime);
DO \$\$ DECLARE m date := date_trunc('month', now() - interval '420 days'); BEGIN
  WHILE m < now() + interval '31 days' LOOP
    EXECUTE format('CREATE TABLE %I PARTITION OF cel FOR VALUES FROM (%L) TO (%L)', 'cel_' || to_char(m, 'YYYY_MM'), m, m + interval '1 month');
    m := m + interval '1 month';
  END LOOP; END \$\$;
INSERT INTO cel SELECT * FROM template ORDER BY eventtime;
SELECT setval('cel_id_seq', $rows);
CREATE INDEX cel__idx__eventtime ON cel (eventtime);
VACUUM ANALYZE cel;
SQL
}

writer_start() {
  stop="$root/bench/data/writer.stop"; rm -f "$stop" "$stop.ready"; mkdir -p "$root/bench/data"
  java -cp "$jar" "$root/bench/src/PurgeWriter.java" "$url" cel "$stop" > "$root/bench/data/writer.out" &
  writer_pid=$!
  while [ ! -f "$stop.ready" ]; do sleep 0.1; done
}
writer_stop() { touch "$stop"; wait "$writer_pid"; }
check_kept() { # every new row and every row the writer inserted is still there, and no old row
  local inserted="$1"
  psql_bench -t -A -c "SELECT (SELECT count(*) FROM cel WHERE eventtype = 'WRITER') = $inserted
     AND (SELECT count(*) FROM cel WHERE eventtype <> 'WRITER') = $((rows - old))
     AND NOT EXISTS (SELECT 1 FROM cel WHERE eventtime < now() - interval '30 days 1 hour')"
}

declare -A thr maxms p99 ok
run_single() {
  fresh; writer_start
  local s e; s=$(now_s)
  psql_bench -c "DELETE FROM cel WHERE eventtime < now() - interval '30 days'"
  e=$(now_s); writer_stop; read -r n p50 p99w maxw < "$root/bench/data/writer.out"
  local secs; secs=$(echo "$e - $s" | bc -l)
  echo "single $(echo "$old / $secs" | bc -l) $(echo "$secs * 1000" | bc -l) $p99w $(check_kept "$n") $maxw"
}
run_naive() {
  fresh; writer_start
  local s e worst=0 t0 t1 ms deleted
  s=$(now_s)
  while :; do
    t0=$(now_s)
    deleted=$(psql_bench -t -A -c "WITH d AS (DELETE FROM cel WHERE id IN (SELECT id FROM cel WHERE eventtime < now() - interval '30 days' LIMIT 50000) RETURNING 1) SELECT count(*) FROM d")
    t1=$(now_s); ms=$(echo "($t1 - $t0) * 1000" | bc -l)
    worst=$(echo "if ($ms > $worst) $ms else $worst" | bc -l)
    [ "$deleted" -gt 0 ] || break
  done
  e=$(now_s); writer_stop; read -r n p50 p99w maxw < "$root/bench/data/writer.out"
  echo "naive $(echo "$old / ($e - $s)" | bc -l) $worst $p99w $(check_kept "$n") $maxw"
}
run_tidemark() {
  fresh; writer_start
  local json; json=$(java -jar "$jar" purge --db "$url" --profile xivo -d 30 --yes --no-vacuum --no-files --json 2>/dev/null || true)
  writer_stop; read -r n p50 p99w maxw < "$root/bench/data/writer.out"
  echo "tidemark $(echo "$json" | python3 -c 'import json,sys; r=json.load(sys.stdin)["result"]; print(r["rows"]/r["seconds"], r["max_batch_ms"])') $p99w $(check_kept "$n") $maxw"
}
run_partitioned() {
  fresh_partitioned
  local json; json=$(java -jar "$jar" purge --db "$url" --profile xivo -d 30 --yes --no-vacuum --no-files --json 2>/dev/null || true)
  local tdm; tdm=$(echo "$json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["result"]["seconds"])')
  fresh_partitioned
  local s e; s=$(now_s)
  psql_bench -c "DELETE FROM cel WHERE eventtime < now() - interval '30 days'"
  e=$(now_s)
  echo "partition $tdm $(echo "$e - $s" | bc -l)"
}

mkdir -p "$root/bench/data"; results="$root/bench/data/purge-results.txt"; : > "$results"
only="${BENCH_ONLY:-all}"   # BENCH_ONLY=partition or tidemark measures that alone
for i in $(seq "$runs"); do
  if [ "$only" = tidemark ]; then run_tidemark | tee -a "$results"; continue; fi
  if [ "$only" = all ]; then
    run_single | tee -a "$results"
    run_naive | tee -a "$results"
    run_tidemark | tee -a "$results"
  fi
  run_partitioned | tee -a "$results"
done
col() { awk -v k="$1" -v c="$2" '$1 == k {print $c}' "$results" | median; }
if [ "$only" = all ]; then
single=$(col single 2); naive=$(col naive 2); tdm=$(col tidemark 2)
printf '\n%-22s %14s %16s %14s %14s %8s\n' "method (median of $runs)" "rows/s" "max stmt (ms)" "writer p99 ms" "writer max ms" "kept ok"
for k in single naive tidemark; do
  printf '%-22s %14.0f %16.0f %14.2f %14.2f %8s\n' "$k" "$(col $k 2)" "$(col $k 3)" "$(col $k 4)" "$(col $k 6)" "$(awk -v k=$k '$1==k {print $5}' "$results" | sort -u | tr '\n' ' ')"
done
printf '\nTidemark / single DELETE throughput: %.2fx   Tidemark / naive batches: %.2fx\n' "$(echo "$tdm / $single" | bc -l)" "$(echo "$tdm / $naive" | bc -l)"
fi
if [ "$only" = tidemark ]; then
  printf '\nTidemark alone (median of %s): %.0f rows/s, longest batch %.0f ms (all: %s), writer p99 %.2f ms, writer max %s ms\n' "$runs" \
    "$(col tidemark 2)" "$(col tidemark 3)" "$(awk '$1=="tidemark" {printf "%.0f ", $3}' "$results")" "$(col tidemark 4)" \
    "$(awk '$1=="tidemark" {printf "%.0f ", $6}' "$results")"
  psql_admin -c "DROP DATABASE IF EXISTS tidemark_bench WITH (FORCE)"; exit 0
fi
pt=$(col partition 2); pd=$(col partition 3)
printf 'Partitioned table: Tidemark (drops whole partitions) %.2f s, one DELETE of the same rows %.2f s: %.1fx faster\n' "$pt" "$pd" "$(echo "$pd / $pt" | bc -l)"
psql_admin -c "DROP DATABASE IF EXISTS tidemark_bench WITH (FORCE)"
