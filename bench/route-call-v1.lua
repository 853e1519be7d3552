-- Calls from a random participant of the loaded v1 sessions to its own proxy number (see
-- load-v1-*.sql for the layout): in session i, +1203<i> has pool number i mod pool and +1205<i>
-- another one, so half the calls come in on each side's own number.
local sessions, pool

function init(args)
  sessions = tonumber(args[1] or "1000000")
  pool = tonumber(args[2] or "1000")
end

local function proxy_of_second(i)
  return (i + 1 + math.floor(i / pool) % (pool - 1)) % pool
end

request = function()
  local i = math.random(0, sessions - 1)
  local from, proxy
  if math.random(0, 1) == 0 then
    from, proxy = string.format("+1203%07d", i), i % pool
  else
    from, proxy = string.format("+1205%07d", i), proxy_of_second(i)
  end
  local to = string.format("+15551%06d", proxy)
  local body = string.format(
    '{"call":{"call_id":"b5d63b2e-f75b-4dc8-b6d4-269b635f96c0","call_state":"created","direction":"inbound","type":"phone",'
    .. '"from":"%s","to":"%s","from_number":"%s","to_number":"%s"},"vars":{}}',
    from, to, from, to)
  return wrk.format("POST", "/calls/route", {["Content-Type"] = "application/json"}, body)
end
