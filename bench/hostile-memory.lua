-- wrk script for bench/hostile-memory.sh: one client sending requests that differ only in what a page does not use.
-- MODE=mix      ordinary traffic, the loaded baseline: 500 different articles, lists, sitemap, feeds, searches, 404s
-- MODE=query    /robots.txt and an article with ~8,000 characters of query string and a counter
-- MODE=encoding pages with a unique Accept-Encoding of ~16,000 characters
-- MODE=host     pages with a Host header naming a different port each time
-- MODE=all      the three at once
-- MODE=crawl    every synthetic article in turn (ARTICLES of them), in CODING (br, gzip, identity; by default each
--               pass over the articles in the next one): a crawler
--               reading the whole site, for the response cache's bound (not one of hostile-memory.sh's checks; run by
--               hand against a started site, "A bounded response cache" in docs/performance.md)
local mode = os.getenv("MODE") or "mix"
local article = os.getenv("ARTICLE") or "/therapies/ketamine-assisted-therapy"
local pages = { "/", article, "/sitemap.xml", "/feed.xml", "/robots.txt" }
local ordinary = { "/", "/sitemap.xml", "/feed.xml", "/rss.xml", "/robots.txt", "/terms", "/categories/synthetic-category-one",
  "/categories/synthetic-category-two/page/2", "/risk/moderate", "/risk/high/page/3", "/no-such-page", "/therapies/no-such-article" }
local sections = { "therapies", "supplements", "practices", "nutrition", "devices" }
for i = 0, 499 do
  table.insert(ordinary, string.format("/%s/synthetic-article-%05d", sections[(i % 5) + 1], i))
end
for _, word in ipairs({ "garden", "river", "lantern", "meadow", "harbor", "pencil", "violet", "canyon", "marble", "orchard" }) do
  table.insert(ordinary, "/search?q=" .. word)
  table.insert(ordinary, "/search?q=" .. word .. "+risk&risk=high")
end
local articles = tonumber(os.getenv("ARTICLES") or "1000")
local crawl_codings = { "br", "gzip", "identity" }
local crawl_coding = os.getenv("CODING")
local long_query = string.rep("q", 7900)
local long_coding = string.rep("e", 16000)
local threads = {}
local n = 0

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, server_errors, other = 0, 0, 0
end

request = function()
  n = n + 1
  local page = pages[(n % #pages) + 1]
  local headers = {}
  if mode == "mix" then
    return wrk.format("GET", ordinary[(n % #ordinary) + 1])
  end
  if mode == "crawl" then
    local i = n % articles
    return wrk.format("GET", string.format("/%s/synthetic-article-%05d", sections[(i % 5) + 1], i),
      { ["Accept-Encoding"] = crawl_coding or crawl_codings[(math.floor(n / articles) % 3) + 1] })
  end
  if mode == "query" or mode == "all" then
    page = ((n % 2 == 0) and "/robots.txt" or article) .. "?" .. long_query .. n
  end
  if mode == "encoding" or mode == "all" then
    headers["Accept-Encoding"] = "gzip, x-" .. long_coding .. n
  end
  if mode == "host" or mode == "all" then
    headers["Host"] = "127.0.0.1:" .. ((n % 60000) + 1024)
  end
  return wrk.format("GET", page, headers)
end

response = function(status, headers, body)
  if status == 200 or (status == 404 and mode ~= "crawl") then ok = ok + 1  -- a crawl names only pages that exist
  elseif status >= 500 then server_errors = server_errors + 1
  else other = other + 1 end
end

function done(summary, latency, requests)
  local t = { ok = 0, server_errors = 0, other = 0 }
  for _, thread in ipairs(threads) do
    for k, _ in pairs(t) do t[k] = t[k] + (thread:get(k) or 0) end
  end
  io.write(string.format("RESULT requests=%d status_2xx_404=%d status_5xx=%d status_other=%d socket_errors=%d\n",
    summary.requests, t.ok, t.server_errors, t.other,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
