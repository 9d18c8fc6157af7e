import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// One schema for both engines: timestamps are ISO-8601 UTC strings (they sort as text),
// booleans are 0/1 integers, ids are UUIDv7 strings. That keeps one code path for SQLite and PostgreSQL.

export type Role = 'customer' | 'organizer' | 'admin' | 'staff';
export const ROLES: readonly Role[] = ['customer', 'organizer', 'admin', 'staff'];

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  /** For door staff: the organizer whose events they may check in. */
  organizer_id: string | null;
  disabled: number;
  /** When the user proved they read this address; null until then (and after an e-mail change, set anew). */
  email_verified_at: string | null;
  created_at: string;
  updated_at: string;
}

export type AccountTokenPurpose = 'verify_email' | 'password_reset' | 'change_email' | 'staff_invite';

/** A single-use token mailed to a user (identity/account-tokens.ts); only its SHA-256 is stored. */
export interface AccountTokensTable {
  id: string;
  user_id: string;
  purpose: AccountTokenPurpose;
  token_hash: string;
  /** The address the link was mailed to: for `change_email`, the new address. */
  email: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A login: every refresh token descended from one sign-in belongs to one session (the "family"). */
export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  /** Absolute end of the session, however often it is refreshed. */
  expires_at: string;
  revoked_at: string | null;
  revoke_reason: string | null;
  ip: string | null;
  user_agent: string | null;
}

export interface RefreshTokensTable {
  id: string;
  session_id: string;
  /** SHA-256 of the token; the token itself is never stored. */
  token_hash: string;
  created_at: string;
  /** Idle expiry: a token not used by then is dead even if the session lives. */
  expires_at: string;
  used_at: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  /** JSON text. */
  details: string;
}

export interface AppMetaTable {
  key: string;
  value: string;
}

export type EventStatus = 'draft' | 'published' | 'cancelled';

export interface EventsTable {
  id: string;
  organizer_id: string;
  name: string;
  description: string;
  status: EventStatus;
  starts_at: string | null;
  ends_at: string | null;
  listed_until: string | null;
  timezone: string;
  currency: string;
  capacity: number | null;
  sold: number;
  held: number;
  venue_name: string | null;
  venue_address: string | null;
  venue_city: string | null;
  city_key: string | null;
  venue_country: string | null;
  sales_start: string | null;
  sales_end: string | null;
  refund_until_hours_before: number | null;
  /** Whether paid orders get invoices and checkout asks for billing details (migration 014). */
  invoicing: Generated<InvoicingMode>;
  /** 1: tier prices are entered with tax included (default); 0: tax is added on top. */
  prices_include_tax: Generated<number>;
  /** Holders may be changed until this many hours before the start; null: not at all (012). */
  holder_change_until_hours_before: number | null;
  image_key: string | null;
  search_text: string;
  /** Folded words (events/search-words.ts) of the name; full-text search indexes these three (011). */
  search_name: string;
  /** Folded words of the venue name, city and address. */
  search_place: string;
  /** Folded words of the description. */
  search_description: string;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  cancelled_at: string | null;
}

