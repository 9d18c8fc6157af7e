import { openDatabase, getEventAnalytics, getPlatformAnalytics, systemClock } from '@eventhub/core';
const { db } = openDatabase({ sqliteFile: process.argv[2] });
const ev = await db.selectFrom('events').select(['id', 'organizer_id']).where('name', '=', 'Stadium Tour').executeTakeFirstOrThrow();
const actor = { userId: ev.organizer_id, role: 'organizer' as const, organizerId: ev.organizer_id, sessionId: 'x' };
const admin = { userId: 'a', role: 'admin' as const, organizerId: null, sessionId: 'x' };
for (const [name, fn] of [['event', () => getEventAnalytics({ db, clock: systemClock }, actor, ev.id, {})], ['platform', () => getPlatformAnalytics({ db }, admin, {})]] as const) {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < 40; i++) { const t = performance.now(); await fn(); times.push(performance.now() - t); }
  times.sort((a, b) => a - b);
  console.log(name, 'p50', times[20]!.toFixed(1), 'max', times[39]!.toFixed(1));
}
