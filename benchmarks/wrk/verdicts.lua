-- wrk (Debian's wrk package) against POST /v1/verdicts: each request sends the next claim of the
-- JSON Lines file named by CLAIMS_FILE (default examples/claims/mixed.jsonl), round and round.
--   CLAIMS_FILE=examples/claims/warranty.jsonl wrk -t2 -c8 -d10s --latency -s benchmarks/wrk/verdicts.lua http://127.0.0.1:8080
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local bodies = {}
for line in io.lines(os.getenv("CLAIMS_FILE") or "examples/claims/mixed.jsonl") do
  if #line > 0 then bodies[#bodies + 1] = line end
end
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format(nil, "/v1/verdicts", nil, bodies[i])
end
