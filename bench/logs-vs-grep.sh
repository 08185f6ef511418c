#!/usr/bin/env bash
# The log engine against wc -l and grep on a generated 1 GiB log (~8 M lines in the platform's formats), warm cache, same run.
# Usage: bench/logs-vs-grep.sh [RUNS]   (builds the jar and the log under bench/data/ when missing)
# Prints medians of: wc -l, grep -c FIXED, grep -c -E REGEX; Tidemark's index build, fixed and regex counts in a warm JVM
# (as the desktop app runs them) and as commands (java -jar: full JIT; bin/tidemark: its launcher), the first screen and
# the heap an open 1 GiB file costs; checks that every count equals grep's.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
jar="$root/app/target/tidemark.jar"
data="$root/bench/data/logs-dir"
log="$data/logs/bench.log"
fixed='timeout after'
regex='timeout after [0-9]+ms'
export TIDEMARK_HOME="$root/bench/data/home"
[ -f "$jar" ] || (cd "$root" && mvn -B -DskipTests package)
classes="$root/bench/out/classes"
mkdir -p "$classes" "$data/logs"
javac -d "$classes" -cp "$jar" "$root/bench/src/GenerateLogs.java" "$root/bench/src/LogsInOneJvm.java"
[ -f "$log" ] || java -cp "$classes" GenerateLogs "$log" 1073741824

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# Output goes to a file: GNU grep stops at the first match when its output is /dev/null.
seconds() { local s e; s=$(date +%s.%N); "$@" >"$root/bench/out/last-output"; e=$(date +%s.%N); echo "$e - $s" | bc -l; }
ratio() { echo "$1 / $2" | bc -l; }
gbps() { echo "$bytes / $1 / 1000000000" | bc -l; }
bytes=$(stat -c %s "$log")
cat "$log" > /dev/null   # warm the cache

grep_fixed_count=$(grep -c -F "$fixed" "$log")
grep_regex_count=$(grep -c -E "$regex" "$log")
lines=$(wc -l < "$log")
cli() { "$@" logs search "$pattern" $extra --count --scope file:logs/bench.log --data-dir "$data" | awk -F: '/^total:/ {print $2}'; }
pattern="$fixed"; extra=""
[ "$(cli java -jar "$jar")" = "$grep_fixed_count" ] || { echo "fixed count differs from grep" >&2; exit 1; }
pattern="$regex"; extra="--regex"
[ "$(cli "$root/bin/tidemark")" = "$grep_regex_count" ] || { echo "regex count differs from grep" >&2; exit 1; }

wc_runs=(); gf_runs=(); ge_runs=(); jf_runs=(); je_runs=(); lf_runs=(); le_runs=(); ji_runs=()
for _ in $(seq "$runs"); do
  wc_runs+=("$(seconds wc -l "$log")")
  gf_runs+=("$(seconds grep -c -F "$fixed" "$log")")
  ge_runs+=("$(seconds grep -c -E "$regex" "$log")")
  pattern="$fixed"; extra=""
  jf_runs+=("$(seconds cli java -jar "$jar")")
  lf_runs+=("$(seconds cli "$root/bin/tidemark")")
  pattern="$regex"; extra="--regex"
  je_runs+=("$(seconds cli java -jar "$jar")")
  le_runs+=("$(seconds cli "$root/bin/tidemark")")
  ji_runs+=("$(seconds java -jar "$jar" logs show logs/bench.log --from -1 --lines 1 --data-dir "$data")")
done

# The engine in one JVM; the first run (JIT warm-up, first mapping) is dropped.
injvm=$(java -Xmx256m -cp "$jar:$classes" LogsInOneJvm "$log" $((runs + 1)) "$fixed" "$regex")
pick() { echo "$injvm" | awk -v k="$1" -v c="$2" '$1==k {print $c}' | tail -n "$runs"; }
for c in $(pick fixed 3) ; do [ "$c" = "$grep_fixed_count" ] || { echo "in-JVM fixed count $c differs from grep $grep_fixed_count" >&2; exit 1; }; done
for c in $(pick regex 3) ; do [ "$c" = "$grep_regex_count" ] || { echo "in-JVM regex count $c differs from grep $grep_regex_count" >&2; exit 1; }; done
first_cold=$(echo "$injvm" | awk '$1=="first_screen" {print $2; exit}')

wc_m=$(printf '%s\n' "${wc_runs[@]}" | median)
gf_m=$(printf '%s\n' "${gf_runs[@]}" | median)
ge_m=$(printf '%s\n' "${ge_runs[@]}" | median)
jf_m=$(printf '%s\n' "${jf_runs[@]}" | median)
je_m=$(printf '%s\n' "${je_runs[@]}" | median)
lf_m=$(printf '%s\n' "${lf_runs[@]}" | median)
le_m=$(printf '%s\n' "${le_runs[@]}" | median)
ji_m=$(printf '%s\n' "${ji_runs[@]}" | median)
idx_m=$(pick index 2 | median)
wf_m=$(pick fixed 2 | median)
wr_m=$(pick regex 2 | median)
fs_m=$(pick first_screen 2 | median)
heap_m=$(pick heap_mb 2 | median)

printf 'file                         %s: %d bytes, %d lines; grep counts fixed %d, regex %d (Tidemark equal)\n' "$log" "$bytes" "$lines" "$grep_fixed_count" "$grep_regex_count"
printf 'wc -l                        %.3f s  %.2f GB/s\n' "$wc_m" "$(gbps "$wc_m")"
printf 'grep -c -F                   %.3f s  %.2f GB/s\n' "$gf_m" "$(gbps "$gf_m")"
printf 'grep -c -E                   %.3f s  %.2f GB/s\n' "$ge_m" "$(gbps "$ge_m")"
printf 'index build, warm JVM        %.3f s  %.2f GB/s  (wc -l / it: %.2f)\n' "$idx_m" "$(gbps "$idx_m")" "$(ratio "$wc_m" "$idx_m")"
printf 'fixed count, warm JVM        %.3f s  %.2f GB/s  speed vs grep -c -F: %.2fx\n' "$wf_m" "$(gbps "$wf_m")" "$(ratio "$gf_m" "$wf_m")"
printf 'regex count, warm JVM        %.3f s  %.2f GB/s  speed vs grep -c -E: %.2fx\n' "$wr_m" "$(gbps "$wr_m")" "$(ratio "$ge_m" "$wr_m")"
printf 'java -jar logs search fixed  %.3f s  speed vs grep: %.2fx (whole command, JVM start included)\n' "$jf_m" "$(ratio "$gf_m" "$jf_m")"
printf 'java -jar logs search regex  %.3f s  speed vs grep: %.2fx\n' "$je_m" "$(ratio "$ge_m" "$je_m")"
printf 'bin/tidemark search fixed    %.3f s  speed vs grep: %.2fx\n' "$lf_m" "$(ratio "$gf_m" "$lf_m")"
printf 'bin/tidemark search regex    %.3f s  speed vs grep: %.2fx\n' "$le_m" "$(ratio "$ge_m" "$le_m")"
printf 'logs show --from -1 (index)  %.3f s  (whole command)\n' "$ji_m"
printf 'first screen                 %.1f ms warm, %.1f ms in a fresh JVM (open + 60 lines, no index yet)\n' "$(echo "$fs_m * 1000" | bc -l)" "$(echo "$first_cold * 1000" | bc -l)"
printf 'heap for the open file       %.1f MB (index + 12,288 cached lines, after GC)\n' "$heap_m"
