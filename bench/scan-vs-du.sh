#!/usr/bin/env bash
# DATA_DIR scan against du on the large demo (>= 300,000 files), warm cache, same run.
# Usage: bench/scan-vs-du.sh [RUNS]   (builds the jar and the large demo under bench/data/ when missing)
# Prints the median seconds of `du -s`, of a full Tidemark scan and of a rescan of the unchanged tree, and the ratios.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
jar="$root/app/target/tidemark.jar"
data="${BENCH_DATA:-$root/bench/data/large}"
export TIDEMARK_HOME="$root/bench/data/home"
[ -f "$jar" ] || (cd "$root" && mvn -B -q -DskipTests package)
if [ ! -f "$data/.tidemark-demo.json" ]; then
  rm -rf "$data"
  java -jar "$jar" demo --out "$data" --scale large --last-day 2026-11-20
fi

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
# bin/tidemark is how commands are meant to run (C1-only JIT for short-lived commands).
launcher_scan_seconds() { "$root/bin/tidemark" scan --db "$data/platform.sqlite3" --data-dir "$data" --json --full \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data_dir"]["scan_seconds"])'; }
scan_seconds() { java ${JVM_OPTS:-} -jar "$jar" scan --db "$data/platform.sqlite3" --data-dir "$data" --json "$@" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["data_dir"]["scan_seconds"])'; }

du -s "$data" >/dev/null   # warm the cache
du_runs=(); full_runs=(); c1_runs=(); rescan_runs=()
for _ in $(seq "$runs"); do
  du_runs+=("$(seconds du -s "$data")")
  full_runs+=("$(scan_seconds --full)")
  c1_runs+=("$(launcher_scan_seconds)")
  rescan_runs+=("$(scan_seconds)")
done
# The desktop app scans in a JVM that is already warm: the same walk repeated in one JVM, first run dropped.
classes="$root/bench/out/classes"
mkdir -p "$classes"
javac -d "$classes" -cp "$jar" "$root/bench/src/ScanInOneJvm.java"
warm_m=$(java -cp "$jar:$classes" ScanInOneJvm "$data" $((runs + 1)) | tail -n "$runs" | median)

files=$(find "$data" | wc -l)
du_m=$(printf '%s\n' "${du_runs[@]}" | median)
full_m=$(printf '%s\n' "${full_runs[@]}" | median)
c1_m=$(printf '%s\n' "${c1_runs[@]}" | median)
rescan_m=$(printf '%s\n' "${rescan_runs[@]}" | median)
printf 'entries            %d\n' "$files"
printf 'du -s              %.3f s (median of %d)\n' "$du_m" "$runs"
printf 'java -jar … scan   %.3f s  ratio to du %.2f  (full scan; default JIT)\n' "$full_m" "$(echo "$full_m / $du_m" | bc -l)"
printf 'bin/tidemark scan  %.3f s  ratio to du %.2f  (full scan; C1-only JIT)\n' "$c1_m" "$(echo "$c1_m / $du_m" | bc -l)"
printf 'tidemark rescan    %.3f s  ratio to du %.2f\n' "$rescan_m" "$(echo "$rescan_m / $du_m" | bc -l)"
printf 'full scan, warm JVM %.3f s  ratio to du %.2f\n' "$warm_m" "$(echo "$warm_m / $du_m" | bc -l)"
