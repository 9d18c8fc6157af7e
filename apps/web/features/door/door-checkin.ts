import type {
  CheckinKeys,
  CheckinSyncInput,
  CheckinSyncReport,
  ValidateTicketInput,
  ValidTicket,
} from '@eventhub/client';
import { errorMessage } from '../../lib/error-message';
import {
  deviceId as storedDeviceId,
  loadOfflineEvent,
  loadQueue,
  saveOfflineEvent,
  saveQueue,
  type KeyValueStore,
} from './checkin-storage';
import {
  doorReducer,
  initialDoorState,
  isKnownCameraError,
  type DoorEvent,
  type DoorState,
} from './door-state';
import { checkOffline } from './offline-checkin';
import {
  enqueueScan,
  newCheckIns,
  syncProblems,
  uploadsOf,
  withoutUploaded,
  type SyncProblem,
} from './scan-queue';
import {
  isAdmitted,
  isServerAnswer,
  offlineOutcome,
  refusedOutcome,
  uncheckedOutcome,
  validOutcome,
  type ScanOutcome,
} from './scan-outcome';
import type { TicketSignatureVerifier } from './ticket-code';

// Fresh void tickets, revoked codes and door counts every minute.
const KEYS_REFRESH_MS = 60_000;
// While scans wait for upload, try again this often (and at once when the browser is back online).
const SYNC_RETRY_MS = 20_000;
// A scan must not hang the door on a dead connection: after this long, decide on this device.
const VALIDATE_TIMEOUT_MS = 8_000;
// Once a request has found no server, the next scans wait less before deciding themselves.
const VALIDATE_TIMEOUT_UNREACHABLE_MS = 2_500;
// After the decoder loop ends by itself, the camera starts again this much later.
const CAMERA_RESTART_DELAY_MS = 300;

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

/** The requests the door makes (as the signed-in user); failures are `ApiError`s or network errors. */
export interface DoorApi {
  keys(eventId: string): Promise<CheckinKeys>;
  event(eventId: string): Promise<{ name: string; timezone: string }>;
  validate(input: ValidateTicketInput): Promise<ValidTicket>;
  sync(eventId: string, input: CheckinSyncInput): Promise<CheckinSyncReport>;
}

/** Everything outside the machine it uses; the browser's in `useDoorCheckin`, fakes in tests. */
export interface DoorPorts {
  api: DoorApi;
  store: KeyValueStore;
  /** False when the browser knows it has no network: scans are then decided here at once. */
  browserOnline(): boolean;
  /** The time, ms since the epoch. */
  now(): number;
  /** A fresh random id: scan nonces and this device's id. */
  newId(): string;
  /** Null where this browser cannot verify Ed25519. */
  createVerifier(keys: CheckinKeys['keys']): Promise<TicketSignatureVerifier | null>;
  /** The beep and buzz after each verdict. */
  signal(admitted: boolean): void;
}

/** What the camera component reports to the machine; it keeps only the video and the decoder. */
export interface CameraControl {
  /** This page cannot use a camera at all. */
  cameraUnavailable(): void;
  /** A start begins; returns its attempt number. */
  cameraStarting(): number;
  /** Whether `attempt` is still the wanted one (not stopped or started anew since). */
  isCameraAttempt(attempt: number): boolean;
  cameraOn(attempt: number): void;
  cameraFailed(attempt: number, error: unknown): void;
  /** The decoder loop of `attempt` ended by itself; resolves true when the camera should start again. */
  cameraLoopEnded(attempt: number, error: unknown): Promise<boolean>;
  cameraStopped(): void;
  /** The camera decoded `code`; a code that just came into view is scanned. */
  cameraRead(code: string): void;
}

const keyringOf = (keys: CheckinKeys['keys']) => keys.map((key) => `${key.keyId}:${key.publicKey}`).join(',');

/**
 * The door scanner for one event: validates codes with the server, falls back to checking them
 * on this device when the server cannot be reached, queues those admissions in storage and
 * uploads them when the connection is back. Its state changes only through `doorReducer`;
 * subscribe to follow it (useSyncExternalStore).
 */
export class DoorCheckinMachine implements CameraControl {
  private state: DoorState;
  private readonly listeners = new Set<() => void>();
  private device: string | null = null;
  private scanChain: Promise<void> = Promise.resolve();
  private syncInFlight = false;
  /** The keys the verifier is (being) made for. */
  private verifierKeyring: string | null = null;
  private timers: ReturnType<typeof setInterval>[] = [];

  constructor(
    readonly eventId: string,
    private readonly ports: DoorPorts,
  ) {
    this.state = initialDoorState(eventId);
  }

