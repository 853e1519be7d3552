-- Texts from a random participant of the loaded v1 sessions to its own proxy number (see
-- route-call-v1.lua).
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
    from, proxy = string.format("%%2B1203%07d", i), i % pool
  else
    from, proxy = string.format("%%2B1205%07d", i), proxy_of_second(i)
  end
  local body = string.format("From=%s&To=%%2B15551%06d&Body=On+my+way+%%26+5+min&NumMedia=0&MessageSid=0a05", from, proxy)
  return wrk.format("POST", "/texts/route", {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
