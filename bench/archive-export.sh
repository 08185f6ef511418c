#!/usr/bin/env bash
# Archive export rate on a PostgreSQL demo, against pg_dump -Fc and COPY ... TO of the same rows, in the same run.
# Usage: bench/archive-export.sh [RUNS] [SCALE] [SCOPE]   (SCALE small|large, default large; builds the jar and the demo
# when missing; SCOPE window (default) or whole)
# window: BENCH_FIRST_DAY..BENCH_LAST_DAY (default 2026-11-11..2026-11-17, days the demo has not archived) is the range
#   exported, in one JVM in the three formats and as the command in the postgres format.
# whole: every day of every tenant, so Tidemark exports exactly the rows pg_dump dumps, as the nightly command
#   (JVM start included) in the three formats; the demo's own archives are moved aside first (deleted when it ends).
# BENCH_WORKERS (default 4, what the command picks on 2 cores) the exports side by side.
# Needs a local PostgreSQL reachable as postgres on 127.0.0.1:5432 (PGURL/PGADMIN override), psql and pg_dump on PATH.
# Prints the median rows/s of: pg_dump -Fc of the family tables (whole tables: pg_dump cannot select rows),
# COPY (SELECT ...) TO STDOUT of those days of every tenant (the rows an export reads), and Tidemark exporting them
# (one archive per tenant-day: write, fsync, re-read and verify, rename, record), in both formats, in one JVM
# (bench/src/ArchiveExportInOneJvm.java) and as the nightly command (bin/tidemark archive export --all-tenants, JVM
# start included); then the ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
scale="${2:-large}"
scope="${3:-window}"
db="${BENCH_DB:-tidemark_archive_bench_${scale}}"
admin="${PGADMIN:-postgresql://postgres@127.0.0.1:5432/postgres}"
pg="${PGURL:-postgresql://postgres@127.0.0.1:5432/$db}"
jdbc="jdbc:postgresql://127.0.0.1:5432/$db?user=postgres"
jar="$root/app/target/tidemark.jar"
data="$root/bench/data/archive-pg-$scale"
first="${BENCH_FIRST_DAY:-2026-11-11}"
last="${BENCH_LAST_DAY:-2026-11-17}"
case "$scope" in window|whole) ;; *) echo "SCOPE is window or whole, not $scope" >&2; exit 2 ;; esac
workers="${BENCH_WORKERS:-4}"
export TIDEMARK_HOME="$root/bench/data/home"
[ -f "$jar" ] || (cd "$root" && mvn -B -DskipTests package)
if [ ! -f "$data/.tidemark-demo.json" ]; then
  rm -rf "$data"
  psql -X -q "$admin" -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
  java -jar "$jar" demo --out "$data" --scale "$scale" --last-day 2026-11-20 --db "$jdbc"
fi
psql -X -q "$pg" -c "VACUUM ANALYZE" >/dev/null

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
family="cpimessagelog cpimessagelogruns cpipayload cpimessageattachment cpicustomheaderproperties"
q() { psql -X -A -t -q "$pg" -c "$1"; }
if [ "$scope" = whole ]; then
  first=$(q "SELECT min(log_start AT TIME ZONE 'UTC')::date FROM cpimessagelog")
  last=$(q "SELECT max(log_start AT TIME ZONE 'UTC')::date FROM cpimessagelog")
fi

# The rows of those days of every tenant, as the export selects them.
msgs="SELECT id FROM cpimessagelog WHERE log_start >= '${first}T00:00:00Z' AND log_start < ('${last}'::date + 1)::timestamptz"
# COPY of the same rows, the quickest way plain SQL has (and the way the export itself reads a day): per day and table,
# the rows whose message key lies in the day's key range and belongs to a message of that day, in key order.
copy_sql=""
d="$first"
while [[ ! "$d" > "$last" ]]; do
  read -r lo hi <<< "$(psql -X -A -t -q -F' ' "$pg" -c "SELECT min(id), max(id) FROM cpimessagelog
    WHERE log_start >= '${d}T00:00:00Z' AND log_start < ('$d'::date + 1)::timestamptz")"
  day="SELECT id FROM cpimessagelog WHERE id BETWEEN $lo AND $hi AND log_start >= '${d}T00:00:00Z'
    AND log_start < ('$d'::date + 1)::timestamptz"
  copy_sql+="COPY (SELECT * FROM cpimessagelog WHERE id IN ($day) ORDER BY id) TO STDOUT;"
  for t in cpimessagelogruns cpipayload cpimessageattachment cpicustomheaderproperties; do
    copy_sql+="COPY (SELECT * FROM $t WHERE message_log_id BETWEEN $lo AND $hi AND message_log_id IN ($day) ORDER BY id) TO STDOUT;"
  done
  d=$(date -u -d "$d + 1 day" +%F)
