#!/usr/bin/env bash
# Stackwise behind a CDN (issue 34): two instances watching one content folder behind one Varnish 7.1 with the xkey
# module (bench/varnish/stackwise.vcl), each purging the keys a save changed (Cdn:PurgeUrls). Checks, through Varnish:
#   1. after each save, every request gets the new page within 1 s of the save, and keeps getting it (no stale answer after the first new one);
#   2. an unrelated article (another category, no shared tag or writer) stays a cache hit: a save never purges the whole site;
#   3. a purge that fails is retried and logged: Varnish is frozen (SIGSTOP) across a save, and a third purge URL is a closed port;
#   4. only the addresses the VCL lists may purge (a PURGE from 127.0.0.2 gets 403).
# Prints one line per check with its figures and PASS or FAIL, and exits 1 when any check fails. Loopback only; every
# loop is bounded.
#   bench/cdn.sh                   2,000 articles
#   ARTICLES=10000 bench/cdn.sh    a larger site
#   REV=<commit> bench/cdn.sh      the site as it was at another commit
# Needs the .NET SDK; installs Debian's varnish and varnish-modules when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-$(mktemp -d /tmp/stackwise-cdn.XXXXXX)}"
ARTICLES="${ARTICLES:-2000}"
EDITS="${EDITS:-9}"
VARNISH_PORT=6081
DEAD_PORT=6099   # nothing listens here: every purge sent to it fails
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '\n== %s\n' "$*"; }
source "$ROOT/bench/lib/setup.sh"
ensure_tools curl
[ -x /usr/sbin/varnishd ] && [ -e /usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so ] || {
  [ "$(id -u)" -eq 0 ] || SUDO=sudo
  ${SUDO:-} apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${SUDO:-} apt-get install -y -qq varnish varnish-modules >/dev/null
}

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  pkill -CONT -f "varnishd -n $WORK/varnish" 2>/dev/null || true
  pkill -f "varnishd -n $WORK/varnish" 2>/dev/null || true
  remove_source
}
trap cleanup EXIT

publish_site_and_bench "$(/usr/sbin/varnishd -V 2>&1 | head -1)"
CONTENT="$WORK/content"
rm -rf "$CONTENT"
$BENCH generate "$ARTICLES" "$CONTENT" 1 >/dev/null

start_instance() {
  launch_site "$1" "$CONTENT" true "$WORK/site-$1.log" Site__BaseUrl="http://127.0.0.1:$VARNISH_PORT" \
    Cdn__PurgeUrls__0="http://127.0.0.1:$VARNISH_PORT/" Cdn__PurgeUrls__1="http://127.0.0.1:$DEAD_PORT/" Cdn__Timeout=00:00:01 \
    "Serilog__MinimumLevel__Override__Stackwise.Web.Cdn.CdnPurges=Debug"
  PIDS+=("$LAUNCHED_PID")
}
# Varnish first, so each instance's start-up purge (everything: ContentKeys.Site) reaches it.
/usr/sbin/varnishd -n "$WORK/varnish" -a "127.0.0.1:$VARNISH_PORT" -f "$ROOT/bench/varnish/stackwise.vcl" -s malloc,256m \
  -p default_grace=0 -P "$WORK/varnish.pid" >/dev/null
start_instance 5101
start_instance 5102
for port in 5101 5102; do
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "instance $port did not become ready"; cat "$WORK/site-$port.log"; exit 1; }
done
# Both start-up purges done (with their repeat), and both backends healthy, before the first request.
for port in 5101 5102; do
  for _ in $(seq 1 100); do grep -q "CDN purged 1 key of content version 1 at http://127.0.0.1:$VARNISH_PORT/ (sent again)" "$WORK/site-$port.log" && break; sleep 0.1; done
done
for _ in $(seq 1 100); do
  [ "$(varnishadm -n "$WORK/varnish" backend.list 2>/dev/null | grep -c 'healthy')" -ge 2 ] && break; sleep 0.1
done

url() { printf 'http://127.0.0.1:%s%s' "$VARNISH_PORT" "$1"; }
# The h1 of a page and whether Varnish had it (hit or miss), through Varnish.
h1_and_cache() {
  curl -s -D "$WORK/headers" "$(url "$1")" | grep -o '<h1[^>]*>[^<]*' | sed 's/<h1[^>]*>//' | head -1 | tr -d '\n'
  printf '|%s' "$(grep -i '^x-cache:' "$WORK/headers" | tr -d '\r' | sed 's/^[^:]*: *//')"
}
cache_of() { curl -s -o /dev/null -D - "$(url "$1")" | grep -i '^x-cache:' | tr -d '\r' | sed 's/^[^:]*: *//'; }

# The edited article and an unrelated one: another category, no shared tag, no shared writer or reviewer.
EDITED="therapies/synthetic-article-00000"
tags_of() { awk '/^tags:/{f=1;next} f&&/^  - /{print $2;next} {f=0}' "$CONTENT/$1.md"; }
UNRELATED=""
for i in $(seq 1 200); do
  n=$(printf '%05d' "$i"); [ $((i % 8)) -eq 0 ] && continue; [ $((i % 20)) -eq 0 ] || [ $((i % 20)) -eq 1 ] || [ $((i % 20)) -eq 19 ] && continue
  [ $((i % 5)) -eq 0 ] && continue
  candidate="$(sed -n "$((i % 5 + 1))p" <<<$'therapies\nsupplements\npractices\nnutrition\ndevices')/synthetic-article-$n"
  if [ -z "$(comm -12 <(tags_of "$EDITED" | sort -u) <(tags_of "$candidate" | sort -u))" ]; then UNRELATED="$candidate"; break; fi
