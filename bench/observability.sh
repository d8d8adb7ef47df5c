#!/usr/bin/env bash
# Stackwise's telemetry against a real Prometheus (issue 37). Debian's Prometheus 2.42 scrapes the site's own listener
# (Telemetry:PrometheusUrl) every second while wrk loads it and a few saves reload it; the script then asks Prometheus's
# HTTP API what an operator would ask and checks each answer against what wrk and the site's log measured:
#   1. requests: the article requests Prometheus counted equal wrk's count (within the connections still open at its end),
#      and the rate it saw is wrk's rate;
#   2. p99 by page kind: every kind the crawl asked for has a series, and the article p99 is within wrk's (the server's
#      time is part of the client's) to a bucket;
#   3. reloads: the reload count and total time match the "Content loaded" log lines, and the content version Prometheus
#      has is the last one logged;
#   4. cost: article throughput of an instance with telemetry on (scraped each second) against one with it off, the same
#      bytes, alternating rounds: target >= 0.97.
# Prints one line per check with its figures and PASS or FAIL, and exits 1 when any fails. Loopback only; every loop is
# bounded.
#   bench/observability.sh                         2,000 articles, 5 rounds of 10 s
#   ARTICLES=10000 ROUNDS=7 bench/observability.sh
#   REV=<commit> bench/observability.sh            the site as it was at another commit
# Needs the .NET SDK; installs Debian's prometheus, wrk and jq when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-$(mktemp -d /tmp/stackwise-observability.XXXXXX)}"
mkdir -p "$WORK"
ARTICLES="${ARTICLES:-2000}"
ROUNDS="${ROUNDS:-5}"
DURATION="${DURATION:-10s}"
CONNECTIONS="${CONNECTIONS:-64}"
EDITS="${EDITS:-5}"
OFF_PORT=5191 ON_PORT=5192 SCRAPE_PORT=5193 PROMETHEUS_PORT=5194
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

log() { printf '\n== %s\n' "$*"; }
# PASS or FAIL for a check; a failure is written down in a file, since verdicts are printed from subshells ($(...)).
rm -f "$WORK/failed"
verdict() { if [ "$1" = 1 ]; then echo "PASS"; else : >"$WORK/failed"; echo "FAIL"; fi; }
source "$ROOT/bench/lib/setup.sh"
source "$ROOT/bench/lib/throughput.sh"
ensure_tools curl wrk jq prometheus

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  remove_source
}
trap cleanup EXIT

publish_corpus "$(prometheus --version 2>&1 | head -1)"
CONTENT="$WORK/content"

# Off: no telemetry setting, as today. On: the scrape listener. Both watch the folder and keep the request log down to
# warnings, as the bench's other scripts do.
launch_site "$OFF_PORT" "$CONTENT" true "$WORK/site-off.log"
PIDS+=("$LAUNCHED_PID")
launch_site "$ON_PORT" "$CONTENT" true "$WORK/site-on.log" Telemetry__PrometheusUrl="http://127.0.0.1:$SCRAPE_PORT/metrics"
PIDS+=("$LAUNCHED_PID")
for port in "$OFF_PORT" "$ON_PORT"; do
  for _ in $(seq 1 600); do curl -fs "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
  curl -fs "http://127.0.0.1:$port/readyz" >/dev/null || { echo "instance $port did not become ready"; cat "$WORK"/site-*.log; exit 1; }
done

mkdir -p "$WORK/prometheus"
cat >"$WORK/prometheus/prometheus.yml" <<EOF
global:
  scrape_interval: 1s
  evaluation_interval: 1s
scrape_configs:
  - job_name: stackwise
    static_configs:
      - targets: ["127.0.0.1:$SCRAPE_PORT"]
EOF
prometheus --config.file="$WORK/prometheus/prometheus.yml" --storage.tsdb.path="$WORK/prometheus/data" \
  --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" >"$WORK/prometheus/prometheus.log" 2>&1 &
PIDS+=("$!")
PROMETHEUS="http://127.0.0.1:$PROMETHEUS_PORT"
# One value from an instant query (the first series' value; "none" when there is no series).
query() { curl -fsG "$PROMETHEUS/api/v1/query" --data-urlencode "query=$1" | jq -r '.data.result[0].value[1] // "none"'; }
# Waits until Prometheus has a scrape that began after now (the site collects at each scrape), so what it answers covers
# everything done before.
settle() {
  local asked; asked=$(date +%s.%N)
  for _ in $(seq 1 100); do
    awk -v t="$(query 'timestamp(up{job="stackwise"})')" -v a="$asked" 'BEGIN { exit !(t + 0 > a + 0) }' && return 0
    sleep 0.1
  done
  echo "Prometheus scraped nothing in the 10 s after $asked; see $WORK/prometheus/prometheus.log"; exit 1
}
for _ in $(seq 1 100); do [ "$(query 'up{job="stackwise"}' 2>/dev/null || true)" = 1 ] && break; sleep 0.2; done
[ "$(query 'up{job="stackwise"}')" = 1 ] || { echo "Prometheus does not see the site up"; cat "$WORK/prometheus/prometheus.log"; exit 1; }