export interface TicketTypesTable {
  id: string;
  event_id: string;
  name: string;
  description: string | null;
  /** Minor units of the event currency. */
  price: number;
  quantity_limit: number;
  sold: number;
  held: number;
  sales_start: string | null;
  sales_end: string | null;
  min_per_order: number;
  max_per_order: number | null;
  sort_order: number;
  /** Basis points of a percent: 1900 is 19.00 %. */
  tax_rate: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type PromotionKind = 'percent' | 'fixed';

export interface PromotionsTable {
  id: string;
  event_id: string;
  code: string;
  code_key: string;
  kind: PromotionKind;
  value: number;
  max_uses: number | null;
  uses: number;
  valid_from: string | null;
  valid_until: string | null;
  ticket_type_ids: string | null;
  min_quantity: number;
  created_at: string;
  updated_at: string;
}

export type OrderStatus =
  'pending' | 'paid' | 'failed' | 'cancelled' | 'expired' | 'partially_refunded' | 'refunded';
export type TicketStatus = 'valid' | 'used' | 'void';
export type PaymentProviderName = 'test' | 'stripe' | 'none';

export interface OrdersTable {
  id: string;
  /** Short human reference (`K7QX-4R9M`), unique; see orders/order-reference.ts. */
  reference: string;
  event_id: string;
  /** The buyer's account; null for a guest order (until the address is verified by an account). */
  buyer_id: string | null;
  /** Lower-cased; set on every order (an account order: the account's address when it was placed). */
  buyer_email: string;
  buyer_name: string;
  /** SHA-256 (hex) of the order's access token (orders/order-links.ts); never the token itself. */
  order_token_hash: string | null;
  /** Client address the order was placed from: guests' holds are capped per address. */
  placed_ip: string | null;
  status: OrderStatus;
  currency: string;
  subtotal: number;
  discount: number;
  total: number;
  refunded_amount: number;
  promotion_id: string | null;
  promo_code: string | null;
  attendees: string;
  expires_at: string;
  paid_at: string | null;
  closed_at: string | null;
  payment_provider: PaymentProviderName;
  payment_ref: string | null;
  created_at: string;
  updated_at: string;
  /** The buyer's billing details as given at checkout (JSON `Billing`), or null. */
  billing: string | null;
  /** The tax in `total` (minor units), summed over the lines. */
  tax: Generated<number>;
  /** 1: EU reverse charge, no VAT charged (invoicing/reverse-charge.ts). */
  reverse_charge: Generated<number>;
}

export interface OrderItemsTable {
  id: string;
  order_id: string;
  ticket_type_id: string;
  quantity: number;
  /** The tier's price as entered (with tax if the event's prices include it). */
  unit_price: number;
  discount: number;
  /** What the buyer pays for the line: after discount, tax included. */
  total: number;
  /** Basis points; the tier's rate at the sale (0 under reverse charge). */
  tax_rate: Generated<number>;
  /** The tax in `total`. */
  tax: Generated<number>;
}

export interface TicketsTable {
  id: string;
  order_id: string;
  event_id: string;
  ticket_type_id: string;
  holder_name: string;
  holder_email: string | null;
  age_range: string | null;
  country: string | null;
  price_paid: number;
  code: string;
  status: TicketStatus;
  checked_in_at: string | null;
  voided_at: string | null;
  created_at: string;
  checked_in_by: string | null;
  checkin_device: string | null;
  checkin_nonce: string | null;
  /** The ticket's place in its order (0-based, item order): its attendee's answers; null before 012. */
  seat: number | null;
  /** The line's tax rate (basis points) and this ticket's share of its tax, in `price_paid`. */
  tax_rate: Generated<number>;
  tax: Generated<number>;
}

export interface SigningKeysTable {
  id: string;
  organizer_id: string;
  public_key: string;
  private_key_sealed: string;
  created_at: string;
  retired_at: string | null;
}

export interface RevokedTicketCodesTable {
  code: string;
  ticket_id: string;
  event_id: string;
  revoked_at: string;
}

export interface RefundsTable {
  id: string;
  order_id: string;
  amount: number;
  currency: string;
  ticket_ids: string;
  /** pending → succeeded, or failed once its retries ran out (a person then retries it). */
  status: RefundStatus;
  reason: string | null;
  provider_ref: string | null;
  requested_by: string | null;
  created_at: string;
  /** Provider calls started in the current round of retries (a manual retry starts a new one). */
  attempts: number;
  /** When the job may next ask the provider (pending only). */
  next_attempt_at: string | null;
  /** The provider's last refusal; set once it refused, which makes the refund owed. */
  last_error: string | null;
  updated_at: string;
}

export type RefundStatus = 'succeeded' | 'pending' | 'failed';

export interface IdempotencyKeysTable {
  id: string;
  user_id: string;
  idem_key: string;
  route: string;
  request_hash: string;
  status_code: number | null;
  response_body: string | null;
  created_at: string;
}

export interface WebhookEventsTable {
  id: string;
  type: string;
  received_at: string;
}

export interface OutboxTable {
  id: string;
  kind: string;
  payload: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

/** Sold orders' money per event, UTC day of sale and promo code ('' for none): analytics totals. */
export interface SalesByDayTable {
  event_id: string;
  day: string;
  promo_code: string;
  /** The event's currency, so sales per day and currency need no join. */
  currency: string;
  orders: number;
  subtotal: number;
  discount: number;
  refunded: number;
  first_sale: string;
  last_sale: string;
}

/** Kept and refunded tickets, and what the kept ones paid, per event, UTC day of sale and tier. */
export interface TicketsByDayTable {
  event_id: string;
  day: string;
  ticket_type_id: string;
  sold: number;
  refunded: number;
  revenue: number;
}

/** Kept tickets per event and UTC quarter hour of sale ('YYYY-MM-DDTHH:MM'). */
export interface TicketsByQuarterTable {
  event_id: string;
  quarter: string;
  tickets: number;
  revenue: number;
}

/** Kept tickets' attendees per event, UTC day of sale, age range and country ('' for not given). */
export interface AttendeesByDayTable {
  event_id: string;
  day: string;
  age_range: string;
  country: string;
  attendees: number;
}

export type QuestionKind =
  'text' | 'textarea' | 'choice' | 'multi' | 'checkbox' | 'number' | 'date' | 'email' | 'phone' | 'country';
export type QuestionScope = 'order' | 'attendee';

/** A question an event asks at checkout (events/questions). */
export interface QuestionsTable {
  id: string;
  event_id: string;
  label: string;
  kind: QuestionKind;
  scope: QuestionScope;
  required: number;
  /** JSON array of strings: the choices of `choice` and `multi`; null otherwise. */
  options: string | null;
  /** JSON array of the tier ids the question applies to; null: every tier. */
  ticket_type_ids: string | null;
  help_text: string | null;
  show_at_checkin: number;
  position: number;
  /** Deleted while it had answers: hidden from buyers, answers kept. */
  hidden_at: string | null;
  created_at: string;
  updated_at: string;
}

/** One answer: to an order question (seat null) or an attendee question (the attendee's seat). */
export interface QuestionAnswersTable {
  id: string;
  question_id: string;
  event_id: string;
  order_id: string;
  seat: number | null;
  /** JSON of the value: string, number, boolean or array of strings. */
  value: string;
  created_at: string;
}

export type InvoicingMode = 'off' | 'optional' | 'required';
export type InvoiceKind = 'invoice' | 'credit_note';

export interface OrganizerProfilesTable {
  organizer_id: string;
  legal_name: string;
  address_line1: string;
  address_line2: string | null;
  postal_code: string;
  city: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  vat_id: string | null;
  invoice_prefix: string;
  invoice_footer: string | null;
  created_at: string;
  updated_at: string;
}

export interface InvoiceCountersTable {
  organizer_id: string;
  year: number;
  last_number: number;
}

/** Issued invoices and credit notes; the database refuses to change or delete a row. */
export interface InvoicesTable {
  id: string;
  organizer_id: string;
  event_id: string;
  order_id: string;
  kind: InvoiceKind;
  refund_id: string | null;
  corrects_id: string | null;
  year: number;
  /** 1, 2, 3… per organizer and year, shared by invoices and credit notes. */
  sequence: number;
  number: string;
  issued_at: string;
  currency: string;
  /** Minor units; negative on a credit note. */
  net: number;
  tax: number;
  gross: number;
  /** InvoiceDocument (invoicing/invoice-document.ts), JSON. */
  document: string;
}

export interface TaxesByDayTable {
  event_id: string;
  day: string;
  tax_rate: number;
  net: number;
  tax: number;
}

export interface Database {
  users: UsersTable;
  sessions: SessionsTable;
  refresh_tokens: RefreshTokensTable;
  account_tokens: AccountTokensTable;
  audit_log: AuditLogTable;
  app_meta: AppMetaTable;
  events: EventsTable;
  ticket_types: TicketTypesTable;
  promotions: PromotionsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  tickets: TicketsTable;
  refunds: RefundsTable;
  idempotency_keys: IdempotencyKeysTable;
  webhook_events: WebhookEventsTable;
  outbox: OutboxTable;
  signing_keys: SigningKeysTable;
  revoked_ticket_codes: RevokedTicketCodesTable;
  sales_by_day: SalesByDayTable;
  tickets_by_day: TicketsByDayTable;
  tickets_by_quarter: TicketsByQuarterTable;
  attendees_by_day: AttendeesByDayTable;
  questions: QuestionsTable;
  question_answers: QuestionAnswersTable;
  organizer_profiles: OrganizerProfilesTable;
  invoice_counters: InvoiceCountersTable;
  invoices: InvoicesTable;
  taxes_by_day: TaxesByDayTable;
}

export type OrderRow = Selectable<OrdersTable>;
export type OrderItemRow = Selectable<OrderItemsTable>;
export type TicketRow = Selectable<TicketsTable>;
export type SigningKeyRow = Selectable<SigningKeysTable>;
export type RefundRow = Selectable<RefundsTable>;

export type EventRow = Selectable<EventsTable>;
export type TicketTypeRow = Selectable<TicketTypesTable>;
export type PromotionRow = Selectable<PromotionsTable>;
export type QuestionRow = Selectable<QuestionsTable>;

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type { Generated };
export type InvoiceRow = Selectable<InvoicesTable>;
export type OrganizerProfileRow = Selectable<OrganizerProfilesTable>;
