'use client';

import Link from 'next/link';
import { useRef, type FormEvent } from 'react';
import { CameraScanner } from './camera-scanner';
import type { SyncProblem } from './scan-queue';
import { ScanResultPanel } from './scan-result-panel';
import { useDoorCheckin, type DoorCheckin } from './use-door-checkin';
import { FormAlert } from '@/components/form-alert';
import { formatDoorTime } from '@/lib/event-format';

function problemText(problem: SyncProblem, timezone: string | undefined): string {
  const ticket = problem.ticketId ? `Ticket ${problem.ticketId.slice(0, 8)}` : 'A ticket';
  const first = problem.checkedInAt
    ? ` (first check-in ${formatDoorTime(problem.checkedInAt, timezone)})`
    : '';
  if (problem.conflict) return `${ticket} was admitted twice${first}.`;
  switch (problem.result) {
    case 'void':
      return `${ticket} was admitted offline but is void (refunded, cancelled or replaced).`;
    case 'wrong_event':
      return `${ticket} was admitted offline but belongs to another event.`;
    case 'invalid_code':
      return 'A code admitted offline was not accepted by the server.';
    default:
      return `${ticket} was already checked in${first}.`;
  }
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The connection, offline readiness and the upload queue, in one short block. */
function OfflineStatus({ door }: { door: DoorCheckin }) {
  const readiness = {
    loading: 'Preparing offline check…',
    ready: `Offline check ready${door.keysAt ? ` (keys from ${formatDoorTime(door.keysAt, door.timezone)})` : ''}.`,
    unsupported: 'This browser cannot check codes offline: scanning needs a connection.',
    unavailable: 'Offline check is not available until the event’s keys have been downloaded once.',
  }[door.offline];
  return (
    <section aria-labelledby="connection-heading" className="scanner-connection">
      <h2 id="connection-heading">Connection</h2>
      <p data-testid="connection-state">
        <span className={`badge ${door.reachable ? 'badge-active' : 'badge-disabled'}`}>
          {door.reachable ? 'Online' : 'Offline'}
        </span>{' '}
        {readiness}
      </p>
      <FormAlert message={door.keysError} />
      <div role="status">
        {door.pendingAll > 0 ? (
          <p data-testid="pending-scans">
            {plural(door.pendingAll, 'offline scan', 'offline scans')} waiting for upload
            {door.pendingAll !== door.pending ? ` (${door.pending} of this event)` : ''}.{' '}
            <button
              type="button"
              className="secondary outline compact"
              onClick={door.syncNow}
              aria-busy={door.syncing}
              disabled={door.syncing}
            >
              Upload now
            </button>
          </p>
        ) : null}
      </div>
      <FormAlert message={door.syncError ? `Upload refused: ${door.syncError}` : null} />
      {door.problems.length > 0 ? (
        <div className="form-alert" data-testid="sync-problems">
          <p>
            <strong>Uploaded offline scans need a look:</strong>
          </p>
          <ul>
            {door.problems.map((problem, index) => (
              <li key={`${problem.ticketId ?? 'code'}-${index}`}>{problemText(problem, door.timezone)}</li>
            ))}
          </ul>
          <button type="button" className="secondary outline compact" onClick={door.dismissProblems}>
            Dismiss
          </button>
        </div>
      ) : null}
    </section>
  );
}

/** The scanner for one event: camera or typed code, a big verdict, counts, and offline upload. */
export function DoorScanner({ eventId }: { eventId: string }) {
  const door = useDoorCheckin(eventId);
  const codeRef = useRef<HTMLInputElement>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const field = codeRef.current;
    if (!field || !field.value.trim()) {
      field?.focus();
      return;
    }
    const code = field.value;
    // Cleared at once, ready for the next code (handheld scanners type it and press Enter).
    field.value = '';
    field.focus();
    void door.scan(code);
  }

  return (
    <div className="door-scanner" data-testid="door-scanner" data-scans-done={door.scansDone}>
      <p>
        <Link href="/scanner">← All events</Link>
      </p>
      <hgroup>
        <h1>{door.eventName ?? 'Scanner'}</h1>
        <p className="checkin-count" data-testid="checkin-count">
          {door.stats ? (
            <>
              <strong>{door.stats.checkedIn}</strong> checked in / {door.stats.sold} sold
            </>
          ) : (
            'Loading the door count…'
          )}
        </p>
      </hgroup>

      <ScanResultPanel outcome={door.outcome} timezone={door.timezone} />
      <FormAlert message={door.scanError} />

      <CameraScanner camera={door.camera} control={door.cameraControl} />

      <form onSubmit={onSubmit} className="ticket-code-form" aria-label="Check in by code">
        <label htmlFor="ticket-code">Ticket code</label>
        <div className="ticket-code-row">
          <input
            ref={codeRef}
            id="ticket-code"
            name="code"
            autoComplete="off"
            autoCapitalize="off"
            autoCorrect="off"
            spellCheck={false}
            enterKeyHint="go"
          />
          <button type="submit" aria-busy={door.busy}>
            Check in
          </button>
        </div>
        <small>
          Type or paste the ticket's code, or use a handheld scanner (it types the code and presses Enter).
        </small>
      </form>

      <OfflineStatus door={door} />
    </div>
  );
}
