-- Opens v1 sessions in the service `bench`, each with two participants never seen before: each
-- wrk thread numbers its own, so no two requests share a participant and every participant is new
-- to the pool (no history, nothing already taken).
local counter = 0
local threads = {}

-- thread_id is a global that setup() gives each thread's own Lua state (see create.lua).
function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  -- The run number (first argument) keeps the participants of one run apart from every other's.
  instance = tonumber(args[1] or "0")
end

request = function()
  counter = counter + 1
  local n = (instance * 10 + thread_id) * 100000 + counter
  local body = string.format('{"participants":[{"number":"+1305%07d"},{"number":"+1307%07d"}]}', n, n)
  return wrk.format("POST", "/api/v1/services/bench/sessions", {["Content-Type"] = "application/json"}, body)
end
