-- wrk script for bench/run.sh: the article as campaign and social links reach it, each request with a query string
-- never seen before (utm_* parameters and a counter). No page reads these parameters, so each should be answered
-- like the plain URL: same rate, no render, no new cache entry.
local path = os.getenv("ARTICLE") or "/therapies/synthetic-article-00000"
local sources = { "newsletter", "facebook", "twitter", "reddit", "partner-site" }
local n = 0

request = function()
  n = n + 1
  return wrk.format("GET", string.format("%s?utm_source=%s&utm_medium=social&utm_campaign=spring-%d&fbclid=IwAR%010d",
    path, sources[(n % #sources) + 1], n, n * 7919))
end
