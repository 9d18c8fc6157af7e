import type { CheckinKeys, CheckinStats } from '@eventhub/client';
import type { OfflineEventData } from './checkin-storage';
import { withAdmission } from './offline-checkin';
import { afterRead, type CodeInView } from './repeat-filter';
import { pendingCount, type QueuedScan, type SyncProblem } from './scan-queue';
import type { ScanOutcome } from './scan-outcome';
import type { TicketSignatureVerifier } from './ticket-code';

/**
 * The door scanner's state and every change to it, as a reducer without React or I/O: what the
 * door person sees (the last verdict, counts, connection, upload queue, camera) follows from the
 * events below alone. `DoorCheckinMachine` (door-checkin.ts) runs the requests, storage and timers
 * and reports their results here as events.
 */

export type CameraStatus =
  | 'off'
  | 'starting'
  | 'on'
  /** The decoder stopped by itself; it starts again shortly (shown as still on). */
  | 'restarting';

export interface CameraState {
  status: CameraStatus;
  problem: string | null;
  /** Bumped by every start and stop, so a start that finishes late knows it is no longer wanted. */
  attempt: number;
  /** Restarts in a row of decoder loops that ended soon after starting. */
  restarts: number;
  /** When the current attempt started (ms). */
  startedAt: number;
  inView: CodeInView | null;
}

/** A restart after this many quick failures in a row gives up: the camera is broken. */
export const MAX_CAMERA_RESTARTS = 5;
/** A decoder loop that ran this long was a one-off when it ended: the count of restarts starts over. */
export const CAMERA_STEADY_MS = 10_000;

export interface DoorState {
  eventId: string;
  /** The event's check-in keys and this device's admissions, as kept and last downloaded. */
  data: OfflineEventData | null;
  /** The event's name and time zone (public), for showing times while offline. */
  event: { name: string; timezone: string } | null;
  /** Checks signatures of the current keys: undefined while being made, null where impossible. */
  verifier: TicketSignatureVerifier | null | undefined;
  /** Whether a download of the keys has finished (successfully or not). */
  keysLoaded: boolean;
  keysError: string | null;
  /** Offline admissions waiting for upload, of every event on this device (as stored). */
  queue: QueuedScan[];
  outcome: ScanOutcome | null;
  /** Why the last scan got no answer about the ticket (e.g. not allowed at this event). */
  scanError: string | null;
  busy: boolean;
  /** Scans answered (or failed) since the page opened. */
  scansDone: number;
  /** False after a request found no server, until one gets through again. */
  reachable: boolean;
  syncing: boolean;
  syncError: string | null;
  /** Offline admissions the server disagreed with, newest upload first. */
  problems: SyncProblem[];
  camera: CameraState;
}

export type DoorEvent =
  /** What this device kept from earlier, read at start. */
  | { type: 'restored'; data: OfflineEventData | null; queue: QueuedScan[] }
  | { type: 'keys-loaded'; keys: CheckinKeys }
  /** The server refused the keys (e.g. not allowed at this event). */
  | { type: 'keys-refused'; message: string }
  | { type: 'keys-unreachable' }
  | { type: 'event-loaded'; name: string; timezone: string }
  /** Null: this browser cannot verify Ed25519. */
  | { type: 'verifier-ready'; verifier: TicketSignatureVerifier | null }
  | { type: 'verifier-failed' }
  /** The browser says the network is back, or gone. */
  | { type: 'went-online' }
  | { type: 'went-offline' }
  /** A request found no server (no network, a timeout, a 5xx). */
  | { type: 'server-unreachable' }
  | { type: 'scan-started' }
  /** The server's verdict: `valid` admitted the ticket now; a refusal of it otherwise. */
  | { type: 'scan-answered'; outcome: ScanOutcome }
  /** The server answered, but not about the ticket. */
  | { type: 'scan-unanswered'; message: string }
  /** Decided on this device; a `valid` one is in `queue`, as stored, for upload. */
  | { type: 'scan-decided-offline'; outcome: ScanOutcome; queue?: QueuedScan[] }
  | { type: 'scan-failed' }
  | { type: 'scan-settled' }
  | { type: 'sync-started' }
  /** The server took one upload; `queue` is what is left stored. */
  | { type: 'sync-uploaded'; eventId: string; queue: QueuedScan[]; newCheckIns: number }
  | { type: 'sync-finished'; problems: SyncProblem[]; error: string | null }
  | { type: 'problems-dismissed' }
  | { type: 'camera-unsupported' }
  | { type: 'camera-starting'; at: number }
  | { type: 'camera-on'; attempt: number }
  | { type: 'camera-failed'; attempt: number; error: unknown }
  /** The decoder loop of `attempt` ended by itself at `at`. */
  | { type: 'camera-loop-ended'; attempt: number; at: number; error: unknown }
  | { type: 'camera-stopped' }
  | { type: 'camera-read'; code: string; at: number };

