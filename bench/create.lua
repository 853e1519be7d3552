-- Opens masks for pairs never seen before: each wrk thread numbers its own clients and
-- contractors, so no two requests share a participant.
local counter = 0
local threads = {}

-- thread_id is a global that setup() gives each thread's own Lua state; a local of the same
-- name here would hide it and make every thread repeat the same pairs.
function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  -- The instance number (first argument) keeps pairs apart when several wrk processes run.
  instance = tonumber(args[1] or "0")
end

request = function()
  counter = counter + 1
  local n = (instance * 10 + thread_id) * 100000 + counter
  local body = string.format('{"client_number":"+1301%07d","contractor_number":"+1302%07d"}', n, n)
  return wrk.format("POST", "/api/rest/numberMask", {["Content-Type"] = "application/json"}, body)
end
