#!/usr/bin/env bash
# Memory under hostile keys (issue 12, item 2): one client sends 30 s of requests that differ only in what no page
# uses - long unique query strings, long unique Accept-Encoding values, a different port in Host - and the site's
# resident memory must stay within LIMIT_MB (50) of the loaded baseline while the real pages stay in the output
# cache (answered with an Age header). Then all three at once, twice, must leave memory flat. Loopback only, every
# run bounded (about 4 minutes).
#   bench/hostile-memory.sh                    the site as it is in this checkout
#   REV=<commit> bench/hostile-memory.sh       the site as it was at another commit (for before/after figures)
#   SECONDS_EACH=10 bench/hostile-memory.sh    a quicker look
# Needs the .NET SDK; installs Debian's wrk when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/stackwise-hostile-memory.XXXXXX)"
PORT="${PORT:-5187}"
SECONDS_EACH="${SECONDS_EACH:-30}"
LIMIT_MB="${LIMIT_MB:-50}"
ARTICLES="${ARTICLES:-1000}"
ARTICLE=/therapies/ketamine-assisted-therapy
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
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

cached() { curl -s -o /dev/null -D - "http://127.0.0.1:$PORT$ARTICLE" | grep -qi '^age:'; }
run() { MODE="$1" ARTICLE="$ARTICLE" wrk -t1 -c32 -d"$2s" --timeout 5s -s "$ROOT/bench/hostile-memory.lua" "http://127.0.0.1:$PORT" | grep RESULT; }

# The baseline is ordinary traffic, renders and searches included (the search rate limit is raised: all of wrk's
# traffic comes from one address), long enough for the GC to settle at its working size.
say "loaded baseline: 30 s of ordinary traffic, then the article is requested twice (the second must come from memory)"
run mix 30
curl -s -o /dev/null "http://127.0.0.1:$PORT$ARTICLE"
BASE=$(rss_mb)
cached && echo "article served from memory: yes" || echo "article served from memory: NO"
echo "baseline RSS: $BASE MB"

status=0
check() { if eval "$2"; then echo "pass  $1"; else echo "FAIL  $1"; status=1; fi; }
printf '\n%-10s %12s %10s %12s %12s %8s\n' "traffic" "requests" "5xx" "RSS at end" "RSS +5 s" "cached"
measure() {
  local mode=$1 result
  result=$(run "$mode" "$SECONDS_EACH")
  AT_END=$(rss_mb); sleep 5; AFTER=$(rss_mb)
  HIT=no; cached && HIT=yes
  REQUESTS=$(grep -o 'requests=[0-9]*' <<<"$result" | cut -d= -f2)
  ERRORS=$(grep -o 'status_5xx=[0-9]*' <<<"$result" | cut -d= -f2)
  printf '%-10s %12s %10s %9s MB %9s MB %8s\n' "$mode" "$REQUESTS" "$ERRORS" "$AT_END" "$AFTER" "$HIT"
  check "$mode: no 5xx" "[ $ERRORS -eq 0 ]"
  check "$mode: the real article is still answered from memory (Age header), not rendered again" "[ $HIT = yes ]"
}
# The issue's target, for each kind of traffic it names.
for mode in query encoding host; do
  measure "$mode"
  check "$mode: RSS $AT_END MB at the end is within $LIMIT_MB MB of the $BASE MB baseline" "[ $(( AT_END - BASE )) -lt $LIMIT_MB ]"
done
# A harder stress beyond the issue's: all three at once, twice in a row. It allocates fastest (a new 8 KB URL and a
# 16 KB header per request), so the GC settles at a larger working size; what must hold is that it settles.
measure all; FIRST=$AT_END
measure all
echo "all three at once: RSS $FIRST MB after the first $SECONDS_EACH s, $AT_END MB after the second ($(( AT_END - BASE )) MB above the baseline)"
check "all: memory is bounded (the second run grows RSS by less than 10 MB)" "[ $(( AT_END - FIRST )) -lt 10 ]"
check "no error line in the site log" "[ $(logcheck_errors "$WORK/site.log") -eq 0 ]"
exit $status
