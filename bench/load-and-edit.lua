-- wrk script for bench/load-and-edit.sh: cycles through a mix of URLs, counts answers by status and checks that no
-- page mixes two versions of a live-edited article. Each edited file carries its version as the marker LE<k>V<n>X
-- in its title, summary, first and last paragraph and health risk, so every copy of the marker in one page must
-- carry the same <n>.
local paths = {}
local threads = {}
local counter = 0

local sections = { "therapies", "supplements", "practices", "nutrition", "devices" }
for i = 0, 49 do
  table.insert(paths, string.format("/%s/synthetic-article-%05d", sections[(i % 5) + 1], i))
end
for k = 0, 9 do
  table.insert(paths, "/therapies/live-edit-" .. k)
  table.insert(paths, "/therapies/live-edit-" .. k)
  table.insert(paths, "/therapies/live-new-" .. k)
end
for _, p in ipairs({ "/", "/categories/synthetic-category-one", "/categories/synthetic-category-two/page/2",
  "/risk/moderate", "/sitemap.xml", "/feed.xml", "/rss.xml", "/terms", "/search?q=garden",
  "/search?q=live+edit", "/search?q=meadow+river&risk=high", "/no-such-page", "/therapies/no-such-article" }) do
  table.insert(paths, p)
end

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, redirects, notfound, limited, server_errors, other, mixed, checked = 0, 0, 0, 0, 0, 0, 0, 0
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status >= 500 then server_errors = server_errors + 1
  elseif status == 404 then notfound = notfound + 1
  elseif status == 429 then limited = limited + 1
  elseif status >= 300 and status < 400 then redirects = redirects + 1
  elseif status >= 200 and status < 300 then ok = ok + 1
  else other = other + 1 end
  -- One pass over a page, and only over a page with a marker at all: a plain search (no pattern) rules out the rest,
  -- the 1.3 MB sitemap among them. The check used to scan every marked page eleven times with patterns, and wrk then took
  -- two thirds of the machine's CPU away from the site it was measuring (docs/performance.md, its introduction).
  if status == 200 and body and string.find(body, "LE", 1, true) then
    local first, counted, marked = {}, {}, false
    for k, v in string.gmatch(body, "LE(%d)V(%d+)X") do
      marked = true
      if first[k] == nil then first[k] = v
      elseif first[k] ~= v and not counted[k] then mixed = mixed + 1; counted[k] = true end
    end
    if marked then checked = checked + 1 end
  end
end

function done(summary, latency, requests)
  local total = { ok = 0, redirects = 0, notfound = 0, limited = 0, server_errors = 0, other = 0, mixed = 0, checked = 0 }
  for _, thread in ipairs(threads) do
    for name, _ in pairs(total) do total[name] = total[name] + thread:get(name) end
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d duration_s=%.1f rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("RESULT status_2xx=%d status_3xx=%d status_404=%d status_429=%d status_5xx=%d status_other=%d\n",
    total.ok, total.redirects, total.notfound, total.limited, total.server_errors, total.other))
  io.write(string.format("RESULT socket_connect=%d socket_read=%d socket_write=%d socket_timeout=%d\n",
    e.connect, e.read, e.write, e.timeout))
  io.write(string.format("RESULT versioned_pages_checked=%d mixed_version_pages=%d\n", total.checked, total.mixed))
end
