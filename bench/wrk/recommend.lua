-- wrk script for GET /recommend (or any route taking ?user=): each request asks for a learner drawn at random
-- (seeded per thread) from a file of learner ids, one per line, so requests spread over the whole population.
--   wrk -t4 -c4 -d30s --latency -s bench/wrk/recommend.lua http://127.0.0.1:8080 -- USERS_FILE [PATH]
-- PATH defaults to /recommend?k=10 ; e.g. "/search?q=python&k=10" for personalised search.
local counter = 0
function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
end

local users = {}
local path = "/recommend?k=10"
function init(args)
  local f = assert(io.open(args[1] or "users.txt"), "no users file")
  for line in f:lines() do if #line > 0 then users[#users + 1] = line end end
  f:close()
  if args[2] then path = args[2] end
  math.randomseed(42 + (tid or 0))
end

function request()
  local u = users[math.random(#users)]
  local sep = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format("GET", path .. sep .. "user=" .. u)
end
