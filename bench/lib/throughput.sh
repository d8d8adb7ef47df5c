# Throughput measuring shared by the bench scripts: medians and ratios of wrk rounds, nginx and the bare Kestrel control.
# Source it once these are set: ROOT (the checkout), WORK (a scratch folder), NGINX (nginx's binary), BENCH (the command
# that runs bench/Stackwise.Benchmarks), CONNECTIONS and DURATION (wrk's -c and -d), CONTROL_PORT, and PIDS (an array
# the caller's clean-up kills).

# The median of the numbers on standard input, one a line; "n/a" when there are none.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "n/a" } else if (NR % 2) { print v[(NR + 1) / 2] } else { print (v[NR / 2] + v[NR / 2 + 1]) / 2 } }'; }

# A / B to two decimals, or "n/a" when either is not a positive number (a wrk run that printed no rate).
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a + 0 > 0 && b + 0 > 0) printf "%.2f", a / b; else printf "n/a" }'; }

# The median of the rounds' own ratios A / B, from two files of wrk_round lines written in the same rounds: on a shared host
# a round's runs are minutes closer to each other than to the other rounds', so this moves less than the ratio of the
# two medians.
# A round without a rate on either side makes it "n/a".
round_ratio() {
  local ratios; ratios=$(paste -d' ' <(awk '{ print $1 }' "$1") <(awk '{ print $1 }' "$2") | awk 'NF == 2 && $1 + 0 > 0 && $2 + 0 > 0 { print $1 / $2; next } { print "bad" }')
  if [ -z "$ratios" ] || grep -q bad <<<"$ratios"; then printf 'n/a'; else median <<<"$ratios" | awk '{ printf "%.2f", $1 }'; fi
}

# Starts nginx NAME (bench/nginx/static.conf, or proxy-cache.conf for "proxy") serving ROOT on PORT, the proxy in front of
# UPSTREAM; its headers come from $WORK/nginx-NAME/headers.conf (add_header lines) when the caller wrote one.
start_nginx() {
  local name="$1" root="$2" port="$3" upstream="${4:-}"
  mkdir -p "$WORK/nginx-$name"
  [ -f "$WORK/nginx-$name/headers.conf" ] || : >"$WORK/nginx-$name/headers.conf"
  sed -e "s|PREFIX|$WORK/nginx-$name|g" -e "s|ROOT|$root|g" -e "s|PORT|$port|g" -e "s|UPSTREAM|$upstream|g" \
    "$ROOT/bench/nginx/$( [ "$name" = proxy ] && echo proxy-cache || echo static ).conf" >"$WORK/nginx-$name/nginx.conf"
  "$NGINX" -p "$WORK/nginx-$name" -c "$WORK/nginx-$name/nginx.conf" -e "$WORK/nginx-$name/error.log"
  for _ in $(seq 1 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0; sleep 0.05; done
  echo "nginx ($name) did not start; see $WORK/nginx-$name/error.log" >&2; return 1
}

# Stops nginx NAME and waits (at most 5 s) until it has gone, so that the next one can take its port.
stop_nginx() {
  local pid_file="$WORK/nginx-$1/nginx.pid"
  [ -f "$pid_file" ] || return 0
  kill "$(cat "$pid_file")" 2>/dev/null || true
  for _ in $(seq 1 100); do [ -f "$pid_file" ] || return 0; sleep 0.05; done
}

# "Name: value" lines on standard input as nginx add_header lines.
as_nginx_headers() { sed -E 's/^([^:]+): (.*)$/add_header \1 "\2";/'; }

# wrk one round: prints "requests_per_second p50_ms p99_ms", the rate "n/a" when wrk printed none. When wrk fails (it
# could not connect) the pipeline fails with it, so a caller under `set -eo pipefail` stops unless it handles that.
wrk_round() {
  wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency "$@" | awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /s$/) return v * 1000; return v }
    /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
    /Socket errors/ { errors = $0 }
    END { printf "%s %.3f %.3f\n", (rps == "" ? "n/a" : rps), p50, p99; if (errors != "") print errors > "/dev/stderr" }'
}

# Starts the bare Kestrel control on CONTROL_PORT answering with FILE and HEADERS; sets CONTROL_PID.
start_control() {
  $BENCH serve "$1" "$CONTROL_PORT" "$2" &
  CONTROL_PID=$!
  PIDS+=("$CONTROL_PID")
  for _ in $(seq 1 100); do curl -fs -o /dev/null "http://127.0.0.1:$CONTROL_PORT/" && break; sleep 0.05; done
}
# Stops the bare Kestrel control started last.
stop_control() { kill "$CONTROL_PID" 2>/dev/null || true; wait "$CONTROL_PID" 2>/dev/null || true; }
