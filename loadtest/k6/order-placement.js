// Order placement at 1,000 requests/s (checkout: POST /api/v1/orders, priced by the vendor's quote).
//   k6 run -e BASE_URL=https://api.staging.delivery.example.com loadtest/k6/order-placement.js
//   k6 run -e RATE=200 -e DURATION=2m loadtest/k6/order-placement.js          (local: services on their ports)
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { ORDER_URL, DURATION, RAMP, CUSTOMERS, int, jsonHeaders } from './lib/config.js';
import { users, orderableItems, orderBody } from './lib/setup.js';

const RATE = int('RATE', 1000);

export const options = {
  setupTimeout: '10m',
  scenarios: {
    orders: {
      executor: 'ramping-arrival-rate',
      startRate: Math.ceil(RATE / 10),
      timeUnit: '1s',
      preAllocatedVUs: int('VUS', Math.ceil(RATE / 2)),
      maxVUs: int('MAX_VUS', RATE * 2),
      stages: [
        { target: RATE, duration: RAMP },
        { target: RATE, duration: DURATION },
      ],
    },
  },
  thresholds: {
    'http_req_failed{scenario:orders}': ['rate<0.01'],
    'http_req_duration{scenario:orders}': ['p(50)<200', 'p(95)<500', 'p(99)<1000'],
    'checks{scenario:orders}': ['rate>0.99'],
    dropped_iterations: [`count<${Math.ceil(RATE * 0.01 * 60)}`],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

export function setup() {
  return { customers: users('CUSTOMER', CUSTOMERS), vendors: orderableItems() };
}

export default function (data) {
  const i = exec.scenario.iterationInTest;
  const token = data.customers[i % data.customers.length];
  const res = http.post(`${ORDER_URL}/api/v1/orders`, orderBody(data.vendors[i % data.vendors.length], i), {
    headers: Object.assign({ Authorization: `Bearer ${token}`, 'Idempotency-Key': `k6-${exec.vu.idInTest}-${i}-${Date.now()}` }, jsonHeaders),
    tags: { name: 'POST /api/v1/orders' },
  });
  check(res, {
    'order created (201)': (r) => r.status === 201,
    'order is PENDING_PAYMENT': (r) => r.status !== 201 || r.json('status') === 'PENDING_PAYMENT',
  });
}
