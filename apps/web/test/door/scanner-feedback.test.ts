import { ApiError, type Problem } from '@eventhub/client';
import { describe, expect, it } from 'vitest';
import { afterRead, type CodeInView } from '../../features/door/repeat-filter';
import {
  answerLines,
  isServerAnswer,
  offlineOutcome,
  refusedOutcome,
  validOutcome,
} from '../../features/door/scan-outcome';
import { formatDoorTime } from '../../lib/event-format';

const at = '2025-06-14T19:05:12.000Z';
const ticket = {
  id: 't1',
  eventId: 'e1',
  ticketTypeId: 'tt1',
  ticketTypeName: 'VIP',
  holderName: 'Alex Guest',
  answers: [],
};

function problem(status: number, code: Problem['code'], extra: Record<string, unknown> = {}): ApiError {
  return new ApiError({ type: 'about:blank', title: code, status, code, ...extra });
}

describe('afterRead', () => {
  it('passes a code once while it stays in view, and again after 3 s out of view', () => {
    let inView: CodeInView | null = null;
    const isNew = (code: string, now: number) => {
      inView = afterRead(inView, code, now, 3_000);
      return inView.reads === 1;
    };
    expect(isNew('A', 0)).toBe(true);
    expect(isNew('A', 500)).toBe(false);
    expect(isNew('A', 3_400)).toBe(false); // still read every few hundred ms: still the same scan
    expect(inView).toEqual({ code: 'A', since: 0, lastReadAt: 3_400, reads: 3 });
    expect(isNew('B', 3_500)).toBe(true); // another ticket at once
    expect(isNew('A', 3_600)).toBe(true);
    expect(isNew('A', 6_700)).toBe(true);
  });
});

describe('scan outcomes', () => {
  it('shows who was admitted', () => {
    expect(validOutcome({ result: 'valid', ticket, checkedInAt: at }, at)).toMatchObject({
      result: 'valid',
      ticketId: 't1',
      holderName: 'Alex Guest',
      ticketTypeName: 'VIP',
      offline: false,
    });
  });

  it('shows the answers the organizer wants seen at the door, formatted', () => {
    const answered = validOutcome(
      {
        result: 'valid',
        ticket: {
          ...ticket,
          answers: [
            { questionId: 'q1', label: 'Dietary needs', value: 'Vegan' },
            { questionId: 'q2', label: 'Photo consent', value: false },
            { questionId: 'q3', label: 'Workshops', value: ['Rust', 'Go'] },
          ],
        },
        checkedInAt: at,
      },
      at,
    );
    expect(answerLines(answered)).toEqual([
      { label: 'Dietary needs', text: 'Vegan' },
      { label: 'Photo consent', text: 'No' },
      { label: 'Workshops', text: 'Rust, Go' },
    ]);
    expect(answerLines(validOutcome({ result: 'valid', ticket, checkedInAt: at }, at))).toEqual([]);
    // Refusals and scans decided on the device carry none.
    expect(refusedOutcome(problem(409, 'void', { ticket }), at)?.answers).toEqual([]);
    expect(offlineOutcome({ result: 'valid', ticketId: 't1', checkedInAt: at }, at).answers).toEqual([]);
  });

  it("reads the refusal and the first check-in from the server's problem", () => {
    const used = refusedOutcome(problem(409, 'already_used', { checkedInAt: at, ticket }), at);
    expect(used).toMatchObject({
      result: 'already_used',
      ticketId: 't1',
      holderName: 'Alex Guest',
      checkedInAt: at,
    });
    expect(refusedOutcome(problem(409, 'void', { ticket }), at)?.result).toBe('void');
    expect(refusedOutcome(problem(409, 'wrong_event'), at)).toMatchObject({
      result: 'wrong_event',
      holderName: null,
    });
    expect(refusedOutcome(problem(400, 'invalid_code'), at)?.result).toBe('invalid_code');
  });

  it('treats answers that are not about the ticket as errors', () => {
    expect(refusedOutcome(problem(403, 'forbidden'), at)).toBeNull();
    expect(refusedOutcome(problem(400, 'validation_failed'), at)).toBeNull();
  });

  it('checks on the device only when the server gave no answer', () => {
    expect(isServerAnswer(problem(409, 'already_used'))).toBe(true);
    expect(isServerAnswer(problem(403, 'forbidden'))).toBe(true);
    expect(isServerAnswer(problem(503, 'http_error'))).toBe(false);
    expect(isServerAnswer(new TypeError('Failed to fetch'))).toBe(false);
  });
});

describe('formatDoorTime', () => {
  it("shows a check-in to the second in the event's time zone", () => {
    expect(formatDoorTime(at, 'Europe/Berlin')).toBe('9:05:12 PM CEST, Sat, Jun 14');
    expect(formatDoorTime(at, 'America/New_York')).toBe('3:05:12 PM EDT, Sat, Jun 14');
  });
});
