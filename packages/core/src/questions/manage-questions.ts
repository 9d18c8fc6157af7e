import { writeAudit } from '../audit/write-audit';
import type { AuditAction } from '../audit/audit-actions';
import type { DbOrTx, Tx } from '../db/database';
import type { QuestionRow } from '../db/schema';
import { canManage, findManagedEvent, isVisibleTo } from '../events/event-access';
import type { Actor, RequestMeta } from '../shared/actor';
import type { CoreDeps } from '../shared/core-deps';
import { ConflictError, NotFoundError, ValidationError } from '../shared/errors';
import { newId } from '../shared/ids';
import { normalizeDefinition, type QuestionDefinition, type QuestionFields } from './question-definition';
import { byPosition, toQuestion, type Question } from './question-view';

export type NewQuestionInput = QuestionFields & Pick<QuestionDefinition, 'label' | 'kind' | 'scope'>;

/**
 * An event's questions in the order buyers see them. Its organizer and admins get every one,
 * hidden (deleted with answers) included; anyone else only the live ones of a public event
 * (a draft's questions are as private as the draft: 404).
 */
export async function listQuestions(
  deps: CoreDeps,
  actor: Actor | null,
  eventId: string,
): Promise<Question[]> {
  const event = await deps.db
    .selectFrom('events')
    .select(['id', 'organizer_id', 'status'])
    .where('id', '=', eventId)
    .executeTakeFirst();
  if (!event || !isVisibleTo(actor, event)) throw new NotFoundError('Event');
  const manager = canManage(actor, event);
  const rows = await deps.db
    .selectFrom('questions')
    .selectAll()
    .where('event_id', '=', eventId)
    .$if(!manager, (q) => q.where('hidden_at', 'is', null))
    .execute();
  return rows.map(toQuestion).sort(byPosition);
}

async function assertTiersOfEvent(tx: Tx, eventId: string, ids: string[] | null): Promise<void> {
  if (!ids) return;
  const found = await tx
    .selectFrom('ticket_types')
    .select('id')
    .where('event_id', '=', eventId)
    .where('id', 'in', ids)
    .execute();
  if (found.length !== ids.length)
    throw new ValidationError([{ field: 'ticketTypeIds', message: 'must list ticket types of this event' }]);
}

async function findQuestion(db: DbOrTx, eventId: string, questionId: string): Promise<QuestionRow> {
  const row = await db
    .selectFrom('questions')
    .selectAll()
    .where('id', '=', questionId)
    .where('event_id', '=', eventId)
    .where('hidden_at', 'is', null)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('Question');
  return row;
}