done
[ -n "$UNRELATED" ] || { echo "no unrelated article found"; exit 1; }
for page in "/$EDITED" "/$UNRELATED"; do for _ in 1 2 3 4; do curl -s -o /dev/null "$(url "$page")"; done; done
[ "$(cache_of "/$UNRELATED")" = "hit" ] || { echo "the unrelated article is not cached before the edits"; exit 1; }

# PASS or FAIL for a check; a failure is written down in a file, since verdicts are printed from subshells ($(...)):
# a variable set there never reached the exit status.
rm -f "$WORK/failed"
verdict() { if [ "$1" = 1 ]; then echo "PASS"; else : >"$WORK/failed"; echo "FAIL"; fi; }

log "1-2. $EDITS title saves to /$EDITED through Varnish at :$VARNISH_PORT (instances :5101 and :5102); /$UNRELATED watched"
file="$CONTENT/$EDITED.md"
original="$(cat "$file")"
latencies=() stale_after=0 unrelated_misses=0
for edit in $(seq 1 "$EDITS"); do
  title="Synthetic CDN Edit $edit-$RANDOM"
  printf '%s\n' "$original" | sed "s/^title: .*/title: $title/" >"$file.tmp" && mv "$file.tmp" "$file"
  start=$(date +%s%N) seen=""
  for _ in $(seq 1 250); do   # 250 x 20 ms: 5 s at most
    [ "$(h1_and_cache "/$EDITED" | cut -d'|' -f1)" = "$title" ] && { seen=$(( ($(date +%s%N) - start) / 1000000 )); break; }
    sleep 0.02
  done
  latencies+=("${seen:-timeout}")
  # Keeps getting it: 40 more requests over 2 s, every one the new title.
  for _ in $(seq 1 40); do [ "$(h1_and_cache "/$EDITED" | cut -d'|' -f1)" = "$title" ] || stale_after=$((stale_after + 1)); sleep 0.05; done
  [ "$(cache_of "/$UNRELATED")" = "hit" ] || { unrelated_misses=$((unrelated_misses + 1)); echo "   the unrelated article missed after save $edit"; }
done
printf '%s\n' "$original" >"$file"
max=0; for l in "${latencies[@]}"; do [ "$l" = timeout ] && max=99999 || { [ "$l" -gt "$max" ] && max=$l; }; done
ok=0; [ "$max" -le 1000 ] && [ "$stale_after" -eq 0 ] && ok=1
printf '   save to new page through Varnish: %s ms (max %s ms, target <= 1000); stale answers after the first new one: %s of %s -> %s\n' \
  "${latencies[*]}" "$max" "$stale_after" "$((EDITS * 40))" "$(verdict $ok)"
ok=0; [ "$unrelated_misses" -eq 0 ] && ok=1
printf '   unrelated article a cache hit after every save: %s misses of %s -> %s\n' "$unrelated_misses" "$EDITS" "$(verdict $ok)"
# A build that sends no purges has no such lines: the run goes on to report the other checks.
purged_per_save=$({ grep -h 'CDN purged' "$WORK/site-5101.log" || true; } | { grep -v 'sent again' || true; } | tail -n "$EDITS" | sed -E 's/.*purged ([0-9]+) keys?.*/\1/' | paste -sd' ')
printf '   keys purged per save (instance :5101): %s\n' "$purged_per_save"

log "3. a purge that fails: Varnish frozen for 2.5 s across a save, and a purge URL where nothing listens"
title="Synthetic CDN Frozen $RANDOM"
pkill -STOP -f "varnishd -n $WORK/varnish"   # the manager and its cache process
printf '%s\n' "$original" | sed "s/^title: .*/title: $title/" >"$file.tmp" && mv "$file.tmp" "$file"
sleep 2.5
pkill -CONT -f "varnishd -n $WORK/varnish"
seen=""
for _ in $(seq 1 250); do [ "$(h1_and_cache "/$EDITED" | cut -d'|' -f1)" = "$title" ] && { seen=1; break; }; sleep 0.02; done
printf '%s\n' "$original" >"$file"
sleep 6   # the closed port's four attempts (0.25 + 1 + 4 s of waits) end in a given-up line
retried=$(cat "$WORK/site-5101.log" "$WORK/site-5102.log" | grep -c "CDN purge at http://127.0.0.1:$VARNISH_PORT/ failed" || true)
dead=$(grep -c "CDN purge at http://127.0.0.1:$DEAD_PORT/ given up after 4 attempts" "$WORK/site-5101.log" || true)
ok=0; [ -n "$seen" ] && [ "$retried" -ge 1 ] && [ "$dead" -ge 1 ] && ok=1
printf '   new page after the thaw: %s; failed purges at Varnish logged (and retried): %s; given-up lines for the closed port: %s -> %s\n' \
  "${seen:+yes}" "$retried" "$dead" "$(verdict $ok)"
{ grep -h "CDN purge at http://127.0.0.1:$VARNISH_PORT/ failed" "$WORK/site-5101.log" "$WORK/site-5102.log" || true; } | head -1 | sed 's/^/   e.g. /'

log "4. purges only from the addresses the VCL lists"
from_listed=$(curl -s -o /dev/null -w '%{http_code}' -X PURGE -H 'xkey-purge: nothing' "$(url /)")
from_other=$(curl -s -o /dev/null -w '%{http_code}' --interface 127.0.0.2 -X PURGE -H 'xkey-purge: site' "$(url /)")
ok=0; [ "$from_listed" = 200 ] && [ "$from_other" = 403 ] && ok=1
printf '   PURGE from 127.0.0.1: %s; from 127.0.0.2: %s -> %s\n' "$from_listed" "$from_other" "$(verdict $ok)"

[ ! -e "$WORK/failed" ]
