import { generateKeyPairSync, randomUUID } from 'node:crypto';
import {
  ApiError,
  type CheckinKeys,
  type CheckinSyncInput,
  type CheckinSyncReport,
  type Problem,
  type ValidateTicketInput,
  type ValidTicket,
} from '@eventhub/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { signTicketCode } from '../../../../packages/core/src/checkin/ticket-code';
import { loadQueue, type KeyValueStore } from '../../features/door/checkin-storage';
import { DoorCheckinMachine, type DoorApi } from '../../features/door/door-checkin';
import { CAMERA_UNSUPPORTED, doorView, MAX_CAMERA_RESTARTS } from '../../features/door/door-state';
import { REPEAT_WINDOW_MS } from '../../features/door/repeat-filter';
import { createSignatureVerifier } from '../../features/door/ticket-code';

const organizer = generateKeyPairSync('ed25519');
const keyId = 'b3JnMQ';
const eventId = randomUUID();
const start = Date.parse('2025-06-14T19:00:00.000Z');

function ticket() {
  const id = randomUUID();
  return { id, code: signTicketCode({ keyId, ticketId: id, eventId }, organizer.privateKey) };
}

function memoryStore(): KeyValueStore {
  const items = new Map<string, string>();
  return { getItem: (key) => items.get(key) ?? null, setItem: (key, value) => void items.set(key, value) };
}

function problem(status: number, code: Problem['code'], extra: Record<string, unknown> = {}): ApiError {
  return new ApiError({ type: 'about:blank', title: code, status, code, ...extra });
}

const noNetwork = () => new TypeError('Failed to fetch');

/** What the API would say, as far as the door needs: a count of check-ins and canned answers. */
class FakeServer implements DoorApi {
  checkedIn = 0;
  readonly validated: ValidateTicketInput[] = [];
  readonly uploads: { eventId: string; input: CheckinSyncInput }[] = [];
  /** Unset: the server cannot be reached. */
  answerValidate: ((input: ValidateTicketInput) => ValidTicket) | null = null;
  answerSync: ((input: CheckinSyncInput) => CheckinSyncReport) | null = null;

  async keys(forEvent: string): Promise<CheckinKeys> {
    return {
      eventId: forEvent,
      eventName: 'Door Night',
      eventStatus: 'published',
      startsAt: '2025-06-14T18:00:00.000Z',
      timezone: 'Europe/Berlin',
      keys: [
        {
          keyId,
          algorithm: 'Ed25519',
          publicKey: organizer.publicKey.export({ format: 'jwk' }).x!,
          createdAt: '2025-01-01T00:00:00.000Z',
          retiredAt: null,
        },
      ],
      voidTicketIds: [],
      revokedCodes: [],
      stats: { checkedIn: this.checkedIn, sold: 10 },
      generatedAt: '2025-06-14T18:59:00.000Z',
    };
  }

  async event() {
    return { name: 'Door Night', timezone: 'Europe/Berlin' };
  }

  async validate(input: ValidateTicketInput): Promise<ValidTicket> {
    this.validated.push(input);
    if (!this.answerValidate) throw noNetwork();
    return this.answerValidate(input);
  }

  async sync(forEvent: string, input: CheckinSyncInput): Promise<CheckinSyncReport> {
    this.uploads.push({ eventId: forEvent, input });
    if (!this.answerSync) throw noNetwork();
    return this.answerSync(input);
  }
}

/** Admits every upload, as the first scan of each ticket. */
const admitsAll = (server: FakeServer) => (input: CheckinSyncInput) => {
  server.checkedIn += input.scans.length;
  const results = input.scans.map((scan) => ({
    code: scan.code,
    ticketId: null,
    result: 'valid' as const,
    checkedInAt: scan.scannedAt,
    conflict: false,
  }));
  return { results, accepted: results.length, conflicts: 0 };
};

const machines: DoorCheckinMachine[] = [];
afterEach(() => {
  for (const machine of machines.splice(0)) machine.stop();
  vi.useRealTimers();
});