async function hasAnswers(db: DbOrTx, questionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('question_answers')
    .select('id')
    .where('question_id', '=', questionId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

function audit(tx: Tx, deps: CoreDeps, actor: Actor, meta: RequestMeta, action: AuditAction, q: Question) {
  return writeAudit(tx, deps.clock, {
    actorId: actor.userId,
    action,
    targetType: 'question',
    targetId: q.id,
    ip: meta.ip,
    details: { eventId: q.eventId, label: q.label, kind: q.kind, scope: q.scope },
  });
}

function columnsOf(d: QuestionDefinition) {
  return {
    label: d.label,
    kind: d.kind,
    scope: d.scope,
    required: d.required ? 1 : 0,
    options: d.options ? JSON.stringify(d.options) : null,
    ticket_type_ids: d.ticketTypeIds ? JSON.stringify(d.ticketTypeIds) : null,
    help_text: d.helpText,
    show_at_checkin: d.showAtCheckin ? 1 : 0,
    position: d.position,
  };
}

/** Adds a question to an event (its organizer or an admin); without a position it goes last. */
export async function createQuestion(
  deps: CoreDeps,
  actor: Actor,
  eventId: string,
  input: NewQuestionInput,
  meta: RequestMeta,
): Promise<Question> {
  return deps.db.transaction().execute(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    let position = input.position;
    if (position === undefined) {
      const last = await tx
        .selectFrom('questions')
        .select((eb) => eb.fn.max('position').as('max'))
        .where('event_id', '=', event.id)
        .executeTakeFirst();
      position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
    }
    const definition = normalizeDefinition({
      label: input.label,
      kind: input.kind,
      scope: input.scope,
      required: input.required ?? false,
      options: input.options ?? null,
      ticketTypeIds: input.ticketTypeIds ?? null,
      helpText: input.helpText ?? null,
      showAtCheckin: input.showAtCheckin ?? false,
      position,
    });
    await assertTiersOfEvent(tx, event.id, definition.ticketTypeIds);
    const now = deps.clock.now().toISOString();
    const row: QuestionRow = {
      id: newId(),
      event_id: event.id,
      ...columnsOf(definition),
      hidden_at: null,
      created_at: now,
      updated_at: now,
    };
    await tx.insertInto('questions').values(row).execute();
    const question = toQuestion(row);
    await audit(tx, deps, actor, meta, 'question.created', question);
    return question;
  });
}

/**
 * Changes a question. Its kind and scope are fixed once someone answered it (409
 * `question_answered`): old answers must keep meaning what they meant.
 */
export async function updateQuestion(
  deps: CoreDeps,
  actor: Actor,
  eventId: string,
  questionId: string,
  input: QuestionFields,
  meta: RequestMeta,
): Promise<Question> {
  return deps.db.transaction().execute(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    const current = toQuestion(await findQuestion(tx, event.id, questionId));
    const definition = normalizeDefinition({
      label: input.label ?? current.label,
      kind: input.kind ?? current.kind,
      scope: input.scope ?? current.scope,
      required: input.required ?? current.required,
      // A kind without options drops the old ones.
      options: input.options !== undefined ? input.options : input.kind ? null : current.options,
      ticketTypeIds: input.ticketTypeIds !== undefined ? input.ticketTypeIds : current.ticketTypeIds,
      helpText: input.helpText !== undefined ? input.helpText : current.helpText,
      showAtCheckin: input.showAtCheckin ?? current.showAtCheckin,
      position: input.position ?? current.position,
    });
    if (
      (definition.kind !== current.kind || definition.scope !== current.scope) &&
      (await hasAnswers(tx, current.id))
    )
      throw new ConflictError(
        'question_answered',
        'This question has answers: its kind and scope can no longer change (add a new question instead)',
      );
    await assertTiersOfEvent(tx, event.id, definition.ticketTypeIds);
    const now = deps.clock.now().toISOString();
    await tx
      .updateTable('questions')
      .set({ ...columnsOf(definition), updated_at: now })
      .where('id', '=', current.id)
      .execute();
    const question: Question = { ...current, ...definition };
    await audit(tx, deps, actor, meta, 'question.updated', question);
    return question;
  });
}

/**
 * Deletes a question. One that has answers is only hidden: buyers stop seeing it, and its
 * answers stay in orders, exports and analytics.
 */
export async function deleteQuestion(
  deps: CoreDeps,
  actor: Actor,
  eventId: string,
  questionId: string,
  meta: RequestMeta,
): Promise<void> {
  await deps.db.transaction().execute(async (tx) => {
    const event = await findManagedEvent(tx, actor, eventId);
    const question = toQuestion(await findQuestion(tx, event.id, questionId));
    const now = deps.clock.now().toISOString();
    if (await hasAnswers(tx, question.id)) {
      await tx
        .updateTable('questions')
        .set({ hidden_at: now, updated_at: now })
        .where('id', '=', question.id)
        .execute();
      await audit(tx, deps, actor, meta, 'question.hidden', question);
    } else {
      await tx.deleteFrom('questions').where('id', '=', question.id).execute();
      await audit(tx, deps, actor, meta, 'question.deleted', question);
    }
  });
}
