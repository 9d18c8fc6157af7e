import { expect, it } from 'vitest';
import { validate } from './support/door';
import { makePublishedEvent, signUp, type EventBody } from './support/factories';
import { guestOrder, guestPaidOrder, withToken } from './support/guests';
import {
  addQuestionOk,
  eventWithQuestions,
  fieldsOf,
  questionsOf,
  type Answer,
  type Question,
} from './support/questions';
import { bearer, describeEachEngine, json } from './support/test-env';

describeEachEngine('attendee answers', (env) => {
  it('answers reach the attendees CSV (formula-safe, hidden questions kept), the door and analytics', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const { door, diet, consent, company, regular } = await eventWithQuestions(env(), organizer);
    const eventId = door.event.id;
    const buy = (diets: string[], companyName: string) =>
      guestPaidOrder(env(), {
        eventId,
        items: [{ ticketTypeId: regular.id, quantity: diets.length }],
        answers: [
          { questionId: consent.id, value: true },
          { questionId: company.id, value: companyName },
        ],
        attendees: diets.map((d, i) => ({
          name: `Guest ${i}`,
          email: `guest${i}@example.test`,
          answers: [{ questionId: diet.id, value: d }],
        })),
      });
    const first = await buy(['Vegan', 'None'], '=HYPERLINK("http://evil.test")');
    await buy(['Vegan'], 'Initech');
    const refunded = await buy(['Vegetarian'], 'Gone Inc');
    const refund = await env().app.inject({
      method: 'POST',
      url: `/api/orders/${refunded.id}/refunds`,
      headers: bearer(organizer.accessToken),
      payload: {},
    });
    expect(refund.statusCode).toBe(201);

    // The door sees the show-at-check-in answer of this very attendee, nothing else.
    const scan = await validate(env(), door.staff, { code: first.tickets![0]!.code });
    expect(scan.statusCode).toBe(200);
    expect(json<{ ticket: { answers: unknown[] } }>(scan).ticket.answers).toEqual([
      { questionId: diet.id, label: 'Dietary needs', value: 'Vegan' },
    ]);

    // Deleting an answered question hides it; its answers stay.
    const del = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${eventId}/questions/${company.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(del.statusCode).toBe(204);
    expect(json<Question[]>(await questionsOf(env(), eventId)).map((q) => q.id)).not.toContain(company.id);
    const forOwner = json<Question[]>(await questionsOf(env(), eventId, organizer));
    expect(forOwner.find((q) => q.id === company.id)!.hidden).toBe(true);
    const order = json<{ answers: Answer[] }>(
      await withToken(env(), first.orderToken, 'GET', `/api/orders/${first.id}`),
    );
    expect(order.answers.find((a) => a.questionId === company.id)!.value).toBe(
      '=HYPERLINK("http://evil.test")',
    );
    // A hidden question can no longer be answered at checkout.
    const late = await guestOrder(env(), {
      eventId,
      items: [{ ticketTypeId: regular.id, quantity: 1 }],
      answers: [
        { questionId: consent.id, value: true },
        { questionId: company.id, value: 'Late Ltd' },
      ],
      attendees: [
        { name: 'Lou', email: 'lou@example.test', answers: [{ questionId: diet.id, value: 'None' }] },
      ],
    });
    expect(fieldsOf(late)).toEqual([`answers.${company.id}`]);

    const csv = await env().app.inject({
      method: 'GET',
      url: `/api/events/${eventId}/attendees.csv`,
      headers: bearer(organizer.accessToken),
    });
    expect(csv.statusCode).toBe(200);
    const [header, ...lines] = csv.body.trim().split('\r\n');
    expect(header).toContain('Dietary needs,I accept the code of conduct,Company (deleted question)');
    const firstLines = lines.filter((l) => l.includes(first.id));
    expect(firstLines).toHaveLength(2);
    expect(firstLines[0]).toMatch(/,Vegan,yes,"'=HYPERLINK\(""http:\/\/evil\.test""\)",$/);
    expect(firstLines[1]).toMatch(/,None,yes,"'=HYPERLINK/);

    const analytics = json<{
      questions: { questionId: string; answered: number; options: { value: string; count: number }[] }[];
    }>(
      await env().app.inject({
        method: 'GET',
        url: `/api/analytics/events/${eventId}`,
        headers: bearer(organizer.accessToken),
      }),
    );
    const dietCounts = analytics.questions.find((q) => q.questionId === diet.id)!;
    // The refunded order's vegetarian no longer counts.
    expect(dietCounts).toMatchObject({
      answered: 3,
      options: [
        { value: 'None', count: 1 },
        { value: 'Vegetarian', count: 0 },
        { value: 'Vegan', count: 2 },
      ],
    });
    expect(analytics.questions.find((q) => q.questionId === consent.id)).toMatchObject({
      answered: 2,
      options: [
        { value: 'yes', count: 2 },
        { value: 'no', count: 0 },
      ],
    });
    expect(analytics.questions.find((q) => q.questionId === company.id)).toMatchObject({
      answered: 2,
      options: [],
    });

    // An answered question keeps its kind.
    const retype = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${eventId}/questions/${diet.id}`,
      headers: bearer(organizer.accessToken),
      payload: { kind: 'text' },
    });
    expect(retype.statusCode).toBe(409);
    expect(json(retype).code).toBe('question_answered');
    const relabel = await env().app.inject({
      method: 'PATCH',
      url: `/api/events/${eventId}/questions/${diet.id}`,
      headers: bearer(organizer.accessToken),
      payload: { label: 'Diet', options: ['None', 'Vegetarian', 'Vegan', 'Halal'] },
    });
    expect(relabel.statusCode).toBe(200);
    expect(json<Question>(relabel)).toMatchObject({ label: 'Diet', kind: 'choice', required: true });
  });

  it('a question without answers is deleted for good', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event: EventBody = await makePublishedEvent(env(), organizer);
    const q = await addQuestionOk(env(), organizer, event.id, {
      label: 'Unused',
      kind: 'text',
      scope: 'order',
    });
    const del = await env().app.inject({
      method: 'DELETE',
      url: `/api/events/${event.id}/questions/${q.id}`,
      headers: bearer(organizer.accessToken),
    });
    expect(del.statusCode).toBe(204);
    expect(json<Question[]>(await questionsOf(env(), event.id, organizer))).toEqual([]);
    const audit = await env()
      .ctx.db.selectFrom('audit_log')
      .select('action')
      .where('target_id', '=', q.id)
      .orderBy('at')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['question.created', 'question.deleted']);
  });
});
