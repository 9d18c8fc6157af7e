'use client';

import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { useAuth, type AuthValue } from '../../lib/auth-context';
import { newIdempotencyKey } from '../../lib/idempotency-key';
import { browserStore } from './checkin-storage';
import { DoorCheckinMachine, type CameraControl, type DoorPorts } from './door-checkin';
import { doorView, type DoorView } from './door-state';
import { signalScan } from './scan-signal';
import { createSignatureVerifier } from './ticket-code';

export interface DoorCheckin extends DoorView {
  dismissProblems: () => void;
  /** Checks a code in; scans run one after another in the order they were made. */
  scan: (code: string) => Promise<void>;
  syncNow: () => void;
  cameraControl: CameraControl;
}

function browserPorts(authed: AuthValue['authed']): DoorPorts {
  return {
    api: {
      keys: (eventId) => authed((client) => client.checkin.keys(eventId)),
      event: (eventId) => authed((client) => client.events.get(eventId)),
      validate: (input) => authed((client) => client.checkin.validate(input)),
      sync: (eventId, input) => authed((client) => client.checkin.sync(eventId, input)),
    },
    store: browserStore,
    browserOnline: () => navigator.onLine !== false,
    now: () => Date.now(),
    newId: newIdempotencyKey,
    createVerifier: (keys) => createSignatureVerifier(keys),
    signal: signalScan,
  };
}

/** The door scanner for one event (see DoorCheckinMachine), following the browser's connection. */
export function useDoorCheckin(eventId: string): DoorCheckin {
  const { authed } = useAuth();
  const door = useMemo(() => new DoorCheckinMachine(eventId, browserPorts(authed)), [authed, eventId]);

  useEffect(() => {
    door.start();
    window.addEventListener('online', door.wentOnline);
    window.addEventListener('offline', door.wentOffline);
    return () => {
      window.removeEventListener('online', door.wentOnline);
      window.removeEventListener('offline', door.wentOffline);
      door.stop();
    };
  }, [door]);

  const state = useSyncExternalStore(door.subscribe, door.getState, door.getState);
  return useMemo(
    () => ({
      ...doorView(state),
      dismissProblems: door.dismissProblems,
      scan: door.scan,
      syncNow: () => void door.syncNow(),
      cameraControl: door,
    }),
    [door, state],
  );
}
