// Vendor search at 5,000 requests/s: geo + text vendor search, menu item search and autocomplete (anonymous).
//   k6 run -e BASE_URL=https://api.staging.delivery.example.com loadtest/k6/vendor-search.js
import http from 'k6/http';
import { check } from 'k6';
import exec from 'k6/execution';
import { VENDOR_URL, DURATION, RAMP, LAT, LNG, RADIUS_KM, int } from './lib/config.js';

const RATE = int('RATE', 5000);
const TERMS = ['pizza', 'sushi', 'burger', 'pharmacy', 'grocery', 'vegan', 'thai', 'bakery', 'salad', 'coffee'];
const PREFIXES = ['pi', 'su', 'bu', 'ph', 'gr', 've', 'th', 'ba', 'sa', 'co'];

export const options = {
  scenarios: {
    search: {
      executor: 'ramping-arrival-rate',
      startRate: Math.ceil(RATE / 10),
      timeUnit: '1s',
      preAllocatedVUs: int('VUS', Math.ceil(RATE / 5)),
      maxVUs: int('MAX_VUS', RATE),
      stages: [
        { target: RATE, duration: RAMP },
        { target: RATE, duration: DURATION },
      ],
    },
  },
  thresholds: {
    'http_req_failed{scenario:search}': ['rate<0.01'],
    'http_req_duration{scenario:search}': ['p(50)<100', 'p(95)<250', 'p(99)<500'],
    'http_req_duration{name:vendor search}': ['p(99)<500'],
    'http_req_duration{name:autocomplete}': ['p(99)<200'],
    'checks{scenario:search}': ['rate>0.99'],
    dropped_iterations: [`count<${Math.ceil(RATE * 0.01 * 60)}`],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

export default function () {
  const i = exec.scenario.iterationInTest;
  // spread the centre a little so caches do not answer everything
  const lat = (LAT + ((i % 21) - 10) * 0.002).toFixed(5);
  const lng = (LNG + ((i % 17) - 8) * 0.002).toFixed(5);
  const pick = i % 20;
  let res;
  if (pick < 12) {
    res = http.get(`${VENDOR_URL}/api/v1/vendors/search?q=${TERMS[i % TERMS.length]}&lat=${lat}&lng=${lng}&radiusKm=${RADIUS_KM}&size=20`,
      { tags: { name: 'vendor search' } });
  } else if (pick < 17) {
    res = http.get(`${VENDOR_URL}/api/v1/menu-items/search?q=${TERMS[i % TERMS.length]}&lat=${lat}&lng=${lng}&radiusKm=${RADIUS_KM}&availableOnly=true`,
      { tags: { name: 'menu item search' } });
  } else {
    res = http.get(`${VENDOR_URL}/api/v1/vendors/autocomplete?prefix=${PREFIXES[i % PREFIXES.length]}`,
      { tags: { name: 'autocomplete' } });
  }
  check(res, { 'search answered 200': (r) => r.status === 200 });
}