/** A door with its keys downloaded and offline check ready, as a scanner at opening time. */
async function openDoor({ online = true } = {}) {
  const server = new FakeServer();
  const store = memoryStore();
  const signals: boolean[] = [];
  const clock = { now: start, online };
  let ids = 0;
  const door = new DoorCheckinMachine(eventId, {
    api: server,
    store,
    browserOnline: () => clock.online,
    now: () => clock.now,
    newId: () => `id-${(ids += 1)}`,
    createVerifier: (keys) => createSignatureVerifier(keys),
    signal: (admitted) => void signals.push(admitted),
  });
  machines.push(door);
  door.start();
  await vi.waitFor(() => expect(doorView(door.getState()).offline).toBe('ready'));
  const view = () => doorView(door.getState());
  return { door, server, store, signals, clock, view };
}

describe('the door scanner while offline', () => {
  it('offline admit: a scan while offline is verified on this device, counted and queued', async () => {
    const { door, server, store, signals, clock, view } = await openDoor();
    const guest = ticket();
    clock.online = false;
    door.wentOffline();

    await door.scan(guest.code);

    expect(view()).toMatchObject({
      outcome: { result: 'valid', ticketId: guest.id, answers: [], offline: true },
      reachable: false,
      pending: 1,
      pendingAll: 1,
      stats: { checkedIn: 1, sold: 10 },
      busy: false,
      scansDone: 1,
    });
    expect(server.validated).toEqual([]);
    expect(loadQueue(store)).toEqual([
      { eventId, code: guest.code, scannedAt: new Date(start).toISOString(), nonce: expect.any(String) },
    ]);
    expect(signals).toEqual([true]);

    // The same ticket again: this device knows it let the holder in.
    await door.scan(guest.code);
    expect(view()).toMatchObject({
      outcome: { result: 'already_used', checkedInAt: new Date(start).toISOString(), offline: true },
      pending: 1,
      stats: { checkedIn: 1 },
    });
    expect(signals).toEqual([true, false]);
  });

  it('decides on this device when the server does not answer, and refuses a forged code there', async () => {
    const { door, server, store, view } = await openDoor();
    const guest = ticket();
    const consoleWarn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

    await door.scan(guest.code);
    expect(server.validated).toHaveLength(1);
    expect(consoleWarn).toHaveBeenCalledWith(
      'Validating online failed; checking on this device',
      expect.any(TypeError),
    );
    expect(view()).toMatchObject({
      outcome: { result: 'valid', offline: true },
      reachable: false,
      pending: 1,
    });

    await door.scan(`${guest.code.slice(0, 100)}${'A'.repeat(40)}`);
    expect(view()).toMatchObject({ outcome: { result: 'invalid_code', offline: true }, pending: 1 });
    expect(loadQueue(store)).toHaveLength(1);
    consoleWarn.mockRestore();
  });

  it('queued upload: back online, the queue is uploaded once and cleared', async () => {
    const { door, server, store, clock, view } = await openDoor();
    const first = ticket();
    const second = ticket();
    clock.online = false;
    door.wentOffline();
    await door.scan(first.code);
    clock.now += 1_000;
    await door.scan(second.code);
    expect(view()).toMatchObject({ pending: 2, stats: { checkedIn: 2 } });

    server.answerSync = admitsAll(server);
    clock.online = true;
    door.wentOnline();
    await vi.waitFor(() => expect(view()).toMatchObject({ pending: 0, syncing: false }));

    expect(server.uploads).toEqual([
      {
        eventId,
        input: {
          deviceId: expect.stringMatching(/^web-/),
          scans: [
            { code: first.code, scannedAt: new Date(start).toISOString(), nonce: expect.any(String) },
            {
              code: second.code,
              scannedAt: new Date(start + 1_000).toISOString(),
              nonce: expect.any(String),
            },
          ],
        },
      },
    ]);
    expect(loadQueue(store)).toEqual([]);
    expect(view()).toMatchObject({ reachable: true, pendingAll: 0, problems: [], syncError: null });
    await vi.waitFor(() => expect(view().stats).toEqual({ checkedIn: 2, sold: 10 }));

    // Nothing is left to upload.
    await door.syncNow();
    expect(server.uploads).toHaveLength(1);
  });

  it('conflict on sync: a ticket another scanner admitted first is reported as admitted twice', async () => {
    const { door, server, store, clock, view } = await openDoor();
    const guest = ticket();
    clock.online = false;
    door.wentOffline();
    await door.scan(guest.code);

    const elsewhere = '2025-06-14T18:58:00.000Z';
    server.checkedIn = 1; // the other scanner's admission
    server.answerSync = (input) => ({
      results: input.scans.map((scan) => ({
        code: scan.code,
        ticketId: guest.id,
        result: 'already_used' as const,
        checkedInAt: elsewhere,
        conflict: true,
      })),
      accepted: 0,
      conflicts: 1,
    });
    clock.online = true;
    door.wentOnline();
    await vi.waitFor(() => expect(view()).toMatchObject({ pending: 0, syncing: false }));

    expect(view().problems).toEqual([
      { eventId, ticketId: guest.id, result: 'already_used', checkedInAt: elsewhere, conflict: true },
    ]);
    expect(loadQueue(store)).toEqual([]);
    // Not a new check-in: the ticket was counted once, by the other scanner.
    await vi.waitFor(() => expect(view().stats).toEqual({ checkedIn: 1, sold: 10 }));

    door.dismissProblems();
    expect(view().problems).toEqual([]);
  });

  it('keeps the queue when the server refuses the upload, and says why', async () => {
    const { door, server, store, clock, view } = await openDoor();
    clock.online = false;
    door.wentOffline();
    await door.scan(ticket().code);

    server.answerSync = () => {
      throw problem(403, 'forbidden', { detail: 'You may not check in tickets of this event' });
    };
    clock.online = true;
    door.wentOnline();
    await vi.waitFor(() => expect(view().syncError).toBe('You may not check in tickets of this event'));
    expect(view()).toMatchObject({ pending: 1, syncing: false });
    expect(loadQueue(store)).toHaveLength(1);
  });
});

