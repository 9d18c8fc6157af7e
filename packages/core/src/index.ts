// Database
export {
  openDatabase,
  isPostgresUrl,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_QUERY_TIMEOUT_MS,
  type Db,
  type Tx,
  type DbOrTx,
  type Engine,
  type DatabaseHandle,
} from './db/database';
export { databaseFailureOf, DatabaseUnreachableError, type DatabaseFailure } from './db/database-failures';
export { groupCommit, plainTransactions, transactionsFor, type Transact } from './db/write-transactions';
export { migrateToLatest, migrationsAreCurrent } from './db/migrate';
export { checkReadiness, type Readiness } from './db/readiness';
export type { Database, Role, UserRow } from './db/schema';
export { ROLES } from './db/schema';

// Shared
export { systemClock, ManualClock, type Clock } from './shared/clock';
export { nobodyListening, type AfterCommit } from './shared/after-commit';
export type { CoreDeps } from './shared/core-deps';
export * from './shared/errors';
export * from './shared/error-codes';
export type { Page, PageQuery } from './shared/pagination';
export { MAX_PAGE_SIZE } from './shared/pagination';

// Audit
export { writeAudit, type AuditInput } from './audit/write-audit';
export * from './audit/audit-actions';
export { listAuditLog, type AuditEntry, type AuditLogQuery } from './audit/list-audit-log';
export { auditActionCatalogue, auditActionLabel, type AuditActionInfo } from './audit/audit-action-labels';
export type { AuditPerson, AuditTarget } from './audit/audit-names';

// Identity
export type { Actor, RequestMeta } from './shared/actor';
export { requireRole } from './shared/actor';
export type { AuthSettings, IdentityDeps } from './identity/auth-settings';
export { PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH } from './identity/password-policy';
export type { AuthResult } from './identity/sessions';
export { issueAccessToken } from './identity/access-tokens';
export type { UserView } from './identity/user-view';
export { registerUser, type RegisterInput } from './identity/register-user';
export { login, type LoginInput } from './identity/login';
export { refreshSession } from './identity/refresh-session';
export { logout } from './identity/logout';
export { authenticate } from './identity/authenticate';
export { getCurrentUser, updateProfile } from './identity/get-user';
export { listUsers, type ListUsersQuery } from './identity/list-users';
export { updateUser, type UpdateUserInput } from './identity/update-user';
export {
  createStaff,
  listStaff,
  removeStaff,
  type CreateStaffInput,
  type StaffStatus,
  type StaffView,
} from './identity/staff';
export { acceptStaffInvitation, resendStaffInvitation } from './identity/staff-invitations';
export { ensureAdmin } from './identity/ensure-admin';
export { requestEmailVerification, verifyEmail } from './identity/verify-email';
export { requestPasswordReset, resetPassword } from './identity/password-reset';
export { changePassword, type ChangePasswordInput } from './identity/change-password';
export { requestEmailChange, type EmailChangeInput } from './identity/change-email';
export { ACCOUNT_TOKEN_TTL_SECONDS } from './identity/account-tokens';
export { seedDemoAccounts, type DemoAccount } from './demo/seed-demo-accounts';

// Events
export type { EventStatus, PromotionKind } from './db/schema';
export type { EventView, TicketTypeView, PromotionView } from './events/event-view';
export type { EventFieldsInput, VenueInput } from './events/event-input';
export type { TicketTypeInput } from './events/ticket-type-input';
export type { PromotionInput, PromotionObjectInput } from './events/promotion-input';
export { createEvent, type CreateEventInput } from './events/create-event';
export { updateEvent } from './events/update-event';
export { publishEvent, unpublishEvent, cancelEvent, deleteEvent } from './events/event-lifecycle';
export { addTicketType, updateTicketType, removeTicketType } from './events/ticket-types';
export { listPromotions, createPromotion, updatePromotion, deletePromotion } from './events/promotions';
export { listQuestions, createQuestion, updateQuestion, deleteQuestion } from './questions/manage-questions';
export type { NewQuestionInput } from './questions/manage-questions';
export type { Question } from './questions/question-view';
export type { AnswerView } from './questions/order-answers';
export type { AnswerValue } from './questions/answer-values';
export {
  listPublicEvents,
  listOrganizerEvents,
  listAllEvents,
  type EventSummary,
  type PublicEventQuery,
  type AdminEventQuery,
} from './events/list-events';
export { getEvent, getAvailability, type Availability } from './events/get-event';
export { availabilitySnapshot, type AvailabilitySnapshot } from './events/live-availability';
export { isVisibleTo } from './events/event-access';
export { setEventImage, findEventImage } from './events/event-image';
export type { EventDeps } from './events/event-deps';
export { MAX_IMAGE_BYTES, MAX_IMAGE_PIXELS } from './events/image-processing';
export { currencyDigits } from './shared/currency-digits';
export { toMinorUnits, toMajorUnits } from './shared/money';

