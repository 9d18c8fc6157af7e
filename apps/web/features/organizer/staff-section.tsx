'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { AccountFields } from '@/components/account-fields';
import { FormAlert } from '@/components/form-alert';
import { useAuth } from '@/lib/auth-context';
import { NO_PROBLEM, toFormProblem, type CodeMessages } from '@/lib/form-problem';
import { useApiData } from '@/lib/use-api-data';
import { useFormProblem } from '@/lib/use-form-problem';

const FIELDS = ['name', 'email', 'password'] as const;
const MESSAGES: CodeMessages = {
  email_taken: 'An account with this email already exists.',
  password_too_common: 'That password is too common and easy to guess. Choose another one.',
};

/** The organizer's door-staff accounts, and a form to add one. */
export function StaffSection() {
  const { authed } = useAuth();
  const staff = useApiData((client) => client.organizer.staff.list(), 'staff');
  const { formRef, problem, setProblem, submitting, setSubmitting } = useFormProblem();
  const [created, setCreated] = useState<string | null>(null);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setSubmitting(true);
    setCreated(null);
    try {
      const user = await authed((client) =>
        client.organizer.staff.create({
          name: String(form.get('name') ?? '').trim(),
          email: String(form.get('email') ?? '').trim(),
          password: String(form.get('password') ?? ''),
        }),
      );
      setProblem(NO_PROBLEM);
      setCreated(`Added ${user.name} (${user.email}) as door staff.`);
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
        <Link href="/scanner">scanner</Link>, which you can use too.
      </p>

      {staff.error ? <FormAlert message={staff.error} /> : null}
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
              </tr>
            </thead>
            <tbody>
              {staff.data.items.map((member) => (
                <tr key={member.id}>
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>
                    {member.disabled ? (
                      <span className="badge badge-disabled">Disabled</span>
                    ) : (
                      <span className="badge badge-active">Active</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <form ref={formRef} onSubmit={onSubmit} className="narrow" aria-labelledby="add-staff-heading">
        <h3 id="add-staff-heading">Add door staff</h3>
        <FormAlert message={problem.message} />
        {/* Always present, so screen readers announce the message when it appears. */}
        <div role="status">{created ? <p className="form-status">{created}</p> : null}</div>

        <AccountFields
          idPrefix="staff"
          errors={fields}
          emailAutoComplete="off"
          passwordHint="8–128 characters. Share it with them in person."
        />

        <button type="submit" aria-busy={submitting} disabled={submitting}>
          Add door staff
        </button>
      </form>
    </section>
  );
}
