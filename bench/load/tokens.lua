-- Each request goes as a random seeded athlete: their token and their saved snapshot.
local athletes = {}
function init(args)
  for line in io.lines(args[1]) do
    local token, id = line:match("^(%S+) (%d+)$")
    if token then table.insert(athletes, { token = token, id = id }) end
  end
end
function request()
  local a = athletes[math.random(#athletes)]
  local path = wrk.path:gsub("{snapshot}", a.id)
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. a.token })
end
