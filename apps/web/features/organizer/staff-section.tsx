'use client';

import type { StaffMember } from '@eventhub/client';
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ConfirmAction } from '@/components/confirm-action';
import { FormAlert } from '@/components/form-alert';
import { LabeledInput } from '@/components/labeled-input';
import { useAuth } from '@/lib/auth-context';
import { NO_PROBLEM, toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { useApiData } from '@/lib/use-api-data';
import { useFormProblem } from '@/lib/use-form-problem';
import { useRowAction } from '@/lib/use-row-action';

const FIELDS = ['name', 'email'] as const;
const MESSAGES: CodeMessages = {
  email_taken: 'An account with this email already exists. Door staff need an address of their own.',
  rate_limited: 'Too many invitations to this address for now. Try again in an hour.',
};

function formatDay(iso: string): string {
  return new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}

function StaffStatus({ member }: { member: StaffMember }) {
  if (member.status === 'disabled') return <span className="badge badge-disabled">Disabled</span>;
  if (member.status === 'active') return <span className="badge badge-active">Active</span>;
  const expires = member.invitationExpiresAt;
  const expired = expires !== null && Date.parse(expires) <= Date.now();
  return (
    <>
      <span className="badge">Invited</span>{' '}
      <small>
        {expires === null ? null : expired ? 'link expired' : `link valid until ${formatDay(expires)}`}
      </small>
    </>
  );
}

/** Resend and Remove for one staff member, with what they ended with. */
function StaffActions({
  member,
  onChange,
  onRemoved,
}: {
  member: StaffMember;
  onChange: () => void;
  onRemoved: (name: string) => void;
}) {
  const { authed } = useAuth();
  const { busy, error, notice, run } = useRowAction();
  return (
    <>
      <span className="row-actions">
        {member.status === 'invited' ? (
          <button
            type="button"
            className="secondary outline compact"
            aria-busy={busy || undefined}
            onClick={() =>
              void run(async () => {
                await authed((client) => client.organizer.staff.resendInvitation(member.id));
                onChange();
                return `A new invitation went to ${member.email}; the earlier link no longer works.`;
              })
            }
          >
            Resend invitation<span className="visually-hidden"> to {member.name}</span>
          </button>
        ) : null}
        <ConfirmAction
          label={
            <>
              Remove<span className="visually-hidden"> {member.name}</span>
            </>
          }
          question={`Remove ${member.name}? They are signed out at once and can no longer check tickets in.`}
          confirmLabel="Yes, remove"
          dismissLabel="Keep"
          busy={busy}
          className="contrast outline compact"
          onConfirm={() =>
            run(async () => {
              await authed((client) => client.organizer.staff.remove(member.id));
              // The row goes away with the list's reload: the section says it instead.
              onRemoved(member.name);
              return '';
            })
          }
        />
      </span>
      {error ? (
        <p role="alert" className="field-error">
          {error}
        </p>
      ) : null}
      <span role="status">{notice ? <small>{notice}</small> : null}</span>
    </>
  );
}

/** The organizer's door staff: invite by e-mail, resend an invitation, remove. */
export function StaffSection() {
  const { authed } = useAuth();
  const staff = useApiData((client) => client.organizer.staff.list(), 'staff');
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const [sent, setSent] = useState<string | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSubmitting(true);
    setSent(null);
    try {
      const member = await authed((client) =>
        client.organizer.staff.create({
          name: String(form.get('name') ?? '').trim(),
          email: String(form.get('email') ?? '').trim(),
        }),
      );
      setProblem(NO_PROBLEM);
      setSent(
        `Invitation sent to ${member.name} (${member.email}). They choose their own password from the link, which works for 7 days.`,
      );
      formElement.reset();
      staff.reload();
    } catch (error) {
      setProblem(toFormProblem(error, FIELDS, MESSAGES));
    } finally {
      setSubmitting(false);
    }
  }

  const { fields } = problem;
  return (
    <section aria-labelledby="staff-heading">
      <h2 id="staff-heading">Door staff</h2>
      <p>
        Door staff can check tickets in at your events and nothing else: they log in and open the{' '}
        <Link href="/scanner">scanner</Link>, which you can use too. Removing someone signs them out at once.
      </p>

      {staff.error ? <FormAlert message={staff.error} /> : null}
      <div role="status">{removed ? <p className="form-status">{removed}</p> : null}</div>
      {staff.loading && !staff.data ? <p aria-busy="true">Loading staff…</p> : null}
      {staff.data && staff.data.items.length === 0 ? <p>No door staff yet.</p> : null}
      {staff.data && staff.data.items.length > 0 ? (
        <div className="table-scroll" role="region" aria-label="Door staff" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Status</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {staff.data.items.map((member) => (
                <tr key={member.id}>
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>
                    <StaffStatus member={member} />
                  </td>
                  <td>
                    <StaffActions
                      member={member}
                      onChange={() => {
                        setRemoved(null);
                        staff.reload();
                      }}
                      onRemoved={(name) => {
                        setRemoved(`${name} was removed and signed out everywhere.`);
                        staff.reload();
                      }}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <form ref={formRef} onSubmit={onSubmit} className="narrow" aria-labelledby="add-staff-heading">
        <h3 id="add-staff-heading">Invite door staff</h3>
        <FormAlert message={problem.message} />
        {/* Always present, so screen readers announce the message when it appears. */}
        <div role="status">{sent ? <p className="form-status">{sent}</p> : null}</div>

        <LabeledInput
          id="staff-name"
          label="Name"
          error={fields.name}
          name="name"
          autoComplete="off"
          required
          maxLength={100}
        />
        <LabeledInput
          id="staff-email"
          label="Email"
          error={fields.email}
          name="email"
          type="email"
          autoComplete="off"
          required
          hint="They get a link by e-mail to choose their own password."
        />

        <button type="submit" aria-busy={submitting} disabled={submitting}>
          Send invitation
        </button>
      </form>
    </section>
  );
}
