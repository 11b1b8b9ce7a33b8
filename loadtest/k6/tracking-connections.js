// 10,000 concurrent Socket.io connections to the tracking gateway (WebSocket transport, Engine.IO v4):
// customers watching orders, plus a share of drivers sending location updates every few seconds.
//   k6 run -e TRACKING_WS_URL=wss://realtime-tracking.staging.delivery.example.com -e BASE_URL=https://api.staging... \
//          loadtest/k6/tracking-connections.js
// 10,000 VUs need a large load generator (roughly 1-2 MB per VU) or k6 distributed over several machines
// (k6 operator / Grafana Cloud k6 with CONNECTIONS split between them).
import ws from 'k6/ws';
import { check } from 'k6';
import exec from 'k6/execution';
import { Counter, Rate, Trend } from 'k6/metrics';
import { TRACKING_WS_URL, DURATION, RAMP, CUSTOMERS, DRIVERS, LAT, LNG, int } from './lib/config.js';
import { users } from './lib/setup.js';

const CONNECTIONS = int('CONNECTIONS', 10000);
const HOLD_SECONDS = int('HOLD_SECONDS', 120);
const DRIVER_SHARE = Number(__ENV.DRIVER_SHARE || 0.1);
const UPDATE_SECONDS = int('UPDATE_SECONDS', 4);

const connected = new Rate('socketio_connect_success');
const connectTime = new Trend('socketio_connect_time', true);
const received = new Counter('socketio_messages_received');
const sent = new Counter('socketio_location_updates_sent');
const refused = new Counter('socketio_connect_refused');

export const options = {
  setupTimeout: '10m',
  scenarios: {
    tracking: {
      executor: 'ramping-vus',
      startVUs: 0,
      stages: [
        { target: CONNECTIONS, duration: RAMP },
        { target: CONNECTIONS, duration: DURATION },
        { target: 0, duration: '30s' },
      ],
      gracefulRampDown: '30s',
    },
  },
  thresholds: {
    socketio_connect_success: ['rate>0.99'],
    socketio_connect_time: ['p(50)<300', 'p(95)<1000', 'p(99)<2000'],
    ws_connecting: ['p(95)<1000'],
    // sessions must last: a gateway dropping sockets early shows here
    ws_session_duration: [`p(10)>${HOLD_SECONDS * 1000 * 0.9}`],
    socketio_connect_refused: ['count<10'],
  },
  summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(95)', 'p(99)', 'max'],
};

export function setup() {
  return { customers: users('CUSTOMER', CUSTOMERS), drivers: users('DRIVER', DRIVERS) };
}

export default function (data) {
  const vu = exec.vu.idInTest;
  const isDriver = (vu % 100) < DRIVER_SHARE * 100;
  const token = isDriver ? data.drivers[vu % data.drivers.length] : data.customers[vu % data.customers.length];
  const url = `${TRACKING_WS_URL}/socket.io/?EIO=4&transport=websocket`;
  const started = Date.now();
  let socketConnected = false;

  const res = ws.connect(url, { headers: { Authorization: `Bearer ${token}` }, tags: { name: 'tracking socket' } }, (socket) => {
    socket.on('message', (msg) => {
      if (msg === '2') { // Engine.IO ping -> pong
        socket.send('3');
      } else if (msg.startsWith('0{')) { // Engine.IO open -> Socket.io CONNECT with the token as auth payload
        socket.send(`40${JSON.stringify({ token })}`);
      } else if (msg.startsWith('40')) { // CONNECT acknowledged
        socketConnected = true;
        connected.add(true);
        connectTime.add(Date.now() - started);
        if (isDriver) {
          socket.setInterval(() => {
            const update = {
              lat: LAT + (Math.random() - 0.5) * 0.02, lng: LNG + (Math.random() - 0.5) * 0.02,
              heading: Math.floor(Math.random() * 360), speed: 6 + Math.random() * 6, accuracy: 8, ts: new Date().toISOString(),
            };
            socket.send(`42${JSON.stringify(['location:update', update])}`);
            sent.add(1);
          }, UPDATE_SECONDS * 1000);
        }
      } else if (msg.startsWith('44')) { // CONNECT_ERROR: token refused
        refused.add(1);
        socket.close();
      } else if (msg.startsWith('42') || msg.startsWith('43')) {
        received.add(1);
      }
    });
    socket.setTimeout(() => socket.close(), HOLD_SECONDS * 1000);
  });
  if (!socketConnected) connected.add(false);
  check(res, { 'websocket upgraded (101)': (r) => r && r.status === 101 });
}
