export { createApi, type Api, type ApiOptions } from './api';
export { invoicePdfHref, organizerInvoicesCsvPath } from './invoices-api';
export { ApiError, type ApiErrorCode, type ErrorCode, type Problem } from './api-error';
export type * from './types';
