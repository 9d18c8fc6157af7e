import type { Client } from 'openapi-fetch';
import type { paths } from './generated/schema';
import type {
  AdminEventsQuery,
  CreateEventInput,
  EventsQuery,
  PageQuery,
  PromotionInput,
  PromotionPatch,
  QuestionInput,
  QuestionPatch,
  TicketTypeInput,
  TicketTypePatch,
  UpdateEventInput,
} from './types';
import { unwrap } from './unwrap';

/** `api.events.*`: events, their ticket types, promo codes and image. */
export function eventsApi(client: Client<paths>) {
  const id = (eventId: string) => ({ params: { path: { id: eventId } } });
  return {
    create: (body: CreateEventInput) => unwrap(client.POST('/api/events', { body })),
    list: (query: EventsQuery = {}) => unwrap(client.GET('/api/events', { params: { query } })),
    get: (eventId: string) => unwrap(client.GET('/api/events/{id}', id(eventId))),
    availability: (eventId: string) => unwrap(client.GET('/api/events/{id}/availability', id(eventId))),
    update: (eventId: string, body: UpdateEventInput) =>
      unwrap(client.PATCH('/api/events/{id}', { ...id(eventId), body })),
    publish: (eventId: string) => unwrap(client.POST('/api/events/{id}/publish', id(eventId))),
    unpublish: (eventId: string) => unwrap(client.POST('/api/events/{id}/unpublish', id(eventId))),
    cancel: (eventId: string) => unwrap(client.POST('/api/events/{id}/cancel', id(eventId))),
    delete: (eventId: string) => unwrap(client.DELETE('/api/events/{id}', id(eventId))).then(() => undefined),
    /** The caller's own events, drafts included. */
    mine: (query: PageQuery = {}) => unwrap(client.GET('/api/organizer/events', { params: { query } })),
    /** Uploads the event image (JPEG, PNG or WebP, at most 5 MB) as multipart/form-data. */
    uploadImage: (eventId: string, file: Blob, filename = 'image') => {
      const form = new FormData();
      form.append('image', file, filename);
      return unwrap(
        client.PUT('/api/events/{id}/image', {
          ...id(eventId),
          body: form as never,
          bodySerializer: (body: unknown) => body as FormData,
        }),
      );
    },
    /** The event's checkout questions (its organizer also gets hidden ones). */
    questions: {
      list: (eventId: string) => unwrap(client.GET('/api/events/{id}/questions', id(eventId))),
      add: (eventId: string, body: QuestionInput) =>
        unwrap(client.POST('/api/events/{id}/questions', { ...id(eventId), body })),
      update: (eventId: string, questionId: string, body: QuestionPatch) =>
        unwrap(
          client.PATCH('/api/events/{id}/questions/{questionId}', {
            params: { path: { id: eventId, questionId } },
            body,
          }),
        ),
      remove: (eventId: string, questionId: string) =>
        unwrap(
          client.DELETE('/api/events/{id}/questions/{questionId}', {
            params: { path: { id: eventId, questionId } },
          }),
        ).then(() => undefined),
    },
    ticketTypes: {
      add: (eventId: string, body: TicketTypeInput) =>
        unwrap(client.POST('/api/events/{id}/ticket-types', { ...id(eventId), body })),
      update: (eventId: string, ticketTypeId: string, body: TicketTypePatch) =>
        unwrap(
          client.PATCH('/api/events/{id}/ticket-types/{ticketTypeId}', {
            params: { path: { id: eventId, ticketTypeId } },
            body,
          }),
        ),
      remove: (eventId: string, ticketTypeId: string) =>
        unwrap(
          client.DELETE('/api/events/{id}/ticket-types/{ticketTypeId}', {
            params: { path: { id: eventId, ticketTypeId } },
          }),
        ).then(() => undefined),
    },
    promotions: {
      list: (eventId: string) => unwrap(client.GET('/api/events/{id}/promotions', id(eventId))),
      create: (eventId: string, body: PromotionInput) =>
        unwrap(client.POST('/api/events/{id}/promotions', { ...id(eventId), body })),
      update: (eventId: string, promotionId: string, body: PromotionPatch) =>
        unwrap(
          client.PATCH('/api/events/{id}/promotions/{promotionId}', {
            params: { path: { id: eventId, promotionId } },
            body,
          }),
        ),
      remove: (eventId: string, promotionId: string) =>
        unwrap(
          client.DELETE('/api/events/{id}/promotions/{promotionId}', {
            params: { path: { id: eventId, promotionId } },
          }),
        ).then(() => undefined),
    },
  };
}

/** `api.admin.events.*`. */
export function adminEventsApi(client: Client<paths>) {
  return {
    list: (query: AdminEventsQuery = {}) => unwrap(client.GET('/api/admin/events', { params: { query } })),
  };
}
