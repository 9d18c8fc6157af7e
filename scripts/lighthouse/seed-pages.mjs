// Sets up what the Lighthouse run measures, through the public API as a real organizer and a
// guest buyer would: a few published events with cover images (so the home page has a grid of
// cards and the event page a hero image), and a held guest order to open the checkout with.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';

const EVENTS = [
  { name: 'Harbour Lights Festival', city: 'Hamburg', colors: ['#0b3954', '#e0ff4f'] },
  { name: 'Frontend Summit', city: 'Berlin', colors: ['#2a6f97', '#f4a261'] },
  { name: 'Jazz at the Old Mill', city: 'Leipzig', colors: ['#3d405b', '#e07a5f'] },
  { name: 'Open Data Meetup', city: 'Munich', colors: ['#264653', '#2a9d8f'] },
];

const DESCRIPTION =
  'An evening of talks, music and good company. Doors open an hour before the start; the bar ' +
  'stays open late. Bring your ticket on your phone or printed: the door scans either.\n\n' +
  'Step-free access through the side entrance. Children under 12 go free with an adult.';

/** A 1200 × 675 cover picture: a gradient with shapes, about the weight of a real photo's JPEG. */
function coverImage([from, to]) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675">
    <defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
    <rect width="1200" height="675" fill="url(#g)"/>
    <circle cx="900" cy="200" r="160" fill="#ffffff" fill-opacity="0.25"/>
    <circle cx="300" cy="500" r="220" fill="#000000" fill-opacity="0.15"/>
  </svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 80 }).toBuffer();
}

async function call(base, method, url, { token, body, form } = {}) {
  const headers = token ? { authorization: `Bearer ${token}` } : {};
  if (body) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${url}`, {
    method,
    headers,
    body: form ?? (body ? JSON.stringify(body) : undefined),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Publishes the events as the demo organizer (from DATA_DIR/demo-accounts.json) and holds one
 * guest order. Resolves to the three addresses to measure.
 */
export async function seedPages(base, dataDir) {
  const accounts = JSON.parse(readFileSync(path.join(dataDir, 'demo-accounts.json'), 'utf8'));
  const organizer = accounts.find((account) => account.role === 'organizer');
  const { accessToken: token } = await call(base, 'POST', '/api/auth/login', {
    body: { email: organizer.email, password: organizer.password },
  });

  const events = [];
  for (const [i, spec] of EVENTS.entries()) {
    const event = await call(base, 'POST', '/api/events', {
      token,
      body: {
        name: spec.name,
        description: DESCRIPTION,
        startsAt: new Date(Date.now() + (20 + i) * 86_400_000).toISOString(),
        timezone: 'Europe/Berlin',
        currency: 'EUR',
        capacity: 500,
        venue: { name: 'Main Hall', address: 'Am Kai 1', city: spec.city, country: 'DE' },
        ticketTypes: [
          { name: 'Standard', price: 35, limit: 400 },
          { name: 'Reduced', price: 20, limit: 50 },
          { name: 'VIP', price: 90, limit: 50, maxPerOrder: 4 },
        ],
      },
    });
    const form = new FormData();
    form.append('image', new Blob([await coverImage(spec.colors)], { type: 'image/jpeg' }), 'cover.jpg');
    await call(base, 'PUT', `/api/events/${event.id}/image`, { token, form });
    await call(base, 'POST', `/api/events/${event.id}/publish`, { token });
    events.push(event);
  }

  const [first] = events;
  const order = await call(base, 'POST', '/api/orders', {
    body: {
      eventId: first.id,
      items: [{ ticketTypeId: first.ticketTypes[0].id, quantity: 2 }],
      buyer: { email: 'guest@example.com', name: 'Gina Guest' },
    },
  });
  return {
    home: `${base}/`,
    event: `${base}/events/${first.id}`,
    checkout: `${base}/checkout/${order.id}?token=${order.orderToken}`,
  };
}
