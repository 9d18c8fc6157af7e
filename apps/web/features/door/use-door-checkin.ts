'use client';

import type { Api, CheckinStats } from '@eventhub/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useAuth } from '../../lib/auth-context';
import { errorMessage } from '../../lib/error-message';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import {
  deviceId as storedDeviceId,
  loadOfflineEvent,
  loadQueue,
  saveOfflineEvent,
  saveQueue,
  type KeyValueStore,
  type OfflineEventData,
} from './checkin-storage';
import { checkOffline, withAdmission } from './offline-checkin';
import {
  isAdmitted,
  isServerAnswer,
  offlineOutcome,
  refusedOutcome,
  uncheckedOutcome,
  validOutcome,
  type ScanOutcome,
} from './scan-outcome';
import {
  enqueueScan,
  newCheckIns,
  pendingCount,
  syncProblems,
  uploadsOf,
  withoutUploaded,
  type QueuedScan,
  type SyncProblem,
} from './scan-queue';
import { signalScan } from './scan-signal';
import { createSignatureVerifier, type TicketSignatureVerifier } from './ticket-code';

// Fresh void tickets, revoked codes and door counts every minute.
const KEYS_REFRESH_MS = 60_000;
// While scans wait for upload, try again this often (and at once when the browser is back online).
const SYNC_RETRY_MS = 20_000;
// A scan must not hang the door on a dead connection: after this long, decide on this device.
const VALIDATE_TIMEOUT_MS = 8_000;
// Once a request has found no server, the next scans wait less before deciding themselves.
const VALIDATE_TIMEOUT_UNREACHABLE_MS = 2_500;

class TimeoutError extends Error {
  override name = 'TimeoutError';
}

function withTimeout<T>(pending: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new TimeoutError(`No answer within ${ms} ms`)), ms);
    pending.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (reason: unknown) => {
        clearTimeout(timer);
        reject(reason);
      },
    );
  });
}

const memory = new Map<string, string>();
const memoryStore: KeyValueStore = {
  getItem: (key) => memory.get(key) ?? null,
  setItem: (key, value) => void memory.set(key, value),
};

/** localStorage, or memory for this page load where the browser refuses it. */
function store(): KeyValueStore {
  try {
    return window.localStorage ?? memoryStore;
  } catch {
    return memoryStore;
  }
}

/** Whether this device can check codes itself when the server cannot be reached. */
export type OfflineReadiness =
  | 'loading'
  /** Keys downloaded and this browser verifies Ed25519. */
  | 'ready'
  /** No Ed25519 in this browser's Web Crypto (or no Web Crypto: plain HTTP). */
  | 'unsupported'
  /** The keys could not be downloaded yet. */
  | 'unavailable';

export interface DoorCheckin {
  eventName: string | null;
  /** The event's time zone, once known: check-in times are shown in it. */
  timezone: string | undefined;
  /** Checked in (including this device's scans waiting for upload) and sold; null until known. */
  stats: CheckinStats | null;
  outcome: ScanOutcome | null;
  /** Why the last scan got no answer about the ticket (e.g. not allowed at this event). */
  scanError: string | null;
  busy: boolean;
  /** False after a request found no server, until one gets through again. */
  reachable: boolean;
  offline: OfflineReadiness;
  /** When the offline keys were downloaded. */
  keysAt: string | null;
  keysError: string | null;
  /** Offline admissions waiting for upload: of this event, and of every event on this device. */
  pending: number;
  pendingAll: number;
  syncing: boolean;
  syncError: string | null;
  /** Offline admissions the server disagreed with, newest upload first. */
  problems: SyncProblem[];
  dismissProblems: () => void;
  /** Checks a code in; scans run one after another in the order they were made. */
  scan: (code: string) => Promise<void>;
  syncNow: () => void;
}

/**
 * The door scanner for one event: validates codes with the server, falls back to checking them
 * on this device when the server cannot be reached, queues those admissions in localStorage and
 * uploads them when the connection is back.
 */