done
if [ "$scope" = whole ]; then
  copy_sql=""
  for t in $family; do copy_sql+="COPY $t TO STDOUT;"; done
fi
copy_day() { psql -X -q "$pg" <<< "$copy_sql" >/dev/null; }
day_rows=$(q "SELECT (SELECT count(*) FROM cpimessagelog WHERE id IN ($msgs))
  + (SELECT count(*) FROM cpimessagelogruns WHERE message_log_id IN ($msgs))
  + (SELECT count(*) FROM cpipayload WHERE message_log_id IN ($msgs))
  + (SELECT count(*) FROM cpimessageattachment WHERE message_log_id IN ($msgs))
  + (SELECT count(*) FROM cpicustomheaderproperties WHERE message_log_id IN ($msgs))")
all_rows=0
for t in $family; do all_rows=$((all_rows + $(q "SELECT count(*) FROM $t"))); done
tables=(); for t in $family; do tables+=(-t "$t"); done
dump="$root/bench/out/archive-bench.dump"
mkdir -p "$root/bench/out"

classes="$root/bench/out/classes"
mkdir -p "$classes"
javac -d "$classes" -cp "$jar" "$root/bench/src/ArchiveExportInOneJvm.java"
# Archives of those days from an earlier interrupted run would make the export refuse: remove them first.
# They are moved aside rather than deleted: on ext4 without a journal (this machine) a file created within a minute or
# more of many deletions in its block group costs about 1 ms, which would charge the next run for this clean-up. The
# moved files are deleted when the bench ends.
trash="$data-trash"
mkdir -p "$trash"
trap 'rm -rf "$trash"' EXIT
clean_range() {
  q "DELETE FROM cpiarchive WHERE archive_date BETWEEN '$first' AND '$last'" >/dev/null
  if [ "$scope" = whole ]; then
    find "$data" -path '*/archive/*' -name '*.archive*' -exec mv -t "$trash" --backup=numbered {} +
    return
  fi
  local d="$first"
  while [[ ! "$d" > "$last" ]]; do
    find "$data" -path '*/archive/*' -name "*_${d//-/_}.archive*" -exec mv -t "$trash" --backup=numbered {} +
    d=$(date -u -d "$d + 1 day" +%F)
  done
}
clean_range

dump_runs=(); copy_runs=()
for _ in $(seq "$runs"); do
  dump_runs+=("$(seconds pg_dump -Fc -f "$dump" "${tables[@]}" "$pg")")
  copy_runs+=("$(seconds copy_day)")
done
rate() { echo "$1 / $2" | bc -l; }
dump_m=$(printf '%s\n' "${dump_runs[@]}" | median)
copy_m=$(printf '%s\n' "${copy_runs[@]}" | median)
dump_r=$(rate "$all_rows" "$dump_m"); copy_r=$(rate "$day_rows" "$copy_m")

if [ "$scope" = whole ]; then
  # The command over every day: each run's archives are checked against the rows, then moved aside and deleted (a
  # whole run's archives take several GB); deleting 15,000 files just before the next run makes it a few percent slower
  # on this machine's journal-less ext4 (see above), which only counts against Tidemark.
  tenants=$(q 'SELECT count(*) FROM cconfig')
  days=$(( ($(date -u -d "$last" +%s) - $(date -u -d "$first" +%s)) / 86400 + 1 ))
  printf 'scale %s, whole demo, days %s to %s: %d rows of %s tenants in %d tenant-days; family tables hold %d rows\n' "$scale" \
    "$first" "$last" "$day_rows" "$tenants" $((tenants * days)) "$all_rows"
  printf 'pg_dump -Fc (family tables)       %8.3f s  %10.0f rows/s  (runs: %s)\n' "$dump_m" "$dump_r" "${dump_runs[*]}"
  printf 'COPY table TO STDOUT (each table) %8.3f s  %10.0f rows/s  (runs: %s)\n' "$copy_m" "$copy_r" "${copy_runs[*]}"
  for format in postgres sqlite sqlite-gzip; do
    args=(--format "${format%-gzip}"); [ "$format" = sqlite-gzip ] && args+=(--gzip)
    times=()
    for _ in $(seq "$runs"); do
      times+=("$(seconds "$root/bin/tidemark" archive export --db "$jdbc" --data-dir "$data" --all-tenants --day "$first" \
        --to "$last" "${args[@]}" --parallel "$workers")")
      read -r recorded archives <<< "$(psql -X -A -t -q -F' ' "$pg" -c "SELECT sum(row_count), count(*) FROM cpiarchive
        WHERE archive_date BETWEEN '$first' AND '$last'")"
      [ "$recorded" = "$day_rows" ] || { echo "Tidemark recorded $recorded rows, expected $day_rows" >&2; exit 1; }
      clean_range
      rm -rf "${trash:?}"/*
    done
    m=$(printf '%s\n' "${times[@]}" | median)
    r=$(rate "$day_rows" "$m")
    printf 'bin/tidemark archive export --all-tenants %-12s %8.3f s  %10.0f rows/s  ratio to pg_dump %.2f  to COPY %.2f  (%s archives; runs: %s)\n' \
      "$format" "$m" "$r" "$(rate "$r" "$dump_r")" "$(rate "$r" "$copy_r")" "$archives" "${times[*]}"
  done
  printf '(medians of %d runs, %d exports side by side, JVM start included)\n' "$runs" "$workers"
  exit 0
fi

# One warm-up run per format is dropped: the desktop app and a nightly job exporting many tenant-days run warm.
one_jvm() { java -cp "$jar:$classes" ArchiveExportInOneJvm "$jdbc" "$data" "$first" "$last" $((runs + 1)) "$1" "$2" "$workers" | tail -n "$runs"; }
pgfmt=$(one_jvm postgres false)
litefmt=$(one_jvm sqlite false)
litegz=$(one_jvm sqlite true)
tm_rows=$(echo "$pgfmt" | head -1 | cut -d' ' -f1)
[ "$tm_rows" = "$day_rows" ] || { echo "Tidemark exported $tm_rows rows, expected $day_rows" >&2; exit 1; }

# The nightly job by hand, with the launcher (JVM start included).
cli_runs=()
for _ in $(seq "$runs"); do
  cli_runs+=("$(seconds "$root/bin/tidemark" archive export --db "$jdbc" --data-dir "$data" --all-tenants --day "$first" --to "$last" \
    --format postgres --parallel "$workers")")
  clean_range
done
pg_m=$(echo "$pgfmt" | cut -d' ' -f2 | median)
lite_m=$(echo "$litefmt" | cut -d' ' -f2 | median)
gz_m=$(echo "$litegz" | cut -d' ' -f2 | median)
cli_m=$(printf '%s\n' "${cli_runs[@]}" | median)
pg_r=$(rate "$day_rows" "$pg_m"); lite_r=$(rate "$day_rows" "$lite_m"); gz_r=$(rate "$day_rows" "$gz_m")
printf 'scale %s, days %s to %s: %d rows of every tenant (%s tenants, %s archives); family tables hold %d rows\n' "$scale" \
  "$first" "$last" "$day_rows" "$(q 'SELECT count(*) FROM cconfig')" "$(echo "$pgfmt" | head -1 | cut -d' ' -f3)" "$all_rows"
printf 'pg_dump -Fc (family tables)     %8.3f s  %10.0f rows/s  (runs: %s)\n' "$dump_m" "$dump_r" "${dump_runs[*]}"
printf 'COPY (SELECT ...) TO STDOUT     %8.3f s  %10.0f rows/s\n' "$copy_m" "$copy_r"
printf 'tidemark export --format postgres %6.3f s  %10.0f rows/s  ratio to pg_dump %.2f  to COPY %.2f\n' "$pg_m" "$pg_r" \
  "$(rate "$pg_r" "$dump_r")" "$(rate "$pg_r" "$copy_r")"
printf 'tidemark export --format sqlite   %6.3f s  %10.0f rows/s  ratio to pg_dump %.2f  to COPY %.2f\n' "$lite_m" "$lite_r" \
  "$(rate "$lite_r" "$dump_r")" "$(rate "$lite_r" "$copy_r")"
printf 'tidemark export sqlite --gzip     %6.3f s  %10.0f rows/s  ratio to pg_dump %.2f  to COPY %.2f\n' "$gz_m" "$gz_r" \
  "$(rate "$gz_r" "$dump_r")" "$(rate "$gz_r" "$copy_r")"
cli_r=$(rate "$day_rows" "$cli_m")
printf 'bin/tidemark archive export --all-tenants (postgres, JVM start included) %6.3f s  %10.0f rows/s  ratio to pg_dump %.2f\n' \
  "$cli_m" "$cli_r" "$(rate "$cli_r" "$dump_r")"
printf '(medians of %d runs, %d exports side by side)\n' "$runs" "$workers"
