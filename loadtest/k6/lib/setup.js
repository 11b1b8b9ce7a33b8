// Test data for the scenarios, made in k6's setup() through the public API (never by touching databases).
import http from 'k6/http';
import { fail, sleep } from 'k6';
import {
  USER_URL, VENDOR_URL, ORDER_URL, PAYMENT_URL, LAT, LNG, RADIUS_KM, USER_PASSWORD, USER_DOMAIN, jsonHeaders,
} from './config.js';

const SETUP_PARAMS = { headers: jsonHeaders, tags: { name: 'setup' }, responseCallback: http.expectedStatuses(200, 201, 401, 409) };

/** Logs in (or first registers) `count` users of `role`; returns their access tokens. */
export function users(role, count) {
  const tokens = [];
  for (let i = 0; i < count; i++) {
    const email = `loadtest-${role.toLowerCase()}-${i}@${USER_DOMAIN}`;
    let token = login(email);
    if (!token) {
      const res = http.post(`${USER_URL}/api/v1/auth/register`, JSON.stringify({
        email, password: USER_PASSWORD, fullName: `Load Test ${role} ${i}`, role,
      }), SETUP_PARAMS);
      if (res.status !== 201 && res.status !== 200 && res.status !== 409) {
        fail(`cannot register ${email}: ${res.status} ${res.body} (raise the rate limits for load tests, docs/DEPLOYMENT.md)`);
      }
      token = login(email);
    }
    if (!token) fail(`cannot log in ${email}`);
    tokens.push(token);
  }
  return tokens;
}

function login(email) {
  const res = http.post(`${USER_URL}/api/v1/auth/login`, JSON.stringify({ email, password: USER_PASSWORD }), SETUP_PARAMS);
  return res.status === 200 ? res.json('accessToken') : null;
}

/** Orderable menu items near the customers, grouped by vendor: [{vendorId, itemIds: [...]}]. */
export function orderableItems() {
  const res = http.get(
    `${VENDOR_URL}/api/v1/menu-items/search?availableOnly=true&lat=${LAT}&lng=${LNG}&radiusKm=${RADIUS_KM}&size=100`,
    { tags: { name: 'setup' } });
  if (res.status !== 200) fail(`menu item search failed: ${res.status} ${res.body}`);
  const byVendor = {};
  for (const hit of res.json('items') || []) {
    (byVendor[hit.vendorId] = byVendor[hit.vendorId] || []).push(hit.menuItemId);
  }
  const vendors = Object.keys(byVendor).map((vendorId) => ({ vendorId, itemIds: byVendor[vendorId] }));
  if (vendors.length === 0) {
    fail(`no available menu items within ${RADIUS_KM} km of ${LAT},${LNG}: seed approved, open vendors with menus first`);
  }
  return vendors;
}

export function orderBody(vendor, i) {
  const items = vendor.itemIds.slice(0, 1 + (i % Math.min(3, vendor.itemIds.length)))
    .map((menuItemId) => ({ menuItemId, quantity: 1 + (i % 2) }));
  return JSON.stringify({
    vendorId: vendor.vendorId,
    items,
    deliveryAddress: { line1: `Loadtest Street ${i % 500}`, city: 'Berlin', postalCode: '10115', lat: LAT + 0.001, lng: LNG + 0.001 },
    tipMinor: 100,
  });
}

/** Places `count` orders (spread over the customers) and waits until payment-service has a payment for each. */
export function ordersWithPayments(customers, vendors, count) {
  const orders = [];
  for (let i = 0; i < count; i++) {
    const token = customers[i % customers.length];
    const res = http.post(`${ORDER_URL}/api/v1/orders`, orderBody(vendors[i % vendors.length], i), {
      headers: Object.assign({ Authorization: `Bearer ${token}` }, jsonHeaders), tags: { name: 'setup' },
    });
    if (res.status !== 201 && res.status !== 200) fail(`cannot place setup order: ${res.status} ${res.body}`);
    orders.push({ orderId: res.json('id'), token });
  }
  for (const order of orders) { // order.created -> payment-service creates the intent asynchronously
    let found = false;
    for (let attempt = 0; attempt < 30 && !found; attempt++) {
      const res = http.get(`${PAYMENT_URL}/api/v1/payments/orders/${order.orderId}`, {
        headers: { Authorization: `Bearer ${order.token}` }, tags: { name: 'setup' },
        responseCallback: http.expectedStatuses(200, 404),
      });
      found = res.status === 200;
      if (!found) sleep(1);
    }
    if (!found) fail(`no payment appeared for order ${order.orderId} within 30 s (is Kafka flowing?)`);
  }
  return orders;
}
