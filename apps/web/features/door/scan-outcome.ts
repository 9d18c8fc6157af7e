import {
  ApiError,
  type AnswerValue,
  type ApiErrorCode,
  type ScanResult,
  type ValidTicket,
} from '@eventhub/client';
import type { OfflineVerdict } from './offline-checkin';
import { formatAnswer } from '../../lib/answer-format';

/** An answer the organizer wants the door to see ("show at check-in" questions). */
export interface ScanAnswer {
  label: string;
  value: AnswerValue;
}

/** What the door scanner shows after a scan. */
export interface ScanOutcome {
  /** `unchecked`: neither the server nor this device could decide (no connection, no keys). */
  result: ScanResult | 'unchecked';
  ticketId: string | null;
  holderName: string | null;
  ticketTypeName: string | null;
  /** For `valid` this admission; for `already_used` the first one. */
  checkedInAt: string | null;
  /**
   * The ticket's answers to the "show at check-in" questions, as the server sent them with a valid
   * scan; none otherwise (a device deciding offline does not know them).
   */
  answers: readonly ScanAnswer[];
  /** Decided on this device without the server. */
  offline: boolean;
  /** When the scan happened, ISO 8601. */
  scannedAt: string;
}

/** The big word on the result panel. */
export const RESULT_LABELS: Record<ScanOutcome['result'], string> = {
  valid: 'VALID',
  already_used: 'ALREADY USED',
  void: 'VOID',
  wrong_event: 'WRONG EVENT',
  invalid_code: 'INVALID',
  unchecked: 'NOT CHECKED',
};

/** One line under it: what the door person should do. */
export const RESULT_ADVICE: Record<ScanOutcome['result'], string> = {
  valid: 'Let them in.',
  already_used: 'This ticket has already been checked in.',
  void: 'Refunded, cancelled or replaced by a new code. Do not admit.',
  wrong_event: 'This ticket is for another event.',
  invalid_code: 'Not a ticket code of this organizer. Do not admit.',
  unchecked: 'No connection and no offline keys for this event. Try again when online.',
};

export function isAdmitted(outcome: Pick<ScanOutcome, 'result'>): boolean {
  return outcome.result === 'valid';
}

export function validOutcome(answer: ValidTicket, scannedAt: string): ScanOutcome {
  return {
    result: 'valid',
    ticketId: answer.ticket.id,
    holderName: answer.ticket.holderName,
    ticketTypeName: answer.ticket.ticketTypeName,
    checkedInAt: answer.checkedInAt,
    answers: answer.ticket.answers.map(({ label, value }) => ({ label, value })),
    offline: false,
    scannedAt,
  };
}

/** The answers as the door reads them: "Dietary needs: Vegan", "Photo consent: No". */
export function answerLines(outcome: Pick<ScanOutcome, 'answers'>): { label: string; text: string }[] {
  return outcome.answers.map((a) => ({ label: a.label, text: formatAnswer(a.value) }));
}

const REFUSALS: Partial<Record<ApiErrorCode, ScanResult>> = {
  already_used: 'already_used',
  void: 'void',
  wrong_event: 'wrong_event',
  invalid_code: 'invalid_code',
};

function ticketField(problem: Record<string, unknown>, field: 'id' | 'holderName' | 'ticketTypeName') {
  const ticket = problem.ticket;
  if (typeof ticket !== 'object' || ticket === null) return null;
  const value = (ticket as Record<string, unknown>)[field];
  return typeof value === 'string' ? value : null;
}

/**
 * The server's refusal of a scan as an outcome, or null when the error is not an answer about
 * the ticket (signed out, not allowed at this event, no such event): that is shown as an error.
 */
export function refusedOutcome(error: ApiError, scannedAt: string): ScanOutcome | null {
  const result = REFUSALS[error.code];
  if (!result || (error.status !== 409 && error.status !== 400)) return null;
  const problem = error.problem;
  return {
    result,
    ticketId: ticketField(problem, 'id'),
    holderName: ticketField(problem, 'holderName'),
    ticketTypeName: ticketField(problem, 'ticketTypeName'),
    checkedInAt: typeof problem.checkedInAt === 'string' ? problem.checkedInAt : null,
    answers: [],
    offline: false,
    scannedAt,
  };
}

/**
 * Whether a failed request got a real answer from the API. Without one (no network, a timeout,
 * the server failing with a 5xx) the scanner decides on its own device instead.
 */
export function isServerAnswer(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status < 500;
}

export function offlineOutcome(verdict: OfflineVerdict, scannedAt: string): ScanOutcome {
  return {
    result: verdict.result,
    ticketId: verdict.ticketId,
    holderName: null,
    ticketTypeName: null,
    checkedInAt: verdict.checkedInAt,
    answers: [],
    offline: true,
    scannedAt,
  };
}

export function uncheckedOutcome(scannedAt: string): ScanOutcome {
  return {
    result: 'unchecked',
    ticketId: null,
    holderName: null,
    ticketTypeName: null,
    checkedInAt: null,
    answers: [],
    offline: true,
    scannedAt,
  };
}
