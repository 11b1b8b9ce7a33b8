#!/usr/bin/env bash
# Loads a small demo city into the RUNNING fleet through the public REST APIs only (what the apps and the admin
# dashboard would do), then prints the logins to try the platform with.
#
#   scripts/demo-data.sh            (also: scripts/fleet.sh demo)
#
# Creates, every run anew (e-mails carry a short run id): three vendors in Berlin Mitte (food, grocery, pharmacy)
# with a delivery zone, round-the-clock hours, a menu and tracked stock, approved by the admin; four drivers with
# vehicle and documents, approved and online near the vendors; one customer with a push device. Uses the existing
# admin (ADMIN_EMAIL / ADMIN_PASSWORD, local defaults as in fleet.sh).
# Drivers stay online while their app reports (heartbeat, driver.presence.heartbeat-ttl: 30 min in the fleet started by
# scripts/fleet.sh, 60 s by default elsewhere): send POST /api/v1/drivers/{id}/location, or go online again, to keep
# one matchable for longer.
set -euo pipefail

USER_URL=${USER_URL:-http://127.0.0.1:3001}
VENDOR_URL=${VENDOR_URL:-http://127.0.0.1:3003}
DRIVER_URL=${DRIVER_URL:-http://127.0.0.1:3004}
NOTIFICATION_URL=${NOTIFICATION_URL:-http://127.0.0.1:3007}
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@delivery.local}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-Local-Dev-Pass-2026}
DEMO_PASSWORD=${DEMO_PASSWORD:-Demo-Pass-2026}
DEMO_DOMAIN=${DEMO_DOMAIN:-demo.delivery.local}
# centre of the demo city (Berlin Mitte)
LAT=${DEMO_LAT:-52.5200}
LNG=${DEMO_LNG:-13.4050}
RUN_ID=${DEMO_RUN_ID:-$(date +%s | tail -c 6)}  # 5 digits: part of e-mails, names and phone numbers
[[ $RUN_ID =~ ^[0-9]{5}$ ]] || { echo "error: DEMO_RUN_ID must be 5 digits" >&2; exit 1; }

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
command -v jq >/dev/null || die "jq is required"
command -v curl >/dev/null || die "curl is required"

# call METHOD URL TOKEN BODY EXPECTED...: prints the response body, dies with the problem details otherwise
call() {
  local method=$1 url=$2 token=$3 body=$4; shift 4
  local out status args=(-s -X "$method" -o - -w '\n%{http_code}' -H 'Content-Type: application/json')
  [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
  [[ -n $body ]] && args+=(--data "$body")
  out=$(curl "${args[@]}" "$url") || die "$method $url: no answer (is the fleet running? scripts/fleet.sh status)"
  status=${out##*$'\n'}
  out=${out%$'\n'*}
  for expected in "$@"; do
    [[ $status == "$expected" ]] && { printf '%s' "$out"; return 0; }
  done
  die "$method $url answered $status: $out"
}

for url in "$USER_URL" "$VENDOR_URL" "$DRIVER_URL" "$NOTIFICATION_URL"; do
  curl -fs -o /dev/null --max-time 3 "$url/readyz" \
    || die "$url is not ready; start the fleet first: scripts/fleet.sh start"
done

login() { call POST "$USER_URL/api/v1/auth/login" "" "$(jq -nc --arg e "$1" --arg p "$2" '{email:$e,password:$p}')" 200; }

phone_seq=0
# register ROLE PREFIX "Full Name" -> prints the login JSON (accessToken, userId)
register() {
  local email="$2-$RUN_ID@$DEMO_DOMAIN" phone
  phone_seq=$((phone_seq + 1))
  phone=+49151$RUN_ID$(printf '%02d' "$phone_seq")
  call POST "$USER_URL/api/v1/auth/register" "" "$(jq -nc --arg e "$email" --arg p "$DEMO_PASSWORD" --arg n "$3" \
    --arg r "$1" --arg ph "$phone" '{email:$e,password:$p,fullName:$n,role:$r,phone:$ph,locale:"en"}')" 201 >/dev/null
  login "$email" "$DEMO_PASSWORD" | jq -c --arg e "$email" --arg ph "$phone" '. + {email:$e, phone:$ph}'
}

device() {
  call POST "$NOTIFICATION_URL/api/v1/notifications/devices" "$1" \
    "$(jq -nc --arg t "demo-device-$RUN_ID-$RANDOM$RANDOM" '{token:$t,platform:"ANDROID"}')" 200 201 >/dev/null
}

ADMIN=$(login "$ADMIN_EMAIL" "$ADMIN_PASSWORD" | jq -r .accessToken)

# vendor PREFIX NAME CATEGORY CUISINES_JSON DLAT DLNG MENU_JSON -> prints "email id"
vendor() {
  local prefix=$1 name=$2 category=$3 cuisines=$4 lat lng owner token id ring item
  lat=$(jq -n "$LAT + $5") lng=$(jq -n "$LNG + $6")
  owner=$(register VENDOR "$prefix" "Owner of $name")
  token=$(jq -r .accessToken <<<"$owner")
  device "$token"
  id=$(call POST "$VENDOR_URL/api/v1/vendors" "$token" "$(jq -nc --arg n "$name" --arg c "$category" \
    --argjson cu "$cuisines" --argjson lat "$lat" --argjson lng "$lng" --arg ph "$(jq -r .phone <<<"$owner")" \
    '{name:$n,category:$c,cuisines:$cu,description:($n+" in Berlin Mitte"),address:"Unter den Linden 1",
      city:"Berlin",postalCode:"10117",lat:$lat,lng:$lng,phone:$ph,priceLevel:2,prepMinutes:15,currency:"EUR",
      timeZone:"Europe/Berlin"}')" 201 | jq -r .id)
  call PUT "$VENDOR_URL/api/v1/vendors/$id/hours" "$token" \
    '{"timeZone":"Europe/Berlin","weekly":[{"day":"MONDAY","opens":"00:00","closes":"00:00"},
      {"day":"TUESDAY","opens":"00:00","closes":"00:00"},{"day":"WEDNESDAY","opens":"00:00","closes":"00:00"},
      {"day":"THURSDAY","opens":"00:00","closes":"00:00"},{"day":"FRIDAY","opens":"00:00","closes":"00:00"},
      {"day":"SATURDAY","opens":"00:00","closes":"00:00"},{"day":"SUNDAY","opens":"00:00","closes":"00:00"}]}' 200 \
    >/dev/null
  # a square of about 4 km around the vendor: [lng, lat] positions, closed ring
  ring=$(jq -nc --argjson lat "$lat" --argjson lng "$lng" \
    '[[$lng-0.06,$lat-0.036],[$lng+0.06,$lat-0.036],[$lng+0.06,$lat+0.036],[$lng-0.06,$lat+0.036],[$lng-0.06,$lat-0.036]]')
  call POST "$VENDOR_URL/api/v1/vendors/$id/zones" "$token" "$(jq -nc --arg n "$name" --argjson r "$ring" \
    '{name:("Around "+$n),area:{type:"Polygon",coordinates:[$r]},minimumOrderMinor:1000,deliveryFeeMinor:250}')" \
    201 >/dev/null
  jq -c '.[]' <<<"$7" | while read -r item; do
    call POST "$VENDOR_URL/api/v1/vendors/$id/menu" "$token" "$item" 201 >/dev/null
  done
  call POST "$VENDOR_URL/api/v1/admin/vendors/$id/approve" "$ADMIN" "" 200 >/dev/null
  echo "$(jq -r .email <<<"$owner") $id $name"
}

echo "loading the demo city (run $RUN_ID) ..."
VENDORS=()
VENDORS+=("$(vendor demo-food "Pizzeria Mitte $RUN_ID" FOOD '["italian","pizza"]' 0.004 -0.006 '[
  {"section":"Pizza","name":"Margherita","priceMinor":900,"stock":50,"lowStockThreshold":5},
  {"section":"Pizza","name":"Diavola","priceMinor":1150,"stock":30,"lowStockThreshold":5,
   "options":[{"group":"Extras","name":"Extra cheese","priceDeltaMinor":150}]},
  {"section":"Dessert","name":"Tiramisu","priceMinor":450}]')")
VENDORS+=("$(vendor demo-grocery "Kiezmarkt $RUN_ID" GROCERY '["groceries"]' -0.003 0.005 '[
  {"section":"Fruit","name":"Bananas","priceMinor":199,"unit":"kg","stock":40,"lowStockThreshold":5},
  {"section":"Dairy","name":"Whole milk 1 l","priceMinor":129,"stock":60,"lowStockThreshold":10},
  {"section":"Bakery","name":"Sourdough bread","priceMinor":349,"stock":15,"lowStockThreshold":3}]')")
VENDORS+=("$(vendor demo-pharmacy "Spree Apotheke $RUN_ID" PHARMACY '["pharmacy"]' 0.002 0.008 '[
  {"section":"Pain relief","name":"Ibuprofen 400 mg","priceMinor":599,"stock":25,"lowStockThreshold":5},
  {"section":"Care","name":"Sun cream SPF 50","priceMinor":1299,"stock":12,"lowStockThreshold":2}]')")

DRIVERS=()
expires=$(date -u -d '+1 year' +%F)
for i in 1 2 3 4; do
  d=$(register DRIVER "demo-driver$i" "Demo Driver $i")
  token=$(jq -r .accessToken <<<"$d")
  id=$(jq -r .userId <<<"$d")
  device "$token"
  vehicle=$([[ $((i % 2)) == 0 ]] && echo BICYCLE || echo SCOOTER)
  call POST "$DRIVER_URL/api/v1/drivers/register" "$token" "$(jq -nc --arg n "Demo Driver $i" \
    --arg ph "$(jq -r .phone <<<"$d")" --arg v "$vehicle" --arg x "$expires" --arg k "${id:0:8}" \
    '{fullName:$n,phone:$ph,vehicle:{type:$v,plate:("B DD " + $k[0:4]),model:"Demo"},
      documents:[{type:"LICENCE",number:("L-"+$k),expiresOn:$x},{type:"INSURANCE",number:("I-"+$k),expiresOn:$x},
                 {type:"IDENTITY",number:("ID-"+$k),expiresOn:$x}]}')" 201 >/dev/null
  call POST "$DRIVER_URL/api/v1/admin/drivers/$id/approve" "$ADMIN" "" 200 >/dev/null
  call POST "$DRIVER_URL/api/v1/drivers/$id/online-status" "$token" \
    "$(jq -nc --argjson lat "$(jq -n "$LAT + 0.001 * $i")" --argjson lng "$(jq -n "$LNG - 0.001 * $i")" \
      '{online:true,lat:$lat,lng:$lng}')" 200 >/dev/null
  DRIVERS+=("$(jq -r .email <<<"$d") $id")
done

customer=$(register CUSTOMER demo-customer "Demo Customer")
device "$(jq -r .accessToken <<<"$customer")"

echo
echo "demo city loaded (run $RUN_ID), all passwords: $DEMO_PASSWORD"
printf '%-10s %-45s %s\n' role login "id / name"
printf '%-10s %-45s %s\n' admin "$ADMIN_EMAIL" "(password $ADMIN_PASSWORD)"
printf '%-10s %-45s %s\n' customer "$(jq -r .email <<<"$customer")" "$(jq -r .userId <<<"$customer")"
for v in "${VENDORS[@]}"; do
  read -r email id name <<<"$v"
  printf '%-10s %-45s %s\n' vendor "$email" "$id $name"
done
for d in "${DRIVERS[@]}"; do
  read -r email id <<<"$d"
  printf '%-10s %-45s %s\n' driver "$email" "$id (online near $LAT,$LNG)"
done
echo
echo "try: curl '$VENDOR_URL/api/v1/vendors/search?lat=$LAT&lng=$LNG&radiusKm=5'"
