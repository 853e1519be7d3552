-- Texts from a random loaded contractor to its proxy number.
local masks
local pool = 1000

function init(args)
  -- How many masks the loader made (run.sh passes its MASKS).
  masks = tonumber(args[1] or "1000000")
end

request = function()
  local i = math.random(0, masks - 1)
  local body = string.format("From=%%2B1202%07d&To=%%2B1555%07d&Body=On+my+way+%%26+5+min&NumMedia=0&MessageSid=0a05", i, i % pool)
  return wrk.format("POST", "/texts/route", {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
