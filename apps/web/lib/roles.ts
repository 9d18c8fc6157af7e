import type { Role } from '@eventhub/client';

export const ROLES: readonly Role[] = ['customer', 'organizer', 'admin', 'staff'];

export const ROLE_LABELS: Record<Role, string> = {
  customer: 'Customer',
  organizer: 'Organizer',
  admin: 'Admin',
  staff: 'Door staff',
};

export function parseRole(value: string | null): Role | undefined {
  return ROLES.find((role) => role === value);
}

/** Header links to each portal, with the roles that may open it. */
export const PORTAL_LINKS: readonly { href: string; label: string; roles: readonly Role[] }[] = [
  { href: '/account', label: 'Account', roles: ROLES },
  // Door staff accounts do not buy tickets.
  { href: '/account/orders', label: 'My orders', roles: ['customer', 'organizer', 'admin'] },
  { href: '/organizer', label: 'Organizer', roles: ['organizer', 'admin'] },
  { href: '/admin', label: 'Admin', roles: ['admin'] },
  // Door staff see only this: no orders, no revenue.
  { href: '/scanner', label: 'Scanner', roles: ['staff', 'organizer', 'admin'] },
];