describe('the door scanner online', () => {
  it('shows the server’s verdict and counts an admission once', async () => {
    const { door, server, store, signals, view } = await openDoor();
    const guest = ticket();
    server.answerValidate = () => ({
      result: 'valid',
      ticket: {
        id: guest.id,
        eventId,
        ticketTypeId: 'tt1',
        ticketTypeName: 'General',
        holderName: 'Robin Holder',
        answers: [{ questionId: 'q1', label: 'Dietary needs', value: 'Vegan' }],
      },
      checkedInAt: new Date(start).toISOString(),
    });

    await door.scan(`  ${guest.code}\n`);
    expect(server.validated).toEqual([
      { code: guest.code, eventId, nonce: expect.any(String), deviceId: expect.stringMatching(/^web-/) },
    ]);
    expect(view()).toMatchObject({
      outcome: {
        result: 'valid',
        holderName: 'Robin Holder',
        answers: [{ label: 'Dietary needs', value: 'Vegan' }],
        offline: false,
      },
      stats: { checkedIn: 1 },
      pending: 0,
    });
    expect(loadQueue(store)).toEqual([]);
    expect(signals).toEqual([true]);

    server.answerValidate = () => {
      throw problem(409, 'already_used', { checkedInAt: new Date(start).toISOString() });
    };
    await door.scan(guest.code);
    expect(view()).toMatchObject({
      outcome: { result: 'already_used', offline: false },
      stats: { checkedIn: 1 },
    });
    expect(signals).toEqual([true, false]);
  });

  it('shows an answer that is not about the ticket as an error, without deciding offline', async () => {
    const { door, server, signals, view } = await openDoor();
    server.answerValidate = () => {
      throw problem(403, 'forbidden', { detail: 'Not allowed at this event' });
    };
    await door.scan(ticket().code);
    expect(view()).toMatchObject({
      outcome: null,
      scanError: 'Not allowed at this event',
      pending: 0,
      scansDone: 1,
    });
    expect(signals).toEqual([]);
  });

  it('scans a code the camera keeps reading once, until it has been out of view for the window', async () => {
    const { door, server, clock, view } = await openDoor();
    const guest = ticket();
    clock.online = false;
    door.wentOffline();

    door.cameraRead(guest.code);
    for (let read = 0; read < 10; read += 1) {
      clock.now += 500;
      door.cameraRead(guest.code);
    }
    await vi.waitFor(() => expect(view().scansDone).toBe(1));
    expect(view().camera.inView).toMatchObject({ reads: 11, since: start, lastReadAt: start + 5_000 });
    expect(view().outcome).toMatchObject({ result: 'valid' });

    clock.now += REPEAT_WINDOW_MS;
    door.cameraRead(guest.code);
    await vi.waitFor(() => expect(view().scansDone).toBe(2));
    expect(view().outcome).toMatchObject({ result: 'already_used' });
    expect(server.validated).toEqual([]);
  });
});

