#!/usr/bin/env bash
# The Growth chart with 50 series of five years of daily points: build and draw times of one frame (Java2D, the
# screen's size), lines and stacked area. There is no peer tool to run beside it: the yardstick is a frame under
# 100 ms, which keeps zoom, pan and tooltips interactive.
# Usage: bench/growth-chart.sh [SERIES] [DAYS] [RUNS]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/app/target/tidemark.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -DskipTests package)
classes="$root/bench/out/classes"
mkdir -p "$classes"
javac -d "$classes" -cp "$jar" "$root/bench/src/io/tidemark/ui/growth/GrowthChartBench.java"
java -Djava.awt.headless=true -cp "$jar:$classes" io.tidemark.ui.growth.GrowthChartBench "${1:-50}" "${2:-1825}" "${3:-7}"