export function useDoorCheckin(eventId: string): DoorCheckin {
  const { authed } = useAuth();
  const [data, setData] = useState<OfflineEventData | null>(null);
  const dataRef = useRef<OfflineEventData | null>(null);
  const [verifier, setVerifier] = useState<TicketSignatureVerifier | null | undefined>(undefined);
  const verifierRef = useRef<TicketSignatureVerifier | null | undefined>(undefined);
  const [event, setEvent] = useState<{ name: string; timezone: string } | null>(null);
  const timezoneRef = useRef<string | undefined>(undefined);
  const [queue, setQueue] = useState<QueuedScan[]>([]);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [scanError, setScanError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [reachable, setReachableState] = useState(true);
  const reachableRef = useRef(true);
  const setReachable = useCallback((value: boolean) => {
    reachableRef.current = value;
    setReachableState(value);
  }, []);
  const [keysLoaded, setKeysLoaded] = useState(false);
  const [keysError, setKeysError] = useState<string | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [syncError, setSyncError] = useState<string | null>(null);
  const [problems, setProblems] = useState<SyncProblem[]>([]);
  const device = useRef<string | null>(null);
  const scanChain = useRef<Promise<void>>(Promise.resolve());
  const syncInFlight = useRef(false);

  const deviceId = useCallback(() => (device.current ??= storedDeviceId(store(), newIdempotencyKey)), []);

  /** Changes this event's offline data in memory, on screen and in storage at once. */
  const updateData = useCallback((change: (current: OfflineEventData | null) => OfflineEventData | null) => {
    const next = change(dataRef.current);
    if (next === dataRef.current) return;
    dataRef.current = next;
    setData(next);
    if (next) saveOfflineEvent(store(), { ...next, timezone: timezoneRef.current ?? next.timezone });
  }, []);

  const admit = useCallback(
    (ticketId: string, at: string, newCheckIn: boolean) =>
      updateData((current) =>
        current
          ? {
              ...current,
              admitted: withAdmission(current.admitted, ticketId, at),
              keys: newCheckIn
                ? {
                    ...current.keys,
                    stats: { ...current.keys.stats, checkedIn: current.keys.stats.checkedIn + 1 },
                  }
                : current.keys,
            }
          : current,
      ),
    [updateData],
  );

  const setQueueEverywhere = useCallback((next: QueuedScan[]) => {
    saveQueue(store(), next);
    setQueue(next);
  }, []);

  const refreshKeys = useCallback(async () => {
    try {
      const keys = await authed((client: Api) => client.checkin.keys(eventId));
      setReachable(true);
      setKeysError(null);
      updateData((current) => ({
        keys,
        admitted: current?.admitted ?? {},
        ...(current?.timezone ? { timezone: current.timezone } : {}),
      }));
    } catch (reason) {
      if (isServerAnswer(reason)) setKeysError(errorMessage(reason));
      else setReachable(false);
    } finally {
      setKeysLoaded(true);
    }
  }, [authed, eventId, setReachable, updateData]);

  // What this device kept from earlier, then fresh keys now and every minute.
  useEffect(() => {
    const kept = loadOfflineEvent(store(), eventId);
    dataRef.current = kept;
    setData(kept);
    timezoneRef.current ??= kept?.timezone;
    setQueue(loadQueue(store()));
    void refreshKeys();
    const timer = setInterval(() => void refreshKeys(), KEYS_REFRESH_MS);
    return () => clearInterval(timer);
  }, [eventId, refreshKeys]);

  // The event's name and time zone (public), kept for showing times while offline.
  useEffect(() => {
    let current = true;
    authed((client) => client.events.get(eventId)).then(
      (loaded) => {
        if (!current) return;
        timezoneRef.current = loaded.timezone;
        setEvent({ name: loaded.name, timezone: loaded.timezone });
        updateData((data) => (data ? { ...data, timezone: loaded.timezone } : data));
      },
      (reason: unknown) => console.warn('Loading the event for the scanner failed', reason),
    );
    return () => {
      current = false;
    };
  }, [authed, eventId, updateData]);

  // A verifier for the event's keys whenever they change.
  const keyring = data?.keys.keys.map((key) => `${key.keyId}:${key.publicKey}`).join(',') ?? null;
  useEffect(() => {
    const keys = dataRef.current?.keys.keys;
    if (keyring === null || !keys) return;
    let current = true;
    createSignatureVerifier(keys).then(
      (made) => {
        if (!current) return;
        verifierRef.current = made;
        setVerifier(made);
      },
      (reason: unknown) => {
        console.warn('Preparing offline check-in failed', reason);
        if (current) setVerifier(null);
      },
    );
    return () => {
      current = false;
    };
  }, [keyring]);

  const syncNow = useCallback(async () => {
    if (syncInFlight.current || loadQueue(store()).length === 0) return;
    syncInFlight.current = true;
    setSyncing(true);
    let uploaded = 0;
    let failure: string | null = null;
    const found: SyncProblem[] = [];
    try {
      for (const upload of uploadsOf(loadQueue(store()))) {
        try {
          const report = await authed((client) =>
            client.checkin.sync(upload.eventId, { deviceId: deviceId(), scans: upload.scans }),
          );
          setReachable(true);
          setQueueEverywhere(withoutUploaded(loadQueue(store()), upload));
          uploaded += upload.scans.length;
          found.push(...syncProblems(upload.eventId, report));
          const added = newCheckIns(report);
          if (upload.eventId === eventId && added > 0) {
            updateData((current) =>
              current
                ? {
                    ...current,
                    keys: {
                      ...current.keys,
                      stats: { ...current.keys.stats, checkedIn: current.keys.stats.checkedIn + added },
                    },
                  }
                : current,
            );
          }
        } catch (reason) {
          if (!isServerAnswer(reason)) {
            setReachable(false);
            break;
          }
          // Kept in the queue: a person has to look at why (e.g. signed in as someone else).
          failure = errorMessage(reason);
        }
      }
    } finally {
      syncInFlight.current = false;
      setSyncing(false);
      setSyncError(failure);
      if (found.length > 0) setProblems((earlier) => [...found, ...earlier]);
    }
    if (uploaded > 0) void refreshKeys();
  }, [authed, deviceId, eventId, refreshKeys, setQueueEverywhere, setReachable, updateData]);

  // Upload when the browser says it is back online, and on a timer while scans wait.
  useEffect(() => {
    const online = () => {
      setReachable(true);
      void syncNow();
      void refreshKeys();
    };
    const offline = () => setReachable(false);
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    const timer = setInterval(() => {
      if (navigator.onLine !== false) void syncNow();
    }, SYNC_RETRY_MS);
    void syncNow();
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      clearInterval(timer);
    };
  }, [syncNow, refreshKeys, setReachable]);

  const decideOffline = useCallback(
    async (code: string, scannedAt: string, nonce: string): Promise<ScanOutcome> => {
      const kept = dataRef.current;
      const check = verifierRef.current;
      if (!kept || !check) return uncheckedOutcome(scannedAt);
      const verdict = await checkOffline(code, {
        keys: kept.keys,
        verifier: check,
        admitted: kept.admitted,
        scannedAt,
      });
      if (verdict.result === 'valid' && verdict.ticketId) {
        setQueueEverywhere(enqueueScan(loadQueue(store()), { eventId, code, scannedAt, nonce }));
        admit(verdict.ticketId, scannedAt, false);
      }
      return offlineOutcome(verdict, scannedAt);
    },
    [admit, eventId, setQueueEverywhere],
  );

  const checkIn = useCallback(
    async (code: string) => {
      setBusy(true);
      setScanError(null);
      const scannedAt = new Date().toISOString();
      // One nonce per scan: if the answer is lost, the offline upload of this scan is the same scan.
      const nonce = newIdempotencyKey();
      try {
        let next: ScanOutcome | null = null;
        if (navigator.onLine !== false) {
          try {
            const answer = await withTimeout(
              authed((client) => client.checkin.validate({ code, eventId, nonce, deviceId: deviceId() })),
              reachableRef.current ? VALIDATE_TIMEOUT_MS : VALIDATE_TIMEOUT_UNREACHABLE_MS,
            );
            setReachable(true);
            next = validOutcome(answer, scannedAt);
            admit(answer.ticket.id, answer.checkedInAt, true);
          } catch (reason) {
            if (isServerAnswer(reason)) {
              setReachable(true);
              const refused = refusedOutcome(reason, scannedAt);
              if (!refused) {
                // No verdict about this ticket: clear the last one so it is not taken for this scan's.
                setOutcome(null);
                setScanError(errorMessage(reason));
                return;
              }
              next = refused;
              if (refused.result === 'already_used' && refused.ticketId && refused.checkedInAt)
                admit(refused.ticketId, refused.checkedInAt, false);
            } else {
              console.warn('Validating online failed; checking on this device', reason);
              setReachable(false);
            }
          }
        } else {
          setReachable(false);
        }
        next ??= await decideOffline(code, scannedAt, nonce);
        setOutcome(next);
        signalScan(isAdmitted(next));
      } finally {
        setBusy(false);
      }
    },
    [admit, authed, decideOffline, deviceId, eventId, setReachable],
  );

  const scan = useCallback(
    (raw: string) => {
      const code = raw.trim();
      if (!code) return Promise.resolve();
      // Never rejects: the camera calls this and does not wait for the answer.
      const run = scanChain.current
        .then(() => checkIn(code))
        .catch((error: unknown) => {
          console.error('Scan failed', error);
          setOutcome(null);
          setScanError('The scan failed. Try again.');
        });
      scanChain.current = run;
      return run;
    },
    [checkIn],
  );

  const pending = pendingCount(queue, eventId);
  const stats = data ? { checkedIn: data.keys.stats.checkedIn + pending, sold: data.keys.stats.sold } : null;
  const offline: OfflineReadiness = data
    ? verifier === undefined
      ? 'loading'
      : verifier === null
        ? 'unsupported'
        : 'ready'
    : keysLoaded
      ? 'unavailable'
      : 'loading';

  const dismissProblems = useCallback(() => setProblems([]), []);
  const syncQueued = useCallback(() => void syncNow(), [syncNow]);

  return {
    eventName: data?.keys.eventName ?? event?.name ?? null,
    timezone: event?.timezone ?? data?.timezone,
    stats,
    outcome,
    scanError,
    busy,
    reachable,
    offline,
    keysAt: data?.keys.generatedAt ?? null,
    keysError,
    pending,
    pendingAll: pendingCount(queue),
    syncing,
    syncError,
    problems,
    dismissProblems,
    scan,
    syncNow: syncQueued,
  };
}
