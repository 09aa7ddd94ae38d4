-- wrk script: POST /api/v1/feedback (or the web form with FORM=1) with varied
-- services, kinds, districts and Bangla/English texts. WRK_DELAY_MS paces each
-- connection (for the half-load run). KEYED=1 sends a fresh Idempotency-Key with
-- every request, as the README asks clients to.
local services = {"ORGBDR-001", "ORGBDR-002", "DIP-001", "POLICE-001", "ACLAND-001", "ACLAND-002"}
local kinds = {"complaint", "expectation", "suggestion"}
local districts = {"dhaka", "chattogram", "sylhet", "rajshahi", "khulna", "barishal", "rangpur", "mymensingh"}
local texts = {
  "পাসপোর্ট পেতে তিন মাস লেগেছে, দুবার অফিসে যেতে হয়েছে",
  "জন্ম নিবন্ধনের জন্য ইউনিয়ন পরিষদে বারবার যেতে হয়েছে",
  "নামজারির শুনানিতে দালাল অতিরিক্ত টাকা চেয়েছে",
  "The online form does not open on my phone and the office asks for papers not in the charter",
  "Please send SMS updates and accept bKash payment for the fee",
  "It took 45 days instead of the promised 7 and three visits to the district office",
  "সার্ভার ডাউন, তাই আবেদন জমা দিতে পারিনি, please make it work on mobile",
}
local form = os.getenv("FORM") == "1"
local keyed = os.getenv("KEYED") == "1"
local delay_ms = tonumber(os.getenv("WRK_DELAY_MS") or "0")
local requests = {}

local function urlencode(s)
  return (s:gsub("[^%w%-_%.~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

-- Built in init(): wrk sets the Host header only then.
function init(args)
for i = 1, 120 do
  local service = services[(i % #services) + 1]
  local kind = kinds[(i % #kinds) + 1]
  local district = districts[(i % #districts) + 1]
  local text = texts[(i % #texts) + 1] .. " #" .. i
  if form then
    local body = "kind=" .. kind .. "&district=" .. district .. "&days=" .. (i % 90) .. "&visits=" .. (i % 6) .. "&text=" .. urlencode(text)
    requests[i] = wrk.format("POST", "/services/" .. service .. "/feedback",
      {["Content-Type"] = "application/x-www-form-urlencoded"}, body)
  else
    requests[i] = string.format('{"service_code":"%s","kind":"%s","district":"%s","days":%d,"visits":%d,"text":"%s"}',
      service, kind, district, i % 90, i % 6, text)
  end
end
end

-- Each wrk thread gets its own number, and each run its own start time, so keys never
-- repeat across threads or runs (a repeated key is a cheaper replay).
local threads = 0
local run = os.time()
function setup(thread)
  threads = threads + 1
  thread:set("thread_id", threads)
  thread:set("run_id", run)
end

local n = 0
request = function()
  n = n + 1
  local prepared = requests[(n % #requests) + 1]
  if form then
    return prepared
  end
  -- API requests are built for each call, with or without a key, so the keyed and unkeyed runs
  -- cost the client the same.
  local headers = {["Content-Type"] = "application/json"}
  if keyed then
    headers["Idempotency-Key"] = string.format("bench-%d-%d-%d", run_id or 0, thread_id or 0, n)
  end
  return wrk.format("POST", "/api/v1/feedback", headers, prepared)
end

if delay_ms > 0 then
  delay = function() return delay_ms end
end
