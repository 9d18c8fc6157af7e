'use client';

import { ApiError, type Role, type User } from '@eventhub/client';
import { useEffect, useRef, useState } from 'react';
import { useAuth } from '@/lib/auth-context';
import { parseRole, ROLE_LABELS, ROLES } from '@/lib/roles';
import { BreakableText } from '@/components/breakable-text';

function describe(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  console.error(error);
  return 'Could not reach EventHub. Try again.';
}

/** One user in the admin table: change the role, or disable / enable the account after a confirm. */
export function UserRow({ user, onUpdated }: { user: User; onUpdated: (user: User) => void }) {
  const { session, authed } = useAuth();
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const toggleRef = useRef<HTMLButtonElement>(null);
  // The confirm buttons disappear once answered; focus goes back to the toggle, not to <body>.
  const returnFocus = useRef(false);
  const isSelf = session.status === 'signed-in' && session.user.id === user.id;

  useEffect(() => {
    if (!confirming && returnFocus.current) {
      returnFocus.current = false;
      toggleRef.current?.focus();
    }
  }, [confirming]);

  async function update(change: { role?: Role; disabled?: boolean }, done: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const updated = await authed((client) => client.admin.users.update(user.id, change));
      onUpdated(updated);
      setRole(updated.role);
      setNotice(done);
    } catch (reason) {
      setError(describe(reason));
    } finally {
      setBusy(false);
    }
  }

  async function confirmToggle() {
    returnFocus.current = true;
    setConfirming(false);
    const disabled = !user.disabled;
    await update({ disabled }, disabled ? 'Account disabled.' : 'Account enabled.');
  }

  function cancelToggle() {
    returnFocus.current = true;
    setConfirming(false);
  }

  const roleSelectId = `role-${user.id}`;
  return (
    <tr data-testid={`user-row-${user.email}`}>
      <td data-label="Name">
        {user.name}
        {isSelf ? <small> (you)</small> : null}
      </td>
      <td data-label="Email" className="cell-email">
        <BreakableText text={user.email} />
      </td>
      <td data-label="Role">
        <div className="row-actions">
          <label htmlFor={roleSelectId} className="visually-hidden">
            Role for {user.email}
          </label>
          <select
            id={roleSelectId}
            value={role}
            onChange={(event) => setRole(parseRole(event.target.value) ?? user.role)}
            disabled={busy}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary compact"
            disabled={busy || role === user.role}
            onClick={() => void update({ role }, `Role changed to ${ROLE_LABELS[role]}.`)}
          >
            Save role
          </button>
        </div>
      </td>
      <td data-label="Status">
        {user.disabled ? (
          <span className="badge badge-disabled">Disabled</span>
        ) : (
          <span className="badge badge-active">Active</span>
        )}
      </td>
      <td data-label="Access">
        {confirming ? (
          <div className="row-actions" role="group" aria-label={`Confirm for ${user.email}`}>
            <span>{user.disabled ? 'Enable' : 'Disable'} this account?</span>
            <button type="button" className="contrast compact" onClick={() => void confirmToggle()} autoFocus>
              {user.disabled ? 'Yes, enable' : 'Yes, disable'}
            </button>
            <button type="button" className="secondary outline compact" onClick={cancelToggle}>
              Cancel
            </button>
          </div>
        ) : (
          <button
            ref={toggleRef}
            type="button"
            className={user.disabled ? 'secondary compact' : 'contrast outline compact'}
            // Not `disabled` while busy: focus returns here after the confirm and must be able to land.
            onClick={() => {
              if (!busy) setConfirming(true);
            }}
            aria-disabled={busy}
            aria-busy={busy}
          >
            {user.disabled ? 'Enable' : 'Disable'}
          </button>
        )}
        {error ? (
          <small role="alert" className="field-error">
            {error}
          </small>
        ) : null}
        {notice ? <small role="status">{notice}</small> : null}
      </td>
    </tr>
  );
}