export function initialDoorState(eventId: string): DoorState {
  return {
    eventId,
    data: null,
    event: null,
    verifier: undefined,
    keysLoaded: false,
    keysError: null,
    queue: [],
    outcome: null,
    scanError: null,
    busy: false,
    scansDone: 0,
    reachable: true,
    syncing: false,
    syncError: null,
    problems: [],
    camera: { status: 'off', problem: null, attempt: 0, restarts: 0, startedAt: 0, inView: null },
  };
}

export const CAMERA_UNSUPPORTED =
  'This browser cannot use the camera on this page (it needs HTTPS). Type the code below.';

const CAMERA_PROBLEMS: Record<string, string> = {
  NotAllowedError: 'Camera access was refused. Allow the camera for this site, or type the code below.',
  SecurityError: 'Camera access was refused. Allow the camera for this site, or type the code below.',
  NotFoundError: 'No camera was found. Type the code below instead.',
  OverconstrainedError: 'No camera was found. Type the code below instead.',
  NotReadableError: 'The camera is busy in another app. Close it and try again.',
};

/** Whether a camera error is one the door person can do something about (else it is logged). */
export function isKnownCameraError(error: unknown): boolean {
  return error instanceof Error && error.name in CAMERA_PROBLEMS;
}

export function cameraProblem(error: unknown): string {
  return (
    (error instanceof Error ? CAMERA_PROBLEMS[error.name] : undefined) ??
    'The camera could not be started. Type the code below instead.'
  );
}

/** This event's offline data with one more admission, counted as a new check-in or not. */
function admit(data: OfflineEventData | null, ticketId: string, at: string, newCheckIn: boolean) {
  if (!data) return data;
  return {
    ...data,
    admitted: withAdmission(data.admitted, ticketId, at),
    keys: newCheckIn ? withCheckIns(data.keys, 1) : data.keys,
  };
}

function withCheckIns(keys: CheckinKeys, added: number): CheckinKeys {
  return { ...keys, stats: { ...keys.stats, checkedIn: keys.stats.checkedIn + added } };
}

function cameraReducer(camera: CameraState, event: DoorEvent): CameraState {
  switch (event.type) {
    case 'camera-unsupported':
      return { ...camera, problem: CAMERA_UNSUPPORTED };
    case 'camera-starting':
      return {
        ...camera,
        status: 'starting',
        problem: null,
        attempt: camera.attempt + 1,
        startedAt: event.at,
      };
    case 'camera-on':
      return event.attempt === camera.attempt ? { ...camera, status: 'on' } : camera;
    case 'camera-failed':
      return event.attempt === camera.attempt
        ? { ...camera, status: 'off', problem: cameraProblem(event.error) }
        : camera;
    case 'camera-loop-ended': {
      if (event.attempt !== camera.attempt) return camera;
      // Only quick failures in a row mean a broken camera.
      const restarts = event.at - camera.startedAt > CAMERA_STEADY_MS ? 0 : camera.restarts;
      if (restarts >= MAX_CAMERA_RESTARTS) {
        return {
          ...camera,
          status: 'off',
          problem: cameraProblem(event.error),
          attempt: camera.attempt + 1,
          restarts: 0,
        };
      }
      return { ...camera, status: 'restarting', attempt: camera.attempt + 1, restarts: restarts + 1 };
    }
    case 'camera-stopped':
      return { ...camera, status: 'off', attempt: camera.attempt + 1 };
    case 'camera-read':
      return { ...camera, inView: afterRead(camera.inView, event.code, event.at) };
    default:
      return camera;
  }
}

