-- Calls from a random loaded client to its proxy number (see load-*.sql for the layout).
local masks
local pool = 1000

function init(args)
  -- How many masks the loader made (run.sh passes its MASKS).
  masks = tonumber(args[1] or "1000000")
end

request = function()
  local i = math.random(0, masks - 1)
  local body = string.format(
    '{"call":{"call_id":"b5d63b2e-f75b-4dc8-b6d4-269b635f96c0","call_state":"created","direction":"inbound","type":"phone",'
    .. '"from":"+1201%07d","to":"+1555%07d","from_number":"+1201%07d","to_number":"+1555%07d"},"vars":{}}',
    i, i % pool, i, i % pool)
  return wrk.format("POST", "/calls/route", {["Content-Type"] = "application/json"}, body)
end
