import type { Question, TicketType } from '@eventhub/client';
import { answerField, orderQuestions, seatQuestions } from './checkout-questions';
import type { PlacedRequest, Seat } from './ticket-selection';
import { BILLING_FIELDS, billingField, billingFieldOf } from '../invoices/billing-details';

/**
 * Where the API's field errors go in the ticket selector: each error path of the order placed
 * ("attendees.1.email") becomes the key of the field that shows it ("attendee:<seatKey>:email").
 */

/** Every field the selector shows an error next to, named as `selectorFieldOf` names them. */
export function selectorFields(
  tiers: readonly TicketType[],
  seats: readonly Seat[],
  questions: readonly Question[],
): string[] {
  return [
    ...BILLING_FIELDS.map(billingField),
    'promoCode',
    'buyer:name',
    'buyer:email',
    ...tiers.map((t) => `quantity:${t.id}`),
    ...seats.flatMap((s) => ['name', 'email', 'ageRange', 'country'].map((f) => `attendee:${s.key}:${f}`)),
    ...orderQuestions(
      questions,
      seats.map((s) => s.tier.id),
    ).map((q) => answerField('order', q.id)),
    ...seats.flatMap((s) => seatQuestions(questions, s.tier.id).map((q) => answerField(s.key, q.id))),
  ];
}

/**
 * Where one of the API's field errors belongs in the selector: "promoCode", "quantity:<tierId>",
 * "attendee:<seatKey>:<field>", "answer:<owner>|<questionId>", "billing:<field>" or a guest's
 * "buyer:name" / "buyer:email"; null when it names nothing the form shows.
 */
export function selectorFieldOf(field: string, request: Omit<PlacedRequest, 'body'>): string | null {
  const path = field.replace(/^(body)?[./]/, '').replace(/\//g, '.');
  if (path === 'promoCode') return 'promoCode';
  const buyer = /^buyer\.(name|email)$/.exec(path);
  if (buyer) return `buyer:${buyer[1]}`;
  if (path.startsWith('billing.')) return billingFieldOf(path);
  const item = /^items\.(\d+)\.(quantity|ticketTypeId)$/.exec(path);
  if (item) {
    const tier = request.itemTiers[Number(item[1])];
    return tier ? `quantity:${tier}` : null;
  }
  const orderAnswer = /^answers\.([^.]+)$/.exec(path);
  if (orderAnswer) return answerField('order', orderAnswer[1]!);
  const seatAnswer = /^attendees\.(\d+)\.answers\.([^.]+)$/.exec(path);
  if (seatAnswer) {
    const seat = request.attendeeSeats[Number(seatAnswer[1])];
    return seat ? answerField(seat, seatAnswer[2]!) : null;
  }
  const attendee = /^attendees\.(\d+)\.(name|email|ageRange|country)$/.exec(path);
  if (attendee) {
    const seat = request.attendeeSeats[Number(attendee[1])];
    return seat ? `attendee:${seat}:${attendee[2]}` : null;
  }
  return null;
}
