import type { paths } from './generated/schema';

// Every shape is read off the generated OpenAPI types, so the client cannot drift from the API.
type JsonOf<T> = T extends { content: { 'application/json': infer B } } ? B : never;
type Ok<
  P extends keyof paths,
  M extends 'get' | 'post' | 'patch' | 'put' | 'delete',
  S extends number,
> = paths[P][M] extends { responses: Record<S, infer R> } ? JsonOf<R> : never;
type BodyOf<P extends keyof paths, M extends 'post' | 'patch' | 'put'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer B } };
}
  ? B
  : never;
type QueryOf<P extends keyof paths> = paths[P]['get'] extends { parameters: { query?: infer Q } }
  ? NonNullable<Q>
  : never;

export type User = Ok<'/api/auth/me', 'get', 200>;
export type Role = User['role'];
export type AuthResult = Ok<'/api/auth/login', 'post', 200>;
export type AuditEntry = Ok<'/api/admin/audit-log', 'get', 200>['items'][number];
export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type Event = Ok<'/api/events/{id}', 'get', 200>;
export type EventSummary = Ok<'/api/events', 'get', 200>['items'][number];
export type TicketType = Event['ticketTypes'][number];
export type Promotion = Ok<'/api/events/{id}/promotions', 'get', 200>['items'][number];
export type Availability = Ok<'/api/events/{id}/availability', 'get', 200>;
export type CreateEventInput = BodyOf<'/api/events', 'post'>;
export type UpdateEventInput = BodyOf<'/api/events/{id}', 'patch'>;
export type TicketTypeInput = BodyOf<'/api/events/{id}/ticket-types', 'post'>;
export type TicketTypePatch = BodyOf<'/api/events/{id}/ticket-types/{ticketTypeId}', 'patch'>;
export type PromotionInput = BodyOf<'/api/events/{id}/promotions', 'post'>;
export type PromotionPatch = BodyOf<'/api/events/{id}/promotions/{promotionId}', 'patch'>;
export type Question = Ok<'/api/events/{id}/questions', 'get', 200>[number];
export type QuestionKind = Question['kind'];
export type QuestionInput = BodyOf<'/api/events/{id}/questions', 'post'>;
export type QuestionPatch = BodyOf<'/api/events/{id}/questions/{questionId}', 'patch'>;
export type EventsQuery = QueryOf<'/api/events'>;
export type AdminEventsQuery = QueryOf<'/api/admin/events'>;
export type PageQuery = QueryOf<'/api/organizer/events'>;

export type Order = Ok<'/api/orders/{id}', 'get', 200>;
export type Ticket = NonNullable<Order['tickets']>[number];
export type OrderAnswer = Order['answers'][number];
export type AnswerValue = OrderAnswer['value'];
export type Refund = Ok<'/api/orders/{id}/refunds', 'post', 201>;
export type PlaceOrderInput = BodyOf<'/api/orders', 'post'>;
export type RefundInput = BodyOf<'/api/orders/{id}/refunds', 'post'>;
export type ChangeHolderInput = BodyOf<'/api/orders/{id}/tickets/{ticketId}', 'patch'>;
export type BillingInput = NonNullable<PlaceOrderInput['billing']>;
export type Billing = NonNullable<Order['billing']>;
export type EventOrdersQuery = paths['/api/events/{id}/orders']['get'] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;
export type AdminOrdersQuery = QueryOf<'/api/admin/orders'>;
export type OrganizerOrdersQuery = QueryOf<'/api/organizer/orders'>;

export type RegisterInput = BodyOf<'/api/auth/register', 'post'>;
export type LoginInput = BodyOf<'/api/auth/login', 'post'>;
export type RefreshInput = BodyOf<'/api/auth/refresh', 'post'>;
export type ProfileInput = BodyOf<'/api/auth/me', 'patch'>;
export type UserPatch = BodyOf<'/api/admin/users/{id}', 'patch'>;
export type StaffInput = BodyOf<'/api/organizer/staff', 'post'>;
export type StaffMember = Ok<'/api/organizer/staff', 'get', 200>['items'][number];
export type UsersQuery = QueryOf<'/api/admin/users'>;
export type AuditLogQuery = QueryOf<'/api/admin/audit-log'>;

export type ValidateTicketInput = BodyOf<'/api/tickets/validate', 'post'>;
export type ValidTicket = Ok<'/api/tickets/validate', 'post', 200>;
export type ScannedTicket = ValidTicket['ticket'];
export type CheckinKeys = Ok<'/api/events/{id}/checkin-keys', 'get', 200>;
export type CheckinKey = CheckinKeys['keys'][number];
export type CheckinStats = CheckinKeys['stats'];
export type CheckinSyncInput = BodyOf<'/api/events/{id}/checkins/sync', 'post'>;
export type OfflineScan = CheckinSyncInput['scans'][number];
export type CheckinSyncReport = Ok<'/api/events/{id}/checkins/sync', 'post', 200>;
export type CheckinSyncResult = CheckinSyncReport['results'][number];
/** What a scan comes to: admitted (`valid`) or one of the reasons for turning the holder away. */
export type ScanResult = CheckinSyncResult['result'];
export type CheckinEvent = Ok<'/api/checkin/events', 'get', 200>['items'][number];
export type CheckinEventsQuery = QueryOf<'/api/checkin/events'>;
export type ReissuedTicket = Ok<'/api/tickets/{id}/reissue', 'post', 200>;

export type EventAnalytics = Ok<'/api/analytics/events/{id}', 'get', 200>;
export type OrganizerAnalytics = Ok<'/api/analytics/organizer', 'get', 200>;
export type PlatformAnalytics = Ok<'/api/admin/analytics', 'get', 200>;
export type AnalyticsRange = QueryOf<'/api/analytics/organizer'>;
export type PlatformAnalyticsQuery = QueryOf<'/api/admin/analytics'>;
export type RefundEntry = Ok<'/api/admin/refunds', 'get', 200>['items'][number];
export type RefundListQuery = QueryOf<'/api/admin/refunds'>;
export type OwedRefundCount = Ok<'/api/admin/refunds/owed-count', 'get', 200>;

export type OrganizerProfile = Ok<'/api/organizer/profile', 'get', 200>;
export type OrganizerProfileInput = BodyOf<'/api/organizer/profile', 'put'>;
export type PostalAddressInput = OrganizerProfileInput['address'];
export type Invoice = Ok<'/api/orders/{id}/invoices', 'get', 200>[number];
export type InvoiceKind = Invoice['kind'];
export type TaxRow = Invoice['taxes'][number];
export type OrganizerInvoice = Ok<'/api/organizer/invoices', 'get', 200>['items'][number];
export type OrganizerInvoicesQuery = QueryOf<'/api/organizer/invoices'>;
export type InvoiceRange = QueryOf<'/api/organizer/invoices.csv'>;
