#!/usr/bin/env bash
# Plays Stripe for the local fleet: the simulated gateway (no STRIPE_SECRET_KEY) completes a payment only when a
# signed webhook says so, exactly as Stripe would. This posts that webhook for an order, so an order placed by hand
# gets paid (or declined) and moves on.
#
#   scripts/stripe-webhook.sh succeeded <orderId>      payment_intent.succeeded  → payment.completed → order PLACED
#   scripts/stripe-webhook.sh failed <orderId>         payment_intent.payment_failed → order CANCELLED
#   (also: scripts/fleet.sh pay <orderId>)
#
# Signed with STRIPE_WEBHOOK_SECRET (default: the local profile's well-known, local-only secret). Reads the order's
# payment as the admin (ADMIN_EMAIL / ADMIN_PASSWORD, local defaults as in fleet.sh). Never point it at production.
set -euo pipefail

USER_URL=${USER_URL:-http://127.0.0.1:3001}
PAYMENT_URL=${PAYMENT_URL:-http://127.0.0.1:3005}
ADMIN_EMAIL=${ADMIN_EMAIL:-admin@delivery.local}
ADMIN_PASSWORD=${ADMIN_PASSWORD:-Local-Dev-Pass-2026}
SECRET=${STRIPE_WEBHOOK_SECRET:-whsec_local_development_only_not_a_secret}
API_VERSION=2026-02-25.clover  # stripe-java 31.x, as the payment service

die() { printf 'error: %s\n' "$*" >&2; exit 1; }
usage() { die "usage: scripts/stripe-webhook.sh succeeded|failed <orderId>"; }
(($# == 2)) || usage
outcome=$1 order_id=$2
[[ $outcome == succeeded || $outcome == failed ]] || usage
[[ $order_id =~ ^[0-9a-fA-F-]{36}$ ]] || die "not an order id: $order_id"
for tool in curl jq openssl; do command -v "$tool" >/dev/null || die "$tool is required"; done
[[ $PAYMENT_URL =~ ^http://(127\.|localhost) ]] || die "only for a local fleet, not $PAYMENT_URL"

token=$(curl -fs -H 'Content-Type: application/json' \
  --data "$(jq -nc --arg e "$ADMIN_EMAIL" --arg p "$ADMIN_PASSWORD" '{email:$e,password:$p}')" \
  "$USER_URL/api/v1/auth/login" | jq -r .accessToken) || die "admin login failed at $USER_URL (is the fleet running?)"

# the payment service creates the intent once it has the order and the vendor holds its stock: give it a moment
payment=
intent=
for _ in $(seq 1 40); do
  payment=$(curl -fs -H "Authorization: Bearer $token" "$PAYMENT_URL/api/v1/payments/orders/$order_id") || payment=
  intent=$(jq -r '.providerReference // empty' <<<"${payment:-{\}}")
  [[ $intent == pi_* ]] && break
  [[ $(jq -r '.status // empty' <<<"${payment:-{\}}") == CANCELLED ]] &&
    die "the order $order_id was cancelled before it could be paid (e.g. out of stock): $payment"
  sleep 0.5
done
[[ -n $payment ]] || die "no payment for order $order_id at $PAYMENT_URL"
[[ $intent == pi_* ]] || die "the payment of order $order_id has no intent yet (is the stock held?): $payment"

object=$(jq -c --arg outcome "$outcome" '{
    id: .providerReference, object: "payment_intent", amount: .amountMinor, currency: (.currency | ascii_downcase),
    livemode: false, metadata: {paymentId: .paymentId}}
  + (if $outcome == "succeeded"
     then {status: "succeeded", amount_received: .amountMinor, latest_charge: ("ch_" + .providerReference[3:]),
           last_payment_error: null}
     else {status: "requires_payment_method", amount_received: 0,
           last_payment_error: {code: "card_declined", decline_code: "generic_decline", type: "card_error",
                                message: "Your card was declined."}}
     end)' <<<"$payment")
type=$([[ $outcome == succeeded ]] && echo payment_intent.succeeded || echo payment_intent.payment_failed)
body=$(jq -nc --arg type "$type" --arg version "$API_VERSION" --argjson object "$object" \
  --arg id "evt_local_$(openssl rand -hex 12)" --argjson created "$(date +%s)" '{
    id: $id, object: "event", api_version: $version, created: $created, data: {object: $object}, livemode: false,
    pending_webhooks: 1, request: {id: null, idempotency_key: null}, type: $type}')
timestamp=$(date +%s)
signature=$(printf '%s' "$timestamp.$body" | openssl dgst -sha256 -hmac "$SECRET" -hex | awk '{print $NF}')

answer=$(curl -s -w '\n%{http_code}' -X POST -H 'Content-Type: application/json' \
  -H "Stripe-Signature: t=$timestamp,v1=$signature" --data "$body" "$PAYMENT_URL/api/v1/payments/webhooks/stripe")
[[ ${answer##*$'\n'} == 2* ]] || die "the payment service answered ${answer##*$'\n'}: ${answer%$'\n'*}"
echo "$type for order $order_id ($intent) accepted"
