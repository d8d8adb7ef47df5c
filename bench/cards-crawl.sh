#!/usr/bin/env bash
# A crawler asking for every share card (issue 33): 32 connections walk the cards of 1,000 articles, each card once in
# turn (more cards than the store keeps, so every request draws), for SECONDS_EACH seconds, while a second client reads
# an article. Prints the cards answered and refused (503), the article's latency beside the same article read alone,
# the site's CPU (cores busy, from /proc) and its RSS before and after. Loopback only, every run bounded (about 1 minute).
#   bench/cards-crawl.sh                    the site as it is in this checkout
#   REV=<commit> bench/cards-crawl.sh       the site as it was at another commit (for before/after figures)
# Needs the .NET SDK; installs Debian's wrk when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/stackwise-cards-crawl.XXXXXX)"
PORT="${PORT:-5189}"
SECONDS_EACH="${SECONDS_EACH:-20}"
ARTICLES="${ARTICLES:-1000}"
ARTICLE=/therapies/ketamine-assisted-therapy
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 ARTICLES
source "$ROOT/bench/lib/logcheck.sh"
logcheck_selftest || exit 1
source "$ROOT/bench/lib/setup.sh"
ensure_tools wrk

SITE_PID=""
cleanup() {
  [ -n "$SITE_PID" ] && kill "$SITE_PID" 2>/dev/null || true
  remove_source
}
trap cleanup EXIT
say() { printf '\n== %s\n' "$*"; }

publish_corpus_and_start || exit 1

cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$SITE_PID/stat"; }
article() { wrk -t1 -c4 -d"$1s" --timeout 5s --latency "http://127.0.0.1:$PORT$ARTICLE" | awk '/^ +99%/ { print $2 }'; }

# Warm: the article, one card (Skia's native library loads on the first), then the article alone as the control.
curl -fs -o /dev/null "http://127.0.0.1:$PORT$ARTICLE"
curl -fs -o /dev/null "http://127.0.0.1:$PORT/cards/therapies/synthetic-article-00000.png"
alone=$(article 5)
before=$(rss_mb)

say "crawl: 32 connections over every card for ${SECONDS_EACH} s, and the article read beside it"
ticks0=$(cpu_ticks); t0=$(date +%s.%N)
wrk -t2 -c32 -d"${SECONDS_EACH}s" --timeout 10s -s "$ROOT/bench/cards-crawl.lua" "http://127.0.0.1:$PORT" > "$WORK/crawl.txt" &
crawl=$!
sleep 2
beside=$(article $((SECONDS_EACH - 4)))
wait "$crawl"
ticks1=$(cpu_ticks); t1=$(date +%s.%N)
after=$(rss_mb)
hz=$(getconf CLK_TCK)

grep RESULT "$WORK/crawl.txt"
awk -v a="$ticks0" -v b="$ticks1" -v s="$t0" -v e="$t1" -v hz="$hz" 'BEGIN { printf "site CPU during the crawl: %.2f cores busy\n", (b - a) / hz / (e - s) }'
echo "article p99 alone: $alone; beside the crawl: $beside"
echo "RSS before the crawl: $before MB; after: $after MB"
# Every card answered 200 or 503 and nothing failed in the site: anything else fails the run.
other=$(sed -n 's/.* other=\([0-9]*\).*/\1/p' "$WORK/crawl.txt"); errors=$(logcheck_errors "$WORK/site.log"); unhandled=$(logcheck_unhandled "$WORK/site.log")
echo "answers other than 200 or 503: ${other:-none read}; error lines in the site log: $errors; unhandled exceptions: $unhandled"
[ "${other:-1}" -eq 0 ] && [ "$errors" -eq 0 ] && [ "$unhandled" -eq 0 ] || { echo "FAIL"; exit 1; }
