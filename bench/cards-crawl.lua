-- wrk script for bench/cards-crawl.sh: a crawler asking for the share card of every article, each once, in turn.
local sections = { "therapies", "supplements", "practices", "nutrition", "devices" }
local count = tonumber(os.getenv("ARTICLES") or "1000")
local threads = {}
local n = 0

function setup(thread)
  thread:set("offset", #threads * 7919)
  table.insert(threads, thread)
end

function init(args)
  ok, busy, other = 0, 0, 0
end

request = function()
  n = n + 1
  local i = (n + offset) % count
  return wrk.format("GET", string.format("/cards/%s/synthetic-article-%05d.png", sections[(i % 5) + 1], i))
end

response = function(status, headers, body)
  if status == 200 then ok = ok + 1
  elseif status == 503 then busy = busy + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = { ok = 0, busy = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  io.write(string.format("RESULT requests=%d drawn_or_kept=%d busy_503=%d other=%d socket_errors=%d\n",
    summary.requests, t.ok, t.busy, t.other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
