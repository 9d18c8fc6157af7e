import { expect, it } from 'vitest';
import { makeEvent, makePublishedEvent, signUp } from './support/factories';
import { guestOrder, guestPaidOrder } from './support/guests';
import {
  addQuestion,
  addQuestionOk,
  eventWithQuestions,
  fieldsOf,
  questionsOf,
  type Answer,
  type Question,
} from './support/questions';
import { bearer, describeEachEngine, json } from './support/test-env';

describeEachEngine('attendee questions', (env) => {
  it('organizers define questions of every kind; the rules of a definition are checked', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makeEvent(env(), organizer);
    const kinds = ['text', 'textarea', 'checkbox', 'number', 'date', 'email', 'phone', 'country'];
    for (const kind of kinds)
      expect(
        (await addQuestion(env(), organizer, event.id, { label: `A ${kind}`, kind, scope: 'order' }))
          .statusCode,
      ).toBe(201);
    for (const kind of ['choice', 'multi']) {
      const res = await addQuestion(env(), organizer, event.id, {
        label: `A ${kind}`,
        kind,
        scope: 'attendee',
        options: [' S ', 'M', 'L'],
      });
      expect(res.statusCode).toBe(201);
      expect(json<Question>(res).options).toEqual(['S', 'M', 'L']);
    }
    const listed = json<Question[]>(await questionsOf(env(), event.id, organizer));
    expect(listed.map((q) => q.kind)).toEqual([...kinds, 'choice', 'multi']);

    const bad = [
      { label: 'No options', kind: 'choice', scope: 'order' },
      { label: 'Twice', kind: 'multi', scope: 'order', options: ['a', 'A'] },
      { label: 'Options on text', kind: 'text', scope: 'order', options: ['x'] },
      { label: 'Foreign tier', kind: 'text', scope: 'order', ticketTypeIds: ['not-a-tier'] },
      { label: '   ', kind: 'text', scope: 'order' },
      { label: 'Odd kind', kind: 'colour', scope: 'order' },
    ];
    for (const body of bad) {
      const res = await addQuestion(env(), organizer, event.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(json(res).code).toBe('validation_failed');
    }

    // A draft's questions are as private as the draft; another organizer cannot add any.
    expect((await questionsOf(env(), event.id)).statusCode).toBe(404);
    const other = await signUp(env(), { role: 'organizer' });
    expect(
      (await addQuestion(env(), other, event.id, { label: 'Mine?', kind: 'text', scope: 'order' }))
        .statusCode,
    ).toBe(404);
    const customer = await signUp(env());
    expect(
      (await addQuestion(env(), customer, event.id, { label: 'Mine?', kind: 'text', scope: 'order' }))
        .statusCode,
    ).toBe(403);
  });

  it('checkout enforces required answers, options, scopes and tiers, naming the question', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const { door, diet, consent, company, lounge, vip, regular } = await eventWithQuestions(env(), organizer);
    const eventId = door.event.id;
    const attendee = (name: string, answers: unknown[]) => ({
      name,
      email: `${name.toLowerCase()}@example.test`,
      answers,
    });

    // Nothing answered: the required order question and each seat's required attendee question.
    const none = await guestOrder(env(), { eventId, items: [{ ticketTypeId: regular.id, quantity: 2 }] });
    expect(none.statusCode).toBe(400);
    expect(fieldsOf(none).sort()).toEqual(
      [`answers.${consent.id}`, `attendees.0.answers.${diet.id}`, `attendees.1.answers.${diet.id}`].sort(),
    );

    const cases: { body: Record<string, unknown>; field: string }[] = [
      // Consent not given (unticked).
      {
        body: {
          answers: [{ questionId: consent.id, value: false }],
          attendees: [attendee('Ann', [{ questionId: diet.id, value: 'None' }])],
        },
        field: `answers.${consent.id}`,
      },
      // A value outside the options.
      {
        body: {
          answers: [{ questionId: consent.id, value: true }],
          attendees: [attendee('Ann', [{ questionId: diet.id, value: 'Pescatarian' }])],
        },
        field: `attendees.0.answers.${diet.id}`,
      },
      // An attendee question answered once for the order.
      {
        body: {
          answers: [
            { questionId: consent.id, value: true },
            { questionId: diet.id, value: 'None' },
          ],
          attendees: [attendee('Ann', [{ questionId: diet.id, value: 'None' }])],
        },
        field: `answers.${diet.id}`,
      },
      // A question of the VIP tier answered for a regular ticket.
      {
        body: {
          answers: [{ questionId: consent.id, value: true }],
          attendees: [
            attendee('Ann', [
              { questionId: diet.id, value: 'None' },
              { questionId: lounge.id, value: '18:00' },
            ]),
          ],
        },
        field: `attendees.0.answers.${lounge.id}`,
      },
      // Not a question of this event.
      {
        body: {
          answers: [
            { questionId: consent.id, value: true },
            { questionId: 'no-such-question', value: 'x' },
          ],
          attendees: [attendee('Ann', [{ questionId: diet.id, value: 'None' }])],
        },
        field: 'answers.no-such-question',
      },
      // Text where a checkbox takes a boolean.
      {
        body: {
          answers: [{ questionId: consent.id, value: 'yes' }],
          attendees: [attendee('Ann', [{ questionId: diet.id, value: 'None' }])],
        },
        field: `answers.${consent.id}`,
      },
    ];
    for (const { body, field } of cases) {
      const res = await guestOrder(env(), {
        eventId,
        items: [{ ticketTypeId: regular.id, quantity: 1 }],
        ...body,
      });
      expect(res.statusCode, field).toBe(400);
      expect(fieldsOf(res), field).toContain(field);
    }

    // The VIP seat must also say when it arrives at the lounge; the regular seat must not be asked.
    const mixed = {
      eventId,
      items: [
        { ticketTypeId: regular.id, quantity: 1 },
        { ticketTypeId: vip.id, quantity: 1 },
      ],
      answers: [
        { questionId: consent.id, value: true },
        { questionId: company.id, value: '  Acme  ' },
      ],
    };
    const missingLounge = await guestOrder(env(), {
      ...mixed,
      attendees: [
        attendee('Ann', [{ questionId: diet.id, value: 'None' }]),
        attendee('Vic', [{ questionId: diet.id, value: 'Vegan' }]),
      ],
    });
    expect(fieldsOf(missingLounge)).toEqual([`attendees.1.answers.${lounge.id}`]);
    const placed = await guestPaidOrder(env(), {
      ...mixed,
      attendees: [
        attendee('Ann', [{ questionId: diet.id, value: 'None' }]),
        attendee('Vic', [
          { questionId: diet.id, value: 'Vegan' },
          { questionId: lounge.id, value: '18:00' },
        ]),
      ],
    });
    expect(placed.status).toBe('paid');
    const answers = (placed as unknown as { answers: Answer[] }).answers;
    const [annTicket, vicTicket] = placed.tickets!;
    expect(answers.map((a) => [a.label, a.seat, a.ticketId, a.value])).toEqual([
      ['I accept the code of conduct', null, null, true],
      ['Company', null, null, 'Acme'],
      ['Dietary needs', 0, annTicket!.id, 'None'],
      ['Dietary needs', 1, vicTicket!.id, 'Vegan'],
      ['Lounge arrival time', 1, vicTicket!.id, '18:00'],
    ]);
    // The event's organizer sees the same answers on the order.
    const seen = json<{ answers: Answer[] }>(
      await env().app.inject({
        method: 'GET',
        url: `/api/orders/${placed.id}`,
        headers: bearer(organizer.accessToken),
      }),
    );
    expect(seen.answers).toEqual(answers);
  });

  it('each kind accepts its values and refuses others', async () => {
    const organizer = await signUp(env(), { role: 'organizer' });
    const event = await makePublishedEvent(env(), organizer);
    const tier = event.ticketTypes[0]!.id;
    const table: { kind: string; options?: string[]; good: [unknown, unknown][]; bad: unknown[] }[] = [
      { kind: 'text', good: [[' hi ', 'hi']], bad: [42, 'x'.repeat(501), ['a']] },
      {
        kind: 'textarea',
        good: [['line one\nline two', 'line one\nline two']],
        bad: [true, ['a', 'b']],
      },
      { kind: 'choice', options: ['S', 'M'], good: [['M', 'M']], bad: ['XL', ['S']] },
      {
        kind: 'multi',
        options: ['Mon', 'Tue', 'Wed'],
        good: [
          [
            ['Wed', 'Mon', 'Mon'],
            ['Mon', 'Wed'],
          ],
        ],
        bad: [['Sun'], 'Mon'],
      },
      {
        kind: 'checkbox',
        good: [
          [true, true],
          [false, false],
        ],
        bad: ['true', 1],
      },
      {
        kind: 'number',
        good: [
          [3.5, 3.5],
          ['12', 12],
        ],
        bad: ['twelve', 1e13],
      },
      { kind: 'date', good: [['2027-02-28', '2027-02-28']], bad: ['2027-02-30', '28/02/2027', 20270228] },
      {
        kind: 'email',
        good: [[' ann@example.test ', 'ann@example.test']],
        bad: ['ann@', 'ann example.test'],
      },
      { kind: 'phone', good: [['+49 30 1234-567', '+49 30 1234-567']], bad: ['call me', '12'] },
      { kind: 'country', good: [['de', 'DE']], bad: ['XX', 'Germany'] },
    ];
    for (const row of table) {
      const q = await addQuestionOk(env(), organizer, event.id, {
        label: `Q ${row.kind}`,
        kind: row.kind,
        scope: 'order',
        ...(row.options ? { options: row.options } : {}),
      });
      for (const [value, kept] of row.good) {
        const placed = await guestOrder(env(), {
          eventId: event.id,
          items: [{ ticketTypeId: tier, quantity: 1 }],
          answers: [{ questionId: q.id, value }],
        });
        expect(placed.statusCode, `${row.kind} ${JSON.stringify(value)}`).toBe(201);
        expect(json<{ answers: Answer[] }>(placed).answers.find((a) => a.questionId === q.id)!.value).toEqual(
          kept,
        );
      }
      for (const value of row.bad) {
        const res = await guestOrder(env(), {
          eventId: event.id,
          items: [{ ticketTypeId: tier, quantity: 1 }],
          answers: [{ questionId: q.id, value }],
        });
        expect(res.statusCode, `${row.kind} ${JSON.stringify(value)}`).toBe(400);
        // Named after the question, never a generic body error.
        expect(fieldsOf(res)).toEqual([`answers.${q.id}`]);
      }
      // Optional: no answer is fine, and a blank one is no answer.
      const blank = await guestOrder(env(), {
        eventId: event.id,
        items: [{ ticketTypeId: tier, quantity: 1 }],
      });
      expect(blank.statusCode).toBe(201);
    }
  });
});
