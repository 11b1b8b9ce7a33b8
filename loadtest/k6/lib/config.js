// Settings shared by the scenarios, all from environment variables (k6 run -e NAME=value or the shell's env).
//
// Through an ingress, one BASE_URL reaches every REST service (api.<domain>). Against local processes or
// docker compose each service has its own port: the *_URL variables default to them.

export const BASE_URL = __ENV.BASE_URL || '';
const local = (port) => BASE_URL || `http://localhost:${port}`;

export const USER_URL = __ENV.USER_URL || local(3001);
export const ORDER_URL = __ENV.ORDER_URL || local(3002);
export const VENDOR_URL = __ENV.VENDOR_URL || local(3003);
export const PAYMENT_URL = __ENV.PAYMENT_URL || local(3005);
// Socket.io gateway of tracking-service: ws(s)://host[:3106] (through the ingress: wss://realtime-tracking.<domain>)
export const TRACKING_WS_URL = __ENV.TRACKING_WS_URL || 'ws://localhost:3106';

export const DURATION = __ENV.DURATION || '5m';
export const RAMP = __ENV.RAMP || '1m';

// where customers are (search centre and delivery address); vendors must deliver there
export const LAT = Number(__ENV.LAT || 52.52);
export const LNG = Number(__ENV.LNG || 13.405);
export const RADIUS_KM = Number(__ENV.RADIUS_KM || 5);

// a pool of customers shared by the virtual users: each user is rate limited on its own (600/min by default),
// so 1,000 orders/s need at least 100 customers; the pool is created on the first run and reused afterwards
export const CUSTOMERS = Number(__ENV.CUSTOMERS || 200);
export const DRIVERS = Number(__ENV.DRIVERS || 50);
export const USER_PASSWORD = __ENV.LOADTEST_PASSWORD || 'Loadtest-Only-Pass-2026';
export const USER_DOMAIN = __ENV.LOADTEST_EMAIL_DOMAIN || 'loadtest.delivery.example.com';

export function int(name, fallback) {
  return Number(__ENV[name] || fallback);
}

export const jsonHeaders = { 'Content-Type': 'application/json', Accept: 'application/json' };
