"""Seeds a running Replete server with athletes, each with a profile, days of food logs (imported as a Replete food
log), a ferritin and a saved snapshot; prints one line per athlete: token and snapshot id. Standard library only."""
import json, random, sys, urllib.request, datetime

base, athletes, days = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
FOODS = [("oatmeal", "80 g"), ("whole milk", "250 g"), ("banana", "120 g"), ("lentils cooked", "200 g"), ("brown rice cooked", "180 g"),
         ("chicken breast grilled", "150 g"), ("broccoli cooked", "100 g"), ("whole wheat bread", "64 g"), ("almonds", "28 g"),
         ("salmon baked", "150 g"), ("spinach raw", "60 g"), ("yogurt plain", "170 g"), ("apple", "180 g"), ("eggs boiled", "100 g")]


def call(method, path, body=None, token=None, content_type="application/json"):
    data = body if isinstance(body, bytes) else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(base + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=120) as response:
        text = response.read()
        return json.loads(text) if text else None


random.seed(7)
end = datetime.date(2026, 11, 27)
for a in range(athletes):
    email = f"load{a}-{random.randrange(10**9)}@example.org"
    call("POST", "/api/v1/account/register", {"email": email, "password": "load test passphrase", "kind": "athlete"})
    token = call("POST", "/api/v1/account/sign-in", {"email": email, "password": "load test passphrase"})["access_token"]
    call("PUT", "/api/v1/athletes/me/profile", {"date_of_birth": "1995-04-0%d" % (1 + a % 9), "sex": random.choice(["female", "male"]), "sport": "running", "training_hours_per_week": 8}, token)
    lines = ["date,time,meal,food,amount"]
    for d in range(days):
        day = end - datetime.timedelta(days=d)
        for meal in ("breakfast", "lunch", "dinner"):
            for food, amount in random.sample(FOODS, 3):
                lines.append(f"{day.isoformat()},12:00,{meal},{food},{amount}")
    call("POST", "/api/v1/athletes/me/imports?name=log.csv", "\n".join(lines).encode(), token, "text/csv")
    call("POST", "/api/v1/athletes/me/labs", {"collected": end.isoformat(), "biomarker": "ferritin", "value": random.choice([12, 25, 60]), "unit": "ug/L"}, token)
    snapshot = call("POST", "/api/v1/athletes/me/snapshots", {"from": (end - datetime.timedelta(days=27)).isoformat(), "to": end.isoformat()}, token)
    print(token, snapshot["id"], flush=True)
    print(f"seeded {a + 1}/{athletes}", file=sys.stderr, flush=True)
