import type { Migration } from 'kysely';
import * as m001 from './001-identity';
import * as m002 from './002-events';
import * as m003 from './003-orders';
import * as m004 from './004-checkin';
import * as m005 from './005-analytics';
import * as m006 from './006-hold-limits';
import * as m007 from './007-order-references';
import * as m008 from './008-refund-jobs';
import * as m009 from './009-guest-orders';
import * as m010 from './010-account-tokens';
import * as m011 from './011-event-search';
import * as m012 from './012-attendee-questions';
import * as m013 from './013-audit-targets';
import * as m014 from './014-invoices';

/** Every migration, in order. Forward-only: a shipped migration is never edited, only followed. */
export const migrations: Record<string, Migration> = {
  '001-identity': m001,
  '002-events': m002,
  '003-orders': m003,
  '004-checkin': m004,
  '005-analytics': m005,
  '006-hold-limits': m006,
  '007-order-references': m007,
  '008-refund-jobs': m008,
  '009-guest-orders': m009,
  '010-account-tokens': m010,
  '011-event-search': m011,
  '012-attendee-questions': m012,
  '013-audit-targets': m013,
  '014-invoices': m014,
};
