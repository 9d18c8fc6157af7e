/**
 * Every `code` the API can answer with, its HTTP status and what it means. Domain errors and the
 * API's problem replies take an `ErrorCode`, so the compiler refuses a code missing here; the
 * OpenAPI document lists this table, and the API tests fail on a response whose code is not in it.
 */
export const ERROR_CODES = {
  // 400: the request cannot be acted on as sent
  validation_failed: {
    status: 400,
    meaning: 'The input is invalid; `errors` names each field and what is wrong',
  },
  malformed_json: { status: 400, meaning: 'The body is not valid JSON although its Content-Type says it is' },
  malformed_request: {
    status: 400,
    meaning: 'The body does not match its Content-Length, or is empty where JSON was announced',
  },
  bad_request: {
    status: 400,
    meaning: 'Another malformed request the HTTP layer refused (the status is the 4xx it chose)',
    otherStatuses: [406, 414],
  },
  password_too_common: {
    status: 400,
    meaning: 'The password is one of the most common ones; choose another',
  },
  promo_invalid: {
    status: 400,
    meaning: 'The promo code does not exist, is outside its window, used up or does not apply to the order',
  },
  invalid_code: {
    status: 400,
    meaning: 'The ticket code is unreadable, forged, or not one this caller may check',
  },
  invalid_image: {
    status: 400,
    meaning: 'The upload is not a single JPEG, PNG or WebP image that can be decoded',
  },
  invalid_signature: {
    status: 400,
    meaning: 'The Stripe-Signature of a webhook is missing, invalid or too old',
  },

  // 401: who is calling is unknown
  unauthenticated: {
    status: 401,
    meaning: 'The route needs a signed-in caller and no credentials were sent',
  },
  invalid_credentials: {
    status: 401,
    meaning:
      'Wrong e-mail or password (the same answer for both); 400 when a signed-in user confirms a change with a wrong current password',
    otherStatuses: [400],
  },
  invalid_token: {
    status: 401,
    meaning:
      'The access token is malformed, forged, or its session has ended; 400 for an account link token (verification, reset, e-mail change, staff invitation) that is unknown, spent or expired',
    otherStatuses: [400],
  },
  token_expired: { status: 401, meaning: 'The access token has expired; refresh it' },
  invalid_refresh_token: { status: 401, meaning: 'The refresh token is missing, unknown or expired' },
  refresh_token_reused: {
    status: 401,
    meaning: 'A spent refresh token was presented again; every token of that login is revoked',
  },

  // 403: known caller, not allowed
  forbidden: { status: 403, meaning: 'The caller is signed in but not allowed to do this' },

  // 404
  not_found: { status: 404, meaning: 'The object does not exist or is not visible to the caller' },
  route_not_found: { status: 404, meaning: 'No API route has this method and path' },

  // 409: conflicts with the current state
  email_taken: { status: 409, meaning: 'An account with this e-mail already exists' },
  invitation_accepted: {
    status: 409,
    meaning: 'The staff member already accepted the invitation and chose a password: nothing to resend',
  },
  cannot_modify_self: { status: 409, meaning: 'Admins cannot demote or disable themselves' },
  event_cancelled: { status: 409, meaning: 'The event is cancelled: it can be neither edited nor sold' },
  not_publishable: {
    status: 409,
    meaning: 'The event needs a start date and a ticket type before publishing',
  },
  starts_in_past: {
    status: 409,
    meaning: 'The event starts in the past (`startsAt` says when): move its start ahead before publishing',
  },
  has_orders: { status: 409, meaning: 'An event with orders cannot be deleted; cancel it instead' },
  capacity_below_sold: { status: 409, meaning: 'Capacity cannot go below the tickets sold or held' },
  limit_below_sold: {
    status: 409,
    meaning: "A ticket type's limit cannot go below the tickets sold or held",
  },
  currency_locked: { status: 409, meaning: 'The currency cannot change once tickets are sold' },
  profile_required: {
    status: 409,
    meaning: 'Invoicing needs the organizer business profile (legal name, address) to be filled in first',
  },
  has_sales: { status: 409, meaning: 'A ticket type that has been ordered cannot be removed' },
  promo_code_taken: { status: 409, meaning: 'The event already has a promo code with that name' },
  max_uses_below_uses: {
    status: 409,
    meaning: "A promo code's maxUses cannot go below the uses already made",
  },
  promotion_used: { status: 409, meaning: 'A promo code that has been used cannot be deleted' },
  sold_out: { status: 409, meaning: 'Not enough tickets are left for the order' },
  sales_closed: { status: 409, meaning: 'The event or ticket type is not on sale at this time' },
  hold_limit_reached: {
    status: 409,
    meaning: 'The buyer already holds the most unpaid orders allowed for the event',
  },
  order_not_pending: { status: 409, meaning: 'Only a pending order can be cancelled' },
  order_not_payable: {
    status: 409,
    meaning: 'The order can no longer be paid (expired, cancelled or no longer on sale)',
  },
  order_already_paid: { status: 409, meaning: 'The order is already paid, or has nothing to pay' },
  order_not_refundable: { status: 409, meaning: 'The order is not in a state that can be refunded' },
  refund_not_allowed: { status: 409, meaning: 'The event does not offer refunds to buyers' },
  refund_window_closed: { status: 409, meaning: "The event's refund deadline has passed" },
  refund_exceeds_payment: { status: 409, meaning: 'The refund would return more than was paid' },
  already_refunded: { status: 409, meaning: 'Some of the tickets are already refunded' },
  ticket_used: { status: 409, meaning: 'A ticket already admitted at the door cannot be refunded' },
  refund_not_retryable: {
    status: 409,
    meaning: 'Only a refund whose automatic retries ran out (status failed) can be retried by hand',
  },
  ticket_not_reissuable: { status: 409, meaning: 'Only a valid, unused ticket can be reissued' },
  ticket_not_changeable: {
    status: 409,
    meaning: 'Only a valid ticket (not used at the door, not refunded) can change holder',
  },
  change_deadline_passed: {
    status: 409,
    meaning: "The event's deadline for changing ticket holders has passed (`deadline` says when)",
  },
  holder_changes_disabled: { status: 409, meaning: "The event's organizer does not allow holder changes" },
  question_answered: {
    status: 409,
    meaning: 'A question that already has answers cannot change its kind or scope',
  },
  already_used: { status: 409, meaning: 'The ticket was already checked in (`checkedInAt` says when)' },
  void: { status: 409, meaning: 'The ticket is void: refunded, cancelled or reissued' },
  wrong_event: { status: 409, meaning: 'The ticket is for another event than the one being checked in' },
  not_scheduled: { status: 409, meaning: 'The event has no date yet, so it has no calendar entry' },
  idempotency_key_reused: {
    status: 409,
    meaning: 'The Idempotency-Key was already used with a different request',
  },
  idempotency_key_in_progress: {
    status: 409,
    meaning: 'A request with this Idempotency-Key is still being processed',
  },

  // 413, 415, 429
  payload_too_large: { status: 413, meaning: 'The body or uploaded file is larger than allowed' },
  unsupported_media_type: { status: 415, meaning: 'The route does not accept this Content-Type' },
  rate_limited: {
    status: 429,
    meaning: 'Too many requests or open streams; retry after `retryAfter` seconds',
  },

  // 5xx: internal_error is a bug; the others tell the client to retry (Retry-After)
  internal_error: { status: 500, meaning: 'Something unexpected failed on the server (a bug, logged)' },
  database_unavailable: {
    status: 503,
    meaning: 'The database cannot be reached or did not answer in time; retry after `Retry-After` seconds',
  },
  storage_full: {
    status: 507,
    meaning: 'The database has no room left to write; nothing was changed; retry after `Retry-After` seconds',
  },
  webhook_retry: {
    status: 503,
    meaning: 'A payment webhook could not be recorded; nothing of it was kept, so the redelivery is handled',
  },
} as const satisfies Record<string, ErrorCodeEntry>;