describe('the camera', () => {
  it('camera failure: an error while starting says what is wrong, and a retry starts it', async () => {
    const { door, view } = await openDoor();
    const first = door.cameraStarting();
    expect(view().camera).toMatchObject({ status: 'starting', problem: null });

    door.cameraFailed(first, Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' }));
    expect(view().camera).toMatchObject({
      status: 'off',
      problem: 'Camera access was refused. Allow the camera for this site, or type the code below.',
    });

    const retry = door.cameraStarting();
    expect(view().camera).toMatchObject({ status: 'starting', problem: null });
    // The first start answering late changes nothing.
    expect(door.isCameraAttempt(first)).toBe(false);
    door.cameraFailed(first, new Error('late'));
    door.cameraOn(retry);
    expect(view().camera).toMatchObject({ status: 'on', problem: null });

    door.cameraStopped();
    expect(view().camera.status).toBe('off');
    expect(door.isCameraAttempt(retry)).toBe(false);
  });

  it('says so where the page cannot use a camera at all', async () => {
    const { door, view } = await openDoor();
    door.cameraUnavailable();
    expect(view().camera).toMatchObject({ status: 'off', problem: CAMERA_UNSUPPORTED });
  });

  it('restarts a decoder that stops by itself, and gives up after quick failures in a row', async () => {
    const { door, clock, view } = await openDoor();
    vi.useFakeTimers();
    const broken = new Error('frame without a size');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    let attempt = door.cameraStarting();
    door.cameraOn(attempt);

    for (let restart = 1; restart <= MAX_CAMERA_RESTARTS; restart += 1) {
      clock.now += 1_000;
      const due = door.cameraLoopEnded(attempt, broken);
      expect(view().camera).toMatchObject({ status: 'restarting', restarts: restart });
      await vi.advanceTimersByTimeAsync(300);
      expect(await due).toBe(true);
      attempt = door.cameraStarting();
      door.cameraOn(attempt);
    }
    clock.now += 1_000;
    expect(await door.cameraLoopEnded(attempt, broken)).toBe(false);
    expect(view().camera).toMatchObject({
      status: 'off',
      restarts: 0,
      problem: 'The camera could not be started. Type the code below instead.',
    });
    expect(consoleError).toHaveBeenCalledWith(broken);
    consoleError.mockRestore();
  });

  it('starts counting restarts anew after a long steady run, and does not restart once stopped', async () => {
    const { door, clock, view } = await openDoor();
    vi.useFakeTimers();
    let attempt = door.cameraStarting();
    door.cameraOn(attempt);
    void door.cameraLoopEnded(attempt, new Error('once'));
    await vi.advanceTimersByTimeAsync(300);
    attempt = door.cameraStarting();
    door.cameraOn(attempt);
    expect(view().camera.restarts).toBe(1);

    clock.now += 60_000;
    const due = door.cameraLoopEnded(attempt, new Error('again, a minute later'));
    expect(view().camera).toMatchObject({ status: 'restarting', restarts: 1 });
    door.cameraStopped();
    await vi.advanceTimersByTimeAsync(300);
    expect(await due).toBe(false);
    expect(view().camera.status).toBe('off');
  });
});
