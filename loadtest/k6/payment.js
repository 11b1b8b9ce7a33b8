// Payments at 500 requests/s: customers polling their order's payment (client secret after checkout) and
// Stripe webhook deliveries (signed like Stripe does, deduplicated by event id).
//   k6 run -e BASE_URL=https://api.staging.delivery.example.com -e STRIPE_WEBHOOK_SECRET=whsec_... loadtest/k6/payment.js
// The webhook secret must be the one payment-service verifies with (locally: the `local` profile's value).
import http from 'k6/http';
import crypto from 'k6/crypto';
import { check } from 'k6';
import exec from 'k6/execution';
import { PAYMENT_URL, DURATION, RAMP, CUSTOMERS, int, jsonHeaders } from './lib/config.js';
import { users, orderableItems, ordersWithPayments } from './lib/setup.js';

const RATE = int('RATE', 500);
const ORDERS = int('ORDERS', 100);
const WEBHOOK_SHARE = Number(__ENV.WEBHOOK_SHARE || 0.3);
const WEBHOOK_SECRET = __ENV.STRIPE_WEBHOOK_SECRET || '';

export const options = {
  setupTimeout: '15m',
  scenarios: {
    payments: {
      executor: 'ramping-arrival-rate',
      startRate: Math.ceil(RATE / 10),
      timeUnit: '1s',
      preAllocatedVUs: int('VUS', RATE),
      maxVUs: int('MAX_VUS', RATE * 2),
      stages: [
        { target: RATE, duration: RAMP },
        { target: RATE, duration: DURATION },
      ],
    },
  },
  thresholds: {
    'http_req_failed{scenario:payments}': ['rate<0.01'],
    'http_req_duration{scenario:payments}': ['p(50)<100', 'p(95)<300', 'p(99)<800'],
    'http_req_duration{name:stripe webhook}': ['p(99)<800'],
    'checks{scenario:payments}': ['rate>0.99'],
    dropped_iterations: [`count<${Math.ceil(RATE * 0.01 * 60)}`],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

export function setup() {
  const customers = users('CUSTOMER', Math.min(CUSTOMERS, ORDERS));
  return { orders: ordersWithPayments(customers, orderableItems(), ORDERS) };
}

export default function (data) {
  const i = exec.scenario.iterationInTest;
  if (WEBHOOK_SECRET && (i % 100) < WEBHOOK_SHARE * 100) {
    webhook(i);
  } else {
    const order = data.orders[i % data.orders.length];
    const res = http.get(`${PAYMENT_URL}/api/v1/payments/orders/${order.orderId}`, {
      headers: { Authorization: `Bearer ${order.token}`, Accept: 'application/json' },
      tags: { name: 'payment by order' },
    });
    check(res, { 'payment answered 200': (r) => r.status === 200 });
  }
}

// an event type payment-service acknowledges without acting on: exercises signature check and dedup only
function webhook(i) {
  const created = Math.floor(Date.now() / 1000);
  const body = JSON.stringify({
    id: `evt_k6_${exec.vu.idInTest}_${i}_${created}`,
    object: 'event',
    type: 'charge.updated',
    api_version: '2025-09-30.clover',
    created,
    livemode: false,
    data: { object: { id: `ch_k6_${i}`, object: 'charge' } },
  });
  const signature = crypto.hmac('sha256', WEBHOOK_SECRET, `${created}.${body}`, 'hex');
  const res = http.post(`${PAYMENT_URL}/api/v1/payments/webhooks/stripe`, body, {
    headers: Object.assign({ 'Stripe-Signature': `t=${created},v1=${signature}` }, jsonHeaders),
    tags: { name: 'stripe webhook' },
  });
  check(res, { 'webhook acknowledged 200': (r) => r.status === 200 });
}