// Orders
export type { OrderStatus, TicketStatus } from './db/schema';
export type { OrderDeps } from './orders/order-deps';
export type { TicketCodeSigner } from './orders/ticket-signer';
export { testPaymentProvider, type PaymentProvider } from './orders/payment-provider';
export { AGE_RANGES, type Attendee, type AgeRange } from './shared/attendee-fields';
export type { OrderView, TicketView } from './orders/order-view';
export { placeOrder, type PlaceOrderInput } from './orders/place-order';
export { newOrderReference, normalizeOrderReference } from './orders/order-reference';
export { payOrder } from './orders/pay-order';
export { cancelOrder } from './orders/cancel-order';
export { OrderLinks, hashOrderToken } from './orders/order-links';
export type { OrderCaller } from './orders/order-access';
export { changeTicketHolder, type ChangeHolderInput } from './orders/change-ticket-holder';
export { requestOrderLinks } from './orders/request-order-links';
export { recordPaymentSucceeded, type PaymentOutcome } from './orders/record-payment';
export { refundOrder, type RefundView } from './orders/refund-order';
export { cancelEventWithRefunds } from './orders/cancel-event-orders';
export { expireHolds } from './orders/expire-holds';
export {
  listMyOrders,
  getOrder,
  listOrderTickets,
  listEventOrders,
  listAllOrders,
  listOrganizerOrders,
  getTicket,
  type OrderFilter,
} from './orders/list-orders';
export { priceOrder, percentOf } from './orders/pricing';
export { splitAcrossSeats } from './shared/seat-split';

// Outbox
export { enqueueEmail, type EmailMessage } from './outbox/enqueue-email';
export { deliverOutbox, type Mailer } from './outbox/deliver-outbox';

// Idempotency
export {
  claimIdempotencyKey,
  completeIdempotencyKey,
  releaseIdempotencyKey,
  type Claim,
} from './idempotency/idempotency-keys';
export {
  rememberWebhookEvent,
  recordPaymentFailed,
  handlePaymentEvent,
  type PaymentEvent,
} from './orders/payment-events';
export type { ProviderEvent } from './orders/provider-events';
export { deliverRefunds, type RefundPass } from './orders/deliver-refunds';
export { retryRefund } from './orders/retry-refund';
export {
  listRefunds,
  countOwedRefunds,
  type RefundQuery,
  type RefundListStatus,
} from './orders/list-refunds';
export type { RefundEntry } from './orders/refund-ledger';
export { REFUND_SCHEDULE, type RefundSchedule } from './orders/refund-schedule';

// Door check-in
export type { CheckinDeps } from './checkin/checkin-deps';
export { TicketKeyRing, type VerifiedTicketCode, type PublicSigningKey } from './checkin/key-ring';
export { DeferredAudit } from './checkin/deferred-audit';
export { EventOwners } from './checkin/event-owners';
export { TICKET_CODE_LENGTH, parseTicketCode, signatureIsValid } from './checkin/ticket-code';
export type { ScanResult, ScannedTicket } from './checkin/admit-ticket';
export {
  validateTicket,
  InvalidCodeError,
  type ValidateTicketInput,
  type ValidTicket,
} from './checkin/validate-ticket';
export { getCheckinKeys, type CheckinKeys } from './checkin/checkin-keys';
export { listCheckinEvents, type CheckinEventSummary } from './checkin/checkin-events';
export type { CheckinStats } from './checkin/checkin-stats';
export {
  syncOfflineScans,
  MAX_OFFLINE_SCANS,
  type OfflineScan,
  type OfflineScanResult,
  type OfflineSyncReport,
} from './checkin/sync-offline-scans';
export { reissueTicket } from './orders/reissue-ticket';
export { rotateSigningKey, listSigningKeys } from './checkin/organizer-signing-keys';
export {
  loadPrintableOrder,
  loadPrintableEvent,
  type PrintableOrder,
  type PrintableEvent,
  type PrintableTicket,
  type PrintableVenue,
} from './orders/printable-order';

// Analytics
export { getEventAnalytics, type EventAnalytics } from './analytics/event-analytics';
export { getOrganizerAnalytics, type OrganizerAnalytics } from './analytics/organizer-analytics';
export { getPlatformAnalytics, type PlatformAnalytics } from './analytics/platform-analytics';
export { exportEventOrders, exportEventAttendees } from './analytics/event-exports';
export type { CsvExport } from './analytics/keyset-pages';
export {
  eventTableCsv,
  organizerEventsCsv,
  EVENT_TABLES,
  type EventTable,
} from './analytics/analytics-tables';
export { csvCell, csvLine } from './analytics/csv';
export { MIN_BUCKET_SIZE, foldSmallBuckets } from './analytics/demographics';
export { rebuildSalesRollups } from './analytics/sales-rollups';

// Invoicing
export type {
  InvoiceDocument,
  InvoiceParty,
  InvoiceLine,
  TaxRow,
  PostalAddress,
} from './invoicing/invoice-document';
export { REVERSE_CHARGE_NOTE } from './invoicing/invoice-document';
export {
  getOrganizerProfile,
  saveOrganizerProfile,
  type OrganizerProfileInput,
  type OrganizerProfileView,
} from './invoicing/organizer-profile';
export type { BillingInput, Billing } from './invoicing/billing';
export { loadInvoiceDocuments, type InvoiceView } from './invoicing/invoice-view';
export {
  listOrganizerInvoices,
  exportOrganizerInvoices,
  type OrganizerInvoiceView,
  type InvoiceListQuery,
} from './invoicing/list-organizer-invoices';
export { listOrderInvoices, loadInvoiceDocument } from './orders/order-invoices';
export { taxLine, taxesByRate, type TaxMode, type LineTax } from './invoicing/line-taxes';
export { isPlausibleVatId } from './invoicing/vat-id';