ARTICLE="/therapies/synthetic-article-00000"
SAVED="$CONTENT/therapies/synthetic-article-00005.md"
for path in "$ARTICLE" "/therapies/$(basename "$SAVED" .md)"; do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$ON_PORT$path")" = 200 ] || { echo "$path is not a page of the corpus"; exit 1; }
done

log "2. one request of each page kind, then every kind's series"
declare -A KINDS=(
  [/]=list [$ARTICLE]=article [/about]=page [/categories/psychedelic-therapy]=list [/search?q=synthetic]=search
  [/feed.xml]=feed [/sitemap.xml]=sitemap [/robots.txt]=sitemap [/cards$ARTICLE.png]=card [/css/site.css]=asset
  [/no/such/page]=error [/healthz]=health [/Therapies/Synthetic-Article-00000]=redirect
)
for path in "${!KINDS[@]}"; do curl -s -o /dev/null "http://127.0.0.1:$ON_PORT$path"; done
settle
missing=""
for kind in $(printf '%s\n' "${KINDS[@]}" | sort -u); do
  [ "$(query "sum(http_server_request_duration_seconds_count{http_route=\"$kind\"})")" = none ] && missing+=" $kind"
done
unlabelled=$(query 'count(http_server_request_duration_seconds_count{http_route=""})')
ok=0; [ -z "$missing" ] && [ "$unlabelled" = none ] && ok=1
printf '   kinds with a series: %s; missing:%s; series without a route: %s -> %s\n' \
  "$(printf '%s\n' "${KINDS[@]}" | sort -u | paste -sd' ')" "${missing:- none}" "${unlabelled/none/0}" "$(verdict $ok)"

log "1. wrk on $ARTICLE for $DURATION ($CONNECTIONS connections), counted by wrk and by Prometheus"
before=$(query "sum(http_server_request_duration_seconds_count{http_route=\"article\"})")
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "http://127.0.0.1:$ON_PORT$ARTICLE" >"$WORK/wrk-counted.txt"
rate_during=$(query 'sum(rate(http_server_request_duration_seconds_count{http_route="article"}[5s]))' | sed 's/none/0/')
! grep -q "Non-2xx" "$WORK/wrk-counted.txt" || { echo "wrk got answers other than 200:"; cat "$WORK/wrk-counted.txt"; exit 1; }
settle
after=$(query "sum(http_server_request_duration_seconds_count{http_route=\"article\"})")
wrk_count=$(awk '/requests in/ { print $1 }' "$WORK/wrk-counted.txt")
wrk_rate=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk-counted.txt")
wrk_p99=$(awk '/^ +99%/ { v = $2; if (v ~ /us$/) v = v / 1000; else if (v ~ /ms$/) v = v + 0; else if (v ~ /s$/) v = v * 1000; print v }' "$WORK/wrk-counted.txt")
counted=$(awk -v a="$after" -v b="$before" 'BEGIN { printf "%.0f", a - b }')
ok=$(awk -v c="$counted" -v w="$wrk_count" -v n="$CONNECTIONS" 'BEGIN { d = c - w; print (d >= 0 && d <= n) ? 1 : 0 }')
printf '   requests: wrk %s, Prometheus %s (may exceed wrk by the %s still open when it stopped) -> %s\n' "$wrk_count" "$counted" "$CONNECTIONS" "$(verdict "$ok")"
ok=$(awk -v p="$rate_during" -v w="$wrk_rate" 'BEGIN { print (p + 0 > 0 && p / w >= 0.85 && p / w <= 1.15) ? 1 : 0 }')
printf '   rate: wrk %s/s, Prometheus rate() over the last 5 s of the run %.0f/s -> %s\n' "$wrk_rate" "$rate_during" "$(verdict "$ok")"
p99_query='histogram_quantile(0.99, sum by (le) (rate(http_server_request_duration_seconds_bucket{http_route="article"}[1m])))'
server_p99=$(query "$p99_query" | awk '{ printf "%.3f", $1 * 1000 }')
# The bucket above the server's p99 bounds it: the server's p99 lies within wrk's when that bucket's bound is no more than
# wrk's p99, or wrk's p99 falls in that very bucket.
bound=$(awk -v p="$server_p99" 'BEGIN { split("0.1 0.25 0.5 1 2.5 5 10 25 50 100 250 500 1000 2500 5000 10000 30000", b, " "); for (i = 1; i <= 17; i++) if (p <= b[i]) { print b[i]; exit } print "inf" }')
ok=$(awk -v s="$server_p99" -v w="$wrk_p99" -v b="$bound" 'BEGIN { print (s + 0 > 0 && (s <= w || b + 0 >= w)) ? 1 : 0 }')
printf '   article p99: server (Prometheus, histogram_quantile) %s ms, client (wrk) %s ms; the server bucket ends at %s ms -> %s\n' \
  "$server_p99" "$wrk_p99" "$bound" "$(verdict "$ok")"

log "3. $EDITS saves to $(basename "$SAVED"), each waited for, then the reloads as Prometheus and the log have them"
original="$(cat "$SAVED")"
url_of_saved="/therapies/$(basename "$SAVED" .md)"
for edit in $(seq 1 "$EDITS"); do
  title="Synthetic Observability Edit $edit-$RANDOM"
  printf '%s\n' "$original" | sed "s/^title: .*/title: $title/" >"$SAVED.tmp" && mv "$SAVED.tmp" "$SAVED"
  for _ in $(seq 1 250); do curl -s "http://127.0.0.1:$ON_PORT$url_of_saved" | grep -q "$title" && break; sleep 0.02; done
done
printf '%s\n' "$original" >"$SAVED"
for _ in $(seq 1 250); do curl -s "http://127.0.0.1:$ON_PORT$url_of_saved" | grep -q "Synthetic Observability Edit" || break; sleep 0.02; done
settle
logged=$(grep -c 'Content loaded:' "$WORK/site-on.log")
logged_ms=$(grep 'Content loaded:' "$WORK/site-on.log" | tail -n +2 | sed -E 's/.* in ([0-9]+) ms;.*/\1/' | awk '{ s += $1 } END { print s + 0 }')
logged_version=$(grep 'Content loaded:' "$WORK/site-on.log" | tail -1 | sed -E 's/.*version ([0-9]+) is online.*/\1/')
reloads=$(query 'sum(stackwise_content_reload_duration_seconds_count{stackwise_reload_trigger="change",stackwise_outcome="swapped"})')
reload_ms=$(query 'sum(stackwise_content_reload_duration_seconds_sum{stackwise_reload_trigger="change",stackwise_outcome="swapped"})' | awk '{ printf "%.0f", $1 * 1000 }')
version=$(query 'stackwise_content_version')
ok=0; [ "$reloads" = "$((logged - 1))" ] && ok=1
printf '   reloads after the start: log %s, Prometheus %s -> %s\n' "$((logged - 1))" "$reloads" "$(verdict $ok)"
# Each log line rounds its time down to a whole millisecond and is written just after the measurement.
ok=$(awk -v p="$reload_ms" -v l="$logged_ms" -v n="$((logged - 1))" 'BEGIN { d = p - l; print (d >= -1 && d <= n + 1) ? 1 : 0 }')
printf '   reload time in total: log %s ms, Prometheus %s ms -> %s\n' "$logged_ms" "$reload_ms" "$(verdict "$ok")"
ok=0; [ "$version" = "$logged_version" ] && ok=1
printf '   content version online: log %s, Prometheus %s -> %s\n' "$logged_version" "$version" "$(verdict $ok)"
printf '   the questions of docs/observability.md: instances on distinct content %s, refused files %s, overdue reviews %s, zero-result searches %s\n' \
  "$(query 'count(count_values("fingerprint", stackwise_content_fingerprint))')" \
  "$(query 'sum(stackwise_content_files_refused)')" "$(query 'sum(stackwise_content_reviews{stackwise_review_state="overdue"})')" \
  "$(query 'sum(stackwise_search_zero_results_total)' | sed 's/none/0/')"

log "4. cost: $ROUNDS alternating rounds of $DURATION on $ARTICLE, telemetry off (:$OFF_PORT) and on (:$ON_PORT, scraped each second)"
# The instance without telemetry gets the load the other had in checks 1-2 first, so both have served alike; then each
# round runs both, in turns (off first in odd rounds, on first in even ones), so a drift of the host weighs on both.
wrk -t1 -c"$CONNECTIONS" -d"$DURATION" "http://127.0.0.1:$OFF_PORT$ARTICLE" >/dev/null
for url in "$OFF_PORT$ARTICLE" "$ON_PORT$ARTICLE"; do wrk -t1 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$url" >/dev/null; done
: >"$WORK/wrk-off"; : >"$WORK/wrk-on"
cost_round() { wrk_round "http://127.0.0.1:$2$ARTICLE" | tee -a "$WORK/wrk-$1" | sed "s/^/   $1 round $3: rps p50_ms p99_ms = /"; }
for round in $(seq 1 "$ROUNDS"); do
  if [ $((round % 2)) = 1 ]; then cost_round off "$OFF_PORT" "$round"; cost_round on "$ON_PORT" "$round"
  else cost_round on "$ON_PORT" "$round"; cost_round off "$OFF_PORT" "$round"; fi
done
cost=$(round_ratio "$WORK/wrk-on" "$WORK/wrk-off")
ok=$(awk -v r="$cost" 'BEGIN { print (r + 0 >= 0.97) ? 1 : 0 }')
printf '   throughput on / off: %s (median of the rounds'"'"' ratios; off median %s, on median %s requests/s; target >= 0.97) -> %s\n' \
  "$cost" "$(awk '{ print $1 }' "$WORK/wrk-off" | median)" "$(awk '{ print $1 }' "$WORK/wrk-on" | median)" "$(verdict "$ok")"
printf '   resident memory: off %s MB, on %s MB\n' "$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${PIDS[0]}/status")" \
  "$(awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/${PIDS[1]}/status")"

[ ! -e "$WORK/failed" ] && log "every check passed" || { log "a check failed"; exit 1; }
