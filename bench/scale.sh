#!/usr/bin/env bash
# Stackwise at 50,000 and 100,000 articles (issue 34), each figure beside its target:
#   start: ready at 50,000 against Hugo building the same corpus (same run), ready at 100,000 against ready at 50,000;
#   at 100,000: RSS at ready, after 60 s of mixed load and after 50 saves; the first search answered after ready;
#   9 saves of four kinds (title, body, category, a writer's name): edit-to-live and the reload's own log line;
#   article p99 under load while a file is saved every second; the slowest request while 50,000 files change at once.
# Loopback only; every loop is bounded. Takes 15-25 minutes on 2 cores (most of it generating corpora and Hugo).
#   bench/scale.sh                    both sizes, Hugo at 50,000
#   SIZES=100000 HUGO=0 bench/scale.sh   only 100,000, no Hugo
#   REV=<commit> bench/scale.sh       the site as it was at another commit
# Needs the .NET SDK; installs Debian's wrk and hugo when missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_WORK:-/tmp/stackwise-scale}"
SIZES="${SIZES:-50000 100000}"
HUGO="${HUGO:-1}"
PORT=5190
ARTICLE="/therapies/synthetic-article-00000"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$WORK"

log() { printf '\n== %s\n' "$*"; }
now_ms() { date +%s%3N; }
source "$ROOT/bench/lib/setup.sh"
ensure_tools wrk hugo curl

SITE_PID=""
cleanup() { [ -n "$SITE_PID" ] && kill "$SITE_PID" 2>/dev/null || true; remove_source; }
trap cleanup EXIT
publish_site_and_bench

# The site on a corpus with the watch on; sets SITE_PID and READY_MS (process start to /readyz and an article both 200).
start_site() {
  local start; start=$(now_ms)
  launch_site "$PORT" "$1" true "$WORK/site.log"
  SITE_PID=$LAUNCHED_PID
  for _ in $(seq 1 18000); do   # 10 ms apart: 180 s at most
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/readyz" && curl -fs -o /dev/null "http://127.0.0.1:$PORT$ARTICLE"; then
      READY_MS=$(( $(now_ms) - start )); return 0
    fi
    kill -0 "$SITE_PID" 2>/dev/null || { cat "$WORK/site.log"; return 1; }
    sleep 0.01
  done
  echo "the site was not ready within 180 s" >&2; return 1
}
stop_site() { kill "$SITE_PID" 2>/dev/null || true; wait "$SITE_PID" 2>/dev/null || true; SITE_PID=""; }
verdict() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + 0 <= b + 0) ? "PASS" : "FAIL" }'; }

