// Drives the official socket.io JS client (npm socket.io-client 4.x) with its DEFAULT options - HTTP long-polling
// first, then the upgrade to WebSocket - against a running gateway, many times, and reports every connection that
// got stuck. Run by DefaultJsClientIT, OrderGatewayClientsIT, TrackingGatewayClientsIT (JsSocketClient); by hand:
//   node default-client.mjs plan.json
// plan.json: {"url": "http://127.0.0.1:PORT", "concurrency": 8, "stepTimeoutMs": 5000, "latencyMs": 30,
//             "connections": [{"token": "...", "room": "thing:..."}, ...]}
// The gateway must answer `join` (ack {ok, room}) and `echo` {room, nonce} (ack {ok: true}, then a broadcast
// `echoed` {nonce} to the room); the tests register `echo` on the gateway they start.
// Prints one JSON line per failed connection and a last line: {"total","ok","stuck","upgraded","latencyMs","ms"}.
// Exit code 0 when every connection passed, 1 otherwise.
import { readFileSync } from "node:fs";
import net from "node:net";
import { io } from "socket.io-client";

const plan = JSON.parse(readFileSync(process.argv[2], "utf8"));
const stepTimeoutMs = plan.stepTimeoutMs ?? 5000;
const concurrency = plan.concurrency ?? 8;
const latencyMs = plan.latencyMs ?? 0;

/**
 * With latencyMs > 0 the clients connect through a local TCP proxy that delays what the gateway sends by a fixed,
 * random 0..latencyMs per connection, as different network paths would: the poll and the WebSocket of one client
 * see different latencies, so their answers may arrive in either order, as they do for real clients.
 */
async function latencyProxy(target) {
  const { hostname, port } = new URL(target);
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(port), hostname);
    const delay = Math.floor(Math.random() * (latencyMs + 1));
    client.pipe(upstream);
    upstream.on("data", (chunk) => setTimeout(() => client.write(chunk), delay));
    upstream.on("end", () => setTimeout(() => client.end(), delay));
    upstream.on("error", () => client.destroy());
    client.on("error", () => upstream.destroy());
    client.on("close", () => upstream.destroy());
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, server };
}
const proxy = latencyMs > 0 ? await latencyProxy(plan.url) : null;
const url = proxy ? proxy.url : plan.url;

function withTimeout(promise, what, state) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${stepTimeoutMs} ms waiting for ${what}`)), stepTimeoutMs);
    }),
  ]).finally(() => clearTimeout(timer)).then((value) => {
    state.steps.push(what);
    return value;
  });
}

function ask(socket, event, payload) {
  return new Promise((resolve) => socket.emit(event, payload, (answer) => resolve(answer)));
}

function heard(socket, event, nonce) {
  return new Promise((resolve) => {
    const listener = (data) => {
      if (data && data.nonce === nonce) {
        socket.off(event, listener);
        resolve(data);
      }
    };
    socket.on(event, listener);
  });
}

/** One connection with default options: connect, join (ack), echo (ack + broadcast), again after the upgrade. */
async function run(index, { token, room }) {
  const state = { index, steps: [], transports: ["polling"], events: [] };
  const socket = io(url, {
    auth: { token },
    reconnection: false,
    forceNew: true,
  });
  // the Manager opens its engine synchronously (autoConnect): listen before the upgrade can happen
  const engine = socket.io.engine;
  const upgraded = new Promise((resolve) => {
    if (engine.transport && engine.transport.name === "websocket") resolve();
    engine.on("upgrade", (transport) => {
      state.transports.push(transport.name);
      resolve();
    });
  });
  socket.on("disconnect", (reason) => state.events.push(`disconnect: ${reason}`));
  engine.on("close", (reason, description) =>
    state.events.push(`engine close: ${reason}${description && description.message ? ` (${description.message})` : ""}`));
  engine.on("upgradeError", (e) => state.events.push(`upgrade error: ${e.message}`));
  try {
    await withTimeout(new Promise((resolve, reject) => {
      socket.on("connect", () => {
        state.sid = engine.id;
        resolve();
      });
      socket.on("connect_error", (e) => reject(new Error(`connect_error: ${e.message}`)));
    }), "connect", state);

    const joined = await withTimeout(ask(socket, "join", room), "join ack", state);
    if (!joined || joined.ok !== true) throw new Error(`join refused: ${JSON.stringify(joined)}`);

    for (const round of ["first", "after-upgrade"]) {
      if (round === "after-upgrade") await withTimeout(upgraded, "upgrade to websocket", state);
      const nonce = `${index}-${round}-${Math.random().toString(36).slice(2)}`;
      const broadcast = heard(socket, "echoed", nonce);
      const ack = await withTimeout(ask(socket, "echo", { room, nonce }), `echo ack (${round})`, state);
      if (!ack || ack.ok !== true) throw new Error(`echo refused: ${JSON.stringify(ack)}`);
      await withTimeout(broadcast, `broadcast (${round})`, state);
    }
    return { ok: true, upgraded: socket.io.engine.transport.name === "websocket" };
  } catch (e) {
    return {
      ok: false,
      failure: { ...state, error: e.message, transport: engine && engine.transport ? engine.transport.name : null, sid: engine.id ?? state.sid },
    };
  } finally {
    socket.disconnect();
  }
}

const started = Date.now();
let next = 0;
let ok = 0;
let stuck = 0;
let upgradedCount = 0;
async function worker() {
  while (next < plan.connections.length) {
    const index = next++;
    const result = await run(index, plan.connections[index]);
    if (result.ok) {
      ok++;
      if (result.upgraded) upgradedCount++;
    } else {
      stuck++;
      console.log(JSON.stringify(result.failure));
    }
  }
}
await Promise.all(Array.from({ length: Math.min(concurrency, plan.connections.length) }, worker));
if (proxy) proxy.server.close();
console.log(JSON.stringify({ total: plan.connections.length, ok, stuck, upgraded: upgradedCount, latencyMs, ms: Date.now() - started }));
process.exit(stuck === 0 && ok === plan.connections.length ? 0 : 1);
