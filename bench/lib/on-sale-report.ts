import type { ArrivalOutcome } from './arriving-buyers';
import type { OrderMail, TierSales } from './sale-records';
import { peakMemory } from './server-memory';
import type { ServerSample } from './server-sampler';
import { lineChartSvg, type Panel } from './svg-chart';
import { percentile, type Summary, type Timeline, type Window } from './timeline';

/** Issue 15's targets on the 2-core machine. */
export const TARGETS = { payToMailP99Seconds: 60, doorP99Ms: 50, pageP99Ms: 200 };
const WINDOW_SECONDS = 5;

/** What an on-sale run measured; seconds count from the sale's start. */
export interface SaleRun {
  engine: 'sqlite' | 'postgres';
  buyers: number;
  durationSeconds: number;
  /** When the last checkout was answered. */
  saleEnded: number;
  /** The door and the page are measured on until the backlog drains, or this long after the sale. */
  drainCapSeconds: number;
  door: { scanners: number; scansPerSecond: number; timeline: Timeline };
  pages: { visitors: number; thinkSeconds: number; timeline: Timeline };
  checkouts: Timeline;
  outcome: ArrivalOutcome;
  /** Every second from the warm-up until the backlog drained (or the cap). */
  samples: ServerSample[];
  /** The sale's start on the wall clock (ms since the epoch), to place the server's timestamps. */
  zeroEpochMs: number;
  mails: OrderMail[];
  tiers: TierSales[];
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
const seconds = (ms: number | null) => (ms === null ? null : Math.round(ms / 100) / 10);

/** Payment-to-confirmation delays, ms; a message not yet written counts as later than any. */
function mailDelays(run: SaleRun) {
  const delays = run.mails
    .map((m) => (m.sentAt === null ? Infinity : m.sentAt - m.paidAt))
    .sort((a, b) => a - b);
  const finite = (ms: number | null) => (ms === null || ms === Infinity ? null : ms);
  return {
    paidOrders: run.mails.length,
    written: delays.filter((d) => d !== Infinity).length,
    p50Seconds: seconds(finite(percentile(delays, 50))),
    p99Seconds: seconds(finite(percentile(delays, 99))),
    maxSeconds: seconds(finite(delays.at(-1) ?? null)),
    maxWrittenSeconds: seconds(delays.filter((d) => d !== Infinity).at(-1) ?? null),
  };
}

/** Per-second counts of events at `atSeconds`, over [from, to). */
function perSecond(atSeconds: number[], from: number, to: number): [number, number][] {
  const counts = new Map<number, number>();
  for (const at of atSeconds) counts.set(Math.floor(at), (counts.get(Math.floor(at)) ?? 0) + 1);
  return Array.from({ length: Math.max(0, Math.ceil(to) - from) }, (_, i) => [
    from + i,
    counts.get(from + i) ?? 0,
  ]);
}

function series(run: SaleRun) {
  const end = Math.max(run.saleEnded, run.samples.at(-1)?.second ?? 0);
  const paid = perSecond(
    run.outcome.paid.map((p) => p.paidAfterMs / 1000),
    0,
    run.saleEnded,
  );
  const written = perSecond(
    run.mails.flatMap((m) => (m.sentAt === null ? [] : [(m.sentAt - run.zeroEpochMs) / 1000])),
    0,
    end,
  );
  const refused = perSecond(
    run.checkouts.samples.filter((s) => s.status === 409).map((s) => s.at / 1000),
    0,
    run.saleEnded,
  );
  // The p99 of the confirmations of the orders paid in each window: how late the mail runs.
  const mailLag = Array.from({ length: Math.ceil(run.saleEnded / WINDOW_SECONDS) }, (_, i) => {
    const from = run.zeroEpochMs + i * WINDOW_SECONDS * 1000;
    const delays = run.mails
      .filter((m) => m.paidAt >= from && m.paidAt < from + WINDOW_SECONDS * 1000)
      .map((m) => (m.sentAt === null ? Infinity : m.sentAt - m.paidAt))
      .sort((a, b) => a - b);
    const p99 = percentile(delays, 99);
    return [i * WINDOW_SECONDS, p99 === null || p99 === Infinity ? null : p99 / 1000] as [
      number,
      number | null,
    ];
  });
  const during = run.samples.filter((s) => s.second >= 0);
  return { paid, written, refused, mailLag, during };
}

/** Prints the run's tables and verdict lines; returns the figures for the JSON report. */
export function reportOnSale(run: SaleRun): Record<string, unknown> {
  const { durationSeconds: duration, outcome } = run;
  const end = measuredEnd(run);
  const door = run.door.timeline.summary(0, duration);
  const pages = run.pages.timeline.summary(0, duration);
  const doorAfter = run.door.timeline.summary(duration, end);
  const pagesAfter = run.pages.timeline.summary(duration, end);
  const checkouts = run.checkouts.summary(0, run.saleEnded + 1);
  const doorWindows = run.door.timeline.windows(0, duration, WINDOW_SECONDS);
  const pageWindows = run.pages.timeline.windows(0, duration, WINDOW_SECONDS);
  const doorWindowsAfter = run.door.timeline.windows(duration, end, WINDOW_SECONDS);
  const pageWindowsAfter = run.pages.timeline.windows(duration, end, WINDOW_SECONDS);
  const mail = mailDelays(run);
  const { paid, written, refused, during } = series(run);
  const tickets = sum(outcome.paid.map((p) => p.tickets));
  const last = run.samples.at(-1);
  const drainedAfter = last && last.pending === 0 ? Math.round(last.second - run.saleEnded) : null;
  const memory = peakMemory(during.map((s) => s.memory));
  const other4xx = sum(Object.values(outcome.other4xx));
  const status5xx =
    outcome.status5xx + door.status5xx + pages.status5xx + doorAfter.status5xx + pagesAfter.status5xx;
  const oversold = run.tiers.filter((t) => t.oversold);

  console.log(
    `\nOn-sale (${run.engine}${run.engine === 'postgres' ? ', WEB_CONCURRENCY=2' : ''}, compiled server, API only): ${run.buyers} buyers over ${duration} s, ${run.door.scanners} scanners × ${run.door.scansPerSecond}/s, ${run.pages.visitors} page visitors (think ${run.pages.thinkSeconds} s)`,
  );
  console.table([
    { load: 'checkout: POST /api/orders (+ pay once placed)', ...row(checkouts, run.saleEnded) },
    { load: `door: POST /api/tickets/validate, sale`, ...row(door, duration) },
    { load: `door, after the sale (${Math.round(end - duration)} s)`, ...row(doorAfter, end - duration) },
    { load: 'event page: GET /api/events/:id + /questions, sale', ...row(pages, duration) },
    {
      load: `event page, after the sale (${Math.round(end - duration)} s)`,
      ...row(pagesAfter, end - duration),
    },
  ]);
  console.log('Orders');
  console.table([
    {
      'paid orders': outcome.paid.length,
      'orders/s accepted': Math.round(outcome.paid.length / duration),
      tickets,
      'sold out (409)': outcome.soldOut,
      'other 4xx': other4xx,
      '5xx': outcome.status5xx,
      'no answer': sum(Object.values(outcome.errors)),
      'most checkouts at once': outcome.peakInFlight,
    },
  ]);
  if (other4xx > 0) console.log('Other 4xx:', outcome.other4xx);
  if (Object.keys(outcome.errors).length > 0) console.log('No answer:', outcome.errors);
  console.log('Tickets per tier (database), against capacity');
  console.table(run.tiers);
  console.log('Confirmation e-mails: payment (paid_at) to written (outbox sent_at), seconds');
  console.table([
    {
      ...mail,
      'backlog peak': Math.max(0, ...run.samples.map((s) => s.pending)),
      'drained after sale (s)': drainedAfter,
      'pending at the end': last?.pending ?? null,
      failed: last?.failed ?? null,
    },
  ]);
  const windowRows = (from: number, to: number, size: number) => {
    const pageWindows = run.pages.timeline.windows(from, to, size);
    return run.door.timeline.windows(from, to, size).map((w, i) => {
      const inWindow = during.filter((s) => s.second >= w.second && s.second < w.second + size);
      const peak = peakMemory(inWindow.map((s) => s.memory));
      const count = (list: [number, number][]) =>
        sum(list.filter(([s]) => s >= w.second && s < w.second + size).map(([, n]) => n));
      return {
        second: w.second,
        'orders/s': Math.round((count(paid) / size) * 10) / 10,
        '409/s': Math.round((count(refused) / size) * 10) / 10,
        'mails/s': Math.round((count(written) / size) * 10) / 10,
        backlog: inWindow.at(-1)?.pending ?? null,
        'door p99 ms': w.p99Ms,
        'page p99 ms': pageWindows[i]?.p99Ms ?? null,
        'API RSS': peak.apiAllMiB,
        'mail RSS': peak.mailAllMiB,
      };
    });
  };
  console.log(
    `Per ${WINDOW_SECONDS}-second window of the sale (seconds from its start; RSS: max in the window, MiB)`,
  );
  console.table(windowRows(0, duration, WINDOW_SECONDS));
  if (end > duration) {
    console.log(
      `After the sale, per 30-second window, until the backlog drained or ${run.drainCapSeconds} s`,
    );
    console.table(windowRows(duration, end, 30));
  }
  console.log('Resident memory during the sale and the drain (max, MiB)');
  console.table([memory]);

  const verdicts = [
    verdict(
      'pay → e-mail p99',
      mail.p99Seconds !== null && mail.p99Seconds < TARGETS.payToMailP99Seconds,
      mail.p99Seconds === null
        ? `over ${mail.maxWrittenSeconds ?? 0} s: ${mail.paidOrders - mail.written} of ${mail.paidOrders} confirmations not written when measuring stopped`
        : `${mail.p99Seconds} s (max ${mail.maxSeconds} s)`,
      `< ${TARGETS.payToMailP99Seconds} s`,
    ),
    throughout('door p99, sale', door, doorWindows, TARGETS.doorP99Ms),
    throughout('event page p99, sale', pages, pageWindows, TARGETS.pageP99Ms),
    ...(end > duration
      ? [
          throughout('door p99, after the sale', doorAfter, doorWindowsAfter, TARGETS.doorP99Ms),
          throughout('event page p99, after the sale', pagesAfter, pageWindowsAfter, TARGETS.pageP99Ms),
        ]
      : []),
    verdict('5xx', status5xx === 0, String(status5xx), '0'),
    verdict(
      'oversell',
      oversold.length === 0,
      oversold.length === 0 ? 'none' : oversold.map((t) => `${t.tier} ${t.tickets}/${t.capacity}`).join(', '),
      'tickets per tier ≤ capacity',
    ),
  ];
  console.log('');
  for (const v of verdicts) console.log(v.line);
  return {
    checkouts,
    door,
    pages,
    orders: { ...outcome, paid: outcome.paid.length, tickets },
    mail,
    tiers: run.tiers,
    memory,
    after: { door: doorAfter, pages: pagesAfter },
    windows: {
      door: [...doorWindows, ...doorWindowsAfter],
      pages: [...pageWindows, ...pageWindowsAfter],
    },
    samples: run.samples,
    status5xx,
    verdicts: verdicts.map(({ name, met, measured, target }) => ({ name, met, measured, target })),
  };
}

const within = (ms: number | null, limit: number) => ms !== null && ms < limit;

/** Where the door and page figures stop: the last backlog sample. */
const measuredEnd = (run: SaleRun) => Math.max(run.durationSeconds, run.samples.at(-1)?.second ?? 0);

/** A p99 target met over the period as a whole and in each of its windows. */
function throughout(name: string, whole: Summary, windows: Window[], limitMs: number) {
  const worst = windows.reduce<Window | null>((a, b) => ((b.p99Ms ?? 0) > (a?.p99Ms ?? 0) ? b : a), null);
  return verdict(
    name,
    within(whole.p99Ms, limitMs) && windows.every((w) => w.p99Ms === null || w.p99Ms < limitMs),
    `${whole.p99Ms} ms over ${whole.count} requests; worst ${WINDOW_SECONDS}-s window ${worst?.p99Ms ?? null} ms (at ${worst?.second ?? 0} s)`,
    `< ${limitMs} ms throughout`,
  );
}

function row(s: Summary, seconds: number) {
  return {
    'req/s': Math.round(s.count / seconds),
    'p50 ms': s.p50Ms,
    'p99 ms': s.p99Ms,
    'max ms': s.maxMs,
    requests: s.count,
    '5xx': s.status5xx,
    'other non-2xx': s.otherNon2xx,
    'no answer': s.errors,
  };
}

function verdict(name: string, met: boolean, measured: string, target: string) {
  return {
    name,
    met,
    measured,
    target,
    line: `${met ? 'MET    ' : 'NOT MET'} ${name}: ${measured} (target ${target})`,
  };
}

/** The run's series over time as an SVG chart. */
export function onSaleChart(run: SaleRun): string {
  const { paid, written, refused, mailLag, during } = series(run);
  const end = measuredEnd(run);
  const doorWindows = run.door.timeline.windows(0, end, WINDOW_SECONDS);
  const pageWindows = run.pages.timeline.windows(0, end, WINDOW_SECONDS);
  const last = run.samples.at(-1);
  const mid = (second: number) => second + WINDOW_SECONDS / 2;
  const clustered = run.engine === 'postgres';
  const panels: Panel[] = [
    {
      title: 'per second',
      series: [
        { name: 'orders paid', points: paid },
        { name: 'refused (409)', points: refused },
        { name: 'e-mails written', points: written },
      ],
    },
    {
      title: 'e-mail backlog (pending outbox rows)',
      series: [{ name: 'pending', points: during.map((s) => [s.second, s.pending]) }],
    },
    {
      title: `pay → e-mail p99 of the orders paid in each ${WINDOW_SECONDS} s (s; gap: not all written)`,
      series: [{ name: 'p99', points: mailLag.map(([s, v]) => [mid(s), v]) }],
      target: { value: TARGETS.payToMailP99Seconds, label: `target ${TARGETS.payToMailP99Seconds} s` },
    },
    {
      title: `door p99 per ${WINDOW_SECONDS} s (ms)`,
      series: [{ name: 'p99', points: doorWindows.map((w) => [mid(w.second), w.p99Ms]) }],
      target: { value: TARGETS.doorP99Ms, label: `target ${TARGETS.doorP99Ms} ms` },
    },
    {
      title: `event page p99 per ${WINDOW_SECONDS} s (ms)`,
      series: [{ name: 'p99', points: pageWindows.map((w) => [mid(w.second), w.p99Ms]) }],
      target: { value: TARGETS.pageP99Ms, label: `target ${TARGETS.pageP99Ms} ms` },
    },
    {
      title: 'RSS (MiB)',
      series: [
        {
          name: clustered ? 'API workers (sum)' : 'API process',
          points: during.map((s) => [s.second, sum(s.memory.api)]),
        },
        {
          name: clustered ? 'mail workers (sum)' : 'mail worker',
          points: during.map((s) => [s.second, sum(s.memory.mail)]),
        },
      ],
    },
  ];
  return lineChartSvg({
    title: `On-sale, ${run.engine}${clustered ? ' (WEB_CONCURRENCY=2)' : ''}: ${run.buyers} buyers over ${run.durationSeconds} s`,
    subtitle: `${run.door.scanners} door scanners × ${run.door.scansPerSecond}/s, ${run.pages.visitors} page visitors; compiled server, API only; ${new Date(run.zeroEpochMs).toISOString()}`,
    xLabel: "seconds from the sale's start",
    panels,
    markers: [
      { x: run.durationSeconds, label: 'last arrival' },
      ...(last && last.pending === 0 ? [{ x: last.second, label: 'backlog drained' }] : []),
    ],
  });
}
