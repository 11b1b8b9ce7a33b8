#!/usr/bin/env bash
# Smoke tests of a deployed environment, through its public entry points (ingress), in under a minute:
#   - every REST prefix reaches its service (a Spring answer such as 401, not the ingress' 404/502/503)
#   - user-service serves its JWKS; vendor search answers anonymously
#   - unless SMOKE_READ_ONLY=true: a new customer signs up, logs in and reads its profile
#   - both Socket.io gateways complete an Engine.IO handshake (HTTP long-polling open packet)
#
#   API_URL=https://api.staging.delivery.example.com \
#   ORDER_REALTIME_URL=https://realtime-orders.staging.delivery.example.com \
#   TRACKING_REALTIME_URL=https://realtime-tracking.staging.delivery.example.com deployment/scripts/smoke-test.sh
#
# Locally (docker compose): API_URL=http://localhost:3001 checks only what user-service serves; point each
# variable at the service you want.
set -euo pipefail

API_URL=${API_URL:?set API_URL, e.g. https://api.staging.delivery.example.com}
ORDER_REALTIME_URL=${ORDER_REALTIME_URL:-}
TRACKING_REALTIME_URL=${TRACKING_REALTIME_URL:-}
READ_ONLY=${SMOKE_READ_ONLY:-false}
TIMEOUT=${SMOKE_TIMEOUT:-10}

failures=0
pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1"; failures=$((failures + 1)); }

# status code of a request (000 when nothing answered)
status() { curl -s -o /dev/null -w '%{http_code}' --max-time "$TIMEOUT" "$@" || true; }

echo "== routing: every API prefix reaches a service ($API_URL)"
zero=00000000-0000-0000-0000-000000000000
for path in /api/v1/users/me /api/v1/admin/users /api/v1/orders/$zero /api/v1/admin/orders \
  /api/v1/vendors/$zero /api/v1/admin/vendors /api/v1/drivers/$zero /api/v1/payments/$zero \
  /api/v1/admin/payments /api/v1/tracking/orders/$zero /api/v1/notifications; do
  code=$(status "$API_URL$path")
  case "$code" in
    401 | 403 | 200 | 400 | 405) pass "$path -> $code" ;;
    *) fail "$path -> $code (expected the service's 401, got the ingress or nothing)" ;;
  esac
done

echo "== public endpoints"
jwks=$(curl -fsS --max-time "$TIMEOUT" "$API_URL/.well-known/jwks.json" || true)
if [[ "$jwks" == *'"keys"'* && "$jwks" == *'"RSA"'* ]]; then pass "JWKS has an RSA key"; else fail "JWKS: $jwks"; fi
code=$(status "$API_URL/api/v1/vendors/search?q=pizza&size=5")
[[ "$code" == 200 ]] && pass "vendor search -> 200" || fail "vendor search -> $code"

if [[ "$READ_ONLY" != "true" ]]; then
  echo "== sign-up, login, profile"
  email="smoke-$(date +%s)-$RANDOM@smoke.delivery.example.com"
  password="Smoke-$(head -c 12 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')-9"
  body=$(printf '{"email":"%s","password":"%s","fullName":"Smoke Test","role":"CUSTOMER"}' "$email" "$password")
  code=$(status -X POST -H 'Content-Type: application/json' -d "$body" "$API_URL/api/v1/auth/register")
  [[ "$code" == 201 || "$code" == 200 ]] && pass "register -> $code" || fail "register -> $code"
  login=$(curl -sS --max-time "$TIMEOUT" -X POST -H 'Content-Type: application/json' \
    -d "$(printf '{"email":"%s","password":"%s"}' "$email" "$password")" "$API_URL/api/v1/auth/login" || true)
  token=$(printf '%s' "$login" | sed -n 's/.*"accessToken":"\([^"]*\)".*/\1/p')
  if [[ -n "$token" ]]; then
    pass "login returned an access token"
    code=$(status -H "Authorization: Bearer $token" "$API_URL/api/v1/users/me")
    [[ "$code" == 200 ]] && pass "GET /api/v1/users/me -> 200" || fail "GET /api/v1/users/me -> $code"
  else
    fail "login: $login"
  fi
fi

echo "== Socket.io gateways (Engine.IO v4 handshake)"
for url in "$ORDER_REALTIME_URL" "$TRACKING_REALTIME_URL"; do
  [[ -z "$url" ]] && continue
  open=$(curl -sS --max-time "$TIMEOUT" "$url/socket.io/?EIO=4&transport=polling" || true)
  if [[ "$open" == 0\{*'"sid"'* ]]; then pass "$url handshake"; else fail "$url handshake: ${open:0:200}"; fi
done

echo
if ((failures)); then
  echo "smoke tests: $failures failed"
  exit 1
fi
echo "smoke tests: all passed"
