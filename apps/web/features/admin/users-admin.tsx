'use client';

import type { User } from '@eventhub/client';
import { UserRow } from './user-row';
import { SearchFilter, SelectFilter } from '@/components/filter-fields';
import { FilterForm } from '@/components/filter-form';
import { ListTable } from '@/components/list-table';
import { PagedList } from '@/components/paged-list';
import { parseRole, ROLE_LABELS, ROLES } from '@/lib/roles';
import { useApiData } from '@/lib/use-api-data';
import { useListQuery, useSyncedFilterForm } from '@/lib/use-list-query';

const FILTERS = ['q'] as const;

/** The admin's user list: search and role filter live in the URL, so results can be shared. */
export function UsersAdmin() {
  const { params, pathname, values, page, hrefFor } = useListQuery(FILTERS);
  const { q } = values;
  const role = parseRole(params.get('role'));
  const users = useApiData(
    (client) => client.admin.users.list({ q: q || undefined, role, page }),
    JSON.stringify([q, role, page]),
  );
  const formRef = useSyncedFilterForm({ q, role: role ?? '' });

  function replaceRow(updated: User) {
    users.setData(
      (current) =>
        current && { ...current, items: current.items.map((u) => (u.id === updated.id ? updated : u)) },
    );
  }

  return (
    <>
      <FilterForm action={pathname} formRef={formRef} submitLabel="Search">
        <SearchFilter id="users-q" defaultValue={q} placeholder="Name or email" />
        <SelectFilter
          id="users-role"
          name="role"
          label="Role"
          allLabel="All roles"
          options={ROLES}
          labels={ROLE_LABELS}
          defaultValue={role}
        />
      </FilterForm>

      <PagedList list={users} noun={['user', 'users']} pagesLabel="Users pages" hrefFor={hrefFor}>
        {(items) => (
          <ListTable label="Users" busy={users.loading} stacked>
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
              {items.map((user) => (
                <UserRow key={user.id} user={user} onUpdated={replaceRow} />
              ))}
            </tbody>
          </ListTable>
        )}
      </PagedList>
    </>
  );
}
