// The smoke journey through a running EventHub (the container smoke.sh starts, or any URL):
// readiness, the web app, metrics protection, an organizer's event with an image, a customer's
// paid order and its ticket admitted once at the door. Exits non-zero on the first wrong answer.
//   SMOKE_URL=http://127.0.0.1:3000 METRICS_TOKEN=… ADMIN_EMAIL=… ADMIN_PASSWORD=… node smoke.mjs
// (SMOKE_WEB=false for a server started with SERVE_WEB=false.)
import { randomUUID } from 'node:crypto';
import { deflateSync } from 'node:zlib';

const base = (process.env.SMOKE_URL ?? 'http://127.0.0.1:3000').replace(/\/$/, '');
const { METRICS_TOKEN, ADMIN_EMAIL, ADMIN_PASSWORD } = process.env;
const PASSWORD = 'correct horse battery staple';
const started = performance.now();

async function step(name, fn) {
  const t0 = performance.now();
  try {
    const result = await fn();
    console.log(`  ok   ${name}  (${Math.round(performance.now() - t0)} ms)`);
    return result;
  } catch (error) {
    console.error(`  FAIL ${name}: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** One request; fails unless the status is the expected one. Returns the parsed body. */
async function call(method, path, { token, body, headers = {}, expect = 200 } = {}) {
  const init = { method, headers: { ...headers } };
  if (token) init.headers.authorization = `Bearer ${token}`;
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(base + path, init);
  const text = await res.text();
  if (res.status !== expect)
    throw new Error(`${method} ${path} → ${res.status}, expected ${expect}: ${text.slice(0, 300)}`);
  const type = res.headers.get('content-type') ?? '';
  return type.includes('json') ? JSON.parse(text) : text;
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

/** A small valid PNG (solid colour), so the upload goes through sharp's decoder in the image. */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc32 = (buf) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, 'ascii');
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x5a)]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const signUp = (role, name) =>
  call('POST', '/api/auth/register', {
    body: { email: `smoke-${role}-${randomUUID().slice(0, 8)}@example.test`, password: PASSWORD, name, role },
    expect: 201,
  });

console.log(`smoke journey against ${base}`);

await step('GET /healthz and /readyz → 200', async () => {
  check((await call('GET', '/healthz')).status === 'ok', 'healthz not ok');
  check((await call('GET', '/readyz')).status === 'ok', 'readyz not ok');
});

if (process.env.SMOKE_WEB !== 'false') {
  await step('GET / → the web app (HTML from Next)', async () => {
    const html = await call('GET', '/');
    check(typeof html === 'string' && html.includes('<html'), 'home page is not HTML');
  });
}

await step('GET /metrics → 401 without the token, 200 with it', async () => {
  await call('GET', '/metrics', { expect: 401 });
  const text = await call('GET', '/metrics', { token: METRICS_TOKEN });
  check(text.includes('process_resident_memory_bytes'), 'metrics lack process figures');
});

if (ADMIN_EMAIL && ADMIN_PASSWORD) {
  await step('admin from ADMIN_EMAIL/ADMIN_PASSWORD signs in', async () => {
    const admin = await call('POST', '/api/auth/login', {
      body: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD },
    });
    check(admin.user.role === 'admin', `admin has role ${admin.user.role}`);
  });
}

const organizer = await step('organizer signs up', () => signUp('organizer', 'Smoke Organizer'));

const event = await step('organizer creates an event with one tier', async () => {
  const startsAt = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
  const created = await call('POST', '/api/events', {
    token: organizer.accessToken,
    expect: 201,
    body: {
      name: `Container smoke ${new Date().toISOString()}`,
      capacity: 100,
      startsAt,
      venue: { name: 'Smoke Hall', address: '1 Test Street', city: 'Testville', country: 'DE' },
      ticketTypes: [{ name: 'General', price: 25, limit: 100 }],
    },
  });
  check(created.status === 'draft' && created.ticketTypes.length === 1, 'unexpected event body');
  return created;
});

const image = await step('organizer uploads the event image (sharp, upload volume)', async () => {
  const form = new FormData();
  form.append('image', new Blob([png(64, 48)], { type: 'image/png' }), 'poster.png');
  return call('PUT', `/api/events/${event.id}/image`, { token: organizer.accessToken, body: form });
});

await step('organizer publishes the event; anyone sees it and its image', async () => {
  await call('POST', `/api/events/${event.id}/publish`, { token: organizer.accessToken });
  const seen = await call('GET', `/api/events/${event.id}`);
  check(seen.status === 'published', `event is ${seen.status}`);
  const res = await fetch(new URL(image.imageUrl, base));
  check(res.ok && /^image\//.test(res.headers.get('content-type') ?? ''), `image not served: ${res.status}`);
});

const customer = await step('customer signs up', () => signUp('customer', 'Smoke Customer'));

const order = await step('customer orders one ticket', async () => {
  const placed = await call('POST', '/api/orders', {
    token: customer.accessToken,
    headers: { 'idempotency-key': randomUUID() },
    body: { eventId: event.id, items: [{ ticketTypeId: event.ticketTypes[0].id, quantity: 1 }] },
    expect: 201,
  });
  check(placed.status === 'pending' && placed.total === 25, `order ${placed.status} total ${placed.total}`);
  return placed;
});

await step('customer pays with the test provider', async () => {
  const paid = await call('POST', `/api/orders/${order.id}/pay`, {
    token: customer.accessToken,
    body: { outcome: 'succeeded' },
  });
  check(paid.status === 'paid', `order is ${paid.status}`);
});

const ticket = await step("customer's ticket has a code", async () => {
  const tickets = await call('GET', `/api/orders/${order.id}/tickets`, { token: customer.accessToken });
  check(tickets.length === 1 && tickets[0].status === 'valid' && tickets[0].code, 'no valid ticket');
  return tickets[0];
});

await step('door scan by the organizer → admitted', async () => {
  const scan = await call('POST', '/api/tickets/validate', {
    token: organizer.accessToken,
    body: { code: ticket.code, eventId: event.id },
  });
  check(scan.result === 'valid' && scan.ticket.id === ticket.id, `scan said ${JSON.stringify(scan)}`);
});

await step('second scan → 409 already_used', async () => {
  const again = await call('POST', '/api/tickets/validate', {
    token: organizer.accessToken,
    body: { code: ticket.code, eventId: event.id },
    expect: 409,
  });
  check(again.code === 'already_used', `second scan said ${again.code}`);
});

console.log(`smoke journey passed in ${Math.round(performance.now() - started)} ms`);
