import type { QuestionKind, QuestionRow, QuestionScope } from '../db/schema';

/** A question as the API shows it and checkout validation reads it (JSON columns parsed). */
export interface Question {
  id: string;
  eventId: string;
  label: string;
  kind: QuestionKind;
  scope: QuestionScope;
  required: boolean;
  options: string[] | null;
  /** The tiers the question applies to; null: every tier. */
  ticketTypeIds: string[] | null;
  helpText: string | null;
  showAtCheckin: boolean;
  position: number;
  /** Deleted with answers: buyers no longer see it (organizers only). */
  hidden: boolean;
}

export function toQuestion(row: QuestionRow): Question {
  return {
    id: row.id,
    eventId: row.event_id,
    label: row.label,
    kind: row.kind,
    scope: row.scope,
    required: row.required === 1,
    options: row.options ? (JSON.parse(row.options) as string[]) : null,
    ticketTypeIds: row.ticket_type_ids ? (JSON.parse(row.ticket_type_ids) as string[]) : null,
    helpText: row.help_text,
    showAtCheckin: row.show_at_checkin === 1,
    position: row.position,
    hidden: row.hidden_at !== null,
  };
}

/** Questions in the order buyers see them. */
export function byPosition(a: { position: number; id: string }, b: { position: number; id: string }): number {
  return a.position - b.position || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
