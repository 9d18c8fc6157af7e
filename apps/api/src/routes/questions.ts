import { createQuestion, deleteQuestion, listQuestions, updateQuestion } from '@eventhub/core';
import { Type } from 'typebox';
import type { AppContext } from '../context';
import { actorOf, requestMeta } from '../plugins/auth';
import { errors, NoContent } from '../schemas/common';
import { EventParams } from '../schemas/events';
import { QuestionBody, QuestionParams, QuestionPatchBody, QuestionSchema } from '../schemas/questions';
import type { TypedApp } from '../typed-app';

/** An event's checkout questions (API.md "Attendee questions"). */
export async function questionRoutes(app: TypedApp, { ctx }: { ctx: AppContext }) {
  app.get(
    '/api/events/:id/questions',
    {
      config: { auth: 'public' },
      schema: {
        tags: ['events'],
        summary:
          "The event's checkout questions: live ones for a public event; every one, hidden included, for its organizer",
        params: EventParams,
        response: { 200: Type.Array(QuestionSchema), ...errors(404) },
      },
    },
    async (request) => listQuestions(ctx, request.actor, request.params.id),
  );

  app.post(
    '/api/events/:id/questions',
    {
      config: { auth: ['organizer', 'admin'] },
      schema: {
        tags: ['organizer'],
        summary: 'Ask buyers a question at checkout, once per order or of each attendee',
        params: EventParams,
        body: QuestionBody,
        response: { 201: QuestionSchema, ...errors(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createQuestion(ctx, actorOf(request), request.params.id, request.body, requestMeta(request)),
        ),
  );

  app.patch(
    '/api/events/:id/questions/:questionId',
    {
      config: { auth: ['organizer', 'admin'] },
      schema: {
        tags: ['organizer'],
        summary: 'Change a question (its kind and scope are fixed once answered)',
        params: QuestionParams,
        body: QuestionPatchBody,
        response: { 200: QuestionSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      updateQuestion(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.questionId,
        request.body,
        requestMeta(request),
      ),
  );

  app.delete(
    '/api/events/:id/questions/:questionId',
    {
      config: { auth: ['organizer', 'admin'] },
      schema: {
        tags: ['organizer'],
        summary: 'Delete a question; one with answers is hidden from buyers and its answers kept',
        params: QuestionParams,
        response: { 204: NoContent, ...errors(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await deleteQuestion(
        ctx,
        actorOf(request),
        request.params.id,
        request.params.questionId,
        requestMeta(request),
      );
      return reply.code(204).send(null);
    },
  );
}
