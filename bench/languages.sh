#!/usr/bin/env bash
# Issue 38's cost of a second language: ready time per article and RSS of N articles in English alone, against the same N
# articles in English plus N Spanish translations at the same paths (content/es/), alternating starts, same build.
# Target: a second language costs at most 1.3 x the single-language ready time per article, memory in proportion.
# Loopback only; every loop is bounded. About 3 minutes at N=10000 on 2 cores.
#   bench/languages.sh            N=10000, 3 rounds
#   N=5000 ROUNDS=5 bench/languages.sh
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/stackwise-languages}"
N="${N:-10000}"
ROUNDS="${ROUNDS:-3}"
PORT=5195
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$WORK"
source "$ROOT/bench/lib/setup.sh"
ensure_tools curl

SITE_PID=""
cleanup() { [ -n "$SITE_PID" ] && kill "$SITE_PID" 2>/dev/null || true; remove_source; }
trap cleanup EXIT
publish_site_and_bench

one="$WORK/corpus-$N" two="$WORK/corpus-$N-en-es"
[ -f "$one/.complete" ] || { rm -rf "$one"; $BENCH generate "$N" "$one" 1 >/dev/null; touch "$one/.complete"; }
if [ ! -f "$two/.complete" ]; then
  rm -rf "$two"; cp -r "$one" "$two"; mkdir -p "$two/es"
  for folder in "$one"/*/; do [ "$(basename "$folder")" = images ] || cp -r "$folder" "$two/es/"; done
  touch "$two/.complete"
fi
first=("$one"/therapies/*.md)
article="/therapies/$(basename "${first[0]}" .md)"

# Milliseconds from the process's start to /readyz and an article both answering, then RSS in MB.
measure() {
  local start; start=$(date +%s%3N)
  launch_site "$PORT" "$1" false "$WORK/site.log" "${@:2}"; SITE_PID=$LAUNCHED_PID
  for _ in $(seq 1 12000); do   # 10 ms apart: 120 s at most
    curl -fs -o /dev/null "http://127.0.0.1:$PORT/readyz" && curl -fs -o /dev/null "http://127.0.0.1:$PORT$article" && break
    kill -0 "$SITE_PID" 2>/dev/null || { echo "the site stopped before it was ready:" >&2; cat "$WORK/site.log" >&2; exit 1; }
    sleep 0.01
  done
  echo "$(( $(date +%s%3N) - start )) $(rss_mb)"
  kill "$SITE_PID"; wait "$SITE_PID" 2>/dev/null || true; SITE_PID=""
}

printf '\n== %s (lscpu: %s)\n' "$N articles in English, then $N more in Spanish" "$(lscpu | sed -n 's/^Model name: *//p')"
: >"$WORK/runs"
for round in $(seq 1 "$ROUNDS"); do
  # In this shell, not a subshell: a site that dies must end the run (exit 1), never count as 0 ms.
  measure "$one" Site__Languages__0=en >"$WORK/measured"; read -r ms_one rss_one <"$WORK/measured"
  measure "$two" Site__Languages__0=en Site__Languages__1=es >"$WORK/measured"; read -r ms_two rss_two <"$WORK/measured"
  echo "$ms_one $rss_one $ms_two $rss_two" | tee -a "$WORK/runs" | awk '{ printf "   round: English %d ms, %d MB; English and Spanish %d ms, %d MB\n", $1, $2, $3, $4 }'
done
median() { cut -d' ' -f"$1" "$WORK/runs" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
ms_one=$(median 1) ms_two=$(median 3)
awk -v n="$N" -v a="$ms_one" -v b="$ms_two" -v r1="$(median 2)" -v r2="$(median 4)" 'BEGIN {
  ratio = (b / (2 * n)) / (a / n)
  printf "   median ready per article: %.3f ms alone, %.3f ms with Spanish = %.2f x (target <= 1.3) -> %s\n",
    a / n, b / (2 * n), ratio, ratio <= 1.3 ? "PASS" : "FAIL"
  printf "   median RSS at ready: %d MB alone, %d MB with Spanish: +%d MB for %d more articles\n", r1, r2, r2 - r1, n
}'
