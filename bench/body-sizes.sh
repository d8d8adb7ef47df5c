#!/usr/bin/env bash
# The platform's own curve under target 1's pages: nginx (one worker, sendfile) against the bare Kestrel control, both
# sending the same bytes with the same headers, over body sizes from 4 KB to 1 MB. nginx hands the kernel the file's
# pages; Kestrel copies the body into its buffers and then into the socket, so its rate against nginx falls as the body
# grows. A page's "stackwise / nginx" in bench/run.sh is its "stackwise / bare kestrel" times this curve at its size
# ("The feed" in docs/performance.md's known limits). No Stackwise code runs here. Loopback only, every run bounded (about
# 8 minutes with the defaults).
#   bench/body-sizes.sh
#   SIZES="16 24 32" ROUNDS=4 bench/body-sizes.sh    a quicker look (sizes in KB)
# Needs the .NET SDK; installs Debian's nginx and wrk when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/stackwise-body-sizes.XXXXXX)"
chmod 755 "$WORK"   # nginx workers run as an unprivileged user: they must be able to read the files under it
SIZES="${SIZES:-4 8 16 24 32 48 64 128 1024}"
ROUNDS="${ROUNDS:-6}"
DURATION="${DURATION:-3s}"
CONNECTIONS="${CONNECTIONS:-64}"
NGINX_PORT=5188 CONTROL_PORT=5189
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
source "$ROOT/bench/lib/setup.sh"
source "$ROOT/bench/lib/throughput.sh"
ensure_tools nginx wrk
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"

PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  stop_nginx sizes
  rm -rf "$WORK"
}
trap cleanup EXIT

dotnet build "$ROOT/bench/Stackwise.Benchmarks" -c Release -v quiet -nologo >"$WORK/build.log" 2>&1 || { cat "$WORK/build.log"; exit 1; }
BENCH="dotnet $ROOT/bench/Stackwise.Benchmarks/bin/Release/net10.0/Stackwise.Benchmarks.dll"
echo "host: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; wrk -t1 -c$CONNECTIONS -d$DURATION, $ROUNDS rounds a size, alternating which server goes first"

# The same headers from both, written the way each server takes them (the control reads "Name: value" lines).
mkdir -p "$WORK/root" "$WORK/nginx-sizes"
printf '%s\n' 'Cache-Control: public, max-age=300' 'X-Content-Type-Options: nosniff' 'Referrer-Policy: strict-origin-when-cross-origin' >"$WORK/headers.txt"
as_nginx_headers <"$WORK/headers.txt" >"$WORK/nginx-sizes/headers.conf"

for kb in $SIZES; do
  # (yes in a process substitution: in a pipeline, its SIGPIPE would fail the script under pipefail)
  head -c $(( kb * 1024 )) < <(yes '<p>Synthetic text that stands in for a page body of this size; the servers never read it.</p>') >"$WORK/root/index.html"
  start_nginx sizes "$WORK/root" "$NGINX_PORT"
  start_control "$WORK/root/index.html" "$WORK/headers.txt"
  for port in "$NGINX_PORT" "$CONTROL_PORT"; do
    if ! cmp -s "$WORK/root/index.html" <(curl -fs "http://127.0.0.1:$port/"); then
      echo "127.0.0.1:$port does not send the $kb KB body" >&2; exit 1
    fi
  done
  : >"$WORK/wrk-nginx"; : >"$WORK/wrk-kestrel"
  for port in "$NGINX_PORT" "$CONTROL_PORT"; do wrk -t1 -c"$CONNECTIONS" -d3s "http://127.0.0.1:$port/" >/dev/null; done
  for round in $(seq 1 "$ROUNDS"); do
    if (( round % 2 )); then order=(nginx kestrel); else order=(kestrel nginx); fi
    for name in "${order[@]}"; do
      port=$([ "$name" = nginx ] && echo "$NGINX_PORT" || echo "$CONTROL_PORT")
      wrk_round "http://127.0.0.1:$port/" >>"$WORK/wrk-$name" || { echo "$kb KB: $name stopped answering (round $round)" >&2; exit 1; }
    done
  done
  stop_nginx sizes; stop_control
  if grep -q '^n/a' "$WORK/wrk-nginx" "$WORK/wrk-kestrel"; then
    echo "$kb KB: a server did not answer in every round (wrk printed no rate); no figure for this size" >&2; exit 1
  fi
  n=$(awk '{ print $1 }' "$WORK/wrk-nginx" | median); k=$(awk '{ print $1 }' "$WORK/wrk-kestrel" | median)
  printf '%5s KB: bare kestrel %9s, nginx %9s req/s; bare kestrel / nginx = %s (rounds: %s)\n' \
    "$kb" "$k" "$n" "$(ratio "$k" "$n")" "$(round_ratio "$WORK/wrk-kestrel" "$WORK/wrk-nginx")"
done
