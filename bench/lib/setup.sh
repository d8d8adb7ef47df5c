# Set-up shared by the bench scripts (source this file once ROOT and WORK are set).

# Installs Debian's package of each named tool that is missing (wrk, nginx, hugo: package and command share a name).
ensure_tools() {
  local tool sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  for tool in "$@"; do
    command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] && continue
    $sudo_cmd apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "$tool" >/dev/null
  done
}

# Sets SOURCE to the tree to build: this checkout, or with REV=<commit> a worktree of that commit (for before/after
# figures) that remove_source takes away again.
checkout_source() {
  SOURCE="$ROOT"
  if [ -n "${REV:-}" ]; then
    git -C "$ROOT" worktree add --detach "$WORK/source" "$REV" >/dev/null 2>&1
    SOURCE="$WORK/source"
  fi
}
remove_source() { [ -z "${REV:-}" ] || git -C "$ROOT" worktree remove --force "$WORK/source" 2>/dev/null || true; }

# Starts the site published in $WORK/publish on CONTENT at 127.0.0.1:$PORT (WATCH: true or false), logging to
# $WORK/site.log, with the request log lines and the search rate limit out of the way of a load run; sets SITE_PID and
# returns once /readyz answers (fails with the log when the process stops or after 30 s).
start_published_site() {
  launch_site "$PORT" "$1" "$2" "$WORK/site.log"
  SITE_PID=$LAUNCHED_PID
  for _ in $(seq 1 300); do
    curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null && return 0
    kill -0 "$SITE_PID" 2>/dev/null || break   # it stopped: no point waiting
    sleep 0.1
  done
  echo "the site did not become ready"; cat "$WORK/site.log"; return 1
}

# Starts the site published in $WORK/publish on CONTENT at 127.0.0.1:PORT, the watch on or off, logging to LOG, with
# any more settings as NAME=VALUE words after them (a later one wins); sets LAUNCHED_PID and returns at once: waiting
# for it to be ready is the caller's (bench/cdn.sh, bench/scale.sh).
launch_site() {
  local port="$1" content="$2" watch="$3" log_file="$4"; shift 4
  (cd "$WORK/publish" && exec env ASPNETCORE_ENVIRONMENT=Production Content__Root="$content" Content__Watch="$watch" \
    Site__BaseUrl="http://127.0.0.1:$port" Site__RedirectToHttps=false SearchRateLimit__PermitLimit=100000000 \
    "Serilog__MinimumLevel__Override__Stackwise.Web.Hardening.RequestLogMiddleware=Warning" "$@" \
    dotnet Stackwise.Web.dll --urls "http://127.0.0.1:$port" >"$log_file" 2>&1) &
  LAUNCHED_PID=$!
}

# dotnet-dump in $WORK/tools, for live_heap_bytes.
ensure_dotnet_dump() {
  [ -x "$WORK/tools/dotnet-dump" ] || dotnet tool install --tool-path "$WORK/tools" dotnet-dump --version 10.0.750501 >/dev/null
}

# The live managed heap of process PID in bytes: what a forced full GC would keep, measured exactly by walking the heap
# from its roots in a heap dump (dotnet-dump, `dumpheap -stat -live`). dotnet-gcdump's total was tried first: it is
# sampled over a lossy event stream on .NET 10 and wandered by 10-25% between runs with no change in the live objects.
# Prints nothing when no dump could be read (tried twice); the tool's output is kept in $WORK/dotnet-dump.log.
live_heap_bytes() {
  local totals; totals=$(live_and_pinned_heap_bytes "$1")
  echo "${totals%% *}"
}

# The live managed heap of process PID and the part of it in the pinned object heap, in bytes, from one heap dump: "TOTAL
# PINNED". The pinned heap is Kestrel's socket buffers (4 KB blocks its memory pool keeps at the peak of response bytes in
# flight), which grows with the load's concurrency rather than with anything the site keeps (docs/performance.md, its introduction).
live_and_pinned_heap_bytes() {
  local totals="" attempt
  for attempt in 1 2; do
    if "$WORK/tools/dotnet-dump" collect -p "$1" --type Heap -o "$WORK/heap-$1.dmp" >"$WORK/dotnet-dump.log" 2>&1; then
      totals=$("$WORK/tools/dotnet-dump" analyze "$WORK/heap-$1.dmp" -c "dumpheap -stat -live" -c "dumpheap -stat -live -gen poh" -c exit \
        2>>"$WORK/dotnet-dump.log" | awk '/^Total/ { gsub(",", "", $4); printf "%s ", $4 }')
    fi
    rm -f "$WORK/heap-$1.dmp"
    [ "$(echo "$totals" | wc -w)" -eq 2 ] && break
    totals=""
  done
  echo "$totals"
}

# Publishes the checkout (or REV) in Release into $WORK/publish and builds the bench tool (BENCH runs it), saying which
# commit, CPU and cores (and the words given, such as a tool's version) the figures that follow come from.
publish_site_and_bench() {
  mkdir -p "$WORK"
  checkout_source
  printf '\n== %s\n' "building $(git -C "$SOURCE" rev-parse --short HEAD) (Release) into $WORK; $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores${1:+; $1}"
  # Quiet unless a build fails: then its errors are shown (and the script stops).
  dotnet publish "$SOURCE/src/Stackwise.Web" -c Release -o "$WORK/publish" -v quiet -nologo >"$WORK/build.log" 2>&1 \
    && dotnet build "$ROOT/bench/Stackwise.Benchmarks" -c Release -v quiet -nologo >>"$WORK/build.log" 2>&1 \
    || { echo "the build failed:"; grep -E ' error ' "$WORK/build.log" | sort -u | head -20; return 1; }
  BENCH="dotnet $ROOT/bench/Stackwise.Benchmarks/bin/Release/net10.0/Stackwise.Benchmarks.dll"
}

# Publishes the checkout (or REV) in Release into $WORK/publish, writes $ARTICLES synthetic articles plus the real
# content into $WORK/content, and starts the site on it without a watch; the script's cleanup stops it (SITE_PID) and
# calls remove_source.
publish_corpus_and_start() {
  publish_corpus
  start_published_site "$WORK/content" false
}

# Publishes as publish_site_and_bench does (its argument too) and writes $ARTICLES synthetic articles plus the real content
# into a fresh $WORK/content.
publish_corpus() {
  publish_site_and_bench "$@"
  rm -rf "$WORK/content"
  $BENCH generate "$ARTICLES" "$WORK/content" 1 >/dev/null
  cp -r "$ROOT/content/." "$WORK/content/"
}

# The site's resident memory in MB.
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$SITE_PID/status"; }