  getState = (): DoorState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private dispatch(event: DoorEvent): void {
    const before = this.state;
    const after = doorReducer(before, event);
    if (after === before) return;
    this.state = after;
    if (after.data && after.data !== before.data && event.type !== 'restored') {
      saveOfflineEvent(this.ports.store, after.data);
    }
    this.prepareVerifier();
    for (const listener of this.listeners) listener();
  }

  /** What this device kept from earlier, then fresh keys, the event and an upload; timers after. */
  start(): void {
    const { store } = this.ports;
    this.dispatch({ type: 'restored', data: loadOfflineEvent(store, this.eventId), queue: loadQueue(store) });
    void this.refreshKeys();
    void this.loadEvent();
    void this.syncNow();
    this.timers.push(
      setInterval(() => void this.refreshKeys(), KEYS_REFRESH_MS),
      setInterval(() => {
        if (this.ports.browserOnline()) void this.syncNow();
      }, SYNC_RETRY_MS),
    );
  }

  stop(): void {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  wentOnline = (): void => {
    this.dispatch({ type: 'went-online' });
    void this.syncNow();
    void this.refreshKeys();
  };

  wentOffline = (): void => this.dispatch({ type: 'went-offline' });

  dismissProblems = (): void => this.dispatch({ type: 'problems-dismissed' });

  /** Checks a code in; scans run one after another in the order they were made. Never rejects. */
  scan = (raw: string): Promise<void> => {
    const code = raw.trim();
    if (!code) return Promise.resolve();
    const run = this.scanChain
      .then(() => this.checkIn(code))
      .catch((error: unknown) => {
        console.error('Scan failed', error);
        this.dispatch({ type: 'scan-failed' });
      });
    this.scanChain = run;
    return run;
  };

  /** Uploads the queued offline scans (of every event on this device), unless an upload runs. */
  syncNow = async (): Promise<void> => {
    const { api, store } = this.ports;
    if (this.syncInFlight || loadQueue(store).length === 0) return;
    this.syncInFlight = true;
    this.dispatch({ type: 'sync-started' });
    let uploaded = 0;
    let failure: string | null = null;
    const found: SyncProblem[] = [];
    try {
      for (const upload of uploadsOf(loadQueue(store))) {
        try {
          const report = await api.sync(upload.eventId, { deviceId: this.deviceId(), scans: upload.scans });
          // Read again: another tab may have queued scans meanwhile.
          const queue = withoutUploaded(loadQueue(store), upload);
          saveQueue(store, queue);
          uploaded += upload.scans.length;
          found.push(...syncProblems(upload.eventId, report));
          this.dispatch({
            type: 'sync-uploaded',
            eventId: upload.eventId,
            queue,
            newCheckIns: newCheckIns(report),
          });
        } catch (reason) {
          if (!isServerAnswer(reason)) {
            this.dispatch({ type: 'server-unreachable' });
            break;
          }
          // Kept in the queue: a person has to look at why (e.g. signed in as someone else).
          failure = errorMessage(reason);
        }
      }
    } finally {
      this.syncInFlight = false;
      this.dispatch({ type: 'sync-finished', problems: found, error: failure });
    }
    if (uploaded > 0) void this.refreshKeys();
  };

  private deviceId(): string {
    return (this.device ??= storedDeviceId(this.ports.store, this.ports.newId));
  }

  private async refreshKeys(): Promise<void> {
    try {
      this.dispatch({ type: 'keys-loaded', keys: await this.ports.api.keys(this.eventId) });
    } catch (reason) {
      if (isServerAnswer(reason)) this.dispatch({ type: 'keys-refused', message: errorMessage(reason) });
      else this.dispatch({ type: 'keys-unreachable' });
    }
  }

  private async loadEvent(): Promise<void> {
    try {
      const { name, timezone } = await this.ports.api.event(this.eventId);
      this.dispatch({ type: 'event-loaded', name, timezone });
    } catch (reason) {
      console.warn('Loading the event for the scanner failed', reason);
    }
  }

  /** A verifier for the event's keys whenever they change; one made for older keys is dropped. */
  private prepareVerifier(): void {
    const keys = this.state.data?.keys.keys;
    if (!keys) return;
    const keyring = keyringOf(keys);
    if (keyring === this.verifierKeyring) return;
    this.verifierKeyring = keyring;
    this.ports.createVerifier(keys).then(
      (verifier) => {
        if (this.verifierKeyring === keyring) this.dispatch({ type: 'verifier-ready', verifier });
      },
      (reason: unknown) => {
        console.warn('Preparing offline check-in failed', reason);
        if (this.verifierKeyring === keyring) this.dispatch({ type: 'verifier-failed' });
      },
    );
  }

  private async checkIn(code: string): Promise<void> {
    this.dispatch({ type: 'scan-started' });
    const scannedAt = new Date(this.ports.now()).toISOString();
    // One nonce per scan: if the answer is lost, the offline upload of this scan is the same scan.
    const nonce = this.ports.newId();
    try {
      let answer: ScanOutcome | 'unanswered' | null = null;
      if (this.ports.browserOnline()) answer = await this.askServer(code, scannedAt, nonce);
      else this.dispatch({ type: 'server-unreachable' });
      if (answer === 'unanswered') return;
      const outcome = answer ?? (await this.decideOffline(code, scannedAt, nonce));
      this.ports.signal(isAdmitted(outcome));
    } finally {
      this.dispatch({ type: 'scan-settled' });
    }
  }

  /** The server's verdict; 'unanswered' when it answered about something else, null without an answer. */
  private async askServer(
    code: string,
    scannedAt: string,
    nonce: string,
  ): Promise<ScanOutcome | 'unanswered' | null> {
    const { eventId } = this;
    try {
      const answer = await withTimeout(
        this.ports.api.validate({ code, eventId, nonce, deviceId: this.deviceId() }),
        this.state.reachable ? VALIDATE_TIMEOUT_MS : VALIDATE_TIMEOUT_UNREACHABLE_MS,
      );
      const outcome = validOutcome(answer, scannedAt);
      this.dispatch({ type: 'scan-answered', outcome });
      return outcome;
    } catch (reason) {
      if (!isServerAnswer(reason)) {
        console.warn('Validating online failed; checking on this device', reason);
        this.dispatch({ type: 'server-unreachable' });
        return null;
      }
      const refused = refusedOutcome(reason, scannedAt);
      if (!refused) {
        this.dispatch({ type: 'scan-unanswered', message: errorMessage(reason) });
        return 'unanswered';
      }
      this.dispatch({ type: 'scan-answered', outcome: refused });
      return refused;
    }
  }

  private async decideOffline(code: string, scannedAt: string, nonce: string): Promise<ScanOutcome> {
    const { data, verifier } = this.state;
    if (!data || !verifier) {
      const outcome = uncheckedOutcome(scannedAt);
      this.dispatch({ type: 'scan-decided-offline', outcome });
      return outcome;
    }
    const verdict = await checkOffline(code, {
      keys: data.keys,
      verifier,
      admitted: data.admitted,
      scannedAt,
    });
    const outcome = offlineOutcome(verdict, scannedAt);
    if (verdict.result === 'valid' && verdict.ticketId) {
      const { store } = this.ports;
      const queue = enqueueScan(loadQueue(store), { eventId: this.eventId, code, scannedAt, nonce });
      saveQueue(store, queue);
      this.dispatch({ type: 'scan-decided-offline', outcome, queue });
    } else {
      this.dispatch({ type: 'scan-decided-offline', outcome });
    }
    return outcome;
  }

  cameraUnavailable = (): void => this.dispatch({ type: 'camera-unsupported' });

  cameraStarting = (): number => {
    this.dispatch({ type: 'camera-starting', at: this.ports.now() });
    return this.state.camera.attempt;
  };

  isCameraAttempt = (attempt: number): boolean => attempt === this.state.camera.attempt;

  cameraOn = (attempt: number): void => this.dispatch({ type: 'camera-on', attempt });

  cameraFailed = (attempt: number, error: unknown): void => {
    if (!this.isCameraAttempt(attempt)) return;
    if (!isKnownCameraError(error)) console.error(error);
    this.dispatch({ type: 'camera-failed', attempt, error });
  };

  cameraLoopEnded = async (attempt: number, error: unknown): Promise<boolean> => {
    if (!this.isCameraAttempt(attempt)) return false;
    this.dispatch({ type: 'camera-loop-ended', attempt, at: this.ports.now(), error });
    const { status, attempt: restartAt } = this.state.camera;
    if (status !== 'restarting') {
      if (!isKnownCameraError(error)) console.error(error);
      return false;
    }
    await new Promise((resolve) => setTimeout(resolve, CAMERA_RESTART_DELAY_MS));
    // Stopped (or started anew) meanwhile: leave it so.
    return this.state.camera.status === 'restarting' && this.isCameraAttempt(restartAt);
  };

  cameraStopped = (): void => this.dispatch({ type: 'camera-stopped' });

  cameraRead = (code: string): void => {
    this.dispatch({ type: 'camera-read', code, at: this.ports.now() });
    if (this.state.camera.inView?.reads === 1) void this.scan(code);
  };
}