export function doorReducer(state: DoorState, event: DoorEvent): DoorState {
  switch (event.type) {
    case 'restored':
      return { ...state, data: event.data, queue: event.queue };
    case 'keys-loaded': {
      const timezone = state.event?.timezone ?? state.data?.timezone;
      return {
        ...state,
        data: { keys: event.keys, admitted: state.data?.admitted ?? {}, ...(timezone ? { timezone } : {}) },
        keysLoaded: true,
        keysError: null,
        reachable: true,
      };
    }
    case 'keys-refused':
      return { ...state, keysLoaded: true, keysError: event.message };
    case 'keys-unreachable':
      return { ...state, keysLoaded: true, reachable: false };
    case 'event-loaded':
      return {
        ...state,
        event: { name: event.name, timezone: event.timezone },
        data: state.data ? { ...state.data, timezone: event.timezone } : state.data,
      };
    case 'verifier-ready':
      return { ...state, verifier: event.verifier };
    case 'verifier-failed':
      return { ...state, verifier: null };
    case 'went-online':
      return { ...state, reachable: true };
    case 'went-offline':
    case 'server-unreachable':
      return { ...state, reachable: false };
    case 'scan-started':
      return { ...state, busy: true, scanError: null };
    case 'scan-answered': {
      const { outcome } = event;
      const { ticketId, checkedInAt } = outcome;
      const admitted = outcome.result === 'valid' || outcome.result === 'already_used';
      return {
        ...state,
        reachable: true,
        outcome,
        // A refusal as "already used" tells this device of an admission elsewhere.
        data:
          admitted && ticketId && checkedInAt
            ? admit(state.data, ticketId, checkedInAt, outcome.result === 'valid')
            : state.data,
      };
    }
    case 'scan-unanswered':
      // No verdict about this ticket: clear the last one so it is not taken for this scan's.
      return { ...state, reachable: true, outcome: null, scanError: event.message };
    case 'scan-decided-offline': {
      const { outcome } = event;
      return {
        ...state,
        outcome,
        queue: event.queue ?? state.queue,
        // Not counted as a new check-in: pending scans are added to the count until uploaded.
        data:
          outcome.result === 'valid' && outcome.ticketId
            ? admit(state.data, outcome.ticketId, outcome.scannedAt, false)
            : state.data,
      };
    }
    case 'scan-failed':
      return { ...state, outcome: null, scanError: 'The scan failed. Try again.' };
    case 'scan-settled':
      return { ...state, busy: false, scansDone: state.scansDone + 1 };
    case 'sync-started':
      return { ...state, syncing: true };
    case 'sync-uploaded':
      return {
        ...state,
        reachable: true,
        queue: event.queue,
        data:
          state.data && event.eventId === state.eventId && event.newCheckIns > 0
            ? { ...state.data, keys: withCheckIns(state.data.keys, event.newCheckIns) }
            : state.data,
      };
    case 'sync-finished':
      return {
        ...state,
        syncing: false,
        syncError: event.error,
        problems: event.problems.length > 0 ? [...event.problems, ...state.problems] : state.problems,
      };
    case 'problems-dismissed':
      return { ...state, problems: [] };
    default: {
      const camera = cameraReducer(state.camera, event);
      return camera === state.camera ? state : { ...state, camera };
    }
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

/** What the door page shows, read from the state. */
export interface DoorView {
  eventName: string | null;
  /** The event's time zone, once known: check-in times are shown in it. */
  timezone: string | undefined;
  /** Checked in (including this device's scans waiting for upload) and sold; null until known. */
  stats: CheckinStats | null;
  outcome: ScanOutcome | null;
  scanError: string | null;
  busy: boolean;
  scansDone: number;
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
  problems: SyncProblem[];
  camera: CameraState;
}

export function doorView(state: DoorState): DoorView {
  const { data, verifier } = state;
  const pending = pendingCount(state.queue, state.eventId);
  const offline: OfflineReadiness = data
    ? verifier === undefined
      ? 'loading'
      : verifier === null
        ? 'unsupported'
        : 'ready'
    : state.keysLoaded
      ? 'unavailable'
      : 'loading';
  return {
    eventName: data?.keys.eventName ?? state.event?.name ?? null,
    timezone: state.event?.timezone ?? data?.timezone,
    stats: data ? { checkedIn: data.keys.stats.checkedIn + pending, sold: data.keys.stats.sold } : null,
    outcome: state.outcome,
    scanError: state.scanError,
    busy: state.busy,
    scansDone: state.scansDone,
    reachable: state.reachable,
    offline,
    keysAt: data?.keys.generatedAt ?? null,
    keysError: state.keysError,
    pending,
    pendingAll: pendingCount(state.queue),
    syncing: state.syncing,
    syncError: state.syncError,
    problems: state.problems,
    camera: state.camera,
  };
}
