'use client';

import type { User } from '@eventhub/client';
import Form from 'next/form';
import { usePathname, useSearchParams } from 'next/navigation';
import { useEffect, useRef } from 'react';
import { FormAlert } from './form-alert';
import { Pagination } from './pagination';
import { UserRow } from './user-row';
import { parsePage } from '@/lib/page-number';
import { queryHref } from '@/lib/query-href';
import { parseRole, ROLE_LABELS, ROLES } from '@/lib/roles';
import { useApiData } from '@/lib/use-api-data';

/** The admin's user list: search and role filter live in the URL, so results can be shared. */
export function UsersAdmin() {
  const params = useSearchParams();
  const pathname = usePathname();
  const q = params.get('q')?.trim() ?? '';
  const role = parseRole(params.get('role'));
  const page = parsePage(params.get('page'));
  const users = useApiData(
    (client) => client.admin.users.list({ q: q || undefined, role, page }),
    JSON.stringify([q, role, page]),
  );

  // The filter inputs are uncontrolled; bring them in line when the URL changes (back button).
  const searchRef = useRef<HTMLInputElement>(null);
  const roleRef = useRef<HTMLSelectElement>(null);
  useEffect(() => {
    if (searchRef.current) searchRef.current.value = q;
    if (roleRef.current) roleRef.current.value = role ?? '';
  }, [q, role]);

  function replaceRow(updated: User) {
    users.setData(
      (current) =>
        current && { ...current, items: current.items.map((u) => (u.id === updated.id ? updated : u)) },
    );
  }

  const data = users.data;
  return (
    <>
      <search>
        <Form action={pathname} className="filters">
          <div>
            <label htmlFor="users-q">Search</label>
            <input
              ref={searchRef}
              id="users-q"
              name="q"
              type="search"
              defaultValue={q}
              placeholder="Name or email"
            />
          </div>
          <div>
            <label htmlFor="users-role">Role</label>
            <select ref={roleRef} id="users-role" name="role" defaultValue={role ?? ''}>
              <option value="">All roles</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </div>
          <div>
            <button type="submit">Search</button>
          </div>
        </Form>
      </search>

      <FormAlert message={users.error} />
      <p role="status">
        {data
          ? `${data.total} ${data.total === 1 ? 'user' : 'users'} found.`
          : users.loading
            ? 'Loading…'
            : ''}
      </p>

      {data && data.items.length > 0 ? (
        <div className="table-scroll" role="region" aria-label="Users" aria-busy={users.loading} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Access</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((user) => (
                <UserRow key={user.id} user={user} onUpdated={replaceRow} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {data ? (
        <Pagination
          label="Users pages"
          page={data.page}
          pageSize={data.pageSize}
          total={data.total}
          hrefFor={(p) => queryHref(pathname, params, { page: p })}
        />
      ) : null}
    </>
  );
}
