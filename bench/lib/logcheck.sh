# Error detectors for the site's log, shared by every bench script (source this file).
# The patterns follow the console template in src/Stackwise.Web/appsettings.json: "[HH:mm:ss LVL] Source: message".
# Each script runs logcheck_selftest first: a detector that cannot find the errors in a real failing log
# (bench/detectors/real-error.log, captured from a feed that answered 500) stops the script instead of passing it.

# Lines logged at Error or Fatal level; a second argument (an extended regex) leaves out the errors a script expects.
logcheck_errors() {
  grep -E '^\[[0-9]{2}:[0-9]{2}:[0-9]{2} (ERR|FTL)\]' "$1" | { if [ -n "${2:-}" ]; then grep -vE "$2"; else cat; fi; } | grep -c . || true
}
# Request lines whose response was a 5xx (the request log writes "HTTP GET /path responded 500 in 1.2 ms").
logcheck_5xx() { grep -cE 'HTTP [A-Z]+ [^ ]+ responded 5[0-9]{2} ' "$1" || true; }
# Exceptions that escaped a request (ASP.NET Core writes "An unhandled exception has occurred ...").
logcheck_unhandled() { grep -ci 'unhandled exception' "$1" || true; }
# Request lines of any status: zero means the request log is off and the 5xx check above could not see anything.
logcheck_requests() { grep -cE 'HTTP [A-Z]+ [^ ]+ responded [0-9]{3} ' "$1" || true; }

# Feeds each detector the real failing log and a clean one; returns non-zero (and says which) when one is blind.
logcheck_selftest() {
  local dir failing clean ok=0
  dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/../detectors" && pwd)"
  failing="$dir/real-error.log"; clean="$dir/clean.log"
  [ "$(logcheck_errors "$failing")" -ge 2 ] || { echo "logcheck: error-line detector missed the errors in $failing"; ok=1; }
  [ "$(logcheck_errors "$failing" 'is missing; serving')" -ge 2 ] || { echo "logcheck: error-line detector with an exclusion missed the errors in $failing"; ok=1; }
  [ "$(logcheck_5xx "$failing")" -ge 1 ] || { echo "logcheck: 5xx detector missed the 500 in $failing"; ok=1; }
  [ "$(logcheck_unhandled "$failing")" -ge 1 ] || { echo "logcheck: unhandled-exception detector missed it in $failing"; ok=1; }
  [ "$(logcheck_requests "$failing")" -ge 2 ] || { echo "logcheck: request-line detector missed the requests in $failing"; ok=1; }
  [ "$(logcheck_errors "$clean")$(logcheck_5xx "$clean")$(logcheck_unhandled "$clean")" = 000 ] || { echo "logcheck: a detector fires on the clean log $clean"; ok=1; }
  [ "$(logcheck_requests "$clean")" -ge 1 ] || { echo "logcheck: request-line detector missed the requests in $clean"; ok=1; }
  return $ok
}
