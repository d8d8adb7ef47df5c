#!/usr/bin/env bash
# Runs the MDN HTTP Observatory's own tests (npm package @mdn/mdn-http-observatory, pinned in
# bench/observatory/package-lock.json) against a local Production run of Stackwise on plain HTTP, page by page.
# Every test that applies to plain HTTP must pass; redirection and HSTS need TLS and are reported as n/a
# (tests/Stackwise.Web.Tests/Hardening/TransportTests.cs covers them). Loopback only. Needs the .NET SDK and
# Node.js with npm (installed from Debian when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d /tmp/stackwise-observatory.XXXXXX)"
PORT="${PORT:-5184}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if ! command -v npm >/dev/null; then
  sudo_cmd=""; [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq nodejs npm >/dev/null
fi
cd "$ROOT/bench/observatory"
# --ignore-scripts: the package's postinstall downloads the HSTS preload list from the internet. A local address
# is on no preload list, so an empty one stands in for it.
[ -d node_modules ] || npm ci --ignore-scripts --no-audit --no-fund --silent
preload=node_modules/@mdn/mdn-http-observatory/conf/hsts-preload.json
[ -f "$preload" ] || echo '{}' >"$preload"

dotnet publish "$ROOT/src/Stackwise.Web" -c Release -o "$WORK/publish" -v quiet -nologo >/dev/null
(cd "$WORK/publish" && exec env ASPNETCORE_ENVIRONMENT=Production Content__Root="$ROOT/content" Content__Watch=false \
  Site__RedirectToHttps=false dotnet Stackwise.Web.dll --urls "http://127.0.0.1:$PORT" >"$WORK/site.log" 2>&1) &
SITE_PID=$!
trap 'kill $SITE_PID 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && break
  sleep 0.1
done

status=0
for path in / /therapies/ketamine-assisted-therapy /categories/psychedelic-therapy /risk/moderate /terms \
  "/search?q=ketamine" /no-such-page /sitemap.xml /feed.xml /favicon.svg; do
  echo "== http://127.0.0.1:$PORT$path"
  node scan-local.js "$PORT" "$path" || status=1
done
exit $status