declare -A READY
for n in $SIZES; do
  corpus="$WORK/corpus-$n"
  [ -f "$corpus/.complete" ] || { rm -rf "$corpus"; $BENCH generate "$n" "$corpus" 1 >/dev/null; touch "$corpus/.complete"; }
  log "$n articles: start"
  start_site "$corpus" && READY[$n]=$READY_MS
  rss_ready=$(rss_mb)
  start=$(now_ms)
  curl -fs -o /dev/null --max-time 300 "http://127.0.0.1:$PORT/search?q=garden" || true
  search_ms=$(( $(now_ms) - start ))
  echo "   ready in ${READY_MS} ms; RSS at ready ${rss_ready} MB (target <= 1024 at 100,000); first search answered ${search_ms} ms after ready (target <= 30,000)"

  if [ "$n" = 100000 ] || [ "$SIZES" = "$n" ]; then
    log "$n articles: 9 saves of four kinds (edit-to-live, the reload's log line)"
    file="$corpus/therapies/synthetic-article-00000.md"
    person="$corpus/people/synthetic-writer-00.md"
    cp "$file" "$WORK/original.md"; cp "$person" "$WORK/original-person.md"
    : >"$WORK/edits"
    for i in $(seq 1 9); do
      marker="Scale Marker $i $RANDOM"
      case $((i % 4)) in
        1) kind=title; sed "s/^title: .*/title: $marker/" "$WORK/original.md" >"$WORK/edited.md"; target="$file"; url="$ARTICLE" ;;
        2) kind=body; sed "0,/^## /s//$marker\n\n## /" "$WORK/original.md" >"$WORK/edited.md"; target="$file"; url="$ARTICLE" ;;
        3) kind=category; sed "s/^category: .*/category: $marker/" "$WORK/original.md" >"$WORK/edited.md"; target="$file"; url="$ARTICLE" ;;
        0) kind=person; sed "s/^name: .*/name: $marker/" "$WORK/original-person.md" >"$WORK/edited.md"; target="$person"; url="$ARTICLE" ;;
      esac
      before=$(grep -c "Content loaded" "$WORK/site.log" || true)
      start=$(now_ms); cp "$WORK/edited.md" "$target"
      for _ in $(seq 1 2000); do curl -fs "http://127.0.0.1:$PORT$url" | grep -q "$marker" && break; sleep 0.01; done
      live=$(( $(now_ms) - start ))
      for _ in $(seq 1 100); do [ "$(grep -c "Content loaded" "$WORK/site.log" || true)" -gt "$before" ] && break; sleep 0.02; done
      reload=$(grep "Content loaded" "$WORK/site.log" | tail -1 | sed -E 's/.* in ([0-9]+) ms.*/\1/')
      echo "$kind $live $reload" >>"$WORK/edits"
      cp "$WORK/original.md" "$file"; cp "$WORK/original-person.md" "$person"; sleep 1.5
    done
    awk '{ printf "   %-8s live in %5d ms, reload %5d ms\n", $1, $2, $3 }' "$WORK/edits"
    max_live=$(awk '{ print $2 }' "$WORK/edits" | sort -g | tail -1)
    title_reload=$(awk '$1 == "title" { print $3 }' "$WORK/edits" | sort -g | tail -1)
    echo "   edit live: max ${max_live} ms (target <= 500) -> $(verdict "$max_live" 500); title save reload: max ${title_reload} ms (target <= 50) -> $(verdict "$title_reload" 50)"

    log "$n articles: RSS after 60 s of mixed load, article p99 while a file is saved every second, RSS after 50 saves"
    MODE=mix wrk -t2 -c32 -d60s -s "$ROOT/bench/hostile-memory.lua" "http://127.0.0.1:$PORT" >"$WORK/mix.txt" 2>&1 || true
    rss_mix=$(rss_mb)
    ( for i in $(seq 1 30); do sed "s/^title: .*/title: Load Save $i/" "$WORK/original.md" >"$file"; sleep 1; done; cp "$WORK/original.md" "$file" ) &
    saver=$!
    wrk -t1 -c16 -d30s --latency "http://127.0.0.1:$PORT/supplements/synthetic-article-00001" >"$WORK/article-under-saves.txt" 2>&1 || true
    wait "$saver" || true
    p99=$(awk '$1 == "99%" { print $2 }' "$WORK/article-under-saves.txt")
    for i in $(seq 1 50); do sed "s/^title: .*/title: Fifty Saves $i/" "$WORK/original.md" >"$file"; sleep 0.3; done
    cp "$WORK/original.md" "$file"; sleep 2
    rss_edits=$(rss_mb)
    echo "   RSS after mixed load ${rss_mix} MB, after 50 saves ${rss_edits} MB (target <= 1024, no growth per save)"
    echo "   article p99 while a file is saved every second: ${p99} (target <= 20 ms); $(grep -E 'Requests/sec' "$WORK/article-under-saves.txt" | tr -s ' ')"

    log "$n articles: requests while 50,000 files change at once (touched; one request every 20 ms for 40 s, each timed)"
    find "$corpus" -name 'synthetic-article-*.md' | head -50000 >"$WORK/bulk-files" || true  # head stops find: not a failure
    before=$(grep -c "Content loaded" "$WORK/site.log" || true)
    ( sleep 1; xargs -a "$WORK/bulk-files" touch ) &
    toucher=$!
    : >"$WORK/bulk-times"
    end=$(( $(now_ms) + 40000 ))
    for _ in $(seq 1 2000); do
      curl -s -o /dev/null --max-time 10 -w '%{time_total}\n' "http://127.0.0.1:$PORT/supplements/synthetic-article-00001" >>"$WORK/bulk-times" || echo 10 >>"$WORK/bulk-times"
      [ "$(now_ms)" -ge "$end" ] && break
      sleep 0.02
    done
    wait "$toucher" || true
    bulk_max=$(sort -g "$WORK/bulk-times" | tail -1 | awk '{ printf "%d", $1 * 1000 }')
    bulk_p99=$(sort -g "$WORK/bulk-times" | awk '{ a[NR] = $1 } END { printf "%d", a[int(NR * 0.99)] * 1000 }')
    reloads=$(grep "Content loaded" "$WORK/site.log" | tail -n +$((before + 1)) | sed -E 's/.* in ([0-9]+) ms.*/\1/' | tr '\n' ' ')
    echo "   $(wc -l <"$WORK/bulk-times") requests: p99 ${bulk_p99} ms, slowest ${bulk_max} ms (target <= 100) -> $(verdict "$bulk_max" 100); reloads meanwhile (ms): ${reloads:-none}"
  fi
  stop_site

  if [ "$HUGO" = 1 ] && [ "$n" = 50000 ]; then
    log "$n articles: Hugo building the same corpus"
    out="/dev/shm/stackwise-scale-hugo"; rm -rf "$out"
    /usr/bin/time -f "%e %M" -o "$WORK/hugo-time" hugo --quiet --source "$ROOT/bench/hugo" --contentDir "$corpus" \
      --destination "$out" --cacheDir "$WORK/hugo-cache" >"$WORK/hugo.log" 2>&1 || { echo "hugo failed"; tail "$WORK/hugo.log"; }
    rm -rf "$out"
    read -r hugo_s hugo_kb <"$WORK/hugo-time"
    ratio=$(awk -v r="${READY[$n]}" -v h="$hugo_s" 'BEGIN { printf "%.2f", r / 1000 / h }')
    echo "   Hugo: ${hugo_s} s, $((hugo_kb / 1024)) MB; ready/Hugo ${ratio} (target <= 0.2) -> $(verdict "$ratio" 0.2)"
  fi
done
if [ -n "${READY[50000]:-}" ] && [ -n "${READY[100000]:-}" ]; then
  ratio=$(awk -v a="${READY[100000]}" -v b="${READY[50000]}" 'BEGIN { printf "%.2f", a / b }')
  log "start is linear: ready at 100,000 / ready at 50,000 = $ratio (target <= 2.2) -> $(verdict "$ratio" 2.2)"
fi