export interface ErrorCodeEntry {
  /** The HTTP status the code is sent with. */
  status: number;
  /** A one-line meaning, listed in the OpenAPI document. */
  meaning: string;
  /** Other statuses the same code may come with. */
  otherStatuses?: readonly number[];
}

/** A stable snake_case error code the API can answer with. */
export type ErrorCode = keyof typeof ERROR_CODES;

/** The statuses code `C` may be sent with: its own and its `otherStatuses`. */
type StatusesOf<C extends ErrorCode> =
  | (typeof ERROR_CODES)[C]['status']
  | ((typeof ERROR_CODES)[C] extends { otherStatuses: readonly (infer N)[] } ? N : never);

/** The codes sent with HTTP status `S`. */
export type ErrorCodeWithStatus<S extends number> = {
  [C in ErrorCode]: S extends StatusesOf<C> ? C : never;
}[ErrorCode];

/** Every code, in catalogue order. */
export const ERROR_CODE_LIST = Object.keys(ERROR_CODES) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_CODES, value);
}

/** Whether `code` may be sent with `status` according to the catalogue. */
export function isCataloguedProblem(status: number, code: unknown): boolean {
  if (!isErrorCode(code)) return false;
  const entry: ErrorCodeEntry = ERROR_CODES[code];
  return entry.status === status || (entry.otherStatuses ?? []).includes(status);
}
