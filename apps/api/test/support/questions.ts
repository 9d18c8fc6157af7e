import { openDoor } from './door';
import type { SignedIn } from './factories';
import { bearer, json, type TestEnv } from './test-env';

export interface Question {
  id: string;
  label: string;
  kind: string;
  scope: string;
  required: boolean;
  options: string[] | null;
  hidden: boolean;
  showAtCheckin: boolean;
}
export interface Answer {
  questionId: string;
  label: string;
  seat: number | null;
  ticketId: string | null;
  value: unknown;
}
export interface Problem {
  code: string;
  errors?: { field: string; message: string }[];
}

export function addQuestion(env: TestEnv, who: SignedIn, eventId: string, body: Record<string, unknown>) {
  return env.app.inject({
    method: 'POST',
    url: `/api/events/${eventId}/questions`,
    headers: bearer(who.accessToken),
    payload: body,
  });
}

export async function addQuestionOk(
  env: TestEnv,
  who: SignedIn,
  eventId: string,
  body: Record<string, unknown>,
) {
  const res = await addQuestion(env, who, eventId, body);
  if (res.statusCode !== 201) throw new Error(`question failed: ${res.statusCode} ${res.body}`);
  return json<Question>(res);
}

export function questionsOf(env: TestEnv, eventId: string, who?: SignedIn) {
  return env.app.inject({
    method: 'GET',
    url: `/api/events/${eventId}/questions`,
    headers: who ? bearer(who.accessToken) : {},
  });
}

export const fieldsOf = (res: { body: string }) =>
  (JSON.parse(res.body) as Problem).errors!.map((e) => e.field);

/** A published event with the three questions of the journey. */
export async function eventWithQuestions(env: TestEnv, organizer: SignedIn) {
  const door = await openDoor(env, organizer);
  const [vip] = door.event.ticketTypes.filter((t) => t.name === 'VIP');
  const diet = await addQuestionOk(env, organizer, door.event.id, {
    label: 'Dietary needs',
    kind: 'choice',
    scope: 'attendee',
    required: true,
    options: ['None', 'Vegetarian', 'Vegan'],
    showAtCheckin: true,
  });
  const consent = await addQuestionOk(env, organizer, door.event.id, {
    label: 'I accept the code of conduct',
    kind: 'checkbox',
    scope: 'order',
    required: true,
  });
  const company = await addQuestionOk(env, organizer, door.event.id, {
    label: 'Company',
    kind: 'text',
    scope: 'order',
    helpText: 'Printed on your badge',
  });
  const lounge = await addQuestionOk(env, organizer, door.event.id, {
    label: 'Lounge arrival time',
    kind: 'text',
    scope: 'attendee',
    required: true,
    ticketTypeIds: [vip!.id],
  });
  return { door, diet, consent, company, lounge, vip: vip!, regular: door.event.ticketTypes[1]! };
}
